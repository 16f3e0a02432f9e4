/**
 * Compiler diagnostics as the playground shows them: where (file, 1-based line and column), what
 * (the compiler's message) and which (TypeScript's error code, `TS2322`). Two compilers report
 * them: the type stripper (sucrase, a syntax error at once, before a run) and TypeScript's
 * language service (syntax and type errors, when its worker has loaded). Pure: no DOM.
 */

export type DiagnosticSource = 'transpiler' | 'typescript';

export interface PlaygroundDiagnostic {
  /** `before.ts` or `after.ts`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** TypeScript's diagnostic code (2322 for TS2322); none for the transpiler's. */
  code?: number;
  category: 'error' | 'warning';
  source: DiagnosticSource;
}

/** `before.ts:3:7 error TS2322: Type 'string' is not assignable to type 'number'.`, as tsc prints it. */
export function formatDiagnostic(diagnostic: PlaygroundDiagnostic): string {
  const code = diagnostic.code === undefined ? '' : ` TS${diagnostic.code}`;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.category}${code}: ${diagnostic.message}`;
}

/** A message chain as TypeScript's flattenDiagnosticMessageText joins it: one line per link, indented by depth. */
export interface MessageChain {
  messageText: string;
  next?: MessageChain[];
}

export function flattenMessage(message: string | MessageChain, depth = 0): string {
  if (typeof message === 'string') return message;
  const own = `${'  '.repeat(depth)}${message.messageText}`;
  const rest = (message.next ?? []).map((next) => flattenMessage(next, depth + 1));
  return [own, ...rest].join('\n');
}

/** 1-based line and column of a character offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) line += 1;
  return { line, column: before.length - lineStart + 1 };
}

/** The sentence above the list: how many problems, from which compiler, and whether the code ran. */
export function summarizeDiagnostics(
  diagnostics: readonly PlaygroundDiagnostic[],
  { file, ran }: { file: string; ran: boolean },
): string {
  if (diagnostics.length === 0) return `The TypeScript compiler found no problems in ${file}.`;
  const errors = diagnostics.filter((diagnostic) => diagnostic.category === 'error').length;
  const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    errors > 0 && count(errors, 'error'),
    diagnostics.length > errors && count(diagnostics.length - errors, 'warning'),
  ];
  const what = parts.filter(Boolean).join(' and ');
  const found = diagnostics.every((diagnostic) => diagnostic.source === 'transpiler')
    ? `${file} does not parse (${what})`
    : `The TypeScript compiler found ${what} in ${file}`;
  return ran
    ? `${found}. The code ran without waiting for the check; the problems are listed below.`
    : `${found}. It has not run: fix the code, or press Run anyway to see what Lambda would do with it.`;
}
