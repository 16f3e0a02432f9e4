import { describe, expect, it } from 'vitest';
import { indexEntry } from '../../tests/unit/support/lookup';
import { diagnose, parsePlatformReport, parseReportLine, percentile } from './index';
import type { ErrorIndex } from './schema';

/** A small index with the entries the signals point to, so these tests do not depend on the catalogue. */
const entry = (id: string, patterns: string[] = [`${id}-never-matches-anything`], errorTypes: string[] = []) =>
  indexEntry(id, patterns, errorTypes);

const index: ErrorIndex = {
  version: 1,
  entries: [
    entry('out-of-memory', ['Runtime exited with error: signal: killed'], ['Runtime.OutOfMemory']),
    entry('task-timed-out', ['Task timed out after (?<seconds>\\d+(?:\\.\\d+)?) seconds'], ['Sandbox.Timedout']),
    entry('slow-cold-starts'),
    entry('high-lambda-cost'),
  ],
};

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A text-format REPORT line as Lambda prints it (tab-separated). */
function report(n: number, duration: number, memory: number, used: number, init?: number, status?: string): string {
  return [
    `REPORT RequestId: ${uuid(n)}`,
    `Duration: ${duration.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(duration)} ms`,
    `Memory Size: ${memory} MB`,
    `Max Memory Used: ${used} MB`,
    ...(init === undefined ? [] : [`Init Duration: ${init.toFixed(2)} ms`]),
    ...(status ? [`Status: ${status}`] : []),
    '',
  ].join('\t');
}

describe('parseReportLine', () => {
  it('reads every figure of a cold start', () => {
    expect(parseReportLine(report(1, 15.74, 128, 56, 130.49))).toEqual({
      requestId: uuid(1),
      durationMs: 15.74,
      billedDurationMs: 16,
      memorySizeMB: 128,
      maxMemoryUsedMB: 56,
      initDurationMs: 130.49,
    });
  });

  it('reads the newer trailers: status and error type', () => {
    const line = `${report(2, 3000.12, 256, 256, undefined, 'error')}Error Type: Runtime.OutOfMemory`;
    expect(parseReportLine(line)).toMatchObject({ status: 'error', errorType: 'Runtime.OutOfMemory' });
  });

  it('reads SnapStart restore durations without mistaking them for the duration', () => {
    const line =
      'REPORT RequestId: 8c360c87-d4b7-4423-b5f3-af02be3c1763\tDuration: 2338.66 ms\tBilled Duration: 2521 ms\tMemory Size: 3009 MB\tMax Memory Used: 173 MB\tRestore Duration: 398.97 ms\tBilled Restore Duration: 182 ms\t';
    expect(parseReportLine(line)).toMatchObject({ durationMs: 2338.66, restoreDurationMs: 398.97 });
  });

  it('tolerates the space-separated and 2019 variants, and refuses what is not a REPORT line', () => {
    expect(
      parseReportLine(
        'REPORT RequestId: abc Duration: 26.73 ms Billed Duration: 100 ms  Memory Size: 128 MB Max Memory Used: 75 MB',
      ),
    ).toMatchObject({ durationMs: 26.73, billedDurationMs: 100, memorySizeMB: 128, maxMemoryUsedMB: 75 });
    expect(parseReportLine('START RequestId: abc Version: $LATEST')).toBeUndefined();
    expect(parseReportLine('REPORT RequestId: abc Duration: 1 ms')).toBeUndefined();
  });
});

describe('parsePlatformReport', () => {
  it('reads a JSON platform.report event', () => {
    const event = {
      time: '2022-10-12T00:01:15.000Z',
      type: 'platform.report',
      record: {
        requestId: uuid(3),
        metrics: {
          billedDurationMs: 694,
          durationMs: 693.92,
          initDurationMs: 397.68,
          maxMemoryUsedMB: 84,
          memorySizeMB: 128,
        },
        status: 'success',
      },
    };
    expect(parsePlatformReport(event)).toEqual({
      requestId: uuid(3),
      durationMs: 693.92,
      billedDurationMs: 694,
      memorySizeMB: 128,
      maxMemoryUsedMB: 84,
      initDurationMs: 397.68,
      status: 'success',
    });
    expect(parsePlatformReport({ type: 'platform.start', record: {} })).toBeUndefined();
    expect(
      parsePlatformReport({ type: 'platform.report', record: { metrics: { durationMs: 'fast' } } }),
    ).toBeUndefined();
  });
});

