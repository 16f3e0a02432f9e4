/** Every example's meta, keyed by the folder name that holds its before.ts and after.ts. */
import awaitEveryPromise from './await-every-promise/meta.ts';
import backoffWithJitter from './backoff-with-jitter/meta.ts';
import bundleDependencies from './bundle-dependencies/meta.ts';
import circuitBreaker from './circuit-breaker/meta.ts';
import cleanUpTmp from './clean-up-tmp/meta.ts';
import clientVsTransientErrors from './client-vs-transient-errors/meta.ts';
import closeFileHandles from './close-file-handles/meta.ts';
import generatorsNotLists from './generators-not-lists/meta.ts';
import handlerExportName from './handler-export-name/meta.ts';
import idempotentAsyncRetries from './idempotent-async-retries/meta.ts';
import initOutsideHandler from './init-outside-handler/meta.ts';
import initWithinLimit from './init-within-limit/meta.ts';
import lazyImports from './lazy-imports/meta.ts';
import loadConfigWithRetry from './load-config-with-retry/meta.ts';
import outboundTimeout from './outbound-timeout/meta.ts';
import parallelCalls from './parallel-calls/meta.ts';
import queueBuffering from './queue-buffering/meta.ts';
import remainingTime from './remaining-time/meta.ts';
import rightSizeMemory from './right-size-memory/meta.ts';
import sqsPartialBatch from './sqs-partial-batch/meta.ts';
import sqsVisibilityTimeout from './sqs-visibility-timeout/meta.ts';
import streamS3Object from './stream-s3-object/meta.ts';
import structuredLogging from './structured-logging/meta.ts';
import type { ExampleMeta } from './types.ts';

export const EXAMPLES: Record<string, ExampleMeta> = {
  'outbound-timeout': outboundTimeout,
  'stream-s3-object': streamS3Object,
  'generators-not-lists': generatorsNotLists,
  'init-outside-handler': initOutsideHandler,
  'lazy-imports': lazyImports,
  'backoff-with-jitter': backoffWithJitter,
  'queue-buffering': queueBuffering,
  'sqs-partial-batch': sqsPartialBatch,
  'circuit-breaker': circuitBreaker,
  'client-vs-transient-errors': clientVsTransientErrors,
  'structured-logging': structuredLogging,
  'right-size-memory': rightSizeMemory,
  'remaining-time': remainingTime,
  'await-every-promise': awaitEveryPromise,
  'init-within-limit': initWithinLimit,
  'handler-export-name': handlerExportName,
  'bundle-dependencies': bundleDependencies,
  'load-config-with-retry': loadConfigWithRetry,
  'parallel-calls': parallelCalls,
  'clean-up-tmp': cleanUpTmp,
  'close-file-handles': closeFileHandles,
  'sqs-visibility-timeout': sqsVisibilityTimeout,
  'idempotent-async-retries': idempotentAsyncRetries,
};

/** emulate() options for one side of an example, from its meta and compiled code. */
export function buildEmulateOptions(meta: ExampleMeta, side: 'before' | 'after', code: string, seed = 1) {
  const settings = side === 'after' ? { ...meta.settings, ...meta.afterSettings } : meta.settings;
  return {
    code,
    events: meta.events,
    timeoutSeconds: settings.timeoutSeconds,
    memoryMb: settings.memoryMb,
    seed,
    services: meta.services ?? {},
    ...(meta.sqsRedrive
      ? { sqsRedrive: side === 'after' ? { ...meta.sqsRedrive, ...meta.afterSqsRedrive } : meta.sqsRedrive }
      : {}),
    ...(meta.asyncInvocation ? { asyncInvocation: meta.asyncInvocation } : {}),
  };
}
