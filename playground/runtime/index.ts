/**
 * The emulated Lambda runtime's public API: `emulate()` runs handler code against a list of events
 * on one execution environment and returns every log line and one outcome per invocation.
 *
 * This side (the host) owns what outlives an environment: the request ids, the clock between
 * environments, the platform lines (START, END, REPORT, timeouts, runtime exits), resets after a
 * timeout or crash, and the wall-clock watchdog that terminates a Worker stuck in a loop.
 */
import type { ServicesConfig } from '../services/config.ts';
import { isSqsEvent, readBatchItemFailures, settleBatch } from '../services/sqs.ts';
import {
  computeBilledDuration,
  formatEndLine,
  formatReportLine,
  formatRuntimeExitLine,
  formatStartLine,
  formatTimeoutLine,
} from './format.ts';
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import { RUNTIME_BASELINE_BYTES } from './memory.ts';
import type { EnvironmentConfig, HostToWorker, LogBudget, WorkerToHost } from './messages.ts';
import { DEFAULT_LOG_BUDGET, utf8Length } from './output.ts';
import { createRandom, createUuid } from './prng.ts';

export type { ServicesConfig } from '../services/config.ts';
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
  /** Treat SQS batch events as coming from a queue: failed records come back until maxReceiveCount. */
  sqsRedrive?: { maxReceiveCount: number };
  /** Virtual epoch of the first cold start. */
  startEpochMs?: number;
  /** Called with each log line as it is printed, so a page can show output before the run ends. */
  onLog?: (line: string) => void;
  /** What the run may print (code's lines, not START/END/REPORT); DEFAULT_LOG_BUDGET unless set. */
  logBudget?: LogBudget;
}

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
  /**
   * Lines the code printed past the run's allowance, which never left the Worker; `bytes` counts
   * only the lines that were measured (a line dropped once the allowance is spent is not even formatted).
   */
  dropped: { lines: number; bytes: number };
}

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
  const queue = [...options.events];
  let now = options.startEpochMs ?? DEFAULT_START_EPOCH_MS;
  let session: EnvironmentSession | undefined;
  let environmentIndex = 0;
  let lastMemoryMb = Math.ceil(RUNTIME_BASELINE_BYTES / 1024 / 1024);

  const resetEnvironment = () => {
    session?.terminate();
    session = undefined;
  };

  try {
    while (queue.length > 0) {
      const event = queue.shift();
      const requestId = nextRequestId();
      const startedAt = now;
      let initDurationMs: number | undefined;
      let initFailure: Extract<WorkerToHost, { type: 'init-failed' }> | undefined;
      let stuck = false;
      const coldStart = !session;

      if (!session) {
        const config: EnvironmentConfig = {
          functionName: options.functionName ?? 'playground-function',
          memoryMb,
          timeoutSeconds,
          seed,
          environmentIndex: environmentIndex++,
          services: options.services ?? {},
        };
        session = new EnvironmentSession(runtimeHost.spawn(), receiveLogs);
        const reply = await session.request(
          { type: 'init', code: options.code, config, startEpochMs: now, budget: remaining() },
          watchdogMs + WORKER_STARTUP_GRACE_MS,
        );
        if (reply.kind === 'message' && reply.message.type === 'init-done') {
          initDurationMs = reply.message.initDurationMs;
          now = reply.message.endEpochMs;
        } else if (reply.kind === 'message' && reply.message.type === 'init-failed') {
          initFailure = reply.message;
          initDurationMs = reply.message.initDurationMs;
          now = reply.message.endEpochMs;
        } else {
          stuck = true;
        }
      }

      print(formatStartLine(requestId));
      const figures = (durationMs: number, maxMemoryUsedMb: number): OutcomeFigures => {
        const base: OutcomeFigures = {
          requestId,
          startEpochMs: startedAt,
          coldStart,
          durationMs,
          billedDurationMs: computeBilledDuration(durationMs, initDurationMs),
          maxMemoryUsedMb,
        };
        if (initDurationMs !== undefined) base.initDurationMs = initDurationMs;
        return base;
      };
      const report = (outcome: InvocationOutcome) => {
        print(formatEndLine(requestId));
        print(
          formatReportLine({
            requestId,
            durationMs: outcome.durationMs,
            billedDurationMs: outcome.billedDurationMs,
            memorySizeMb: memoryMb,
            maxMemoryUsedMb: outcome.maxMemoryUsedMb,
            initDurationMs: outcome.initDurationMs,
          }),
        );
        outcomes.push(outcome);
        lastMemoryMb = outcome.maxMemoryUsedMb;
      };
      const timedOut = (durationMs: number, watchdog: boolean) => {
        print(formatTimeoutLine(now, requestId, timeoutSeconds));
        report({ ...figures(durationMs, lastMemoryMb), kind: 'timeout', timeoutSeconds, watchdog });
        resetEnvironment();
      };

      if (initFailure) {
        const { errorType, errorMessage, stack } = initFailure;
        report({ ...figures(0, lastMemoryMb), kind: 'error', phase: 'init', errorType, errorMessage, stack });
        resetEnvironment();
      } else if (stuck || !session) {
        now = startedAt + timeoutSeconds * 1000;
        timedOut(timeoutSeconds * 1000, true);
      } else {
        const invokeStart = now;
        const reply = await session.request(
          { type: 'invoke', requestId, event, startEpochMs: now, budget: remaining() },
          watchdogMs,
        );
        if (reply.kind === 'watchdog' || reply.kind === 'overrun') {
          now = invokeStart + timeoutSeconds * 1000;
          timedOut(timeoutSeconds * 1000, reply.kind === 'watchdog');
        } else if (reply.kind === 'crashed' || reply.message.type !== 'invoke-done') {
          print(formatRuntimeExitLine(requestId, 'exit status 1'));
          const message = reply.kind === 'crashed' ? String(reply.error) : 'unexpected reply';
          report({
            ...figures(0, lastMemoryMb),
            kind: 'crash',
            errorType: 'Runtime.ExitError',
            errorMessage: message,
            exitReason: 'exit status 1',
          });
          resetEnvironment();
        } else {
          const { result, durationMs, maxMemoryUsedMb, endEpochMs } = reply.message;
          now = endEpochMs;
          const base = figures(durationMs, maxMemoryUsedMb);
          switch (result.kind) {
            case 'timeout':
              timedOut(durationMs, false);
              break;
            case 'out-of-memory':
              print(formatRuntimeExitLine(requestId, 'signal: killed'));
              report({ ...base, kind: 'out-of-memory', errorType: 'Runtime.ExitError' });
              resetEnvironment();
              break;
            case 'crash':
              print(formatRuntimeExitLine(requestId, result.exitReason));
              report({ ...base, ...result });
              resetEnvironment();
              break;
            case 'error':
              report({ ...base, ...result, phase: 'invoke' });
              break;
            case 'success':
              report({ ...base, ...result });
              break;
          }
        }
      }

      const outcome = outcomes.at(-1);
      if (options.sqsRedrive && outcome && isSqsEvent(event)) {
        const failedIds = outcome.kind === 'success' ? (readBatchItemFailures(outcome.result) ?? []) : undefined;
        const settled = settleBatch(event, failedIds, options.sqsRedrive.maxReceiveCount);
        if (settled.redeliver) queue.push(settled.redeliver);
        deadLetters.push(...settled.deadLetters.map((record) => record.messageId));
      }
      now += idleMs;
    }
  } finally {
    resetEnvironment();
  }
  return { logs, outcomes, deadLetters, dropped };
}
