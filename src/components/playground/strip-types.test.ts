import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../playground/examples/catalogue';
import { compileExample } from '../../../playground/examples/compile';
import { stripTypes } from './strip-types';

const folder = (id: string) => new URL(`../../../playground/examples/${id}/`, import.meta.url);
const sources = Object.keys(EXAMPLES).flatMap((id) =>
  (['before', 'after'] as const).map((side) => ({
    name: `${id}/${side}.ts`,
    code: readFileSync(new URL(`${side}.ts`, folder(id)), 'utf8'),
  })),
);

/**
 * JavaScript reprinted by TypeScript's printer without comments, a doubled pair of parentheses as
 * one (`(x as T).y` strips to `((x)).y` where TypeScript prints `(x).y`) and no trailing comma in an
 * import list: two programs that differ only in layout print the same.
 */
function normalize(javascript: string): string {
  const file = ts.createSourceFile('x.mjs', javascript, ts.ScriptTarget.ESNext, false, ts.ScriptKind.JS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) throw new Error(`not JavaScript: ${String(diagnostics[0]?.messageText)}`);
  const single: ts.TransformerFactory<ts.SourceFile> = (context) => (root) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isParenthesizedExpression(node) && ts.isParenthesizedExpression(node.expression)) {
        return visit(node.expression);
      }
      // `import { db, type Page }` strips to `import { db, }`: the same import.
      if (ts.isNamedImports(node))
        return context.factory.updateNamedImports(node, context.factory.createNodeArray([...node.elements]));
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(root, visit, context);
  };
  const [printed] = ts.transform(file, [single]).transformed;
  return ts.createPrinter({ removeComments: true }).printFile(printed as ts.SourceFile);
}

function strip(code: string, file = 'before.ts'): string {
  const result = stripTypes(code, file);
  if (!result.ok) throw new Error(result.diagnostic.message);
  return result.javascript;
}

describe('stripping types for a Run (sucrase)', () => {
  it.each(sources)('$name gives the program the build-time compiler gives', ({ code }) => {
    expect(normalize(strip(code))).toBe(normalize(compileExample(code)));
  });

  it.each(sources)('$name keeps every line where it was, so stack traces point at the editor line', ({ code }) => {
    const output = strip(code).split('\n');
    const input = code.split('\n');
    expect(output).toHaveLength(input.length);
    // Every string literal the output keeps is on the line it was written on.
    output.forEach((line, index) => {
      for (const literal of line.match(/'[^'\n]{4,}'/g) ?? []) expect(input[index]).toContain(literal);
    });
  });

  it('removes TypeScript-only syntax the reader may write', () => {
    const javascript = strip(
      [
        "import type { Context } from 'aws-lambda';",
        'interface Order { id: string }',
        'type Id = Order["id"];',
        'const limits = { retries: 3 } satisfies Record<string, number>;',
        'function first<const T>(items: readonly T[]): T | undefined { return items[0]; }',
        'class Client { private calls!: number; constructor(readonly name: string) {} }',
        'export const handler = async (event: Order, context: Context): Promise<Id> => {',
        '  const ms = context.getRemainingTimeInMillis()!;',
        '  return (event as Order).id + (<number>ms) + first(["a"]) + new Client("x").name + limits.retries;',
        '};',
      ].join('\n'),
    );
    expect(javascript).not.toMatch(
      /\b(interface|satisfies|private|readonly|import type)\b|: (string|number|Order)|<const T>/,
    );
    expect(javascript).toContain('this.name = name');
    expect(normalize(javascript)).toContain('export const handler = async (event, context) =>');
  });

  it('reports a syntax error at its 1-based line and column, with the message alone', () => {
    const result = stripTypes('const a = 1;\n  let y = ;\n', 'after.ts');
    expect(result).toEqual({
      ok: false,
      diagnostic: {
        file: 'after.ts',
        line: 2,
        column: 11,
        message: 'Unexpected token',
        category: 'error',
        source: 'transpiler',
      },
    });
  });

  it('reports an unterminated string and a missing bracket where they are', () => {
    const string = stripTypes('export const handler = async () => {\n  console.log("never closed);\n};\n', 'before.ts');
    expect(string.ok ? undefined : string.diagnostic).toMatchObject({
      line: 2,
      column: 15,
      message: /Unterminated string/,
    });
    const bracket = stripTypes('export const handler = async () => {\n  return 1;\n', 'before.ts');
    expect(bracket.ok).toBe(false);
  });
});
