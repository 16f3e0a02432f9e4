/** Runs each execution environment in a module Web Worker; the bundler resolves the worker URL. */
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';

function startWorker(): Worker {
  return new Worker(new URL('./worker-browser.ts', import.meta.url), { type: 'module' });
}

function toPort(worker: Worker): EnvironmentPort {
  return {
    post: (message) => worker.postMessage(message),
    listen(onMessage, onCrash) {
      worker.addEventListener('message', (event: MessageEvent<WorkerToHost>) => onMessage(event.data));
      worker.addEventListener('error', onCrash);
    },
    terminate: () => worker.terminate(),
  };
}

export function createBrowserHost(): RuntimeHost {
  return { spawn: () => toPort(startWorker()) };
}

export interface WarmBrowserHost extends RuntimeHost {
  /** Starts a spare Worker now (idempotent), so the next spawn() finds the engine already loaded. */
  warm(): void;
}

/**
 * A browser host that keeps one Worker started in advance. Starting a module Worker (fetching and
 * evaluating the engine, compiling es-module-lexer's WebAssembly) is most of a cold run's real
 * time; a page calls warm() when it is idle or the reader heads for Run, and each spawn() takes
 * the spare and starts the next one.
 */
export function createWarmBrowserHost(): WarmBrowserHost {
  let spare: Worker | undefined;
  return {
    warm() {
      spare ??= startWorker();
    },
    spawn() {
      const worker = spare ?? startWorker();
      spare = startWorker();
      return toPort(worker);
    },
  };
}
