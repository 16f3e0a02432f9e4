/**
 * The memory model, in the sentence the UI shows:
 * "Max Memory Used is the Node.js runtime's baseline (64 MB) plus everything the emulated services
 * handed your code whole (freed when the invocation ends) plus what your code keeps with
 * retain(bytes) until release(bytes); pass the memory size and the runtime is killed."
 *
 * The emulator cannot see real heap use deterministically (and not at all in a browser), so it
 * counts what it can: service payloads and declared retention.
 */
export const MEMORY_MODEL_SENTENCE =
  'Max Memory Used is the Node.js runtime baseline (64 MB) plus everything the emulated services handed your code whole (freed when the invocation ends) plus what your code keeps with retain(bytes) until release(bytes); past the memory size, the runtime is killed.';

export const RUNTIME_BASELINE_BYTES = 64 * 1024 * 1024;
const MEBIBYTE = 1024 * 1024;

export class MemoryMeter {
  private retained = 0;
  private transient = 0;
  private peak = RUNTIME_BASELINE_BYTES;
  /** Set once the limit is passed: the engine ends the invocation with signal: killed. */
  killed = false;

  private readonly limitBytes: number;

  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  private get current(): number {
    return RUNTIME_BASELINE_BYTES + this.retained + this.transient;
  }

  private record(): boolean {
    this.peak = Math.max(this.peak, this.current);
    if (this.current > this.limitBytes) this.killed = true;
    return !this.killed;
  }

  /** Bytes held until the invocation ends (a response body, a whole object). False once killed. */
  chargeTransient(bytes: number): boolean {
    this.transient += Math.max(0, bytes);
    return this.record();
  }

  /** Frees transient bytes early (a streamed chunk that has been consumed). */
  releaseTransient(bytes: number): void {
    this.transient = Math.max(0, this.transient - Math.max(0, bytes));
  }

  /** Bytes the code keeps across invocations until it releases them. False once killed. */
  retain(bytes: number): boolean {
    this.retained += Math.max(0, bytes);
    return this.record();
  }

  release(bytes: number): void {
    this.retained = Math.max(0, this.retained - Math.max(0, bytes));
  }

  /** Bytes still free before the kill; what a growing download may use up. */
  headroom(): number {
    return Math.max(0, this.limitBytes - this.current);
  }

  /** Starts a new invocation: transient bytes are collected, the peak restarts from what remains. */
  beginInvocation(): void {
    this.transient = 0;
    this.peak = this.current;
  }

  /** Max Memory Used, in whole MB as REPORT prints it (never above the memory size). */
  peakMb(): number {
    return Math.min(Math.ceil(this.peak / MEBIBYTE), Math.round(this.limitBytes / MEBIBYTE));
  }
}
