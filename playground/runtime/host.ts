/**
 * What the emulator needs from a platform: a way to start one execution environment (a Worker
 * running engine.ts) and to talk to it. host-node.ts and host-browser.ts are the two implementations.
 */
import type { HostToWorker, WorkerToHost } from './messages.ts';

export interface EnvironmentPort {
  post(message: HostToWorker): void;
  /** Every message, in order; `crashed` when the Worker itself fails. */
  listen(onMessage: (message: WorkerToHost) => void, onCrash: (error: unknown) => void): void;
  /** Kills the Worker at once, even while it spins: how the watchdog enforces the timeout. */
  terminate(): void;
}

export interface RuntimeHost {
  spawn(): EnvironmentPort;
}
