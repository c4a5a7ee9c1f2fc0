/** The local stack with the add-in server, and the steps every pane test takes in the preview. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { buildPreviewSamples } from '../../local/office-preview/preview-samples';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { apiClient } from '../support/api-client';
import { launchChromium, newContext } from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
export const ADDIN_DIST = path.join(ROOT, 'dist', 'addin');
export const PREVIEW_DIST = path.join(ROOT, 'dist', 'preview');

export async function startPaneStack(): Promise<LocalStack & { addinUrl: string }> {
  if (!existsSync(path.join(ADDIN_DIST, 'outlook', 'taskpane.html')) || !existsSync(path.join(PREVIEW_DIST, 'outlook.html'))) {
    throw new Error('The add-ins are not built: run "npm run build:addin" first (npm test does).');
  }
  const stack = await startLocalStack({ seed: true, addins: { distDir: ADDIN_DIST, previewDir: PREVIEW_DIST } });
  if (!stack.addinUrl) throw new Error('The add-in server did not start.');
  return { ...stack, addinUrl: stack.addinUrl };
}

export const samples = buildPreviewSamples();

export function sample(id: string) {
  const found = samples.items.find((item) => item.id === id);
  if (!found) throw new Error(`The preview has no sample item ${id}.`);
  return found;
}

export function previewUrl(stack: { addinUrl: string }, item: string, options: { theme?: 'light' | 'dark'; lang?: string } = {}): string {
  const query = new URLSearchParams({ item, theme: options.theme ?? 'light', lang: options.lang ?? 'en-US' });
  return `${stack.addinUrl}/preview/outlook.html?${query.toString()}`;
}

export function pane(page: Page): FrameLocator {
  return page.frameLocator('#addin-pane');
}

/** Signs in from the pane: the Office dialog (a popup in the preview) shows the identity stand-in's page. */
export async function signIn(page: Page, context: BrowserContext, username: string): Promise<void> {
  const signInButton = pane(page).getByTestId('sign-in');
  await signInButton.waitFor({ timeout: 30000 });
  const [popup] = await Promise.all([context.waitForEvent('page'), signInButton.click()]);
  await popup.locator(`button[name="username"][value="${username}"]`).click();
  await popup.waitForEvent('close', { timeout: 30000 });
}

/** Selects an item in the preview's message list, as a user clicking in Outlook. */
export async function select(page: Page, itemId: string): Promise<void> {
  await page.getByTestId(`item-${itemId}`).click();
}

export function api(stack: LocalStack) {
  const call = apiClient(stack.apiUrl);
  return async <T = Record<string, unknown>>(username: string, method: string, route: string, body?: unknown, headers?: Record<string, string>) =>
    call<T>(method, route, { token: await stack.tokenFor(username), ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
}

/**
 * The hooks every browser suite needs: one local stack and one Chromium per file, and a browser
 * context per test (`perTest`, the default) or one for the whole file, signed in if asked.
 */
export class PaneSuite {
  private started: { stack: LocalStack & { addinUrl: string }; browser: Browser } | null = null;
  private current: { context: BrowserContext; page: Page } | null = null;

  constructor(options: { contextPer?: 'test' | 'file'; signedInAs?: string } = {}) {
    const openContext = async () => {
      const context = await newContext(this.browser);
      this.current = { context, page: await context.newPage() };
    };
    beforeAll(async () => {
      const [stack, browser] = await Promise.all([startPaneStack(), launchChromium()]);
      this.started = { stack, browser };
      if (options.contextPer !== 'file') return;
      await openContext();
      if (options.signedInAs) {
        await this.page.goto(previewUrl(stack, 'msg-known'));
        await signIn(this.page, this.context, options.signedInAs);
        await pane(this.page).getByTestId('contact-card').first().waitFor({ timeout: 30000 });
      }
    });
    afterAll(async () => {
      await this.started?.browser.close();
      await this.started?.stack.close();
    });
    if (options.contextPer !== 'file') {
      beforeEach(openContext);
      afterEach(async () => {
        await this.current?.context.close();
        this.current = null;
      });
    }
  }

  private need<T>(value: T | null | undefined, what: string): T {
    if (value === null || value === undefined) throw new Error(`The browser suite has no ${what} yet (used outside a test?)`);
    return value;
  }

  get stack(): LocalStack & { addinUrl: string } {
    return this.need(this.started, 'stack').stack;
  }
  get browser(): Browser {
    return this.need(this.started, 'browser').browser;
  }
  get context(): BrowserContext {
    return this.need(this.current, 'browser context').context;
  }
  get page(): Page {
    return this.need(this.current, 'page').page;
  }
}