describe('percentile (nearest rank)', () => {
  it('returns an observed value at the rank ceil(p/100 · n)', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(values, 50)).toBe(100);
    expect(percentile(values, 95)).toBe(190);
    expect(percentile(values, 100)).toBe(200);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('REPORT analysis in a diagnosis', () => {
  it('summarises p50, p95, max duration, max memory and the cold-start share', () => {
    // 20 invocations with durations 10, 20, … 200 ms; the first 5 are cold starts of over a second.
    const lines = Array.from({ length: 20 }, (_, i) =>
      report(i, (i + 1) * 10, 1024, 500 + i, i < 5 ? 1300 + i : undefined),
    );
    const { report: analysis, matches } = diagnose(lines.reverse().join('\n'), index);
    expect(analysis).toMatchObject({
      invocations: 20,
      coldStarts: 5,
      coldStartShare: 0.25,
      durationMs: { p50: 100, p95: 190, max: 200 },
      initDurationMs: { p50: 1302, max: 1304 },
      memorySizeMB: 1024,
      maxMemoryUsedMB: 519,
    });
    const coldStart = analysis?.signals.find((signal) => signal.kind === 'cold-start');
    expect(coldStart).toMatchObject({ count: 5, values: { coldStartShare: '25%' }, entry: { id: 'slow-cold-starts' } });
    expect(matches[0]?.id).toBe('slow-cold-starts');
    // 519 of 1024 MB is over half: not over-provisioned.
    expect(analysis?.signals.map((signal) => signal.kind)).not.toContain('over-provisioned');
  });

  it('names out of memory when Max Memory Used reaches Memory Size, and ranks it first', () => {
    const text = [report(1, 120, 512, 200), report(2, 18887.18, 256, 257), report(3, 90, 512, 300)].join('\n');
    const { report: analysis, matches } = diagnose(text, index);
    const signal = analysis?.signals.find((found) => found.kind === 'out-of-memory');
    expect(signal).toMatchObject({ count: 1, values: { memorySizeMB: '256', maxMemoryUsedMB: '257' } });
    expect(signal?.evidence[0]).toContain('Max Memory Used: 257 MB');
    expect(matches[0]?.id).toBe('out-of-memory');
    expect(matches[0]?.url).toBe('https://guide.example/errors/out-of-memory/');
  });

  it('names a timeout from a Status: timeout trailer', () => {
    const { report: analysis, matches } = diagnose(report(4, 3000.1, 128, 60, undefined, 'timeout'), index);
    expect(analysis?.statuses).toEqual({ timeout: 1 });
    expect(analysis?.signals.find((signal) => signal.kind === 'timeout')).toMatchObject({ count: 1 });
    expect(matches[0]?.id).toBe('task-timed-out');
  });

  it('names a timeout from a duration at the "Task timed out" value, for that request', () => {
    const text = [
      `2020-11-10T05:46:57.874Z ${uuid(5)} Task timed out after 3.07 seconds`,
      report(5, 3071.27, 128, 21),
      report(6, 250, 128, 21),
    ].join('\n');
    const { report: analysis, matches } = diagnose(text, index);
    const timeout = analysis?.signals.find((signal) => signal.kind === 'timeout');
    expect(timeout).toMatchObject({ count: 1, values: { timeoutSeconds: '3', durationMs: '3071.27' } });
    expect(matches[0]).toMatchObject({ id: 'task-timed-out', values: { seconds: '3.07' } });
    expect(matches[0]?.requestIds).toEqual([uuid(5)]);
  });

  it('names over-provisioned memory when the peak stays under 30% of Memory Size across the paste', () => {
    const text = [report(1, 50, 1024, 100), report(2, 60, 1024, 300), report(3, 70, 1024, 200)].join('\n');
    const { report: analysis, matches } = diagnose(text, index);
    expect(analysis?.maxMemoryUsedShare).toBeCloseTo(300 / 1024);
    expect(analysis?.signals.map((signal) => signal.kind)).toEqual(['over-provisioned']);
    expect(matches[0]?.id).toBe('high-lambda-cost');
    // One more invocation at 40% and it is no longer over-provisioned.
    const busier = diagnose(`${text}\n${report(4, 80, 1024, 410)}`, index);
    expect(busier.report?.signals.map((signal) => signal.kind)).toEqual([]);
  });

  it('reads JSON platform.report lines just like text ones', () => {
    const event = (n: number, duration: number, init?: number) =>
      JSON.stringify({
        time: '2024-01-01T00:00:00.000Z',
        type: 'platform.report',
        record: {
          requestId: uuid(n),
          metrics: {
            durationMs: duration,
            billedDurationMs: Math.ceil(duration),
            memorySizeMB: 128,
            maxMemoryUsedMB: 128,
            ...(init ? { initDurationMs: init } : {}),
          },
          status: 'success',
        },
      });
    const { report: analysis } = diagnose([event(1, 10, 200), event(2, 30), event(3, 20)].join('\n'), index);
    expect(analysis).toMatchObject({
      invocations: 3,
      coldStarts: 1,
      durationMs: { p50: 20, max: 30 },
      statuses: { success: 3 },
    });
    // Every invocation used all its memory: that outranks the cold start the same REPORT line shows.
    expect(analysis?.signals.map((signal) => signal.kind).sort()).toEqual(['out-of-memory']);
  });

  it('calls cold starts under a second and memory at the 128 MB minimum healthy, and says so', () => {
    const lines = [report(1, 12.34, 128, 18, 265.01), report(2, 8, 128, 19), report(3, 9, 128, 19)];
    const diagnosis = diagnose(lines.join('\n'), index);
    expect(diagnosis.report?.signals).toEqual([]);
    expect(diagnosis.matches).toEqual([]);
    expect(diagnosis.healthy).toBe(true);
    expect(diagnosis.notes[0]).toMatch(
      /none reports a problem: 3 invocations.*1 cold start with Init Duration up to 265 ms/,
    );
    // The same cold start at 1.2 s is slow: the signal fires, as a candidate rather than a certainty.
    const slow = diagnose([report(1, 12.34, 128, 18, 1200), ...lines.slice(1)].join('\n'), index);
    expect(slow.report?.signals.map((signal) => signal.kind)).toEqual(['cold-start']);
    expect(slow.matches[0]?.id).toBe('slow-cold-starts');
    expect(slow.confident).toBeUndefined();
    expect(slow.healthy).toBe(false);
  });

  it('lets a timeout status outrank the cold start and the memory figures of the same line', () => {
    const line = `${report(1, 3000, 1024, 58, 1265.01)}\tStatus: timeout`;
    const diagnosis = diagnose(line, index);
    expect(diagnosis.report?.signals.map((signal) => signal.kind)).toEqual(['timeout']);
    expect(diagnosis.confident?.id).toBe('task-timed-out');
  });

  it('links a signal to its entry only when the index has that entry', () => {
    const bare: ErrorIndex = { version: 1, entries: [entry('task-timed-out')] };
    const { report: analysis, matches } = diagnose(report(1, 18887.18, 256, 257), bare);
    const signal = analysis?.signals.find((found) => found.kind === 'out-of-memory');
    expect(signal?.entryId).toBe('out-of-memory');
    expect(signal?.entry).toBeUndefined();
    expect(matches).toEqual([]);
  });

  it('has no report when the paste has no REPORT line', () => {
    expect(diagnose('Task timed out after 3.00 seconds', index).report).toBeUndefined();
  });
});
