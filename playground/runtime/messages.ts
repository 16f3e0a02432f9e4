/**
 * Everything that crosses the Worker boundary, as discriminated unions: the host and the engine
 * switch on `type`, never on strings compared by hand.
 */
import type { ServicesConfig } from '../services/config.ts';

/** Settings of one execution environment, fixed for its lifetime. */
export interface EnvironmentConfig {
  functionName: string;
  memoryMb: number;
  timeoutSeconds: number;
  seed: number;
  /** Seeds this environment's own random streams, so a reset environment does not replay the old one. */
  environmentIndex: number;
  services: ServicesConfig;
}

export type HostToWorker =
  /** Starts the environment: installs the virtual clock and runs the module's top level (init). */
  | { type: 'init'; code: string; config: EnvironmentConfig; startEpochMs: number }
  | { type: 'invoke'; requestId: string; event: unknown; startEpochMs: number };

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
  /** One CloudWatch log event, already formatted. */
  | { type: 'log'; line: string }
  | { type: 'init-done'; initDurationMs: number; endEpochMs: number }
  | ({ type: 'init-failed'; initDurationMs: number; endEpochMs: number } & SerializedFailure)
  | {
      type: 'invoke-done';
      result: InvocationResult;
      durationMs: number;
      maxMemoryUsedMb: number;
      endEpochMs: number;
    };
