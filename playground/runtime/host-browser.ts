/**
 * Runs each execution environment in a Web Worker inside a sandboxed frame.
 *
 * The frame (public/playground-sandbox.html, `sandbox="allow-scripts"` without allow-same-origin)
 * has an opaque origin, and so do the Workers it starts: reader code in them has no IndexedDB,
 * CacheStorage, OPFS or cookies of the site (an opaque origin has no storage), and the frame's own
 * policy (connect-src 'none') lets it fetch nothing, the site's files included. The page fetches
 * the engine's script (one self-contained file the bundler builds) and hands its text to the
 * frame, which starts each Worker from a blob: URL of it.
 *
 * The runtime's messages travel on a MessagePort per Worker that the page creates and the frame
 * hands to the Worker in its first message (worker-browser.ts keeps it private). The frame only
 * starts and stops Workers; reader code can reach neither the frame nor the page.
 */
import type { EnvironmentPort, RuntimeHost } from './host.ts';
import type { WorkerToHost } from './messages.ts';
import engineWorkerUrl from './worker-browser.ts?worker&url';

/** Where the sandbox page is, under the site's base path. */
const SANDBOX_PATH = 'playground-sandbox.html';

type FromSandbox = { type: 'ready' } | { type: 'crashed'; id: number; message: string };

interface Sandbox {
  /** Resolves once the frame has the engine and can start Workers. */
  ready: Promise<Window>;
  crashHandlers: Map<number, (error: unknown) => void>;
}

let sandbox: Sandbox | undefined;
let nextWorkerId = 1;

function sandboxUrl(): string {
  const base = import.meta.env?.BASE_URL ?? '/';
  return new URL(`${base.endsWith('/') ? base : `${base}/`}${SANDBOX_PATH}`, location.href).href;
}

function openSandbox(): Sandbox {
  if (sandbox) return sandbox;
  const crashHandlers = new Map<number, (error: unknown) => void>();
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Playground sandbox';
  frame.style.display = 'none';
  frame.src = sandboxUrl();
  const engineSource = fetch(new URL(engineWorkerUrl, location.href)).then((response) => {
    if (!response.ok) throw new Error(`the emulator's script did not load (HTTP ${response.status})`);
    return response.text();
  });
  const ready = new Promise<Window>((resolve, reject) => {
    window.addEventListener('message', (event: MessageEvent<FromSandbox>) => {
      // Only the sandbox frame, whose origin is opaque ("null"), talks to this listener.
      if (event.source !== frame.contentWindow || event.origin !== 'null') return;
      const data = event.data;
      if (data?.type === 'ready') {
        const target = frame.contentWindow;
        engineSource.then((source) => {
          target?.postMessage({ type: 'engine', source }, '*');
          if (target) resolve(target);
        }, reject);
      } else if (data?.type === 'crashed') {
        crashHandlers.get(data.id)?.(new Error(String(data.message)));
      }
    });
  });
  document.body.append(frame);
  sandbox = { ready, crashHandlers };
  return sandbox;
}

/** A Worker in the sandbox, talked to on its own MessagePort (usable at once: messages wait in the port). */
function spawnInSandbox(): EnvironmentPort {
  const { ready, crashHandlers } = openSandbox();
  const id = nextWorkerId++;
  const channel = new MessageChannel();
  let terminated = false;
  void ready.then((frame) => {
    if (!terminated) frame.postMessage({ type: 'spawn', id }, '*', [channel.port2]);
  });
  return {
    post: (message) => channel.port1.postMessage(message),
    listen(onMessage, onCrash) {
      channel.port1.onmessage = (event: MessageEvent<WorkerToHost>) => onMessage(event.data);
      crashHandlers.set(id, onCrash);
      ready.catch(onCrash);
    },
    terminate: () => {
      terminated = true;
      crashHandlers.delete(id);
      channel.port1.close();
      void ready.then((frame) => frame.postMessage({ type: 'terminate', id }, '*'));
    },
  };
}

export function createBrowserHost(): RuntimeHost {
  return { spawn: spawnInSandbox };
}

export interface WarmBrowserHost extends RuntimeHost {
  /** Opens the sandbox and loads the engine now (idempotent), so the first Run does not wait for them. */
  warm(): void;
}

/**
 * A browser host that prepares the sandbox in advance: opening the frame and fetching the engine
 * are most of a cold run's real time, so a page calls warm() when it is idle or the reader heads
 * for Run. The frame keeps one Worker started ahead of each spawn.
 */
export function createWarmBrowserHost(): WarmBrowserHost {
  return {
    warm() {
      void openSandbox().ready.then((frame) => frame.postMessage({ type: 'warm' }, '*'));
    },
    spawn: spawnInSandbox,
  };
}
