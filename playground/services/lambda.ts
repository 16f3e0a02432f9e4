/**
 * A Lambda API client with an account concurrency limit: invocations in flight above it are
 * throttled with the error the AWS SDK throws (HTTP 429, `TooManyRequestsException`, `Rate Exceeded.`).
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { LambdaApiConfig } from './config.ts';
import { delay, type ServiceContext } from './context.ts';

export class TooManyRequestsException extends Error {
  override name = 'TooManyRequestsException';
  readonly Reason = 'ConcurrentInvocationLimitExceeded';
  readonly $metadata = { httpStatusCode: 429 };
}

export function createLambda(context: ServiceContext, config: LambdaApiConfig = { concurrencyLimit: 1000 }) {
  const random = context.random('lambda');
  const latency = config.latencyMs ?? { median: 120, p99: 400 };
  let inFlight = 0;

  return {
    async invoke(input: { FunctionName: string; Payload?: string }) {
      if (inFlight >= config.concurrencyLimit) {
        await delay(context, sampleLatency(random, 8, 30));
        throw new TooManyRequestsException('Rate Exceeded.');
      }
      inFlight += 1;
      try {
        await delay(context, sampleLatency(random, latency.median, latency.p99));
        return { StatusCode: 200, Payload: JSON.stringify({ ok: true, function: input.FunctionName }) };
      } finally {
        inFlight -= 1;
      }
    },
  };
}
