/**
 * The lines emulate() prints for the failures AWS documents, held against AWS's own lines
 * (aws-lines.fixture.json: each line with the page or public log it comes from). Request ids,
 * timestamps and figures differ run to run, so both sides are compared by shape: every id,
 * number and timestamp replaced by a placeholder, field separators kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emulate } from './index.ts';

interface DocumentedLine {
  case: string;
  line: string;
  source: string;
  /** The documented text is the start of the event (the rest is the code's own data). */
  prefix?: boolean;
}

const documented = JSON.parse(
  readFileSync(new URL('./aws-lines.fixture.json', import.meta.url), 'utf8'),
) as DocumentedLine[];

/** The line with ids, timestamps and numbers replaced, and runs of spaces read as the tab CloudWatch prints. */
function shape(line: string): string {
  return line
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/runtime:[0-9a-f]{64}/g, 'runtime:<hash>')
    .replace(/nodejs:\d+\.v\d+/g, 'nodejs:<version>')
    .replace(/\d+(?:\.\d+)?/g, '<n>')
    .replace(/ {2,}/g, '\t')
    .replace(/\t+$/, '');
}

const linesFor = (name: string) => documented.filter((entry) => entry.case === name);

function expectDocumentedShapes(logs: string[], name: string): void {
  const shapes = logs.map(shape);
  const expected = linesFor(name);
  expect(expected.length).toBeGreaterThan(0);
  for (const { line, source, prefix } of expected) {
    const wanted = shape(line);
    const found = shapes.some((printed) => (prefix ? printed.startsWith(wanted) : printed === wanted));
    expect(found, `no line shaped like ${JSON.stringify(line)} (from ${source}) in:\n${logs.join('\n')}`).toBe(true);
  }
}

const module = (body: string) => `import { sleep, retain } from 'lambda-playground';\n${body}`;

describe("emulate() prints AWS's current lines", () => {
  it('a timeout: START, END and REPORT … Status: timeout, no line of its own', async () => {
    const code = module(`export const handler = async () => { await new Promise(() => {}); };`);
    const { logs } = await emulate({ code, events: [{}], timeoutSeconds: 3, seed: 1 });
    expectDocumentedShapes(logs, 'timeout');
  });

  it('an out-of-memory kill: REPORT … Status: error, Error Type: Runtime.OutOfMemory', async () => {
    const code = module(`export const handler = async () => { retain(200 * 1024 * 1024); };`);
    const { logs, outcomes } = await emulate({ code, events: [{}], memoryMb: 128, seed: 1 });
    expect(outcomes[0]?.kind).toBe('out-of-memory');
    expectDocumentedShapes(logs, 'out-of-memory');
  });

  it('an init error: INIT_REPORT for the init and for its retry inside the invocation, then START … END', async () => {
    const code = `import missing from 'left-pad';\nexport const handler = async () => missing('x', 3);`;
    const { logs, outcomes } = await emulate({ code, events: [{}], seed: 1 });
    expect(outcomes[0]).toMatchObject({ kind: 'error', phase: 'init', errorType: 'Runtime.ImportModuleError' });
    expectDocumentedShapes(logs, 'init-error');
    const order = logs.map((line) => line.split(/[ \t]/)[0]);
    // Init, its report, the retried init's report, and only then the invocation.
    const initReports = order.flatMap((word, index) => (word === 'INIT_REPORT' ? [index] : []));
    expect(initReports).toHaveLength(2);
    expect(order.indexOf('START')).toBeGreaterThan(initReports[1] ?? Number.POSITIVE_INFINITY);
    expect(logs[initReports[0] ?? 0]).toContain('Phase: init');
    expect(logs[initReports[1] ?? 0]).toContain('Phase: invoke');
    // The retried init is what the invocation's Duration is made of.
    expect(outcomes[0]?.durationMs).toBeGreaterThan(100);
  });

  it('an init over 10 s: INIT_REPORT … Status: timeout, then the retry within the function timeout', async () => {
    const code = module(`await sleep(12_000);\nexport const handler = async () => 'ready';`);
    const slow = await emulate({ code, events: [{}, {}], timeoutSeconds: 30, seed: 1 });
    expectDocumentedShapes(slow.logs, 'init-timeout');
    // With a 30 s timeout the retried init finishes and the handler runs: 12 s of init in its Duration.
    expect(slow.outcomes.map((o) => o.kind)).toEqual(['success', 'success']);
    expect(slow.outcomes[0]?.durationMs).toBeGreaterThanOrEqual(12_000);
    expect(slow.outcomes[0]?.initDurationMs).toBeUndefined();
    const short = await emulate({ code, events: [{}], timeoutSeconds: 5, seed: 1 });
    expect(short.outcomes[0]).toMatchObject({ kind: 'timeout', durationMs: 5000 });
    expect(short.logs.filter((l) => l.startsWith('INIT_REPORT')).map((l) => l.split('\t').slice(1))).toEqual([
      ['Phase: init', 'Status: timeout'],
      ['Phase: invoke', 'Status: timeout'],
    ]);
  });

  it('an unhandled rejection: Runtime.UnhandledPromiseRejection, then the runtime exits', async () => {
    const code = `export const handler = async () => { Promise.reject(new TypeError('fetch failed')); return 'answered'; };`;
    const { logs, outcomes } = await emulate({ code, events: [{}, {}], seed: 1 });
    expect(outcomes[0]).toMatchObject({
      kind: 'crash',
      errorType: 'Runtime.UnhandledPromiseRejection',
      exitReason: 'exit status 128',
    });
    const line = logs.find((l) => l.includes('Unhandled Promise Rejection'));
    const json = JSON.parse(line?.split('Unhandled Promise Rejection \t')[1] ?? '{}');
    expect(json).toMatchObject({
      errorType: 'Runtime.UnhandledPromiseRejection',
      errorMessage: 'TypeError: fetch failed',
      reason: { errorType: 'TypeError', errorMessage: 'fetch failed' },
    });
    expectDocumentedShapes(logs, 'unhandled-rejection');
    expect(outcomes[1]?.kind).toBe('crash');
  });
});

