/** Runs each execution environment in a module Web Worker; the bundler resolves the worker URL. */
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';

export function createBrowserHost(): RuntimeHost {
  return {
    spawn(): EnvironmentPort {
      const worker = new Worker(new URL('./worker-browser.ts', import.meta.url), { type: 'module' });
      return {
        post: (message) => worker.postMessage(message),
        listen(onMessage, onCrash) {
          worker.addEventListener('message', (event: MessageEvent<WorkerToHost>) => onMessage(event.data));
          worker.addEventListener('error', onCrash);
        },
        terminate: () => worker.terminate(),
      };
    },
  };
}
