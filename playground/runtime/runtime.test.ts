import { describe, expect, it } from 'vitest';
import { ASYNC_RETRY_DELAYS_MS, emulate } from './index.ts';

/** From docs/reference/logs-insights.md (REPORT parser) and the Node.js runtime's text format. */
const REPORT =
  /^REPORT RequestId: (?<id>[0-9a-f-]{36})\tDuration: (?<duration>\d+\.\d{2}) ms\tBilled Duration: (?<billed>\d+) ms\tMemory Size: (?<size>\d+) MB\tMax Memory Used: (?<used>\d+) MB\t(?:Init Duration: (?<init>\d+\.\d{2}) ms\t)?(?:Status: (?<status>timeout|error)(?:\tError Type: (?<errorType>\S+))?)?$/;
const START = /^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/;
const END = /^END RequestId: [0-9a-f-]{36}$/;
const TIMEOUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z [0-9a-f-]{36} Task timed out after \d+\.\d{2} seconds$/;
const CONSOLE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t(?:[0-9a-f-]{36}|undefined)\t(?:INFO|WARN|ERROR|DEBUG|TRACE)\t/;

const reports = (logs: string[]) =>
  logs.filter((line) => line.startsWith('REPORT')).map((line) => REPORT.exec(line)?.groups ?? {});

const module = (body: string) => `import { sleep, retain, cpu } from 'lambda-playground';\n${body}`;

describe('log line formats', () => {
  it('prints START, END and REPORT in Lambda formats, Init Duration on the cold start only', async () => {
    const code = module(`console.log('init'); export const handler = async () => { console.info('hi'); return 1; };`);
    // The code never spins: a generous watchdog keeps a slow Worker start on a loaded machine from
    // being read as an init timeout (which would move init into the invocation).
    const { logs, outcomes } = await emulate({
      code,
      events: [{}, {}, {}],
      timeoutSeconds: 3,
      memoryMb: 128,
      seed: 7,
      watchdogMs: 20_000,
    });
    expect(logs.filter((l) => l.startsWith('START')).every((l) => START.test(l))).toBe(true);
    expect(logs.filter((l) => l.startsWith('END')).every((l) => END.test(l))).toBe(true);
    for (const line of logs.filter((l) => l.startsWith('REPORT'))) expect(line).toMatch(REPORT);
    const figures = reports(logs);
    expect(figures.map((f) => f.init !== undefined)).toEqual([true, false, false]);
    expect(figures.every((f) => f.size === '128')).toBe(true);
    // Billed Duration covers Duration plus, on the cold start, Init Duration (init is billed since Aug 2025).
    const [cold] = figures;
    expect(Number(cold?.billed)).toBe(Math.ceil(Number(cold?.duration) + Number(cold?.init)));
    for (const line of logs.filter((l) => !/^(INIT_START|START|END|REPORT)/.test(l))) expect(line).toMatch(CONSOLE);
    expect(logs[0]).toMatch(
      /^INIT_START Runtime Version: nodejs:\d+\.v\d+\tRuntime Version ARN: arn:aws:lambda:[a-z0-9-]+::runtime:[0-9a-f]{64}$/,
    );
    expect(logs[1]).toMatch(/\tundefined\tINFO\tinit$/);
    // A successful invocation's REPORT has no Status field.
    expect(figures.every((f) => f.status === undefined)).toBe(true);
    expect(outcomes.map((o) => o.coldStart)).toEqual([true, false, false]);
  });

  it('prints a thrown error as the runtime JSON object and keeps the environment', async () => {
    const code = module(
      `export const handler = async (e) => { if (e.fail) { const err = new TypeError('bad input'); err.code = 'E42'; throw err; } return 'ok'; };`,
    );
    const { logs, outcomes } = await emulate({
      code,
      events: [{ fail: true }, {}],
      timeoutSeconds: 3,
      memoryMb: 128,
      seed: 1,
    });
    const line = logs.find((l) => l.includes('Invoke Error'));
    expect(line).toMatch(CONSOLE);
    const json = JSON.parse(line?.split('Invoke Error \t')[1] ?? '{}');
    expect(json).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input', code: 'E42' });
    expect(json.stack[0]).toBe('TypeError: bad input');
    expect(json.stack.join('\n')).toMatch(/file:\/\/\/var\/task\/index\.mjs/);
    expect(outcomes.map((o) => o.kind)).toEqual(['error', 'success']);
    expect(outcomes[1]?.coldStart).toBe(false);
  });

  it('prints console text verbatim, markup included', async () => {
    const code = `export const handler = async () => { console.log('<img src=x onerror=1>'); };`;
    const { logs } = await emulate({ code, events: [{}], timeoutSeconds: 3, memoryMb: 128, seed: 1 });
    expect(logs.some((l) => l.endsWith('\tINFO\t<img src=x onerror=1>'))).toBe(true);
  });

  it('reports an unknown package as Runtime.ImportModuleError during init', async () => {
    const code = `import S3 from 'aws-sdk';\nexport const handler = async () => S3;`;
    const { logs, outcomes } = await emulate({ code, events: [{}], timeoutSeconds: 3, memoryMb: 128, seed: 1 });
    expect(outcomes[0]).toMatchObject({ kind: 'error', phase: 'init', errorType: 'Runtime.ImportModuleError' });
    expect(logs.join('\n')).toMatch(
      /undefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime\.ImportModuleError"/,
    );
  });
});

