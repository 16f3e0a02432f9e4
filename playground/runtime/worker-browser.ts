/// <reference lib="webworker" />
/**
 * Browser side of the Worker boundary: connects the engine to a module Worker's global scope. The
 * Worker is started from a blob: URL (host-browser.ts), so it runs under the page's CSP: reader code
 * can reach no other origin. Handler modules are therefore loaded as blob: URLs, which that policy
 * allows, rather than data: URLs.
 */
import { createEngine } from './engine.ts';
import type { HostToWorker } from './messages.ts';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const toBlobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
const engine = createEngine((message) => scope.postMessage(message), toBlobUrl);
scope.addEventListener('message', (event: MessageEvent<HostToWorker>) => void engine.receive(event.data));
// The same report as in Node (worker-node.ts): the engine logs it as Lambda's Node.js runtime does.
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  engine.rejectionUnhandled(event.reason);
});
