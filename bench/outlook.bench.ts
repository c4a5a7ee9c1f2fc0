/**
 * The Outlook pane's two figures: its initial JavaScript (raw and gzipped; target <= 200 KB gz)
 * and the median time from navigation to the sender's contact card in headless Chromium against
 * the local stack (target <= 1.5 s), with an empty HTTP cache and with a warm one. Also keeps
 * screenshots of the pane in the light and dark themes.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureAddinBuild, ADDIN_DIST } from '../local/addin-build';
import { launchChromium, newContext } from '../test/e2e/browser';
import { pane, previewUrl, signIn, startPaneStack } from '../test/e2e/pane-harness';
import { percentiles } from './stats';

const RUNS = 10;
const SCREENSHOTS = path.resolve(__dirname, '..', 'test-results', 'bench');

/** The scripts taskpane.html loads before the pane can render (not Office.js, which Office provides). */
async function initialJavaScript(): Promise<{ files: string[]; rawKB: number; gzipKB: number }> {
  const html = await readFile(path.join(ADDIN_DIST, 'outlook', 'taskpane.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1] ?? '').filter((src) => src.startsWith('/'));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(path.join(ADDIN_DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { files, rawKB: kb(raw), gzipKB: kb(gzip) };
}

export async function benchOutlook(): Promise<unknown> {
  await ensureAddinBuild((message) => console.error(message));
  const bundle = await initialJavaScript();
  const stack = await startPaneStack();
  const browser = await launchChromium();
  try {
    const context = await newContext(browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(previewUrl(stack, 'msg-known'));
    await signIn(page, context, 'rep1');
    await pane(page).getByTestId('contact-card').first().waitFor({ timeout: 30000 });

    const timeToCard = async (emptyCache: boolean): Promise<number> => {
      if (emptyCache) await cdp.send('Network.clearBrowserCache');
      const started = performance.now();
      await page.goto(previewUrl(stack, 'msg-known'));
      await pane(page).getByTestId('contact-card').first().waitFor({ timeout: 30000 });
      return performance.now() - started;
    };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      cold.push(await timeToCard(true));
      warm.push(await timeToCard(false));
    }

    await mkdir(SCREENSHOTS, { recursive: true });
    const shots: Record<string, string> = {};
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(previewUrl(stack, 'msg-known', { theme }));
      await pane(page).getByTestId('contact-card').first().waitFor({ timeout: 30000 });
      await page.waitForTimeout(300);
      const file = path.join(SCREENSHOTS, `outlook-pane-${theme}.png`);
      await page.screenshot({ path: file });
      shots[theme] = file;
    }
    await context.close();
    const ms = (values: number[]) => {
      const s = percentiles(values);
      return { median: Math.round(s.p50), p95: Math.round(s.p95), runs: s.n };
    };
    return {
      initialJavaScript: { ...bundle, targetGzipKB: 200 },
      navigationToContactCardMs: { emptyCache: ms(cold), warmCache: ms(warm), targetMedianMs: 1500 },
      screenshots: shots,
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}
