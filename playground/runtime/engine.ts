/**
 * The execution environment, as it runs inside a Worker: one engine per Worker, one Worker per
 * execution environment. It runs the module's top level once (init), then one invocation per
 * `invoke` message, on the virtual clock, and reports logs and results as messages. The hosts
 * (worker-node.ts, worker-browser.ts) only connect it to their message port.
 */
import type { ServicesConfig } from '../services/config.ts';
import { computeCpuFactor, type ServiceContext } from '../services/context.ts';
import { createServices } from '../services/index.ts';
import { installVirtualTime, VirtualClock } from './clock.ts';
import { formatConsoleLine, formatErrorJson, formatErrorMessage, type LogFormat, type LogLevel } from './format.ts';
import { formatArgs } from './inspect.ts';
import { MemoryMeter } from './memory.ts';
import type {
  EnvironmentConfig,
  HostToWorker,
  InvocationResult,
  LogBudget,
  SerializedFailure,
  WorkerToHost,
} from './messages.ts';
import { MODULE_URL, type ModuleUrlMaker, prepareModule, SERVICES_GLOBAL } from './module-loader.ts';
import { OutputMeter } from './output.ts';
import { createRandom } from './prng.ts';

/**
 * Virtual CPU one log line costs at one vCPU (the runtime writes each line synchronously). A model
 * parameter of the playground, not an AWS figure: it makes code that logs in a loop run out of time,
 * as it does in Lambda, instead of logging for free.
 */
export const LOG_LINE_CPU_MS = 0.005;

type Handler = (event: unknown, context: unknown) => unknown;

/** What ended a drive of the clock. */
type DriveEnd = 'settled' | 'deadline' | 'killed' | { crash: { error: unknown; rejection: boolean } };

interface Environment {
  config: EnvironmentConfig;
  clock: VirtualClock;
  memory: MemoryMeter;
  overheadRandom: () => number;
  handler: Handler;
}

/**
 * Freezes the built-ins the engine itself relies on to time, settle and report an invocation
 * (promises, Math, JSON, arrays, functions, Reflect, message ports), once the engine has installed
 * its own globals and before reader code loads: reader code cannot then replace
 * `Promise.prototype.then` to settle a hung handler, or `Math.max` to rewrite a duration. Only
 * these objects: freezing Object.prototype or Error.prototype would break ordinary code that
 * assigns a `toString` or `name` of its own.
 */
export function hardenIntrinsics(): void {
  const targets: unknown[] = [
    Math,
    JSON,
    Reflect,
    Object,
    Promise,
    Promise.prototype,
    Array.prototype,
    Function.prototype,
    (globalThis as { MessagePort?: { prototype: unknown } }).MessagePort?.prototype,
  ];
  for (const target of targets) if (target) Object.freeze(target);
}

/** A real macrotask: when it runs, every microtask queued before it has run. */
function createMacrotask(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export function serializeError(error: unknown): SerializedFailure & { own: Record<string, unknown> } {
  if (error instanceof Error) {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(error)) if (key !== 'name') own[key] = value;
    const stack = (error.stack ?? `${error.name}: ${error.message}`)
      .split('\n')
      .filter((line, index) => index === 0 || line.includes(MODULE_URL) || !/^\s+at |@/.test(line));
    return { errorType: error.name, errorMessage: error.message, stack, own };
  }
  return { errorType: typeof error, errorMessage: String(error), stack: [], own: {} };
}

