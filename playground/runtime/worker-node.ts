/** Node host side of the Worker boundary: connects the engine to worker_threads' parentPort. */
import { parentPort } from 'node:worker_threads';
import { createEngine } from './engine.ts';
import type { HostToWorker } from './messages.ts';

const port = parentPort;
if (!port) throw new Error('worker-node.ts must run in a worker thread');
const engine = createEngine((message) => port.postMessage(message));
port.on('message', (message: HostToWorker) => void engine.receive(message));
// As in Lambda's Node.js runtime, an unhandled rejection is the runtime's to report (not the thread's to crash on).
process.on('unhandledRejection', (reason) => engine.rejectionUnhandled(reason));
