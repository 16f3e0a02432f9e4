/// <reference lib="webworker" />
/**
 * Diagnoses pasted text off the main thread, so that typing stays smooth whatever the reader
 * pastes. It loads errors.json once; nothing it receives is sent anywhere.
 */
import { compileIndex, diagnose, type ErrorIndex } from '../../lookup';
import type { LookupRequest, LookupResponse } from './messages';

declare const self: DedicatedWorkerGlobalScope;

let index: Promise<ErrorIndex> | undefined;

function reply(message: LookupResponse) {
  self.postMessage(message);
}

async function loadIndex(url: string): Promise<ErrorIndex> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`errors.json answered ${response.status}`);
  const loaded = (await response.json()) as ErrorIndex;
  compileIndex(loaded);
  reply({ kind: 'loaded', summaries: Object.fromEntries(loaded.entries.map((entry) => [entry.id, entry.summary])) });
  return loaded;
}

self.addEventListener('message', async (event: MessageEvent<LookupRequest>) => {
  const request = event.data;
  if (request.kind === 'load') {
    index = loadIndex(request.indexUrl);
    index.catch((error: Error) =>
      reply({ kind: 'failed', message: `Could not load the error index: ${error.message}` }),
    );
    return;
  }
  if (!index) {
    reply({ kind: 'failed', id: request.id, message: 'The error index was never requested.' });
    return;
  }
  try {
    // Requests that arrive while errors.json is loading wait for it here.
    reply({ kind: 'result', id: request.id, diagnosis: diagnose(request.text, await index) });
  } catch (error) {
    reply({ kind: 'failed', id: request.id, message: `The lookup failed: ${(error as Error).message}` });
  }
});
