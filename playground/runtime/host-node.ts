/** Runs each execution environment in a worker_threads Worker (Node 24 strips the types itself). */
import { Worker } from 'node:worker_threads';
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';

const WORKER_URL = new URL('./worker-node.ts', import.meta.url);

export function createNodeHost(): RuntimeHost {
  return {
    spawn(): EnvironmentPort {
      const worker = new Worker(WORKER_URL);
      return {
        post: (message) => worker.postMessage(message),
        listen(onMessage, onCrash) {
          worker.on('message', (message: WorkerToHost) => onMessage(message));
          worker.on('error', onCrash);
        },
        terminate: () => void worker.terminate(),
      };
    },
  };
}
