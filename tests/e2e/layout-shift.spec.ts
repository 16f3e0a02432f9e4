import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, type CDPSession, expect, type Page, test } from '@playwright/test';
import { FIRST_SCREEN_MARKER } from '../../src/integrations/render-hold';
import { sitePath } from './support';

/**
 * No layout shift: every page type loads with a cumulative layout shift of 0, five times in a row,
 * on a laptop and a phone. The first of the five loads arrives over a slow connection, so the page
 * is painted while its HTML is still streaming in (how a half-built sidebar once moved the table
 * of contents 740 px); the others come from the cache, as a reader going back and forth sees them.
 * A failure lists each shift with the elements that moved and their boxes before and after.
 */
const pages = [
  '/',
  '/errors/task-timed-out/', // the longest entry page
  '/errors/throttling-rate-exceeded/',
  '/errors/out-of-memory/',
  '/errors/',
  '/categories/timeouts/',
  '/guides/monitoring/',
  '/lookup/',
  '/insights/',
  '/playground/',
  '/playground/outbound-timeout/',
  '/tools/right-size/',
  '/alarms/',
  '/no-such-page/', // the 404 page
];
const loads = 5;
const laptop = { name: 'laptop', width: 1366, height: 900 };
const phone = { name: 'phone', width: 390, height: 844 };
const viewports = [laptop, phone];

/** Runs in every document before its own scripts: records each layout shift with what moved. */
function recordLayoutShifts() {
  interface ShiftSource {
    node?: Node | null;
    previousRect: DOMRectReadOnly;
    currentRect: DOMRectReadOnly;
  }
  interface LayoutShift extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources?: ShiftSource[];
  }
  const box = (rect: DOMRectReadOnly) => [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(',');
  const nameOf = (node: Node | null | undefined) => {
    if (!node) return '(removed node)';
    if (!(node instanceof Element)) return `text "${(node.textContent ?? '').trim().slice(0, 40)}"`;
    const classes = [...node.classList].filter((name) => !name.startsWith('astro-')).join('.');
    return `${node.localName}${node.id ? `#${node.id}` : ''}${classes ? `.${classes}` : ''}`;
  };
  const shifts: string[] = [];
  (window as unknown as { lfgShifts: string[] }).lfgShifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShift[]) {
      if (entry.hadRecentInput) continue;
      const moved = (entry.sources ?? []).map(
        (source) => `${nameOf(source.node)} [${box(source.previousRect)}] → [${box(source.currentRect)}]`,
      );
      shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The shifts recorded once the page has loaded and settled (two frames, then an idle moment). */
async function settledShifts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    return (window as unknown as { lfgShifts: string[] }).lfgShifts;
  });
}

for (const viewport of viewports) {
  test.describe(`layout shift at ${viewport.width} px (${viewport.name})`, () => {
    // One context and tab per worker: the loads reuse the browser cache and session storage.
    let context: BrowserContext;
    let page: Page;
    let network: CDPSession;

    // Five loads of the longest entry page, one over a slow connection, outlast the default 30 s on a busy machine.
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async ({ browser }) => {
      context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      await context.addInitScript(recordLayoutShifts);
      page = await context.newPage();
      network = await context.newCDPSession(page);
      await network.send('Network.enable');
    });

    test.afterAll(async () => {
      await context.close();
    });

    for (const path of pages) {
      test(`${path}: CLS 0 over ${loads} loads`, async () => {
        const found: string[] = [];
        for (let load = 1; load <= loads; load += 1) {
          const slow = load === 1;
          await network.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: slow ? 40 : 0,
            downloadThroughput: slow ? 400_000 : -1,
            uploadThroughput: -1,
          });
          await page.goto(sitePath(path), { waitUntil: 'load' });
          for (const shift of await settledShifts(page)) found.push(`load ${load}${slow ? ' (slow)' : ''}: ${shift}`);
        }
        expect(found, `layout shifts on ${path}`).toEqual([]);
      });
    }
  });
}

