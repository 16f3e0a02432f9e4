/** Runs each execution environment in a worker_threads Worker (Node 24 strips the types itself). */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';

const WORKER_URL = new URL('./worker-node.ts', import.meta.url);

export function createNodeHost(): RuntimeHost {
  return {
    spawn(): EnvironmentPort {
      // The runtime's channel: a port only the engine holds (worker-node.ts); the Worker's own
      // parentPort, which reader code can import, is never listened to.
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_URL, { workerData: { port: port2 }, transferList: [port2] });
      return {
        post: (message) => port1.postMessage(message),
        listen(onMessage, onCrash) {
          port1.on('message', (message: WorkerToHost) => onMessage(message));
          worker.on('error', onCrash);
        },
        terminate: () => {
          port1.close();
          void worker.terminate();
        },
      };
    },
  };
}