describe('the older lines, as an option', () => {
  it('prints an init error before START with no INIT_REPORT and no Status', async () => {
    const code = `import missing from 'left-pad';\nexport const handler = async () => missing('x', 3);`;
    const { logs } = await emulate({ code, events: [{}], seed: 1, logFormat: 'text-legacy' });
    expect(logs.some((l) => /^INIT_|Status:/.test(l))).toBe(false);
    const uncaught = logs.findIndex((l) => l.includes('Uncaught Exception'));
    expect(uncaught).toBeGreaterThanOrEqual(0);
    expect(uncaught).toBeLessThan(logs.findIndex((l) => l.startsWith('START')));
  });
});

describe('the JSON log format, as an option', () => {
  it('prints platform.initStart, platform.start, app logs as JSON and platform.report with the status', async () => {
    const code = `console.log('warming');\nexport const handler = async (e) => { console.info('got', e.n); if (e.hang) await new Promise(() => {}); return e.n; };`;
    const { logs } = await emulate({ code, events: [{ n: 1 }, { n: 2, hang: true }], seed: 1, logFormat: 'json' });
    const events = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((event) => event.type ?? event.level)).toEqual([
      'platform.initStart',
      'INFO',
      'platform.start',
      'INFO',
      'platform.report',
      'platform.start',
      'INFO',
      'platform.report',
    ]);
    expect(events[1]).toEqual({ timestamp: expect.any(String), level: 'INFO', message: 'warming' });
    expect(events[3]).toMatchObject({ level: 'INFO', requestId: expect.any(String), message: 'got 1' });
    expect(events[4]).toMatchObject({
      record: { status: 'success', metrics: { memorySizeMB: 128, initDurationMs: expect.any(Number) } },
    });
    expect(events[7]).toMatchObject({ record: { status: 'timeout', metrics: { durationMs: 3000 } } });
  });
});