/** `toModuleUrl`: how this platform makes an importable URL of the handler's source (data: by default). */
export function createEngine(post: (message: WorkerToHost) => void, toModuleUrl?: ModuleUrlMaker) {
  const nextMacrotask = createMacrotask();
  let environment: Environment | undefined;
  let activeClock: VirtualClock | undefined;
  let requestId: string | undefined;
  /** Code threw outside any handler's promise (a timer), or left a rejected promise unhandled. */
  let crash: { error: unknown; rejection: boolean } | undefined;
  let logFormat: LogFormat = 'text';
  let realPending = 0;
  const output = new OutputMeter(post);
  /** The deadline of the phase that is running (init or invocation), and the CPU factor to charge logging by. */
  let phase: { deadline: number; cpuFactor: number; overrun: boolean } | undefined;

  const log = (level: LogLevel, args: unknown[]) => {
    const clock = activeClock;
    if (clock && phase) {
      if (phase.overrun) return;
      clock.advance(LOG_LINE_CPU_MS * phase.cpuFactor);
      if (clock.now > phase.deadline) {
        // Lambda would have stopped the function here; nothing after this line is printed.
        phase.overrun = true;
        output.flush();
        post({ type: 'overrun' });
        return;
      }
    }
    if (!output.open) {
      output.drop();
      return;
    }
    output.write(formatConsoleLine(clock?.now ?? Date.now(), requestId, level, formatArgs(args), logFormat));
  };

  const logError = (label: 'Invoke Error' | 'Uncaught Exception', error: unknown) => {
    const { own, ...failure } = serializeError(error);
    log('ERROR', [formatErrorMessage(label, formatErrorJson(failure, own))]);
    return failure;
  };

  /**
   * What the Node.js runtime logs for a promise rejection nobody handled, before it exits: the
   * reason wrapped in Runtime.UnhandledPromiseRejection (fields as in public CloudWatch lines:
   * errorType, errorMessage, reason, promise, stack).
   */
  const logRejection = (reason: unknown): SerializedFailure => {
    const errorMessage = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
    const { own, ...serialized } = serializeError(reason);
    const errorType = 'Runtime.UnhandledPromiseRejection';
    const stack = [`${errorType}: ${errorMessage}`];
    const json = JSON.stringify({
      errorType,
      errorMessage,
      reason: {
        errorType: serialized.errorType,
        errorMessage: serialized.errorMessage,
        ...own,
        stack: serialized.stack,
      },
      promise: {},
      stack,
    });
    log('ERROR', [formatErrorMessage('Unhandled Promise Rejection', json)]);
    return { errorType, errorMessage, stack };
  };

  const logCrash = (found: { error: unknown; rejection: boolean }) =>
    found.rejection ? logRejection(found.error) : logError('Uncaught Exception', found.error);

  function patchConsole(): void {
    const levels: [keyof Console, LogLevel][] = [
      ['log', 'INFO'],
      ['info', 'INFO'],
      ['warn', 'WARN'],
      ['error', 'ERROR'],
      ['debug', 'DEBUG'],
      ['trace', 'TRACE'],
    ];
    for (const [method, level] of levels) {
      Object.defineProperty(console, method, { value: (...args: unknown[]) => log(level, args), configurable: true });
    }
  }

  /**
   * Runs the clock until `isSettled()`, the deadline, a kill or a crash. Between steps it waits one
   * real macrotask; if nothing settled, it fires the next timer. With no timer left and nothing real
   * pending, nothing can ever happen again: the clock runs to the deadline.
   */
  async function drive(env: Environment, isSettled: () => boolean, deadline: number): Promise<DriveEnd> {
    for (;;) {
      output.flush();
      await nextMacrotask();
      if (crash) return { crash };
      if (env.memory.killed) return 'killed';
      // CPU charged synchronously can carry the clock past the deadline even if the code then settled.
      if (env.clock.now > deadline) return 'deadline';
      if (isSettled()) {
        // A browser reports an unhandled rejection in a task of its own, Node at the end of the
        // microtasks: give both a turn, so the two platforms see the same rejections.
        await nextMacrotask();
        await nextMacrotask();
        if (crash) return { crash };
        return 'settled';
      }
      const timer = env.clock.peek();
      // While the module is still being fetched for real (import()), only timers may move the clock.
      if (!timer && realPending > 0) continue;
      if (!timer || timer.at > deadline) {
        env.clock.now = deadline;
        return 'deadline';
      }
      try {
        env.clock.fire(timer);
      } catch (error) {
        crash = { error, rejection: false };
      }
    }
  }

  async function initialize(
    code: string,
    config: EnvironmentConfig,
    startEpochMs: number,
    budget: LogBudget,
    limitMs: number,
  ): Promise<void> {
    logFormat = config.logFormat;
    const streamSeed = config.seed + config.environmentIndex * 7919;
    const clock = new VirtualClock(startEpochMs);
    activeClock = clock;
    output.reset(budget);
    phase = { deadline: startEpochMs + limitMs, cpuFactor: computeCpuFactor(config.memoryMb), overrun: false };
    const memory = new MemoryMeter(config.memoryMb * 1024 * 1024);
    installVirtualTime(clock, createRandom(streamSeed, 'user'));
    patchConsole();
    const context: ServiceContext = {
      clock,
      memory,
      random: (stream) => createRandom(streamSeed, stream),
      cpuFactor: computeCpuFactor(config.memoryMb),
    };
    const { fetch, modules } = createServices(context, config.services satisfies ServicesConfig);
    (globalThis as Record<symbol, unknown>)[SERVICES_GLOBAL] = modules;
    // Lambda's Node.js has a global Buffer; the browser Worker gets the same API from the buffer package.
    if (!('Buffer' in globalThis)) {
      Object.defineProperty(globalThis, 'Buffer', {
        value: (modules.buffer as { Buffer: unknown }).Buffer,
        configurable: true,
        writable: true,
      });
    }
    Object.defineProperty(globalThis, 'fetch', { value: fetch, configurable: true, writable: true });
    hardenIntrinsics();

    const overheadRandom = createRandom(streamSeed, 'runtime');
    // Starting the Node.js runtime itself, before any user code: 100 to 160 ms.
    clock.advance(100 + overheadRandom() * 60);

    const fail = (failure: SerializedFailure, timedOut = false) => {
      output.flush();
      post({
        type: 'init-failed',
        ...failure,
        timedOut,
        initDurationMs: clock.now - startEpochMs,
        endEpochMs: clock.now,
      });
    };

    const prepared = await prepareModule(code, toModuleUrl, (specifier) => {
      const namespace = Object.hasOwn(modules, specifier) ? modules[specifier] : undefined;
      return namespace ? Object.keys(namespace) : undefined;
    });
    if (!prepared.ok) {
      const error = Object.assign(new Error(prepared.errorMessage), { name: prepared.errorType });
      error.stack = `${prepared.errorType}: ${prepared.errorMessage}`;
      fail(logError('Uncaught Exception', error));
      return;
    }
    let module: Record<string, unknown> | undefined;
    let loadError: { error: unknown } | undefined;
    realPending += 1;
    const loading = import(/* @vite-ignore */ prepared.url).then(
      (loaded: Record<string, unknown>) => {
        module = loaded;
      },
      (error: unknown) => {
        loadError = { error };
      },
    );
    loading.finally(() => {
      realPending -= 1;
    });
    const env: Environment = { config, clock, memory, overheadRandom, handler: () => undefined };
    const end = await drive(env, () => module !== undefined || loadError !== undefined, startEpochMs + limitMs);
    // What the runtime prints from here on (errors) is its own, not code logging in a loop.
    phase = undefined;
    if (end === 'deadline') {
      const seconds = (limitMs / 1000).toFixed(2);
      fail(
        { errorType: 'Sandbox.Timedout', errorMessage: `Init phase timed out after ${seconds} seconds`, stack: [] },
        true,
      );
      return;
    }
    if (end === 'killed') {
      fail({ errorType: 'Runtime.OutOfMemory', errorMessage: 'Runtime exited with error: signal: killed', stack: [] });
      return;
    }
    if (typeof end === 'object' && end.crash.rejection) {
      fail(logCrash(end.crash));
      return;
    }
    if (loadError || typeof end === 'object') {
      const error = loadError ? loadError.error : typeof end === 'object' ? end.crash.error : undefined;
      if (error instanceof SyntaxError) {
        error.name = 'Runtime.UserCodeSyntaxError';
        error.message = `SyntaxError: ${error.message}`;
      }
      fail(logError('Uncaught Exception', error));
      return;
    }
    const handler = module?.handler;
    if (typeof handler !== 'function') {
      const error = new Error('index.handler is undefined or not exported');
      error.name = 'Runtime.HandlerNotFound';
      error.stack = `${error.name}: ${error.message}`;
      fail(logError('Uncaught Exception', error));
      return;
    }
    env.handler = handler as Handler;
    environment = env;
    output.flush();
    post({ type: 'init-done', initDurationMs: clock.now - startEpochMs, endEpochMs: clock.now });
  }

  async function invoke(
    env: Environment,
    id: string,
    event: unknown,
    startEpochMs: number,
    budget: LogBudget,
    deadlineEpochMs: number,
  ): Promise<void> {
    const { clock, memory } = env;
    const config = env.config;
    clock.now = Math.max(clock.now, startEpochMs);
    const start = clock.now;
    const deadline = deadlineEpochMs;
    output.reset(budget);
    phase = { deadline, cpuFactor: computeCpuFactor(config.memoryMb), overrun: false };
    requestId = id;
    memory.beginInvocation();
    // Timers that fell due while the environment was frozen (work a previous invocation left
    // running) fire as it thaws, before the new event: what they do, and how they fail, lands in
    // this invocation, as in Lambda. Each gets a macrotask, so its promise callbacks run too.
    for (let fired = 0, timer = clock.peek(); timer && timer.at <= start && fired < 1000; timer = clock.peek()) {
      fired += 1;
      try {
        clock.fire(timer);
      } catch (error) {
        crash ??= { error, rejection: false };
      }
      await nextMacrotask();
    }
    // The runtime's own share of every invocation: fetching the event, posting the response.
    clock.advance(0.4 + env.overheadRandom() * 1.6);

    let settled: { ok: true; value: unknown } | { ok: false; error: unknown } | undefined;
    const finish = (outcome: typeof settled) => {
      settled ??= outcome;
    };
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: config.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${config.functionName}`,
      memoryLimitInMB: String(config.memoryMb),
      awsRequestId: id,
      logGroupName: `/aws/lambda/${config.functionName}`,
      logStreamName: `${new Date(start).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${id.replace(/-/g, '')}`,
      getRemainingTimeInMillis: () => Math.max(0, Math.floor(deadline - clock.now)),
      done: (error?: unknown, value?: unknown) =>
        finish(error === undefined || error === null ? { ok: true, value } : { ok: false, error }),
      succeed: (value?: unknown) => finish({ ok: true, value }),
      fail: (error?: unknown) => finish({ ok: false, error: error ?? 'handled' }),
    };
    try {
      Promise.resolve(env.handler(event, context)).then(
        (value) => finish({ ok: true, value }),
        (error: unknown) => finish({ ok: false, error }),
      );
    } catch (error) {
      finish({ ok: false, error });
    }
    const end = await drive(env, () => settled !== undefined, deadline);
    phase = undefined;

    let result: InvocationResult;
    if (end === 'killed') {
      result = { kind: 'out-of-memory' };
    } else if (typeof end === 'object') {
      // The Node.js runtime exits with 129 after an uncaught exception, 128 after an unhandled rejection.
      const exitReason = end.crash.rejection ? 'exit status 128' : 'exit status 129';
      result = { kind: 'crash', exitReason, ...logCrash(end.crash) };
    } else if (end === 'deadline') {
      // Lambda notices the timeout a few milliseconds late.
      clock.now = deadline + env.overheadRandom() * 5;
      result = { kind: 'timeout' };
    } else if (settled?.ok === false) {
      result = { kind: 'error', ...logError('Invoke Error', settled.error) };
    } else {
      const value = settled?.value;
      try {
        result = { kind: 'success', result: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (error) {
        result = {
          kind: 'error',
          errorType: 'Runtime.MarshalError',
          errorMessage: `Unable to stringify response body: ${String(error)}`,
          stack: [],
        };
      }
    }
    requestId = undefined;
    output.flush();
    post({
      type: 'invoke-done',
      result,
      durationMs: clock.now - start,
      maxMemoryUsedMb: end === 'killed' ? config.memoryMb : memory.peakMb(),
      endEpochMs: clock.now,
    });
  }

  return {
    /** The platform saw a rejected promise nobody handled (worker-node.ts, worker-browser.ts). */
    rejectionUnhandled(reason: unknown): void {
      crash ??= { error: reason, rejection: true };
    },
    async receive(message: HostToWorker): Promise<void> {
      switch (message.type) {
        case 'init':
          await initialize(message.code, message.config, message.startEpochMs, message.budget, message.limitMs);
          return;
        case 'invoke':
          if (!environment) throw new Error('invoke before a successful init');
          await invoke(
            environment,
            message.requestId,
            message.event,
            message.startEpochMs,
            message.budget,
            message.deadlineEpochMs,
          );
          return;
      }
    },
  };
}
