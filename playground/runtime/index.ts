/**
 * The emulated Lambda runtime's public API: `emulate()` runs handler code against a list of events
 * on one execution environment and returns every log line and one outcome per invocation.
 *
 * This side (the host) owns what outlives an environment: the request ids, the clock between
 * environments, the platform lines (START, END, REPORT, timeouts, runtime exits), resets after a
 * timeout or crash, and the wall-clock watchdog that terminates a Worker stuck in a loop.
 */
import { facts } from '../../src/data/facts.ts';
import type { ServicesConfig } from '../services/config.ts';
import { failedRecordIds, isSqsEvent, settleBatch } from '../services/sqs.ts';
import {
  computeBilledDuration,
  formatEndLine,
  formatInitFailureLine,
  formatInitReportLine,
  formatInitStartLine,
  formatJsonInitReport,
  formatJsonInitStart,
  formatJsonReport,
  formatJsonStart,
  formatReportLine,
  formatRuntimeExitLine,
  formatRuntimeVersionArn,
  formatStartLine,
  formatTimeoutLine,
  type LogFormat,
  type PhaseStatus,
} from './format.ts';
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import { RUNTIME_BASELINE_BYTES } from './memory.ts';
import type { EnvironmentConfig, HostToWorker, LogBudget, WorkerToHost } from './messages.ts';
import { DEFAULT_LOG_BUDGET, utf8Length } from './output.ts';
import { createRandom, createUuid } from './prng.ts';

export type { ServicesConfig } from '../services/config.ts';
export type { LogFormat } from './format.ts';
export type { RuntimeHost } from './host.ts';
export { MEMORY_MODEL_SENTENCE } from './memory.ts';
export type { LogBudget } from './messages.ts';
export { DEFAULT_LOG_BUDGET, MAX_EVENT_BYTES } from './output.ts';

export interface EmulateOptions {
  /** The handler module: JavaScript ES module source exporting `handler`. */
  code: string;
  /** Events, invoked in order on one execution environment (a new one after a reset). */
  events: unknown[];
  /** Function timeout; 3 s unless set, like Lambda's default. */
  timeoutSeconds?: number;
  /** Memory size; 128 MB unless set. Also sets the CPU share (1,769 MB = 1 vCPU). */
  memoryMb?: number;
  /** Same seed, same logs. */
  seed?: number;
  functionName?: string;
  services?: ServicesConfig;
  /** Virtual time between the end of one invocation and the next event; 1,000 ms unless set. */
  idleMsBetweenInvocations?: number;
  /** Real milliseconds one init or invocation may take before its Worker is terminated; 1,500 unless set. */
  watchdogMs?: number;
  /**
   * Treat SQS batch events as coming from a queue: failed records come back, once their visibility
   * timeout has passed (30 s unless set, SQS's default), until maxReceiveCount.
   */
  sqsRedrive?: { maxReceiveCount: number; visibilityTimeoutSeconds?: number };
  /**
   * Invoke each event asynchronously (InvocationType Event), as Lambda's async queue does: a failed
   * attempt (error, timeout, crash) is retried with the same request id after the waits in
   * ASYNC_RETRY_DELAYS_MS, up to `maximumRetryAttempts` (0 to 2; 2 unless set), then the invocation
   * record goes to the on-failure destination (`result.destinations`). See invocation-async.html.
   */
  asyncInvocation?: AsyncInvocationConfig;
  /** Virtual epoch of the first cold start. */
  startEpochMs?: number;
  /** Called with each log line as it is printed, so a page can show output before the run ends. */
  onLog?: (line: string) => void;
  /**
   * `text` (default): Lambda's lines as printed now (INIT_START, INIT_REPORT, REPORT Status:);
   * `text-legacy`: the older lines; `json`: the JSON log format. See format.ts for the AWS pages.
   */
  logFormat?: LogFormat;
  /** What the run may print (code's lines, not START/END/REPORT); DEFAULT_LOG_BUDGET unless set. */
  logBudget?: LogBudget;
}

