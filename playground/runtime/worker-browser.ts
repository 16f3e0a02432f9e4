/// <reference lib="webworker" />
/**
 * Browser side of the Worker boundary. The Worker is started from a blob: URL (host-browser.ts),
 * so it runs under the page's CSP: reader code can reach no other origin, and handler modules are
 * loaded as blob: URLs, which that policy allows.
 *
 * The runtime's messages travel on a MessagePort the host transfers in its first message, never
 * on the Worker's global postMessage (which reader code can call): the port lives only in this
 * closure, and the functions that post on it are captured before any reader code runs, so reader
 * code can neither reach the channel nor intercept it by replacing a prototype method.
 */
import { createEngine } from './engine.ts';
import type { HostToWorker, WorkerToHost } from './messages.ts';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const apply = Reflect.apply;
const postOnPort = MessagePort.prototype.postMessage;
const toBlobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));

let port: MessagePort | undefined;
const engine = createEngine((message: WorkerToHost) => {
  if (port) apply(postOnPort, port, [message]);
}, toBlobUrl);

const connect = (event: MessageEvent) => {
  const [received] = event.ports;
  if (port || !received) return;
  port = received;
  scope.removeEventListener('message', connect);
  port.onmessage = (message: MessageEvent<HostToWorker>) => void engine.receive(message.data);
};
scope.addEventListener('message', connect);

// The same report as in Node (worker-node.ts): the engine logs it as Lambda's Node.js runtime does.
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  engine.rejectionUnhandled(event.reason);
});
