import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { ErrorEntry } from '../../../src/schema/errors';
import { readEntryFiles } from '../../../src/schema/files';

export interface Snippet {
  entry: string;
  fix: number;
  title: string;
  language: 'typescript' | 'python';
  /** Where the generated copy was written. */
  path: string;
  /** How many header lines precede the snippet, to map compiler positions back to it. */
  headerLines: number;
}

export const generatedDirectory = 'tests/generated/snippets';

function header(entry: string, fix: number, comment: string): string[] {
  return [
    `${comment} GENERATED from content/errors/${entry}.mdx, fixes[${fix}]. Do not edit: edit the entry.`,
    `${comment} Rewritten by tests/unit/fix-snippets.test.ts on every run.`,
  ];
}

/**
 * Writes every fix's code to its own file so that compilers can check it. TypeScript snippets
 * become modules (an empty export is appended) so their top-level names do not collide.
 */
export function writeSnippets(root = process.cwd()): { snippets: Snippet[]; cleanUp: () => void } {
  // Each run writes to its own folder so that concurrent runs do not delete each other's files;
  // the folder stays inside the project so that the snippets resolve the project's node_modules.
  mkdirSync(join(root, generatedDirectory), { recursive: true });
  const out = mkdtempSync(join(root, generatedDirectory, 'run-'));
  const snippets: Snippet[] = [];
  for (const { data } of readEntryFiles(root)) {
    const entry = data as ErrorEntry;
    entry.fixes.forEach((fix, index) => {
      const base = join(out, `${entry.id}--fix-${index + 1}`);
      const ts = header(entry.id, index, '//');
      writeFileSync(`${base}.ts`, `${[...ts, fix.code.typescript, 'export {};'].join('\n')}\n`);
      snippets.push({
        entry: entry.id,
        fix: index + 1,
        title: fix.title,
        language: 'typescript',
        path: `${base}.ts`,
        headerLines: ts.length,
      });
      const py = header(entry.id, index, '#');
      writeFileSync(`${base}.py`, `${[...py, fix.code.python].join('\n')}\n`);
      snippets.push({
        entry: entry.id,
        fix: index + 1,
        title: fix.title,
        language: 'python',
        path: `${base}.py`,
        headerLines: py.length,
      });
    });
  }
  return { snippets, cleanUp: () => rmSync(out, { recursive: true, force: true }) };
}

/** Type-checks all TypeScript snippets in one program, as strictly as the project itself. */
export function typeCheck(files: readonly Pick<Snippet, 'path' | 'headerLines'>[]): Map<string, string[]> {
  const program = ts.createProgram(
    files.map((file) => file.path),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noUnusedLocals: true,
      noImplicitReturns: true,
      exactOptionalPropertyTypes: false,
    },
  );
  const problems = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '(program)';
    const snippet = files.find((candidate) => file.endsWith(candidate.path));
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    const where = position ? `line ${position.line + 1 - (snippet?.headerLines ?? 0)}: ` : '';
    const text = `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    problems.set(snippet?.path ?? file, [...(problems.get(snippet?.path ?? file) ?? []), text]);
  }
  return problems;
}