describe('the virtual clock', () => {
  const backoff = module(`
    export const handler = async () => {
      const started = Date.now();
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const wait = Math.random() * 100 * 2 ** attempt;
        console.log('retry', attempt, 'after', wait.toFixed(1), 'ms');
        await sleep(wait);
      }
      return { waitedMs: Date.now() - started, perf: performance.now() > 0 };
    };`);

  it('finishes ten backoff retries at once, identically for the same seed', async () => {
    const options = { code: backoff, events: [{}], timeoutSeconds: 900, memoryMb: 128, seed: 42 };
    const first = await emulate(options);
    const second = await emulate(options);
    const other = await emulate({ ...options, seed: 43 });
    expect(first.outcomes[0]?.kind).toBe('success');
    const waited = (first.outcomes[0] as { result: { waitedMs: number } }).result.waitedMs;
    expect(waited).toBeGreaterThan(1000);
    expect(second.logs).toEqual(first.logs);
    expect(other.logs).not.toEqual(first.logs);
  });

  it('times out at the simulated deadline, with getRemainingTimeInMillis counting down', async () => {
    const code = module(`
      export const handler = async (e, context) => {
        console.log('left', context.getRemainingTimeInMillis());
        await sleep(1500);
        console.log('left', context.getRemainingTimeInMillis());
        await sleep(5000);
      };`);
    const { logs, outcomes } = await emulate({ code, events: [{}], timeoutSeconds: 2, memoryMb: 128, seed: 1 });
    const left = logs.filter((l) => l.includes('\tleft ')).map((l) => Number(l.split('left ')[1]));
    expect(left[0]).toBeGreaterThan(1990);
    expect(left[1]).toBeLessThan(510);
    // Lambda's current lines: no line of its own, REPORT says Status: timeout with Duration the timeout.
    expect(logs.some((l) => l.includes('Task timed out'))).toBe(false);
    expect(outcomes[0]).toMatchObject({ kind: 'timeout', watchdog: false });
    expect(reports(logs)[0]).toMatchObject({ duration: '2000.00', status: 'timeout' });
    // The older lines, on request: the Task timed out line, and no Status.
    const legacy = await emulate({ code, events: [{}], timeoutSeconds: 2, seed: 1, logFormat: 'text-legacy' });
    expect(legacy.logs.find((l) => l.includes('Task timed out'))).toMatch(TIMEOUT);
    expect(legacy.logs.join('\n')).toMatch(/Task timed out after 2\.00 seconds/);
    expect(Number(reports(legacy.logs)[0]?.duration)).toBeGreaterThanOrEqual(2000);
    expect(reports(legacy.logs)[0]?.status).toBeUndefined();
  });

  it('charges CPU time by memory size: 1,769 MB is one vCPU', async () => {
    const code = module(`export const handler = async () => { cpu(100); };`);
    const small = await emulate({ code, events: [{}, {}], timeoutSeconds: 10, memoryMb: 442, seed: 1 });
    const full = await emulate({ code, events: [{}, {}], timeoutSeconds: 10, memoryMb: 1769, seed: 1 });
    const warm = (logs: string[]) => Number(reports(logs)[1]?.duration);
    expect(warm(full.logs)).toBeGreaterThanOrEqual(100);
    expect(warm(full.logs)).toBeLessThan(103);
    expect(warm(small.logs)).toBeGreaterThanOrEqual(400);
    expect(warm(small.logs)).toBeLessThan(403);
  });
});

