import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureFromFigures, measureFromReports } from './input';

interface FixtureLine {
  text: string;
  topic: string;
}

const fixtures: FixtureLine[] = readFileSync(
  new URL('../../tests/fixtures/lambda-messages.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FixtureLine);

function reportFixture(topic: string): string {
  const found = fixtures.find((line) => line.topic === topic && line.text.startsWith('REPORT RequestId:'));
  if (!found) throw new Error(`no REPORT line for topic ${topic}`);
  return found.text;
}

function measure(text: string) {
  const outcome = measureFromReports(text);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

describe('measureFromReports on real REPORT lines', () => {
  it('reads the report-line fixture', () => {
    const measurement = measure(reportFixture('report-line'));
    expect(measurement).toMatchObject({ durationMs: 3071.27, memorySizeMB: 128, maxMemoryUsedMB: 21, invocations: 1 });
    expect(measurement.coldStarts).toBe(0);
  });

  it('reads the oom fixture and warns that the memory need is understated', () => {
    const measurement = measure(reportFixture('oom'));
    expect(measurement).toMatchObject({ durationMs: 18887.18, memorySizeMB: 256, maxMemoryUsedMB: 257 });
    expect(measurement.notes.join(' ')).toMatch(/1 of 1 invocations used all their memory/);
  });

  it('reads the snapstart fixture (Restore Duration is not an Init Duration)', () => {
    const measurement = measure(reportFixture('snapstart'));
    expect(measurement).toMatchObject({ durationMs: 2338.66, memorySizeMB: 3009, maxMemoryUsedMB: 173 });
    expect(measurement.coldStarts).toBe(0);
  });
});

describe('measureFromReports on constructed pastes', () => {
  const line = (id: string, duration: number, memory: number, used: number, init?: number) =>
    `REPORT RequestId: ${id}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: ${memory} MB\tMax Memory Used: ${used} MB\t${init === undefined ? '' : `Init Duration: ${init} ms\t`}`;

  it('averages durations, keeps the largest memory used and counts cold starts', () => {
    const paste = [
      'START RequestId: a1 Version: $LATEST',
      line('a1', 100, 512, 80, 300),
      line('a2', 200, 512, 95),
      line('a3', 300, 512, 90),
    ].join('\n');
    const measurement = measure(paste);
    // (100 + 200 + 300) / 3 = 200 ms; init: one cold start of 300 ms
    expect(measurement).toMatchObject({
      durationMs: 200,
      memorySizeMB: 512,
      maxMemoryUsedMB: 95,
      invocations: 3,
      coldStarts: 1,
      initDurationMs: 300,
    });
  });

  it('reads CloudWatch console rows and JSON platform.report records', () => {
    const console = `2024-03-04T10:00:00.000Z\t${line('c1', 40, 1024, 70)}`;
    const json = JSON.stringify({
      time: '2024-03-04T10:00:01.000Z',
      type: 'platform.report',
      record: {
        requestId: 'c2',
        metrics: { durationMs: 60, billedDurationMs: 60, memorySizeMB: 1024, maxMemoryUsedMB: 75 },
        status: 'success',
      },
    });
    // (40 + 60) / 2 = 50 ms
    expect(measure(`${console}\n${json}`)).toMatchObject({ durationMs: 50, memorySizeMB: 1024, maxMemoryUsedMB: 75 });
  });

  it('uses the memory size most lines ran with, and says so', () => {
    const paste = [line('m1', 100, 512, 60), line('m2', 300, 512, 70), line('m3', 50, 1024, 65)].join('\n');
    const measurement = measure(paste);
    // the two 512 MB lines: (100 + 300) / 2 = 200 ms; max memory over all three lines: 70 MB
    expect(measurement).toMatchObject({ durationMs: 200, memorySizeMB: 512, maxMemoryUsedMB: 70, invocations: 2 });
    expect(measurement.notes.join(' ')).toMatch(/2 memory sizes \(512 MB: 2, 1,024 MB: 1\)/);
    expect(measurement.memorySizes).toEqual([
      { memorySizeMB: 512, invocations: 2 },
      { memorySizeMB: 1024, invocations: 1 },
    ]);
  });

  it('analyses the memory size the reader chooses', () => {
    const paste = [line('m1', 100, 512, 60), line('m2', 300, 512, 70), line('m3', 50, 1024, 65)].join('\n');
    const outcome = measureFromReports(paste, 1024);
    if (!outcome.ok) throw new Error(outcome.error);
    // only the 1,024 MB line: 50 ms; Max Memory Used still over all lines (the function's need)
    expect(outcome.value).toMatchObject({ durationMs: 50, memorySizeMB: 1024, maxMemoryUsedMB: 70, invocations: 1 });
    expect(outcome.value.notes.join(' ')).toMatch(/the 1 at 1,024 MB are analysed/);
  });

  it('says so when the chosen size is not in the paste, and falls back to the commonest', () => {
    const paste = [line('m1', 100, 512, 60), line('m3', 50, 1024, 65), line('m2', 300, 512, 70)].join('\n');
    const outcome = measureFromReports(paste, 2048);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.value.memorySizeMB).toBe(512);
    expect(outcome.value.notes.join(' ')).toMatch(/No line ran with 2,048 MB/);
  });

  it('lists no choice when every line ran with one size', () => {
    const measurement = measure([line('a', 100, 512, 60), line('b', 120, 512, 61)].join('\n'));
    expect(measurement.memorySizes).toBeUndefined();
  });

  it('warns about invocations that timed out', () => {
    const measurement = measure(`${line('t1', 3000, 128, 60)}Status: timeout`);
    expect(measurement.notes.join(' ')).toMatch(/timeout or error/);
  });

  it('explains what is missing instead of throwing', () => {
    for (const text of ['', '   \n ']) {
      const outcome = measureFromReports(text);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toMatch(/Paste at least one REPORT line/);
    }
    const outcome = measureFromReports('Task timed out after 3.00 seconds');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/No REPORT line found/);
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const outcome = measureFromReports(`REPORT RequestId: x ${text}`);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('measureFromFigures', () => {
  it('reads typed figures, commas included', () => {
    const outcome = measureFromFigures({ durationMs: '1,250', memorySizeMB: '1024', maxMemoryUsedMB: '300' });
    expect(outcome).toMatchObject({ ok: true, value: { durationMs: 1250, memorySizeMB: 1024, maxMemoryUsedMB: 300 } });
  });

  it('says that without max memory used nothing is marked unsafe', () => {
    const outcome = measureFromFigures({ durationMs: '100', memorySizeMB: '512', maxMemoryUsedMB: '' });
    expect(outcome.ok && outcome.value.notes.join(' ')).toMatch(/no setting can be marked unsafe/);
  });

  it.each([
    [{ durationMs: '', memorySizeMB: '512' }, /Type both/],
    [{ durationMs: 'fast', memorySizeMB: '512' }, /duration must be/],
    [{ durationMs: '900001', memorySizeMB: '512' }, /900,000/],
    [{ durationMs: '100', memorySizeMB: '64' }, /128 to 10,240/],
    [{ durationMs: '100', memorySizeMB: '20000' }, /128 to 10,240/],
    [{ durationMs: '100', memorySizeMB: '512', maxMemoryUsedMB: '-1' }, /Max Memory Used/],
  ])('refuses %o with a clear message', (figures, message) => {
    const outcome = measureFromFigures(figures);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
  });
});
