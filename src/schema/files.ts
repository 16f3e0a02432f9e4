import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

export interface EntryFile {
  /** The path relative to the project root, e.g. `content/errors/task-timed-out.mdx`. */
  file: string;
  /** The parsed frontmatter, not yet validated. */
  data: unknown;
}

export const errorsDirectory = 'content/errors';

/** Splits an MDX file into its YAML frontmatter (parsed) and body. */
export function parseEntrySource(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: undefined, body: source };
  return { data: parse(match[1] ?? ''), body: source.slice(match[0].length) };
}

/**
 * Reads every entry's frontmatter straight from disk, for code that runs outside Astro's content
 * API: the config (sidebar, link validation) and the tests.
 */
export function readEntryFiles(root = process.cwd()): EntryFile[] {
  const dir = join(root, errorsDirectory);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(root, path), data: parseEntrySource(readFileSync(path, 'utf8')).data };
    });
}
