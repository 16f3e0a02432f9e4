import { describe, expect, it } from 'vitest';
import { emulate } from './index.ts';
import { DEFAULT_LOG_BUDGET, fitEvent, MAX_EVENT_BYTES, TRUNCATION_MARK, utf8Length } from './output.ts';

const userLines = (logs: string[]) => logs.filter((line) => /^\d{4}-\d\d-\d\dT[^\t]+\t[^\t]+\tINFO\t/.test(line));

describe('one log event', () => {
  it('keeps a line up to 256 KB whole and cuts a longer one at 256 KB of UTF-8, marked', () => {
    const fits = 'a'.repeat(MAX_EVENT_BYTES);
    expect(fitEvent(fits)).toEqual({ line: fits, bytes: MAX_EVENT_BYTES });
    // 'é' is two bytes: 200,000 of them are 400,000 bytes, over the event size.
    const long = 'é'.repeat(200_000);
    const { line, bytes } = fitEvent(long);
    expect(line.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(bytes).toBe(utf8Length(line));
    expect(bytes).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect(bytes).toBeGreaterThan(MAX_EVENT_BYTES - 8);
    expect(line).not.toContain('\uFFFD');
  });

  it('never lets a 100-million-character console line out of the Worker', async () => {
    const code = `export const handler = async () => { console.log('x'.repeat(100_000_000)); return 'done'; };`;
    // Building a 100 MB string takes real time on a loaded machine: a generous watchdog.
    const { logs, outcomes } = await emulate({ code, events: [{}], timeoutSeconds: 3, seed: 1, watchdogMs: 30_000 });
    expect(outcomes[0]?.kind).toBe('success');
    const [line] = userLines(logs);
    expect(line?.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(utf8Length(line ?? '')).toBeLessThanOrEqual(MAX_EVENT_BYTES);
  });
});

describe('the run allowance', () => {
  it('forwards at most the allowance of lines over all invocations and counts the rest', async () => {
    const code = `export const handler = async (e) => { for (let i = 0; i < e.n; i++) console.log('line', i); return e.n; };`;
    const budget = { lines: 5000, bytes: 10_000_000 };
    const { logs, outcomes, dropped } = await emulate({
      code,
      events: [{ n: 3000 }, { n: 3000 }],
      timeoutSeconds: 60,
      memoryMb: 1769,
      seed: 1,
      logBudget: budget,
    });
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['success', 'success']);
    expect(userLines(logs)).toHaveLength(5000);
    expect(dropped.lines).toBe(1000);
    // The platform's own lines still close every invocation.
    expect(logs.filter((line) => line.startsWith('REPORT'))).toHaveLength(2);
  });

  it('stops forwarding once the bytes run out', async () => {
    const code = `export const handler = async () => { for (let i = 0; i < 100; i++) console.log('y'.repeat(1000)); };`;
    const { logs, dropped } = await emulate({
      code,
      events: [{}],
      seed: 1,
      logBudget: { lines: 1000, bytes: 20_000 },
    });
    const shown = userLines(logs);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(20);
    expect(shown.length + dropped.lines).toBe(100);
  });

  it('ends a ten-million-line flood at the deadline: logging costs time, as in Lambda', async () => {
    const code = `export const handler = async () => { for (let i = 0; i < 10_000_000; i++) console.log('flood', i); return 'finished'; };`;
    const { logs, outcomes } = await emulate({ code, events: [{}], timeoutSeconds: 3, memoryMb: 128, seed: 1 });
    expect(outcomes[0]).toMatchObject({ kind: 'timeout', watchdog: false, durationMs: 3000 });
    expect(logs.join('\n')).toMatch(/Duration: 3000\.00 ms\t.*\tStatus: timeout$/m);
    expect(userLines(logs).length).toBeLessThanOrEqual(DEFAULT_LOG_BUDGET.lines);
    expect(logs.at(-1)).toMatch(/^REPORT /);
  });
});