/**
 * The render hold (src/integrations/render-hold.ts) waits for the first screen, not for the whole
 * document: what is painted first must not move when the rest arrives, and a first paint held for
 * a long page's whole document waits for all of it to be parsed, styled and laid out.
 */
test.describe('the first paint waits for the first screen, not the whole page', () => {
  test('on every page, everything on the first screen comes before the mark the first paint waits for', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.goto(sitePath('/sitemap-0.xml'));
    const paths = await page.evaluate(() =>
      [...document.querySelectorAll('loc')].map((loc) => new URL(loc.textContent ?? '').pathname),
    );
    expect(paths.length).toBeGreaterThan(100);
    const problems: string[] = [];
    let marked = 0;
    for (const path of paths) {
      await page.setViewportSize(laptop);
      await page.goto(path, { waitUntil: 'load' });
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        const found = await page.evaluate(() => {
          const link = document.querySelector<HTMLLinkElement>('link[rel="expect"][blocking="render"]');
          if (!link) return { problem: 'no render hold' };
          const mark = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
          // Without its mark a page is held until it is parsed: safe, and for a short page no slower.
          if (!mark) return { problem: '' };
          const describe = (element: Element) =>
            `${element.localName}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/)[0]}` : ''}`;
          const late = [...document.body.querySelectorAll('*')].filter((element) => {
            if (element.contains(mark) || mark.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)
              return false;
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            return box.height > 0 && box.width > 0 && box.top < innerHeight && style.visibility !== 'hidden';
          });
          return {
            marked: true,
            problem:
              late.length > 0
                ? `shown on the first screen but after the mark: ${late.slice(0, 3).map(describe).join(', ')}`
                : '',
          };
        });
        if (found.marked && viewport === laptop) marked += 1;
        if (found.problem) problems.push(`${path} at ${viewport.width} px: ${found.problem}`);
      }
    }
    expect(problems).toEqual([]);
    // Every long page is marked: the entries alone are most of the site.
    expect(marked).toBeGreaterThan(paths.length / 2);
  });

  /**
   * Serves `path` from the preview server with its HTML cut in two after `cut`, the rest sent
   * `pauseMs` later (as a slow or chunked response arrives), and returns when Chromium first painted.
   */
  async function firstPaintWithHtmlCut(page: Page, path: string, cut: string, pauseMs: number): Promise<number> {
    const origin = test.info().project.use.baseURL ?? '';
    const html = await (await fetch(`${origin}${path}`)).text();
    const at = html.indexOf(cut) + cut.length;
    expect(at, `${cut} is in ${path}`).toBeGreaterThanOrEqual(cut.length);
    const server = createServer(async (request, response) => {
      if (request.url === path) {
        response.setHeader('content-type', 'text/html');
        response.write(html.slice(0, at));
        setTimeout(() => response.end(html.slice(at)), pauseMs);
        return;
      }
      const upstream = await fetch(`${origin}${request.url}`);
      response.setHeader('content-type', upstream.headers.get('content-type') ?? 'application/octet-stream');
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'load' });
      // The first paint may come a frame after the load event.
      return await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const paint = list.getEntriesByName('first-contentful-paint')[0];
              if (paint) resolve(paint.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(Number.POSITIVE_INFINITY), 5000);
          }),
      );
    } finally {
      server.close();
    }
  }

  test('a long entry page is painted once its first screen has arrived, before the rest', async ({ page }) => {
    const pauseMs = 3000;
    const paint = await firstPaintWithHtmlCut(page, sitePath('/errors/task-timed-out/'), FIRST_SCREEN_MARKER, pauseMs);
    expect(paint).toBeLessThan(pauseMs);
  });

  test('a table on the first screen is not painted until it has arrived whole', async ({ page }) => {
    const pauseMs = 1500;
    const paint = await firstPaintWithHtmlCut(page, sitePath('/playground/'), '</tr>', pauseMs);
    expect(paint).toBeGreaterThanOrEqual(pauseMs);
    expect(paint).toBeLessThan(Number.POSITIVE_INFINITY);
  });
});
