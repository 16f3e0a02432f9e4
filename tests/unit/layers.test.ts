/**
 * The layers of the codebase (README "Layout", briefing): the site config and the entry schema are
 * read by components, never the reverse, and the pure cores import no page or component, so they
 * run in Node (tests, tooling) and in a Worker alike. Imports are followed transitively, so a
 * config file cannot reach a component through a helper folder either.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceExtensions = ['.ts', '.mts', '.js', '.mjs', '.astro', '.tsx'];

/** Every static import, re-export, side-effect import and dynamic import with a literal path. */
const IMPORT =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*${}\s,]+?\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

function importSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1] ?? '');
}

/** The file a relative specifier names, trying the extensions TypeScript and Vite would. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const bare = resolve(dirname(from), specifier.split('?')[0] ?? specifier);
  const candidates = [
    bare,
    bare.replace(/\.js$/, '.ts'),
    ...sourceExtensions.map((extension) => bare + extension),
    ...sourceExtensions.map((extension) => join(bare, `index${extension}`)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function sourceFiles(folder: string): string[] {
  const absolute = join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .map((name) => join(absolute, name))
    .filter((path) => sourceExtensions.some((extension) => path.endsWith(extension)) && !/\.test\.ts$/.test(path));
}

/**
 * Each file under `folders` paired with the forbidden file it reaches (directly or through other
 * files of the repo), with the chain of imports that leads there.
 */
function findForbiddenImports(folders: readonly string[], forbidden: readonly string[]): string[] {
  const isForbidden = (path: string) => forbidden.some((folder) => relative(join(root, folder), path).match(/^[^.]/));
  const problems: string[] = [];
  for (const start of folders.flatMap(sourceFiles)) {
    const seen = new Set<string>([start]);
    const queue: string[][] = [[start]];
    while (queue.length > 0) {
      const chain = queue.shift() ?? [];
      const file = chain[chain.length - 1] ?? start;
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        const target = resolveImport(file, specifier);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        if (isForbidden(target)) {
          problems.push([...chain, target].map((path) => relative(root, path)).join(' → '));
        } else {
          queue.push([...chain, target]);
        }
      }
    }
  }
  return problems;
}

const pagesAndComponents = ['src/components', 'src/pages'];

describe('layers', () => {
  it('finds imports of every form, so the rules below can fail', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b.ts';",
      "import './side-effect';",
      "export { c } from './c';",
      "const d = await import('./d.ts');",
      'import Big, {\n  e,\n  f,\n} from "./e.astro";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a', '../b.ts', './side-effect', './c', './d.ts', './e.astro']);
    // A component importing another component is allowed, but it is what the rule looks for.
    expect(findForbiddenImports(['src/components/entry'], ['src/components']).length).toBeGreaterThan(0);
  });

  it('src/config and src/schema import no component or page', () => {
    expect(findForbiddenImports(['src/config', 'src/schema'], pagesAndComponents)).toEqual([]);
  });

  it('the pure cores import no component or page', () => {
    const cores = ['src/lookup', 'src/insights', 'src/alarms', 'src/rightsize', 'playground/runtime'];
    expect(findForbiddenImports(cores, pagesAndComponents)).toEqual([]);
  });

  it('src/integrations, which the config registers, imports no component or page', () => {
    expect(findForbiddenImports(['src/integrations'], pagesAndComponents)).toEqual([]);
  });
});
