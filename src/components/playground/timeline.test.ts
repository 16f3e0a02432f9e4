import { describe, expect, it } from 'vitest';
import type { EmulationResult } from '../../../playground/runtime/index.ts';
import { aggregateLogMarks, buildTimeline, formatMs, MAX_LOG_MARKS } from './timeline';

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
  destinations: [],
  dropped: { lines: 0, bytes: 0 },
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
    expect(rows[0]?.logMarks).toEqual([
      { atMs: 400, count: 1 },
      { atMs: 3300, count: 1 },
    ]);
    expect(rows[1]?.logMarks).toEqual([{ atMs: 5000, count: 1 }]);
    expect(rows.map((row) => row.logCount)).toEqual([2, 1]);
  });

  it('reads the timestamps of application lines in the JSON log format too', () => {
    const json = {
      ...result,
      logs: [
        `{"timestamp":"${iso(400)}","level":"INFO","requestId":"a","message":"retrying"}`,
        `{"time":"${iso(3300)}","type":"platform.report","record":{"requestId":"a"}}`,
        `{"timestamp":"${iso(5000)}","level":"INFO","requestId":"b","message":"done"}`,
      ],
    };
    const { rows } = buildTimeline(json, 3);
    expect(rows.map((row) => row.logMarks.map((mark) => mark.atMs))).toEqual([[400], [5000]]);
  });

  it('draws a flood of lines as at most MAX_LOG_MARKS marks that add up to every line', () => {
    const offsets = Array.from({ length: 5000 }, (_, index) => index * 0.6);
    const marks = aggregateLogMarks(offsets, 0, 3000);
    expect(marks.length).toBeLessThanOrEqual(MAX_LOG_MARKS);
    expect(marks.length).toBeGreaterThan(MAX_LOG_MARKS / 2);
    expect(marks.reduce((sum, mark) => sum + mark.count, 0)).toBe(5000);
    expect(marks[0]).toEqual({ atMs: 0, count: marks[0]?.count });
    // Lines bunched in one moment make one mark.
    expect(aggregateLogMarks([10, 10, 10, 10], 0, 3000)).toEqual([{ atMs: 10, count: 4 }]);
  });

  it('describes each row in words', () => {
    const { rows } = buildTimeline(result, 3);
    expect(rows[0]?.text).toBe(
      'Invocation 1 (cold start) at 0 ms, init 300 ms, ran 3.00 s of its 3.00 s timeout, logged 2 lines, timed out.',
    );
    expect(rows[1]?.text).toContain('after waiting 1.00 s');
    expect(rows[1]?.text).toMatch(/succeeded\.$/);
  });

  it('formats milliseconds and seconds', () => {
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(1500)).toBe('1.50 s');
  });
});
