/**
 * Turns handler source into something `import()` can load in any Worker: `lambda-playground`
 * becomes a data: URL of a shim re-exporting the services from a global, any other package is an
 * ImportModuleError (there is no node_modules in the sandbox), and the module is named
 * /var/task/index.mjs in stack traces. Node imports data: URLs; the browser Worker passes a blob:
 * URL maker instead, because it runs under the page's CSP, which allows blob: and not data: scripts. es-module-lexer finds the specifiers exactly; a regex would
 * also match strings and comments.
 */
import { init, parse } from 'es-module-lexer';
import { SERVICE_EXPORTS } from '../services/index.ts';

export const SERVICES_GLOBAL = Symbol.for('lambda-playground.services');
export const MODULE_URL = 'file:///var/task/index.mjs';
const PLAYGROUND_SPECIFIER = 'lambda-playground';

export type PreparedModule = { ok: true; url: string } | { ok: false; errorType: string; errorMessage: string };

/** Turns module source into a URL `import()` accepts on this platform. */
export type ModuleUrlMaker = (source: string) => string;

export function toDataUrl(source: string): string {
  // encodeURIComponent leaves ' ( ) ! * alone; the URL is spliced into a quoted specifier, so quote them too.
  return `data:text/javascript;charset=utf-8,${encodeURIComponent(source).replace(/['()!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

const SHIM_SOURCE =
  `const s = globalThis[Symbol.for('lambda-playground.services')];\n` +
  SERVICE_EXPORTS.map((name) => `export const ${name} = s.${name};`).join('\n') +
  `\nexport default s;\n`;
const shimUrls = new WeakMap<ModuleUrlMaker, string>();

export async function prepareModule(code: string, toUrl: ModuleUrlMaker = toDataUrl): Promise<PreparedModule> {
  await init;
  let shimUrl = shimUrls.get(toUrl);
  if (!shimUrl) {
    shimUrl = toUrl(SHIM_SOURCE);
    shimUrls.set(toUrl, shimUrl);
  }
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
    const specifier = readSpecifier(code, entry);
    if (specifier === undefined) continue;
    if (specifier !== PLAYGROUND_SPECIFIER) {
      return {
        ok: false,
        errorType: 'Runtime.ImportModuleError',
        errorMessage: `Error: Cannot find package '${specifier}' imported from /var/task/index.mjs`,
      };
    }
    // Static imports span the bare specifier; dynamic ones span the string literal with its quotes.
    const { s: start, e: end } = entry;
    const quoted = code.slice(start, end);
    const replacement = quoted.startsWith("'") || quoted.startsWith('"') ? JSON.stringify(shimUrl) : shimUrl;
    rewritten += code.slice(last, start) + replacement;
    last = end;
  }
  rewritten += code.slice(last);
  return { ok: true, url: toUrl(`${rewritten}\n//# sourceURL=${MODULE_URL}\n`) };
}

type ImportEntry = ReturnType<typeof parse>[0][number];

/**
 * The import's specifier. es-module-lexer decodes it with eval, which the browser Worker's CSP
 * forbids (there `n` is always undefined), so a plain literal is read from the source here. An
 * import.meta or `import(expression)` has no specifier; an escaped one is kept whole, so it can only
 * fail to resolve.
 */
function readSpecifier(code: string, entry: ImportEntry): string | undefined {
  if (entry.n !== undefined) return entry.n;
  if (entry.d === -2) return undefined;
  // Static imports span the specifier inside its quotes; dynamic ones span the literal with them.
  const literal = entry.d === -1 ? code.slice(entry.s - 1, entry.e + 1) : code.slice(entry.s, entry.e);
  const match = /^(['"])([^'"\\\n]*)\1$/.exec(literal);
  return match ? match[2] : literal.startsWith("'") || literal.startsWith('"') ? literal : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