export interface AsyncInvocationConfig {
  /** MaximumRetryAttempts of the function's event invoke config: 0 to 2. */
  maximumRetryAttempts?: number;
  /** DestinationConfig.OnFailure.Destination: where a record goes once every attempt failed. */
  onFailure?: string;
  /** DestinationConfig.OnSuccess.Destination: where a record goes when an attempt succeeds. */
  onSuccess?: string;
}

/**
 * The invocation record Lambda sends to an asynchronous invocation's destination, in the shape of
 * the example on AWS's invocation-async page ("Example invocation record").
 */
export interface InvocationRecord {
  /** The destination's ARN (not part of the record; where Lambda sent it). */
  destination: string;
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'Success' | 'RetriesExhausted';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: 200; executedVersion: '$LATEST'; functionError?: 'Unhandled' };
  responsePayload: unknown;
}

/**
 * Lambda's waits before the first and second retry of a failed asynchronous invocation (one minute,
 * then two), from the fact registry (invocation-async-error-handling.html).
 */
export const ASYNC_RETRY_DELAYS_MS = [
  facts['async-retry-first-delay'].value * 60_000,
  facts['async-retry-second-delay'].value * 60_000,
] as const;
/** Retries after a failed asynchronous invocation unless MaximumRetryAttempts says otherwise. */
export const ASYNC_DEFAULT_RETRIES = facts['async-retries'].value;

interface OutcomeFigures {
  requestId: string;
  /** Virtual epoch at which the invocation began (its init, on a cold start): what a timeline plots. */
  startEpochMs: number;
  coldStart: boolean;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMb: number;
  /** Cold starts only. */
  initDurationMs?: number;
  /** A re-run init (after a failure) inside this invocation: part of durationMs, as Lambda reports it. */
  suppressedInitMs?: number;
}

/** How one invocation ended. */
export type InvocationOutcome = OutcomeFigures &
  (
    | { kind: 'success'; result: unknown }
    | { kind: 'error'; phase: 'init' | 'invoke'; errorType: string; errorMessage: string; stack: string[] }
    /** `watchdog` is true when the code never yielded and its Worker had to be terminated. */
    | { kind: 'timeout'; timeoutSeconds: number; watchdog: boolean }
    | { kind: 'out-of-memory'; errorType: 'Runtime.ExitError' }
    | { kind: 'crash'; errorType: string; errorMessage: string; exitReason: string }
  );

export interface EmulationResult {
  /** CloudWatch log events in order; a few (runtime exits) span two lines. */
  logs: string[];
  outcomes: InvocationOutcome[];
  /** SQS message ids moved to the dead-letter queue (with sqsRedrive). */
  deadLetters: string[];
  /** Invocation records sent to asynchronous invocation destinations (with asyncInvocation). */
  destinations: InvocationRecord[];
  /**
   * Lines the code printed past the run's allowance, which never left the Worker; `bytes` counts
   * only the lines that were measured (a line dropped once the allowance is spent is not even formatted).
   */
  dropped: { lines: number; bytes: number };
}

/** Lambda gives an on-demand init 10 seconds (lambda-runtime-environment.html, "Init phase"). */
const INIT_LIMIT_MS = 10_000;

type InitResult =
  | { kind: 'done'; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'failed'; durationMs: number; failure: { errorType: string; errorMessage: string; stack: string[] } };

/** Real time a new Worker may take to start and load the engine, on top of the init watchdog. */
const WORKER_STARTUP_GRACE_MS = 3000;
const DEFAULT_START_EPOCH_MS = Date.UTC(2025, 5, 2, 9, 30, 0);

type Reply =
  | { kind: 'message'; message: Exclude<WorkerToHost, { type: 'logs' } | { type: 'overrun' }> }
  | { kind: 'crashed'; error: unknown }
  | { kind: 'watchdog' }
  /** The code logged past its deadline without yielding (see the `overrun` message). */
  | { kind: 'overrun' };

type LogBatch = Extract<WorkerToHost, { type: 'logs' }>;

