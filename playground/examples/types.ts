/**
 * The shape of an example's meta.ts. Each example is a pair: before.ts fails with `signature`,
 * after.ts, run with the same events (and any `after` overrides), succeeds.
 */
import type { AsyncInvocationConfig } from '../runtime/index.ts';
import type { ServicesConfig } from '../services/config.ts';

export type PatternName =
  | 'timeouts on outbound calls'
  | 'streaming instead of loading whole objects'
  | 'generators instead of lists'
  | 'initialisation outside the handler'
  | 'lazy imports'
  | 'exponential backoff with jitter'
  | 'buffering through a queue'
  | 'batch processing with partial failures'
  | 'circuit breakers'
  | 'telling client errors from transient ones'
  | 'structured logging'
  | 'right-sizing memory'
  | 'stopping before the deadline'
  | 'awaiting every promise'
  | 'keeping init within its limit'
  | 'matching the handler setting'
  | 'bundling every dependency'
  | 'retrying what init depends on'
  | 'running independent calls concurrently'
  | 'cleaning up /tmp'
  | 'closing file handles'
  | 'sizing the visibility timeout'
  | 'idempotency under retries';

export interface RunSettings {
  timeoutSeconds: number;
  memoryMb: number;
}

export interface ExampleMeta {
  title: string;
  pattern: PatternName;
  /** One paragraph for the reader: what goes wrong in before.ts and why after.ts fixes it. */
  explanation: string;
  /** Error-entry ids this playground illustrates (content/errors/<id>.mdx). */
  relatedErrors: string[];
  events: unknown[];
  settings: RunSettings;
  /** Settings that differ for after.ts (right-sizing memory changes configuration, not code). */
  afterSettings?: Partial<RunSettings>;
  services?: ServicesConfig;
  sqsRedrive?: { maxReceiveCount: number; visibilityTimeoutSeconds?: number };
  /** Queue settings that differ for after.ts (a visibility timeout is configuration, not code). */
  afterSqsRedrive?: { visibilityTimeoutSeconds?: number };
  /** Invoke the events asynchronously, with Lambda's retries and destinations. */
  asyncInvocation?: AsyncInvocationConfig;
  /** What before.ts must print, and after.ts must not: a regular expression source over the joined logs. */
  signature: { pattern: string; description: string };
}
