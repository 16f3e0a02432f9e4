/**
 * Everything that crosses the Worker boundary, as discriminated unions: the host and the engine
 * switch on `type`, never on strings compared by hand.
 */
import type { ServicesConfig } from '../services/config.ts';
import type { LogFormat } from './format.ts';

/** Settings of one execution environment, fixed for its lifetime. */
export interface EnvironmentConfig {
  functionName: string;
  memoryMb: number;
  timeoutSeconds: number;
  seed: number;
  /** Seeds this environment's own random streams, so a reset environment does not replay the old one. */
  environmentIndex: number;
  services: ServicesConfig;
  logFormat: LogFormat;
}

/**
 * What is left of the run's output allowance when an init or invocation starts. The engine stops
 * forwarding lines once either runs out (and counts what it dropped), so a flood never crosses the
 * Worker boundary.
 */
export interface LogBudget {
  lines: number;
  bytes: number;
}

export type HostToWorker =
  /** Starts the environment: installs the virtual clock and runs the module's top level (init). */
  /** `limitMs`: 10 s for an init, the function timeout for an init Lambda retries inside an invocation. */
  | { type: 'init'; code: string; config: EnvironmentConfig; startEpochMs: number; budget: LogBudget; limitMs: number }
  | {
      type: 'invoke';
      requestId: string;
      event: unknown;
      startEpochMs: number;
      budget: LogBudget;
      /** The invocation's deadline: earlier than start + timeout when a suppressed init used part of it. */
      deadlineEpochMs: number;
    };

export interface SerializedFailure {
  errorType: string;
  errorMessage: string;
  stack: string[];
}

/** How one invocation ended, as the engine saw it. */
export type InvocationResult =
  | { kind: 'success'; result: unknown }
  | ({ kind: 'error' } & SerializedFailure)
  | { kind: 'timeout' }
  | { kind: 'out-of-memory' }
  | ({ kind: 'crash'; exitReason: string } & SerializedFailure);

export type WorkerToHost =
  /**
   * CloudWatch log events, already formatted and cut to the event size, in batches; plus the lines
   * and bytes the engine dropped (over the run's allowance) since the previous batch.
   */
  | { type: 'logs'; lines: string[]; droppedLines: number; droppedBytes: number }
  /**
   * Logging has carried the virtual clock past the deadline while the code still runs without
   * yielding: Lambda would have stopped it there, so the host ends the invocation now.
   */
  | { type: 'overrun' }
  | { type: 'init-done'; initDurationMs: number; endEpochMs: number }
  | ({ type: 'init-failed'; initDurationMs: number; endEpochMs: number; timedOut: boolean } & SerializedFailure)
  | {
      type: 'invoke-done';
      result: InvocationResult;
      durationMs: number;
      maxMemoryUsedMb: number;
      endEpochMs: number;
    };
