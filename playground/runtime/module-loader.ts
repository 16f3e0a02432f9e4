/**
 * Turns handler source into something `import()` can load in any Worker: `lambda-playground`
 * and each emulated built-in or AWS SDK package becomes a URL of a shim re-exporting its namespace
 * from a global, any other specifier is an ImportModuleError as Node.js reports it (there is no
 * node_modules in the sandbox), and the module is named
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

/** Export names a module's shim can re-export: identifiers, and not `default` (the namespace itself). */
const exportable = (names: readonly string[]) =>
  names.filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));

function shimSource(specifier: string, names: readonly string[]): string {
  const key = JSON.stringify(specifier);
  return (
    `const m = globalThis[Symbol.for('lambda-playground.services')][${key}];\n` +
    exportable(names)
      .map((name) => `export const ${name} = m.${name};`)
      .join('\n') +
    `\nexport default m;\n`
  );
}

/** The export names of each module `import` may load, by specifier; undefined when there is none. */
export type ModuleExports = (specifier: string) => readonly string[] | undefined;
const playgroundOnly: ModuleExports = (specifier) => (specifier === PLAYGROUND_SPECIFIER ? SERVICE_EXPORTS : undefined);

/** Node.js's built-in modules (module.builtinModules of Node 22), for telling them from packages. */
const NODE_BUILTINS = new Set(
  (
    'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain ' +
    'events fs http http2 https inspector module net os path perf_hooks process punycode querystring readline repl ' +
    'stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib'
  ).split(' '),
);

/** How Node.js (and so Lambda's runtime) fails to load `specifier` from /var/task/index.mjs. */
function unresolved(specifier: string): { errorType: string; errorMessage: string } {
  const errorType = 'Runtime.ImportModuleError';
  const bare = specifier.replace(/^node:/, '');
  const base = bare.split('/')[0] ?? bare;
  if (specifier.startsWith('node:') && !NODE_BUILTINS.has(base)) {
    return { errorType, errorMessage: `Error: No such built-in module: ${specifier}` };
  }
  if (NODE_BUILTINS.has(base) || specifier.startsWith('@aws-sdk/')) {
    // Lambda's Node.js runtime has these; the playground says it does not emulate them rather than pretend.
    return { errorType, errorMessage: `Error: The playground does not emulate '${specifier}'` };
  }
  if (/^\.{0,2}\//.test(specifier)) {
    const path = new URL(specifier, MODULE_URL).pathname;
    return { errorType, errorMessage: `Error: Cannot find module '${path}' imported from /var/task/index.mjs` };
  }
  return { errorType, errorMessage: `Error: Cannot find package '${specifier}' imported from /var/task/index.mjs` };
}

const shimUrls = new WeakMap<ModuleUrlMaker, Map<string, string>>();

export async function prepareModule(
  code: string,
  toUrl: ModuleUrlMaker = toDataUrl,
  exportsOf: ModuleExports = playgroundOnly,
): Promise<PreparedModule> {
  await init;
  let urls = shimUrls.get(toUrl);
  if (!urls) {
    urls = new Map();
    shimUrls.set(toUrl, urls);
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
    const names = exportsOf(specifier);
    if (!names) return { ok: false, ...unresolved(specifier) };
    const source = shimSource(specifier, names);
    let shimUrl = urls.get(source);
    if (!shimUrl) {
      shimUrl = toUrl(source);
      urls.set(source, shimUrl);
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