/** One Worker, with the replies it has sent and not yet been asked for. */
class EnvironmentSession {
  private readonly pending: Reply[] = [];
  private waiter: ((reply: Reply) => void) | undefined;
  /** Real time (performance.now) past which the pending request counts as stuck. */
  private watchdogAt = Number.POSITIVE_INFINITY;
  private readonly port: EnvironmentPort;
  private readonly onLogs: (batch: LogBatch) => void;

  constructor(port: EnvironmentPort, onLogs: (batch: LogBatch) => void) {
    this.port = port;
    this.onLogs = onLogs;
    port.listen(
      (message) => {
        if (message.type === 'logs') this.onLogs(message);
        else if (message.type === 'overrun') this.deliver({ kind: 'overrun' });
        else this.deliver({ kind: 'message', message });
        // The watchdog is a timer, and timers wait behind messages: each message checks it too, so
        // a Worker that floods the page with messages cannot keep itself alive.
        if (this.waiter && performance.now() > this.watchdogAt) this.deliver({ kind: 'watchdog' });
      },
      (error) => this.deliver({ kind: 'crashed', error }),
    );
  }

  private deliver(reply: Reply): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter(reply);
    else this.pending.push(reply);
  }

  /** Sends `message` and waits for the reply, or for the watchdog after `watchdogMs` of real time. */
  request(message: HostToWorker, watchdogMs: number): Promise<Reply> {
    this.pending.length = 0;
    this.port.post(message);
    this.watchdogAt = performance.now() + watchdogMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve({ kind: 'watchdog' });
      }, watchdogMs);
      this.waiter = (reply) => {
        clearTimeout(timer);
        this.watchdogAt = Number.POSITIVE_INFINITY;
        resolve(reply);
      };
    });
  }

  terminate(): void {
    this.port.terminate();
  }
}

const RESULT_KINDS = new Set(['success', 'error', 'timeout', 'out-of-memory', 'crash']);

/**
 * Whether an invocation's report is possible: a known result, a duration within the deadline (the
 * engine notices a timeout at most a few ms late), memory within the memory size, an end that
 * matches the duration. A report that fails this (`Billed Duration: -5 ms`, a success after the
 * deadline) is not shown as what happened.
 */
export function isPlausibleReport(
  message: Extract<WorkerToHost, { type: 'invoke-done' }>,
  invokedAt: number,
  deadlineEpochMs: number,
  memoryMb: number,
): boolean {
  const { result, durationMs, maxMemoryUsedMb, endEpochMs } = message;
  const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  if (typeof result !== 'object' || result === null || !RESULT_KINDS.has(result.kind)) return false;
  if (!finite(durationMs) || !finite(maxMemoryUsedMb) || !finite(endEpochMs)) return false;
  if (durationMs < 0 || durationMs > deadlineEpochMs - invokedAt + 10) return false;
  if (maxMemoryUsedMb < 0 || maxMemoryUsedMb > memoryMb) return false;
  if (Math.abs(endEpochMs - (invokedAt + durationMs)) > 1) return false;
  return true;
}

let defaultHost: Promise<RuntimeHost> | undefined;

/**
 * The platform's host, chosen once: a page passes createBrowserHost() explicitly (so its bundle
 * never sees worker_threads); Node callers get worker_threads.
 */
function getDefaultHost(): Promise<RuntimeHost> {
  // A specifier the bundler cannot follow: a page's bundle must not try to bundle worker_threads.
  const nodeHost = './host-node.ts';
  defaultHost ??= import(/* @vite-ignore */ nodeHost).then(({ createNodeHost }: typeof import('./host-node.ts')) =>
    createNodeHost(),
  );
  return defaultHost;
}

