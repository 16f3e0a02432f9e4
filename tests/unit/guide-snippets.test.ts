/**
 * The guides' code blocks cannot rot: every ```ts block is type-checked against the installed AWS
 * SDK, @types/aws-lambda and Powertools packages, and every ```python block is compiled, as the
 * error entries' fixes are (tests/unit/fix-snippets.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { typeCheck } from './support/snippets';

interface Block {
  guide: string;
  line: number;
  language: 'ts' | 'python';
  code: string;
  path: string;
}

const guidesDirectory = join(process.cwd(), 'src/content/docs/guides');
// Inside the project, so the snippets resolve its node_modules; ignored by git.
mkdirSync('node_modules/.cache', { recursive: true });
const out = mkdtempSync(join(process.cwd(), 'node_modules/.cache/guide-snippets-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function readBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const file of readdirSync(guidesDirectory).filter((name) => name.endsWith('.mdx'))) {
    const lines = readFileSync(join(guidesDirectory, file), 'utf8').split('\n');
    let open: { language: 'ts' | 'python'; start: number; code: string[] } | undefined;
    lines.forEach((line, index) => {
      const fence = /^```(\w*)\s*$/.exec(line.trim());
      if (open && fence && fence[1] === '') {
        const path = join(out, `${file.replace('.mdx', '')}-${open.start}.${open.language === 'ts' ? 'ts' : 'py'}`);
        const code = open.code.join('\n');
        writeFileSync(path, open.language === 'ts' ? `${code}\nexport {};\n` : `${code}\n`);
        blocks.push({ guide: file, line: open.start, language: open.language, code, path });
        open = undefined;
      } else if (open) {
        open.code.push(line);
      } else if (fence && (fence[1] === 'ts' || fence[1] === 'python')) {
        open = { language: fence[1], start: index + 1, code: [] };
      }
    });
  }
  return blocks;
}

const blocks = readBlocks();
const typescriptBlocks = blocks.filter((block) => block.language === 'ts');
const pythonBlocks = blocks.filter((block) => block.language === 'python');

describe('the guides have code to check', () => {
  it('finds TypeScript and Python blocks in every guide that has code', () => {
    // error-handling (3 + 3) and monitoring (2 + 2) carry code in both languages.
    expect(typescriptBlocks.filter((block) => block.guide === 'error-handling.mdx')).toHaveLength(3);
    expect(pythonBlocks.filter((block) => block.guide === 'error-handling.mdx')).toHaveLength(3);
    expect(typescriptBlocks.filter((block) => block.guide === 'monitoring.mdx')).toHaveLength(2);
    expect(pythonBlocks.filter((block) => block.guide === 'monitoring.mdx')).toHaveLength(2);
  });
});

describe('TypeScript blocks type-check', () => {
  const problems = typeCheck(typescriptBlocks.map((block) => ({ path: block.path, headerLines: 0 })));

  it.each(typescriptBlocks.map((block) => [`${block.guide}:${block.line}`, block] as const))('%s', (_name, block) => {
    expect(problems.get(block.path) ?? []).toEqual([]);
  });

  it('has no diagnostics outside the blocks', () => {
    expect([...problems.keys()].filter((file) => !typescriptBlocks.some((block) => block.path === file))).toEqual([]);
  });
});

const havePython = spawnSync('python3', ['--version']).status === 0;
if (!havePython) console.warn('python3 was not found: the guides’ Python blocks were NOT compiled.');

describe.skipIf(!havePython)('Python blocks compile', () => {
  it.each(pythonBlocks.map((block) => [`${block.guide}:${block.line}`, block] as const))('%s', (_name, block) => {
    const result = spawnSync('python3', ['-m', 'py_compile', block.path], { encoding: 'utf8' });
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
  });
});
