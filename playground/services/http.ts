/**
 * An HTTP dependency with a latency distribution, a failure rate, a concurrency cap and a hang mode.
 * `http.get/post/request` and the global `fetch` both end here.
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { HttpDependencyConfig } from './config.ts';
import { delay, holdBytes, measureJson, type ServiceContext, stall } from './context.ts';

export interface HttpRequest {
  url: string;
  method?: string;
  body?: unknown;
  /** Aborts the call after this many (virtual) milliseconds with a TimeoutError. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** Thrown by `http` when a call exceeds its timeout, like fetch with AbortSignal.timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function describeStatus(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? 'Unknown'}`;
}

const DEFAULT_LATENCY = { median: 40, p99: 200 };
const DEFAULT_DEPENDENCY: HttpDependencyConfig = { latencyMs: DEFAULT_LATENCY };

export function createHttp(context: ServiceContext, dependencies: Record<string, HttpDependencyConfig> = {}) {
  const random = context.random('http');
  const inFlight = new Map<string, number>();

  const respond = (status: number, body: unknown): HttpResponse => ({
    status,
    ok: status >= 200 && status < 300,
    json: async () => body,
    text: async () => JSON.stringify(body),
  });

  async function exchange(host: string, dependency: HttpDependencyConfig, request: HttpRequest) {
    const latency = dependency.latencyMs ?? DEFAULT_LATENCY;
    const current = inFlight.get(host) ?? 0;
    if (dependency.maxConcurrent !== undefined && current >= dependency.maxConcurrent) {
      await delay(context, 5);
      return respond(429, { message: 'Too Many Requests' });
    }
    inFlight.set(host, current + 1);
    try {
      if (dependency.hang) return await stall<HttpResponse>();
      await delay(context, sampleLatency(random, latency.median, latency.p99));
      const payload = request.body as { invalid?: boolean } | undefined;
      if (dependency.invalidRequestStatus !== undefined && payload?.invalid === true) {
        return respond(dependency.invalidRequestStatus, { message: 'Validation failed: invalid request' });
      }
      if (random() < (dependency.failureRate ?? 0)) {
        const status = dependency.failureStatus ?? 503;
        return respond(status, { message: describeStatus(status) });
      }
      const body = dependency.body ?? { ok: true };
      await holdBytes(context, measureJson(body));
      return respond(200, body);
    } finally {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    }
  }

  function request(request: HttpRequest): Promise<HttpResponse> {
    const host = new URL(request.url).host;
    const dependency = dependencies[host] ?? DEFAULT_DEPENDENCY;
    const aborters: Promise<never>[] = [];
    if (request.timeoutMs !== undefined) {
      const ms = request.timeoutMs;
      aborters.push(
        delay(context, ms).then(() => {
          throw new TimeoutError(`Request to ${host} timed out after ${ms} ms`);
        }),
      );
    }
    const { signal } = request;
    if (signal) {
      aborters.push(
        new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
      );
    }
    return Promise.race([exchange(host, dependency, request), ...aborters]);
  }

  return {
    request,
    get: (url: string, options: Omit<HttpRequest, 'url' | 'method'> = {}) => request({ ...options, url }),
    post: (url: string, body: unknown, options: Omit<HttpRequest, 'url' | 'method' | 'body'> = {}) =>
      request({ ...options, url, method: 'POST', body }),
  };
}

export type HttpClient = ReturnType<typeof createHttp>;

/** A minimal `fetch` on top of the emulated dependencies, so code written for fetch runs unchanged. */
export function createFetch(http: HttpClient) {
  return async (input: string | URL, init: { method?: string; body?: string; signal?: AbortSignal } = {}) => {
    const request: HttpRequest = { url: String(input), method: init.method ?? 'GET' };
    if (init.body !== undefined) request.body = JSON.parse(init.body) as unknown;
    if (init.signal) request.signal = init.signal;
    return http.request(request);
  };
}
