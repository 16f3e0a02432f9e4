import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseEntrySource } from '../../src/schema/files';

/**
 * Proves that the real content pipeline (not only the schema in isolation) refuses a bad entry:
 * each case copies the project, breaks one entry and runs `astro sync`, which loads and validates
 * every collection exactly as the build does.
 */
const root = process.cwd();
const workspaces: string[] = [];

function syncWithBrokenEntry(mutate: (data: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'lfg-sync-'));
  workspaces.push(dir);
  // Copy the project as git sees it (tracked and untracked files, minus ignored ones).
  const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.split('\0');
  for (const path of files.filter((file) => file && existsSync(join(root, file)))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(root, path), join(dir, path));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const file = join(dir, 'content/errors/task-timed-out.mdx');
  const { data, body } = parseEntrySource(readFileSync(file, 'utf8'));
  const entry = data as Record<string, unknown>;
  mutate(entry);
  writeFileSync(file, `---\n${stringify(entry)}---\n${body}`);
  const result = spawnSync('npx', ['astro', 'sync'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  expect(result.status, 'astro sync should fail on a broken entry').not.toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

afterAll(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

describe('the build refuses a broken entry, naming the file and the field', () => {
  const file = 'content/errors/task-timed-out.mdx';

  it.each(['prevention', 'fixes', 'messages'])('without %s', (field) => {
    const output = syncWithBrokenEntry((entry) => {
      delete entry[field];
    });
    expect(output).toContain(`${file}: ${field}: is required`);
  });

  it('with a dangling related id', () => {
    const output = syncWithBrokenEntry((entry) => {
      entry.related = ['no-such-entry'];
    });
    expect(output).toContain(`${file}: related[0]: no entry has the id "no-such-entry"`);
  });
});
