/** Runs each execution environment in a module Web Worker; the bundler builds the worker script. */
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';
import engineWorkerUrl from './worker-browser.ts?worker&url';

let bootstrapUrl: string | undefined;

/**
 * Starts the Worker from a blob: URL that imports the engine's script. A Worker loaded from a blob:
 * URL inherits the page's Content-Security-Policy (one loaded from the site's own URL would get the
 * policy of its HTTP response: none, on a static host), so reader code in it cannot fetch, import
 * or open sockets to other origins, nor eval.
 */
function startWorker(): Worker {
  bootstrapUrl ??= URL.createObjectURL(
    new Blob([`import ${JSON.stringify(new URL(engineWorkerUrl, location.href).href)};\n`], {
      type: 'text/javascript',
    }),
  );
  return new Worker(bootstrapUrl, { type: 'module' });
}

/**
 * The runtime's channel: a MessagePort transferred to the Worker in its first message, which only
 * the engine holds (worker-browser.ts). The Worker's own message event, which reader code can post
 * to, is never listened to.
 */
function toPort(worker: Worker): EnvironmentPort {
  const channel = new MessageChannel();
  worker.postMessage({ type: 'connect' }, [channel.port2]);
  return {
    post: (message) => channel.port1.postMessage(message),
    listen(onMessage, onCrash) {
      channel.port1.onmessage = (event: MessageEvent<WorkerToHost>) => onMessage(event.data);
      worker.addEventListener('error', onCrash);
    },
    terminate: () => {
      channel.port1.close();
      worker.terminate();
    },
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
