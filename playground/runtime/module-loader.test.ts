import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareModule } from './module-loader.ts';

/** Records each module source instead of making a real URL. */
function recorder() {
  const sources: string[] = [];
  const toUrl = (source: string) => {
    sources.push(source);
    return `blob:test/${sources.length - 1}`;
  };
  return { sources, toUrl };
}

describe('prepareModule where eval is forbidden (the browser Worker runs under the page CSP)', () => {
  afterEach(() => vi.unstubAllGlobals());

  const forbidEval = () =>
    vi.stubGlobal('eval', () => {
      throw new EvalError('Refused to evaluate a string as JavaScript');
    });

  it('still rewrites static and dynamic imports of lambda-playground', async () => {
    forbidEval();
    const { sources, toUrl } = recorder();
    const code = [
      "import { sleep } from 'lambda-playground';",
      'const lazy = () => import("lambda-playground");',
      'export const url = import.meta.url;',
      'export const handler = async () => sleep(1);',
    ].join('\n');
    const prepared = await prepareModule(code, toUrl);
    expect(prepared).toEqual({ ok: true, url: 'blob:test/1' });
    const handler = sources[1] ?? '';
    expect(handler).toContain("import { sleep } from 'blob:test/0';");
    expect(handler).toContain('import("blob:test/0")');
    expect(handler).toContain('import.meta.url');
    expect(handler).not.toContain('lambda-playground');
  });

  it('still refuses other packages by name', async () => {
    forbidEval();
    const prepared = await prepareModule("import pg from 'pg';\nexport const handler = () => pg;", recorder().toUrl);
    expect(prepared).toEqual({
      ok: false,
      errorType: 'Runtime.ImportModuleError',
      errorMessage: "Error: Cannot find package 'pg' imported from /var/task/index.mjs",
    });
  });
});