describe('execution environments', () => {
  const resetCode = module(`
      console.log('init');
      let count = 0;
      export const handler = async (e) => { count += 1; if (e.hang) await new Promise(() => {}); return count; };`);
  const resetEvents = [{}, {}, { hang: true }, {}, {}];

  it('runs init once per environment, and after a timeout re-runs it inside the next invocation (suppressed init, in Duration)', async () => {
    const { logs, outcomes } = await emulate({ code: resetCode, events: resetEvents, timeoutSeconds: 1, seed: 3 });
    expect(logs.filter((l) => l.endsWith('\tINFO\tinit'))).toHaveLength(2);
    expect(logs.filter((l) => l.startsWith('INIT_START'))).toHaveLength(1);
    expect(outcomes.map((o) => o.kind)).toEqual(['success', 'success', 'timeout', 'success', 'success']);
    expect(outcomes.map((o) => o.coldStart)).toEqual([true, false, false, false, false]);
    expect(outcomes.map((o) => (o.kind === 'success' ? o.result : null))).toEqual([1, 2, null, 1, 2]);
    const figures = reports(logs);
    expect(figures.map((f) => f.init !== undefined)).toEqual([true, false, false, false, false]);
    expect(figures.map((f) => f.status)).toEqual([undefined, undefined, 'timeout', undefined, undefined]);
    // The re-run init (100 ms or more of runtime start-up) is inside the fourth invocation's Duration.
    const reinit = outcomes[3]?.suppressedInitMs ?? 0;
    expect(reinit).toBeGreaterThanOrEqual(100);
    expect(Number(figures[3]?.duration)).toBeGreaterThanOrEqual(reinit);
    expect(Number(figures[4]?.duration)).toBeLessThan(10);
  });

  it('in the legacy format, reports the re-init as a cold start and prints no INIT_START or Status', async () => {
    const { logs, outcomes } = await emulate({
      code: resetCode,
      events: resetEvents,
      timeoutSeconds: 1,
      seed: 3,
      logFormat: 'text-legacy',
    });
    expect(logs.some((l) => l.startsWith('INIT_'))).toBe(false);
    expect(outcomes.map((o) => o.coldStart)).toEqual([true, false, false, true, false]);
    expect(reports(logs).map((f) => f.init !== undefined)).toEqual([true, false, false, true, false]);
    expect(reports(logs).every((f) => f.status === undefined)).toBe(true);
  });

  it('stops while (true) {} with the watchdog, reports the timeout, and keeps working afterwards', async () => {
    const spin = `export const handler = async () => { while (true) {} };`;
    const started = performance.now();
    const { logs, outcomes } = await emulate({
      code: spin,
      events: [{}],
      timeoutSeconds: 3,
      memoryMb: 128,
      seed: 1,
      watchdogMs: 300,
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcomes[0]).toMatchObject({ kind: 'timeout', watchdog: true });
    expect(logs.at(-1)).toMatch(REPORT);
    expect(reports(logs)[0]).toMatchObject({ duration: '3000.00', status: 'timeout' });
    const after = await emulate({ code: `export const handler = async () => 'alive';`, events: [{}], seed: 1 });
    expect(after.outcomes[0]).toMatchObject({ kind: 'success', result: 'alive' });
  });

  it('kills the runtime when modelled memory passes the limit', async () => {
    const code = module(`export const handler = async (e) => { retain(e.mb * 1024 * 1024); return 'kept'; };`);
    const { logs, outcomes } = await emulate({
      code,
      events: [{ mb: 20 }, { mb: 60 }, { mb: 1 }],
      timeoutSeconds: 3,
      memoryMb: 128,
      seed: 1,
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['success', 'out-of-memory', 'success']);
    expect(logs.join('\n')).not.toMatch(/Runtime exited/);
    const legacy = await emulate({ code, events: [{ mb: 100 }], seed: 1, logFormat: 'text-legacy' });
    expect(legacy.logs.join('\n')).toMatch(
      /RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed\nRuntime\.ExitError/,
    );
    expect(reports(logs).map((f) => Number(f.used))).toEqual([84, 128, 65]);
    expect(reports(logs)[1]).toMatchObject({ status: 'error', errorType: 'Runtime.OutOfMemory' });
  });
});

describe('SQS as Lambda polls it', () => {
  const records = (ids: string[]) => ({
    Records: ids.map((id) => ({
      messageId: id,
      receiptHandle: `rh-${id}`,
      body: id,
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {},
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
    })),
  });

  it('redelivers a failed batch after the visibility timeout, and a malformed response fails the whole batch', async () => {
    const code = `export const handler = async (event) => ({ batchItemFailures: [{ itemIdentifier: '' }] });`;
    const { outcomes, deadLetters } = await emulate({
      code,
      events: [records(['m1', 'm2'])],
      seed: 1,
      sqsRedrive: { maxReceiveCount: 2, visibilityTimeoutSeconds: 45 },
    });
    expect(outcomes).toHaveLength(2);
    // The second delivery comes 45 s after the first was received, not after a second of idling.
    expect((outcomes[1]?.startEpochMs ?? 0) - (outcomes[0]?.startEpochMs ?? 0)).toBe(45_000);
    expect(deadLetters).toEqual(['m1', 'm2']);
  });
});

describe('asynchronous invocation as Lambda retries it', () => {
  const failing = `let attempt = 0;\nexport const handler = async (event) => { attempt += 1; if (attempt <= event.failures) throw new Error('attempt ' + attempt + ' failed'); return { ok: attempt }; };`;
  const destination = 'arn:aws:sqs:us-east-1:123456789012:failed-orders';

  it('retries twice by default, one minute then two minutes after the failed attempt, under one request id', async () => {
    const { outcomes, destinations, logs } = await emulate({
      code: failing,
      events: [{ failures: 5 }],
      seed: 1,
      watchdogMs: 20_000,
      asyncInvocation: { onFailure: destination },
    });
    expect(ASYNC_RETRY_DELAYS_MS).toEqual([60_000, 120_000]);
    expect(outcomes.map((o) => o.kind)).toEqual(['error', 'error', 'error']);
    expect(new Set(outcomes.map((o) => o.requestId)).size).toBe(1);
    const ends = outcomes.map((o) => o.startEpochMs + o.durationMs + (o.initDurationMs ?? 0));
    expect((outcomes[1]?.startEpochMs ?? 0) - (ends[0] ?? 0)).toBeCloseTo(60_000, 0);
    expect((outcomes[2]?.startEpochMs ?? 0) - (ends[1] ?? 0)).toBeCloseTo(120_000, 0);
    expect(logs.filter((line) => line.startsWith('START'))).toHaveLength(3);
    // The invocation record, in the shape of AWS's example (invocation-async.html).
    expect(destinations).toHaveLength(1);
    expect(destinations[0]).toMatchObject({
      destination,
      version: '1.0',
      requestContext: {
        requestId: outcomes[0]?.requestId,
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:playground-function:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { failures: 5 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'attempt 3 failed' },
    });
    expect(destinations[0]?.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('stops retrying once an attempt succeeds, and honours MaximumRetryAttempts from 0 to 2', async () => {
    const recovered = await emulate({
      code: failing,
      events: [{ failures: 1 }],
      seed: 1,
      watchdogMs: 20_000,
      asyncInvocation: { onFailure: destination, onSuccess: 'arn:aws:sqs:us-east-1:123456789012:done' },
    });
    expect(recovered.outcomes.map((o) => o.kind)).toEqual(['error', 'success']);
    expect(
      recovered.destinations.map((r) => [r.requestContext.condition, r.requestContext.approximateInvokeCount]),
    ).toEqual([['Success', 2]]);
    expect(recovered.destinations[0]?.responseContext).not.toHaveProperty('functionError');
    for (const maximumRetryAttempts of [0, 1, 2]) {
      const { outcomes, destinations } = await emulate({
        code: failing,
        events: [{ failures: 9 }],
        seed: 1,
        watchdogMs: 20_000,
        asyncInvocation: { onFailure: destination, maximumRetryAttempts },
      });
      expect(outcomes).toHaveLength(maximumRetryAttempts + 1);
      expect(destinations[0]?.requestContext.approximateInvokeCount).toBe(maximumRetryAttempts + 1);
    }
  });

  it('retries a timeout too, and later events do not wait behind a retry', async () => {
    const code = `export const handler = async (event) => { if (event.hang) await new Promise(() => {}); return event.id; };`;
    const { outcomes, destinations } = await emulate({
      code,
      events: [{ id: 'a', hang: true }, { id: 'b' }],
      timeoutSeconds: 1,
      seed: 1,
      watchdogMs: 20_000,
      asyncInvocation: { onFailure: destination, maximumRetryAttempts: 1 },
    });
    expect(outcomes.map((o) => o.kind)).toEqual(['timeout', 'success', 'timeout']);
    expect(destinations[0]?.responsePayload).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${outcomes[0]?.requestId} Error: Task timed out after 1.00 seconds`,
    });
  });
});

describe('SQS messages that outlive their visibility timeout', () => {
  it('delivers a batch again when a successful invocation ran longer than the visibility timeout', async () => {
    const code = `import { sleep } from 'lambda-playground';\nexport const handler = async (event) => { await sleep(event.Records[0].body === 'slow' ? 40_000 : 1_000); };`;
    const batch = (body: string) => ({
      Records: [
        {
          messageId: body,
          receiptHandle: `rh-${body}`,
          body,
          attributes: { ApproximateReceiveCount: '1' },
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
          awsRegion: 'us-east-1',
        },
      ],
    });
    const { outcomes, deadLetters } = await emulate({
      code,
      events: [batch('slow'), batch('quick')],
      timeoutSeconds: 60,
      seed: 1,
      watchdogMs: 20_000,
      sqsRedrive: { maxReceiveCount: 2, visibilityTimeoutSeconds: 30 },
    });
    // slow (reappears at 30 s), quick, slow again (receive count 2, outlives it again: dead-lettered).
    expect(outcomes.map((o) => o.kind)).toEqual(['success', 'success', 'success']);
    expect(deadLetters).toEqual(['slow']);
    const quick = await emulate({
      code,
      events: [batch('slow')],
      timeoutSeconds: 60,
      seed: 1,
      watchdogMs: 20_000,
      sqsRedrive: { maxReceiveCount: 2, visibilityTimeoutSeconds: 360 },
    });
    expect(quick.outcomes).toHaveLength(1);
    expect(quick.deadLetters).toEqual([]);
  });
});
