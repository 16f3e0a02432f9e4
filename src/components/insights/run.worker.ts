/// <reference lib="webworker" />
/**
 * Runs queries off the main thread: reading a large paste takes a moment, and a reader's regex
 * can backtrack for ever, which the page can then stop by terminating this worker. The parsed
 * logs are kept between runs while the paste is unchanged. Nothing it receives is sent anywhere.
 */
import { type LogEvent, parseLambdaLogs, runQuery } from '../../insights';
import type { LogSource, LogSourceRequest, RunRequest, RunResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

interface Logs {
  source: LogSource;
  events: LogEvent[];
  bytes: number;
}

let cached: Logs | undefined;

/**
 * The sample logs (about 300 kB of text) are a chunk of their own, fetched when the worker starts
 * (with the page), so the page's script stays small and a run still makes no request.
 */
const sample = import('../../insights/sample-logs.generated.ts').then((module) => module.sampleLogLines.join('\n'));

/** The same logs as last time? Compares the paste itself: no key string as long as the paste. */
const same = (a: LogSource, b: LogSource): boolean =>
  a.kind === 'sample' ? b.kind === 'sample' : b.kind === 'paste' && a.text === b.text;

async function read(source: LogSourceRequest): Promise<Logs> {
  if (source.kind === 'previous') {
    if (!cached) throw new Error('no previous logs in this worker');
    return cached;
  }
  if (cached && same(cached.source, source)) return cached;
  const text = source.kind === 'sample' ? await sample : source.text;
  cached = { source, events: parseLambdaLogs(text), bytes: new TextEncoder().encode(text).length };
  return cached;
}

function reply(message: RunResponse) {
  self.postMessage(message);
}

self.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  if (request.kind !== 'run') return;
  try {
    const started = performance.now();
    const logs = await read(request.source);
    const read_ = performance.now();
    if (logs.events.length === 0) {
      reply({ kind: 'failed', id: request.id, message: 'No log events found in the pasted text.' });
      return;
    }
    const result = runQuery(request.query, logs.events);
    reply({
      kind: 'result',
      id: request.id,
      result,
      logBytes: logs.bytes,
      timings: { readLogsMs: read_ - started, runQueryMs: performance.now() - read_ },
    });
  } catch (error) {
    reply({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});