export async function emulate(options: EmulateOptions, host?: RuntimeHost): Promise<EmulationResult> {
  const runtimeHost = host ?? (await getDefaultHost());
  const timeoutSeconds = options.timeoutSeconds ?? 3;
  const memoryMb = options.memoryMb ?? 128;
  const seed = options.seed ?? 1;
  const watchdogMs = options.watchdogMs ?? 1500;
  const idleMs = options.idleMsBetweenInvocations ?? 1000;
  const nextRequestId = (() => {
    const random = createRandom(seed, 'request-ids');
    return () => createUuid(random);
  })();

  const logs: string[] = [];
  const print = (line: string) => {
    logs.push(line);
    options.onLog?.(line);
  };
  const budget: LogBudget = { ...(options.logBudget ?? DEFAULT_LOG_BUDGET) };
  const dropped = { lines: 0, bytes: 0 };
  const receiveLogs = (batch: LogBatch) => {
    for (const line of batch.lines) {
      budget.lines -= 1;
      budget.bytes -= utf8Length(line);
      print(line);
    }
    dropped.lines += batch.droppedLines;
    dropped.bytes += batch.droppedBytes;
  };
  const remaining = (): LogBudget => ({ lines: Math.max(0, budget.lines), bytes: Math.max(0, budget.bytes) });
  const outcomes: InvocationOutcome[] = [];
  const deadLetters: string[] = [];
  const destinations: InvocationRecord[] = [];
  const asyncConfig = options.asyncInvocation;
  const maxRetries = Math.min(2, Math.max(0, Math.floor(asyncConfig?.maximumRetryAttempts ?? ASYNC_DEFAULT_RETRIES)));
  /**
   * Events in the order they arrive; a redelivered batch or a retried asynchronous event is not
   * visible before `at`. An async retry keeps its request id and counts its attempts.
   */
  const queue: { event: unknown; at?: number; retry?: { requestId: string; attempt: number } }[] = options.events.map(
    (event) => ({ event }),
  );
  /** The next event Lambda would hand over: the first already visible, else the one visible soonest. */
  const takeNext = () => {
    let chosen = queue.findIndex((item) => item.at === undefined || item.at <= now);
    if (chosen < 0) {
      chosen = 0;
      for (let index = 1; index < queue.length; index += 1) {
        if ((queue[index]?.at ?? 0) < (queue[chosen]?.at ?? 0)) chosen = index;
      }
    }
    return queue.splice(chosen, 1)[0];
  };
  let now = options.startEpochMs ?? DEFAULT_START_EPOCH_MS;
  let session: EnvironmentSession | undefined;
  let environmentIndex = 0;
  let lastMemoryMb = Math.ceil(RUNTIME_BASELINE_BYTES / 1024 / 1024);

  const resetEnvironment = () => {
    session?.terminate();
    session = undefined;
  };

  const format: LogFormat = options.logFormat ?? 'text';
  const modern = format !== 'text-legacy';
  const runtimeVersionArn = formatRuntimeVersionArn(seed);
  const functionName = options.functionName ?? 'playground-function';
  /** After an invocation failed in an environment, Lambda re-runs init inside the next invocation (a suppressed init). */
  let reinitNext = false;

  /** Starts an environment and runs its init, which may take `limitMs` of virtual time. */
  const startEnvironment = async (limitMs: number): Promise<InitResult> => {
    const config: EnvironmentConfig = {
      functionName,
      memoryMb,
      timeoutSeconds,
      seed,
      environmentIndex: environmentIndex++,
      services: options.services ?? {},
      logFormat: format,
    };
    const begin = now;
    session = new EnvironmentSession(runtimeHost.spawn(), receiveLogs);
    const reply = await session.request(
      { type: 'init', code: options.code, config, startEpochMs: now, budget: remaining(), limitMs },
      watchdogMs + WORKER_STARTUP_GRACE_MS,
    );
    if (reply.kind === 'message' && reply.message.type === 'init-done') {
      now = reply.message.endEpochMs;
      return { kind: 'done', durationMs: reply.message.initDurationMs };
    }
    if (reply.kind === 'message' && reply.message.type === 'init-failed') {
      now = reply.message.endEpochMs;
      const { errorType, errorMessage, stack, timedOut } = reply.message;
      if (timedOut) return { kind: 'timeout', durationMs: reply.message.initDurationMs };
      return { kind: 'failed', durationMs: reply.message.initDurationMs, failure: { errorType, errorMessage, stack } };
    }
    // Stuck in a loop (watchdog), logging past the limit, or the Worker died: the init ran out its time.
    now = begin + limitMs;
    return { kind: 'timeout', durationMs: limitMs };
  };
  // A failed init reports the error's type (e.g. Runtime.ImportModuleError) on INIT_REPORT and REPORT.
  const initStatus = (init: Exclude<InitResult, { kind: 'done' }>): PhaseStatus =>
    init.kind === 'timeout' ? { status: 'timeout' } : { status: 'error', errorType: init.failure.errorType };
  const printInitReport = (init: Exclude<InitResult, { kind: 'done' }>, phase: 'init' | 'invoke') => {
    if (format === 'json') print(formatJsonInitReport(now, init.durationMs, phase, initStatus(init)));
    else if (modern) print(formatInitReportLine(init.durationMs, phase, initStatus(init)));
  };

  try {
    while (queue.length > 0) {
      const next = takeNext();
      const event = next?.event;
      if (next?.at !== undefined && next.at > now) now = next.at;
      // Lambda retries an asynchronous event under its first request id.
      const requestId = next?.retry?.requestId ?? nextRequestId();
      const startedAt = now;
      let initDurationMs: number | undefined;
      /** Init time inside this invocation's Duration (a suppressed init). */
      let suppressedInitMs: number | undefined;
      let initFailure: Exclude<InitResult, { kind: 'done' }> | undefined;
      const coldStart = !session && !reinitNext;

      if (!session) {
        if (coldStart) {
          if (format === 'json') print(formatJsonInitStart(now, functionName, runtimeVersionArn));
          else if (modern) print(formatInitStartLine(runtimeVersionArn));
          const init = await startEnvironment(INIT_LIMIT_MS);
          initDurationMs = init.durationMs;
          if (init.kind !== 'done') {
            if (modern || init.kind === 'timeout') {
              // Lambda reports the failed init (today's formats) and retries it inside this
              // invocation, with the function's timeout. Before INIT_REPORT existed, an init past
              // 10 s was retried the same way, silently: its time shows in Duration only.
              printInitReport(init, 'init');
              resetEnvironment();
              initDurationMs = undefined;
            } else {
              initFailure = init;
            }
          }
        }
        if (!session && !initFailure) {
          const begin = now;
          const init = await startEnvironment(timeoutSeconds * 1000);
          suppressedInitMs = now - begin;
          if (init.kind !== 'done') {
            printInitReport(init, 'invoke');
            initFailure = init;
          }
        }
      }
      reinitNext = false;
      const invokeStart = now - (suppressedInitMs ?? 0);

      if (format === 'json') print(formatJsonStart(now, requestId));
      else print(formatStartLine(requestId));
      const figures = (durationMs: number, maxMemoryUsedMb: number): OutcomeFigures => {
        const total = durationMs + (suppressedInitMs ?? 0);
        const base: OutcomeFigures = {
          requestId,
          startEpochMs: startedAt,
          coldStart,
          durationMs: total,
          billedDurationMs: computeBilledDuration(total, initDurationMs),
          maxMemoryUsedMb,
        };
        if (initDurationMs !== undefined) base.initDurationMs = initDurationMs;
        if (suppressedInitMs !== undefined) base.suppressedInitMs = suppressedInitMs;
        return base;
      };
      const report = (outcome: InvocationOutcome, status: PhaseStatus) => {
        const reportFigures = {
          requestId,
          durationMs: outcome.durationMs,
          billedDurationMs: outcome.billedDurationMs,
          memorySizeMb: memoryMb,
          maxMemoryUsedMb: outcome.maxMemoryUsedMb,
          initDurationMs: outcome.initDurationMs,
          status: modern ? status : undefined,
        };
        if (format === 'json') {
          print(formatJsonReport(now, reportFigures));
        } else {
          print(formatEndLine(requestId));
          print(formatReportLine(reportFigures));
        }
        outcomes.push(outcome);
        lastMemoryMb = outcome.maxMemoryUsedMb;
      };
      // The current format says how an invocation ended on REPORT (Status/Error Type) instead of in
      // lines of its own: public logs of timeouts and out-of-memory kills show START, END and a REPORT
      // ending `Status: timeout` / `Error Type: Runtime.OutOfMemory`, with Duration exactly the timeout.
      const runtimeExit = (reason: string) => {
        if (format === 'text-legacy') print(formatRuntimeExitLine(requestId, reason));
      };
      const timedOut = (durationMs: number, watchdog: boolean) => {
        if (format === 'text-legacy') print(formatTimeoutLine(now, requestId, timeoutSeconds));
        const ranMs = modern ? timeoutSeconds * 1000 - (suppressedInitMs ?? 0) : durationMs;
        report({ ...figures(ranMs, lastMemoryMb), kind: 'timeout', timeoutSeconds, watchdog }, { status: 'timeout' });
        resetEnvironment();
        reinitNext = modern;
      };

      if (initFailure) {
        if (initFailure.kind === 'timeout') {
          now = invokeStart + timeoutSeconds * 1000;
          suppressedInitMs = timeoutSeconds * 1000;
          timedOut(0, false);
          reinitNext = false;
        } else {
          const { errorType, errorMessage, stack } =
            initFailure.kind === 'failed'
              ? initFailure.failure
              : { errorType: 'Sandbox.Timedout', errorMessage: 'Init phase timed out', stack: [] };
          // What the platform prints inside START…END when the function never got past init.
          if (modern && format !== 'json') print(formatInitFailureLine(errorType));
          report(
            { ...figures(0, lastMemoryMb), kind: 'error', phase: 'init', errorType, errorMessage, stack },
            { status: 'error', errorType },
          );
          resetEnvironment();
        }
      } else if (!session) {
        now = invokeStart + timeoutSeconds * 1000;
        timedOut(timeoutSeconds * 1000, true);
      } else {
        const deadlineEpochMs = invokeStart + timeoutSeconds * 1000;
        const invokedAt = now;
        const reply = await session.request(
          { type: 'invoke', requestId, event, startEpochMs: now, budget: remaining(), deadlineEpochMs },
          watchdogMs,
        );
        if (reply.kind === 'watchdog' || reply.kind === 'overrun') {
          now = deadlineEpochMs;
          timedOut(deadlineEpochMs - invokedAt, reply.kind === 'watchdog');
        } else if (reply.kind === 'crashed' || reply.message.type !== 'invoke-done') {
          runtimeExit('exit status 1');
          const message = reply.kind === 'crashed' ? String(reply.error) : 'unexpected reply';
          report(
            {
              ...figures(0, lastMemoryMb),
              kind: 'crash',
              errorType: 'Runtime.ExitError',
              errorMessage: message,
              exitReason: 'exit status 1',
            },
            { status: 'error', errorType: 'Runtime.ExitError' },
          );
          resetEnvironment();
          reinitNext = modern;
        } else if (!isPlausibleReport(reply.message, invokedAt, deadlineEpochMs, memoryMb)) {
          // Only the engine can post on the runtime's channel; this is the second line of defence.
          runtimeExit('exit status 1');
          report(
            {
              ...figures(0, lastMemoryMb),
              kind: 'crash',
              errorType: 'Runtime.ExitError',
              errorMessage: 'The runtime sent a report that cannot be true; the invocation is treated as a crash.',
              exitReason: 'exit status 1',
            },
            { status: 'error', errorType: 'Runtime.ExitError' },
          );
          resetEnvironment();
          reinitNext = modern;
        } else {
          const { result, durationMs, maxMemoryUsedMb, endEpochMs } = reply.message;
          now = endEpochMs;
          const base = figures(durationMs, maxMemoryUsedMb);
          switch (result.kind) {
            case 'timeout':
              timedOut(durationMs, false);
              break;
            case 'out-of-memory':
              runtimeExit('signal: killed');
              report(
                { ...base, kind: 'out-of-memory', errorType: 'Runtime.ExitError' },
                { status: 'error', errorType: 'Runtime.OutOfMemory' },
              );
              resetEnvironment();
              reinitNext = modern;
              break;
            case 'crash':
              runtimeExit(result.exitReason);
              report({ ...base, ...result }, { status: 'error', errorType: result.errorType });
              resetEnvironment();
              reinitNext = modern;
              break;
            case 'error':
              report({ ...base, ...result, phase: 'invoke' }, { status: 'success' });
              break;
            case 'success':
              report({ ...base, ...result }, { status: 'success' });
              break;
          }
        }
      }

      const outcome = outcomes.at(-1);
      if (options.sqsRedrive && outcome && isSqsEvent(event)) {
        // The records stay invisible in the queue for the visibility timeout, counted from when
        // Lambda received them (the start of this invocation).
        const visibilityMs = (options.sqsRedrive.visibilityTimeoutSeconds ?? 30) * 1000;
        // A failed invocation, or a malformed partial batch response, fails the whole batch. An
        // invocation that outlived the visibility timeout had its records visible again before
        // Lambda could delete them: they are delivered again even though it succeeded (in Lambda,
        // possibly to another environment while this one still worked on them).
        const outlived = now - outcome.startEpochMs > visibilityMs;
        const failedIds = outcome.kind === 'success' && !outlived ? failedRecordIds(event, outcome.result) : undefined;
        const settled = settleBatch(event, failedIds, options.sqsRedrive.maxReceiveCount);
        if (settled.redeliver) queue.push({ event: settled.redeliver, at: outcome.startEpochMs + visibilityMs });
        deadLetters.push(...settled.deadLetters.map((record) => record.messageId));
      }
      if (asyncConfig && outcome) {
        const attempt = next?.retry?.attempt ?? 1;
        const record = (destination: string, condition: 'Success' | 'RetriesExhausted'): InvocationRecord => ({
          destination,
          version: '1.0',
          timestamp: new Date(now).toISOString(),
          requestContext: {
            requestId,
            functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}:$LATEST`,
            condition,
            approximateInvokeCount: attempt,
          },
          requestPayload: event,
          responseContext:
            outcome.kind === 'success'
              ? { statusCode: 200, executedVersion: '$LATEST' }
              : { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: responsePayloadOf(outcome),
        });
        if (outcome.kind === 'success') {
          if (asyncConfig.onSuccess) destinations.push(record(asyncConfig.onSuccess, 'Success'));
        } else if (attempt <= maxRetries) {
          // The wait is counted from the end of the failed attempt.
          const delay = ASYNC_RETRY_DELAYS_MS[attempt - 1] ?? ASYNC_RETRY_DELAYS_MS[1];
          queue.push({ event, at: now + delay, retry: { requestId, attempt: attempt + 1 } });
        } else if (asyncConfig.onFailure) {
          destinations.push(record(asyncConfig.onFailure, 'RetriesExhausted'));
        }
      }
      now += idleMs;
    }
  } finally {
    resetEnvironment();
  }
  return { logs, outcomes, deadLetters, destinations, dropped };
}

/**
 * What Lambda returns as the response of an attempt, and puts in an invocation record's
 * responsePayload: the handler's result, the runtime's error object, or for a timeout the
 * platform's `Sandbox.Timedout` response ("RequestId: … Error: Task timed out after 3.00 seconds").
 */
export function responsePayloadOf(outcome: InvocationOutcome): unknown {
  switch (outcome.kind) {
    case 'success':
      return outcome.result;
    case 'error':
      return { errorType: outcome.errorType, errorMessage: outcome.errorMessage, trace: outcome.stack };
    case 'timeout':
      return {
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${outcome.requestId} Error: Task timed out after ${outcome.timeoutSeconds.toFixed(2)} seconds`,
      };
    case 'out-of-memory':
      return { errorType: 'Runtime.OutOfMemory', errorMessage: 'Runtime exited with error: signal: killed' };
    case 'crash':
      return {
        errorType: outcome.errorType,
        errorMessage: `RequestId: ${outcome.requestId} Error: Runtime exited with error: ${outcome.exitReason}`,
      };
  }
}
