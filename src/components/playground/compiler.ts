/**
 * The page's side of the compile Worker (compile-worker.ts): one Worker per page, started when a
 * Run of changed code is likely (a share link on the page, the pointer on Run, Edit) so the first
 * such Run finds it ready. Should the Worker fail, the same code is compiled on the page.
 */
import type { CompileRequest, CompileResponse } from './compile-worker';
import CompileWorker from './compile-worker?worker';
import type { StripResult } from './strip-types';

type Request = Omit<CompileRequest, 'id'>;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { request: Request; settle: (result: StripResult) => void }>();

async function compileOnPage({ code, file }: Request): Promise<StripResult> {
  const { stripTypes } = await import('./strip-types');
  return stripTypes(code, file);
}

function startWorker(): Worker | undefined {
  if (worker) return worker;
  try {
    worker = new CompileWorker();
  } catch {
    return undefined;
  }
  worker.addEventListener('message', (event: MessageEvent<CompileResponse>) => {
    pending.get(event.data.id)?.settle(event.data.result);
    pending.delete(event.data.id);
  });
  worker.addEventListener('error', () => {
    worker = undefined;
    for (const [id, { request, settle }] of pending) {
      pending.delete(id);
      void compileOnPage(request).then(settle);
    }
  });
  return worker;
}

/** Starts the Worker now, so the first compile does not wait for it. */
export function warmCompiler(): void {
  startWorker();
}

/** The code with its types stripped, or the syntax error that stopped it. */
export function compileTypeScript(code: string, file: string): Promise<StripResult> {
  const target = startWorker();
  if (!target) return compileOnPage({ code, file });
  const id = nextId++;
  return new Promise<StripResult>((settle) => {
    pending.set(id, { request: { code, file }, settle });
    target.postMessage({ id, code, file } satisfies CompileRequest);
  });
}
