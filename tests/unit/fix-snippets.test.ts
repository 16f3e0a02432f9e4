import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { typeCheck, writeSnippets } from './support/snippets';

const { snippets, cleanUp } = writeSnippets();
afterAll(cleanUp);
const typescriptSnippets = snippets.filter((snippet) => snippet.language === 'typescript');
const pythonSnippets = snippets.filter((snippet) => snippet.language === 'python');

describe('TypeScript fixes type-check against the real packages', () => {
  const problems = typeCheck(typescriptSnippets);

  it('compiles with no diagnostics outside the snippets', () => {
    const strays = [...problems.keys()].filter((path) => !typescriptSnippets.some((s) => s.path === path));
    expect(strays).toEqual([]);
  });

  it.each(typescriptSnippets.map((snippet) => [`${snippet.entry} fix ${snippet.fix} (${snippet.title})`, snippet]))(
    '%s',
    (_name, snippet) => {
      expect(problems.get(snippet.path) ?? [], `content/errors/${snippet.entry}.mdx fixes[${snippet.fix - 1}]`).toEqual(
        [],
      );
    },
  );
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const havePython = python.status === 0;
if (!havePython) {
  console.warn('python3 was not found: the Python fixes were NOT compiled. Install python3 to check them.');
}

describe.skipIf(!havePython)('Python fixes compile with py_compile', () => {
  it.each(pythonSnippets.map((snippet) => [`${snippet.entry} fix ${snippet.fix} (${snippet.title})`, snippet]))(
    '%s',
    (_name, snippet) => {
      const result = spawnSync('python3', ['-m', 'py_compile', snippet.path], { encoding: 'utf8' });
      expect(result.stderr.trim(), `content/errors/${snippet.entry}.mdx fixes[${snippet.fix - 1}]`).toBe('');
      expect(result.status).toBe(0);
    },
  );
});
