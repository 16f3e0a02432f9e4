// The query builder's run in a real browser: 100,000 pasted events, a filter and
// `stats … by bin(5m)`, through the page's own Run button. Figures, not pass/fail; called by
// bench/run.ts with the origin of a running preview of the production build.
import { chromium } from 'playwright-core';
import { generateSampleLogs, parseLambdaLogs } from '../src/insights/index.ts';
import { chromiumArgs } from '../tests/support/browser.ts';

const EVENTS = 100_000;
const RUNS = 5;
const QUERY = `filter @type = "REPORT"
| stats count(*) as invocations, avg(@duration) as avgMs, pct(@duration, 99) as p99Ms by bin(5m)`;

/** `aws logs tail` lines of the sample generator, one event each, cut to exactly `count` events. */
function sampleEvents(count: number): string {
  // About 4.2 events per invocation; generate a margin and cut.
  const lines = generateSampleLogs(1, Math.ceil(count / 4)).split('\n');
  if (lines.length < count) throw new Error(`the generator gave ${lines.length} lines, fewer than ${count}`);
  const text = lines.slice(0, count).join('\n');
  const parsed = parseLambdaLogs(text).length;
  if (parsed !== count) throw new Error(`expected ${count} events, parsed ${parsed}`);
  return text;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
};
/** performance.now() is coarsened in the page; a tenth of a millisecond is all it can tell. */
const round = (ms: number): number => Math.round(ms * 10) / 10;

/** What the page records after each run (builder.ts): worker-side reading and query, the round trip, rendering. */
interface Timings {
  readLogsMs: number;
  runQueryMs: number;
  roundTripMs: number;
  renderMs: number;
}

/**
 * Opens `/insights/`, pastes 100,000 events, and clicks Run `RUNS` times. The first run also reads
 * the paste in the worker (later runs reuse the parsed events, as the worker does while the paste
 * is unchanged), so the round-trip median leaves it out.
 */
export async function measureInsightsInBrowser(
  origin: string,
  executablePath: string,
): Promise<Record<string, number>> {
  const logs = sampleEvents(EVENTS);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/insights/`);
    await page.locator('lfg-insights:defined').waitFor({ state: 'attached' });
    await page.evaluate(
      ([text, query]) => {
        const set = (selector: string, value: string) => {
          const box = document.querySelector<HTMLTextAreaElement>(selector);
          if (!box) throw new Error(`no ${selector} on the page`);
          box.value = value;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        };
        set('[data-iq-logs]', text);
        set('[data-iq-query]', query);
      },
      [logs, QUERY] as const,
    );
    const runs: Timings[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(() => document.querySelector('lfg-insights')?.removeAttribute('data-timings'));
      await page.getByRole('button', { name: 'Run query' }).click();
      const timings = await page.waitForFunction(() =>
        document.querySelector('lfg-insights')?.getAttribute('data-timings'),
      );
      runs.push(JSON.parse((await timings.jsonValue()) ?? '{}') as Timings);
    }
    const status = await page.locator('[data-iq-run-status]').textContent();
    if (!status?.includes(`${EVENTS.toLocaleString('en-US')} log events`)) {
      throw new Error(`the page did not run on ${EVENTS} events: ${status}`);
    }
    const [first] = runs;
    return {
      'insights page: read 100k pasted events (ms)': round(first?.readLogsMs ?? Number.NaN),
      [`insights page: runQuery filter + stats by bin(5m), 100k events (ms, median of ${RUNS})`]: median(
        runs.map((run) => run.runQueryMs),
      ),
      [`insights page: Run click to results, worker round trip (ms, median of ${RUNS - 1} warm runs)`]: median(
        runs.slice(1).map((run) => run.roundTripMs),
      ),
      [`insights page: render table and chart (ms, median of ${RUNS})`]: median(runs.map((run) => run.renderMs)),
    };
  } finally {
    await browser.close();
  }
}
