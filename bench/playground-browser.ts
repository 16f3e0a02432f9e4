// Playground figures in Chromium, against a served production build: what a playground page loads
// before any interaction (JavaScript bytes, and whether any Monaco code is among them), the time
// from a Run click to the first output line, from an Edit click to a ready editor, and from the
// first Run click on a share link's code to its first output line and to its type diagnostics.
// Times are taken inside the page (click event to DOM change), so the harness's own latency is not
// counted.
import { gzipSync } from 'node:zlib';
import lzString from 'lz-string';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../tests/support/browser.ts';

const PAGE = '/playground/outbound-timeout/';
const MONACO = /monaco|editor\.api|editor\.worker|ts\.worker|tsMode/;

/** Milliseconds from a click on `button` to the first change `ready` reports, measured in the page. */
async function timeClick(page: Page, button: string, ready: 'output' | 'editor' | 'diagnostics'): Promise<number> {
  await page.evaluate(
    ({ button, ready }) => {
      const root = document.querySelector('lfg-playground');
      const target = root?.querySelector<HTMLButtonElement>(`[data-action="${button}"]`);
      const output = root?.querySelector('.lfg-pg-output');
      if (!root || !target || !output) throw new Error('no playground on the page');
      const state = window as unknown as { pgClick?: number; pgDone?: Promise<number> };
      state.pgDone = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const done =
            ready === 'output'
              ? /START|\d{4}-\d\d-\d\dT/.test(output.textContent ?? '')
              : ready === 'diagnostics'
                ? root.getAttribute('data-diagnostics') === 'checked'
                : root.getAttribute('data-editor') === 'ready';
          if (!done) return;
          observer.disconnect();
          resolve(performance.now() - (state.pgClick ?? 0));
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      target.addEventListener('click', () => (state.pgClick = performance.now()), { capture: true, once: true });
    },
    { button, ready },
  );
  await page.click(`lfg-playground [data-action="${button}"]`);
  return page.evaluate(() => (window as unknown as { pgDone: Promise<number> }).pgDone);
}

async function waitForRunEnd(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('lfg-playground')?.getAttribute('data-state') === 'done');
}

/** A `#code/` link to PAGE holding its example's before.ts with one line added: shared code, not the example. */
async function sharedLinkFor(browser: import('playwright-core').Browser, origin: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(`${origin}${PAGE}`, { waitUntil: 'domcontentloaded' });
  const code = await page.evaluate(() => {
    const data = JSON.parse(document.querySelector('lfg-playground .lfg-pg-data')?.textContent ?? '{}');
    return String(data.sides.before.typescript);
  });
  await page.close();
  return `${origin}${PAGE}#code/${lzString.compressToEncodedURIComponent(`// Shared from a colleague.\n${code}`)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function measurePlayground(origin: string, executablePath: string): Promise<Record<string, number>> {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const figures: Record<string, number> = {};

    // 1. Weight before interaction: every script the page loads by the load event, then after idle
    //    (the pre-warmed emulator Worker is fetched then).
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: { url: string; bytes: number; gzip: number; atLoad: boolean }[] = [];
    let loaded = false;
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && !response.url().endsWith('.js')) return;
      const atLoad = !loaded;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.push({ url: response.url(), bytes: body.length, gzip: gzipSync(body).length, atLoad });
    });
    await page.goto(`${origin}${PAGE}`, { waitUntil: 'load' });
    loaded = true;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const sum = (list: typeof scripts, key: 'bytes' | 'gzip') => list.reduce((total, script) => total + script[key], 0);
    const atLoad = scripts.filter((script) => script.atLoad);
    figures.jsBytesAtLoad = sum(atLoad, 'bytes');
    figures.jsGzipBytesAtLoad = sum(atLoad, 'gzip');
    figures.jsBytesAfterIdle = sum(scripts, 'bytes');
    figures.jsGzipBytesAfterIdle = sum(scripts, 'gzip');
    figures.monacoRequestsBeforeInteraction = scripts.filter((script) => MONACO.test(script.url)).length;

    // 2. Run click to first output line: the first run on the pre-warmed Worker, then five more.
    figures.firstRunToFirstOutputMs = await timeClick(page, 'run', 'output');
    await waitForRunEnd(page);
    const runs: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      runs.push(await timeClick(page, 'run', 'output'));
      await waitForRunEnd(page);
    }
    figures.runToFirstOutputMedianMs = median(runs);

    // 3. Edit click to a ready editor (Monaco, its TypeScript worker and the declarations).
    figures.editClickToEditorReadyMs = await timeClick(page, 'edit', 'editor');
    await context.close();

    // 4. A Run clicked as soon as the page has loaded, before any idle pre-warm: the worst case.
    const coldContext = await browser.newContext();
    const coldPage = await coldContext.newPage();
    await coldPage.goto(`${origin}${PAGE}`, { waitUntil: 'domcontentloaded' });
    await coldPage.waitForSelector('lfg-playground:defined');
    figures.runWithoutPrewarmToFirstOutputMs = await timeClick(coldPage, 'run', 'output');
    await coldContext.close();

    // 5. The first Run of a share link's code (code that differs from the example, so the page has
    //    no build-time JavaScript for it), clicked after the page is idle, as a reader who reads the
    //    code first would. Then, on another fresh page, the time from that click until the type
    //    check's diagnostics are on the page (they do not hold the run up).
    const shared = await sharedLinkFor(browser, origin);
    const shareContext = await browser.newContext();
    const sharePage = await shareContext.newPage();
    await sharePage.goto(shared, { waitUntil: 'load' });
    await sharePage.waitForLoadState('networkidle');
    await sharePage.waitForTimeout(500);
    figures.sharedLinkFirstRunToFirstOutputMs = await timeClick(sharePage, 'run', 'output');
    await shareContext.close();
    const checkContext = await browser.newContext();
    const checkPage = await checkContext.newPage();
    await checkPage.goto(shared, { waitUntil: 'load' });
    await checkPage.waitForLoadState('networkidle');
    await checkPage.waitForTimeout(500);
    figures.sharedLinkFirstRunToTypeDiagnosticsMs = await timeClick(checkPage, 'run', 'diagnostics');
    await checkContext.close();

    for (const [name, value] of Object.entries(figures)) figures[name] = Math.round(value);
    return figures;
  } finally {
    await browser.close();
  }
}
