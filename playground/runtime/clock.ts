/**
 * The virtual clock. Inside an execution environment every timer, Date and performance.now reads
 * this clock instead of the wall clock.
 *
 * How time advances: the clock never moves while code runs, except when code is charged CPU time
 * (`advance`). The engine's driver waits for a real macrotask — by then every queued microtask has
 * run — and, if the invocation is still pending, jumps the clock to the earliest timer and fires it.
 * So `await sleep(30_000)` costs nothing real, ten retries with backoff finish at once, and a
 * promise nobody will ever resolve (no timer left) lets the clock run to the deadline: the timeout.
 */
export interface ScheduledTimer {
  id: number;
  at: number;
  sequence: number;
  callback: () => void;
  /** For setInterval: the period to reschedule with. */
  repeatMs?: number;
}

export class VirtualClock {
  /** Virtual epoch milliseconds. */
  now: number;
  private readonly origin: number;
  private readonly timers = new Map<number, ScheduledTimer>();
  private nextId = 1;
  private nextSequence = 0;

  constructor(startEpochMs: number) {
    this.now = startEpochMs;
    this.origin = startEpochMs;
  }

  /** Milliseconds since the environment started, like performance.now(). */
  elapsed(): number {
    return this.now - this.origin;
  }

  /** Charges `ms` of virtual time at once (CPU work, a blocking call). */
  advance(ms: number): void {
    if (ms > 0) this.now += ms;
  }

  schedule(callback: () => void, delayMs: number, repeatMs?: number): number {
    const id = this.nextId++;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: ScheduledTimer = { id, at: this.now + delay, sequence: this.nextSequence++, callback };
    if (repeatMs !== undefined) timer.repeatMs = Math.max(1, repeatMs);
    this.timers.set(id, timer);
    return id;
  }

  cancel(id: unknown): void {
    if (typeof id === 'number') this.timers.delete(id);
  }

  /** The timer that fires next (earliest time, then first scheduled), if any. */
  peek(): ScheduledTimer | undefined {
    let earliest: ScheduledTimer | undefined;
    for (const timer of this.timers.values()) {
      if (!earliest || timer.at < earliest.at || (timer.at === earliest.at && timer.sequence < earliest.sequence)) {
        earliest = timer;
      }
    }
    return earliest;
  }

  /** Moves the clock to `timer` (never backwards) and runs its callback; errors propagate. */
  fire(timer: ScheduledTimer): void {
    this.now = Math.max(this.now, timer.at);
    if (timer.repeatMs === undefined) {
      this.timers.delete(timer.id);
    } else {
      timer.at = this.now + timer.repeatMs;
      timer.sequence = this.nextSequence++;
    }
    timer.callback();
  }

  /** Forgets every timer: an invocation's leftovers must not run into the next one's time. */
  clearAll(): void {
    this.timers.clear();
  }
}

type TimerHandler = (...args: unknown[]) => void;

/**
 * Points the global timer functions, Date, performance.now, AbortSignal.timeout and Math.random at
 * the virtual clock and the seeded generator. Runs once per Worker; the Worker is the sandbox, so
 * nothing needs restoring.
 */
export function installVirtualTime(clock: VirtualClock, random: () => number): void {
  const scope = globalThis as Record<string, unknown>;
  const wrap =
    (handler: unknown, args: unknown[]): (() => void) =>
    () => {
      if (typeof handler === 'function') (handler as TimerHandler)(...args);
    };
  scope.setTimeout = (handler: unknown, delay?: number, ...args: unknown[]) =>
    clock.schedule(wrap(handler, args), delay ?? 0);
  scope.setInterval = (handler: unknown, delay?: number, ...args: unknown[]) =>
    clock.schedule(wrap(handler, args), delay ?? 0, delay ?? 0);
  scope.setImmediate = (handler: unknown, ...args: unknown[]) => clock.schedule(wrap(handler, args), 0);
  scope.clearTimeout = (id: unknown) => clock.cancel(id);
  scope.clearInterval = (id: unknown) => clock.cancel(id);
  scope.clearImmediate = (id: unknown) => clock.cancel(id);

  const RealDate = Date;
  function VirtualDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new RealDate(clock.now).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [clock.now] : args, new.target);
  }
  Object.setPrototypeOf(VirtualDate, RealDate);
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(VirtualDate, 'now', { value: () => clock.now });
  scope.Date = VirtualDate;

  Object.defineProperty(performance, 'now', { value: () => clock.elapsed(), configurable: true });
  Object.defineProperty(Math, 'random', { value: random, configurable: true, writable: true });
  Object.defineProperty(AbortSignal, 'timeout', {
    configurable: true,
    value: (ms: number) => {
      const controller = new AbortController();
      clock.schedule(
        () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
        ms,
      );
      return controller.signal;
    },
  });
}
