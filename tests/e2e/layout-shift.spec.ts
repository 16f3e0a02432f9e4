import { type BrowserContext, type CDPSession, expect, type Page, test } from '@playwright/test';
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
const viewports = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

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
