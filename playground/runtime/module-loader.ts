/**
 * Turns handler source into something `import()` can load in any Worker: `lambda-playground`
 * becomes a data: URL of a shim re-exporting the services from a global, any other package is an
 * ImportModuleError (there is no node_modules in the sandbox), and the module is named
 * /var/task/index.mjs in stack traces. es-module-lexer finds the specifiers exactly; a regex would
 * also match strings and comments.
 */
import { init, parse } from 'es-module-lexer';
import { SERVICE_EXPORTS } from '../services/index.ts';

export const SERVICES_GLOBAL = Symbol.for('lambda-playground.services');
export const MODULE_URL = 'file:///var/task/index.mjs';
const PLAYGROUND_SPECIFIER = 'lambda-playground';

export type PreparedModule = { ok: true; url: string } | { ok: false; errorType: string; errorMessage: string };

function toDataUrl(source: string): string {
  // encodeURIComponent leaves ' ( ) ! * alone; the URL is spliced into a quoted specifier, so quote them too.
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(source).replace(/['()!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

const SHIM_URL = toDataUrl(
  `const s = globalThis[Symbol.for('lambda-playground.services')];\n` +
    SERVICE_EXPORTS.map((name) => `export const ${name} = s.${name};`).join('\n') +
    `\nexport default s;\n`,
);

export async function prepareModule(code: string): Promise<PreparedModule> {
  await init;
  let imports: ReturnType<typeof parse>[0];
  try {
    [imports] = parse(code, MODULE_URL);
  } catch (error) {
    return {
      ok: false,
      errorType: 'Runtime.UserCodeSyntaxError',
      errorMessage: `SyntaxError: ${describeError(error)}`,
    };
  }
  let rewritten = '';
  let last = 0;
  for (const entry of imports) {
    if (entry.n === undefined) continue;
    if (entry.n !== PLAYGROUND_SPECIFIER) {
      return {
        ok: false,
        errorType: 'Runtime.ImportModuleError',
        errorMessage: `Error: Cannot find package '${entry.n}' imported from /var/task/index.mjs`,
      };
    }
    // Static imports span the bare specifier; dynamic ones span the string literal with its quotes.
    const { s: start, e: end } = entry;
    const quoted = code.slice(start, end);
    const replacement = quoted.startsWith("'") || quoted.startsWith('"') ? JSON.stringify(SHIM_URL) : SHIM_URL;
    rewritten += code.slice(last, start) + replacement;
    last = end;
  }
  rewritten += code.slice(last);
  return { ok: true, url: toDataUrl(`${rewritten}\n//# sourceURL=${MODULE_URL}\n`) };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
