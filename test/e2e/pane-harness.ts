/** The local stack with the add-in server, and the steps every pane test takes in the preview. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { buildPreviewSamples } from '../../local/office-preview/preview-samples';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { apiClient } from '../support/api-client';

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
