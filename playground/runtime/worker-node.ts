/**
 * Node host side of the Worker boundary. As in the browser (worker-browser.ts), the runtime's
 * messages travel on a MessagePort the host hands over in workerData, not on parentPort (which
 * reader code can import), and the function that posts on it is captured before reader code runs.
 */
import { MessagePort, workerData } from 'node:worker_threads';
import { createEngine } from './engine.ts';
import type { HostToWorker, WorkerToHost } from './messages.ts';

const port = (workerData as { port?: MessagePort } | undefined)?.port;
if (!(port instanceof MessagePort)) throw new Error('worker-node.ts must be started with a port in workerData');
const apply = Reflect.apply;
const postOnPort = MessagePort.prototype.postMessage;
const engine = createEngine((message: WorkerToHost) => apply(postOnPort, port, [message]));
port.on('message', (message: HostToWorker) => void engine.receive(message));
// As in Lambda's Node.js runtime, an unhandled rejection is the runtime's to report (not the thread's to crash on).
process.on('unhandledRejection', (reason) => engine.rejectionUnhandled(reason));
