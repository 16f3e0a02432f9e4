/// <reference lib="webworker" />
/** Browser side of the Worker boundary: connects the engine to a module Worker's global scope. */
import { createEngine } from './engine.ts';
import type { HostToWorker } from './messages.ts';

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const engine = createEngine((message) => scope.postMessage(message));
scope.addEventListener('message', (event: MessageEvent<HostToWorker>) => void engine.receive(event.data));
