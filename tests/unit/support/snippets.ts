import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
