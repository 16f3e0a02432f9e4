import { describe, expect, it } from 'vitest';
import type { EmulationResult } from '../../../playground/runtime/index.ts';
import { buildTimeline, formatMs } from './timeline';

const t0 = Date.UTC(2025, 5, 2, 9, 30, 0);
const iso = (ms: number) => new Date(t0 + ms).toISOString();

const result: EmulationResult = {
  logs: [
    'START RequestId: a Version: $LATEST',
    `${iso(400)}\ta\tINFO\tretrying`,
    `${iso(3300)}\ta\tTask timed out after 3.00 seconds`,
    'END RequestId: a',
    `${iso(5000)}\tb\tINFO\tdone`,
  ],
  outcomes: [
    {
      kind: 'timeout',
      timeoutSeconds: 3,
      watchdog: false,
      requestId: 'a',
      startEpochMs: t0,
      coldStart: true,
      initDurationMs: 300,
      durationMs: 3000,
      billedDurationMs: 3000,
      maxMemoryUsedMb: 64,
    },
    {
      kind: 'success',
      result: null,
      requestId: 'b',
      startEpochMs: t0 + 4300,
      coldStart: true,
      initDurationMs: 500,
      durationMs: 200,
      billedDurationMs: 200,
      maxMemoryUsedMb: 64,
    },
  ],
  deadLetters: [],
};

describe('buildTimeline', () => {
  it('places init, duration, deadline and waits on the run clock', () => {
    const { rows, totalMs } = buildTimeline(result, 3);
    expect(
      rows.map(({ startMs, initMs, durationMs, deadlineMs, waitMs }) => [
        startMs,
        initMs,
        durationMs,
        deadlineMs,
        waitMs,
      ]),
    ).toEqual([
      [0, 300, 3000, 3300, 0],
      [4300, 500, 200, 7800, 1000],
    ]);
    expect(totalMs).toBe(5000);
  });

  it('assigns each logged line to the invocation it happened in', () => {
    const { rows } = buildTimeline(result, 3);
    expect(rows[0]?.logMs).toEqual([400, 3300]);
    expect(rows[1]?.logMs).toEqual([5000]);
  });

  it('describes each row in words', () => {
    const { rows } = buildTimeline(result, 3);
    expect(rows[0]?.text).toBe(
      'Invocation 1 (cold start) at 0 ms, init 300 ms, ran 3.00 s of its 3.00 s timeout, timed out.',
    );
    expect(rows[1]?.text).toContain('after waiting 1.00 s');
    expect(rows[1]?.text).toMatch(/succeeded\.$/);
  });

  it('formats milliseconds and seconds', () => {
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(1500)).toBe('1.50 s');
  });
});
