import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Readers for the lookup's real-world fixtures: every `.jsonl` file under tests/fixtures/pastes/
 * (things people paste) and tests/fixtures/queries/ (things people type or link with). Each owner
 * keeps a file of their own; a malformed line fails loudly with its file and line number.
 */

export interface Paste {
  text: string;
  /** The entry that should come first, or `null` for healthy logs that must raise no problem. */
  entry: string | null;
  runtime: string;
  format: string;
  source: string;
  file: string;
  line: number;
}

export interface Query {
  q: string;
  entry: string;
  source: string;
  file: string;
  line: number;
}

const fixtures = join(process.cwd(), 'tests/fixtures');

function readJsonLines(folder: string): { file: string; line: number; value: Record<string, unknown> }[] {
  const directory = join(fixtures, folder);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(directory, name), 'utf8')
        .split('\n')
        .map((text, index) => ({ text, line: index + 1 }))
        .filter(({ text }) => text.trim() !== '')
        .map(({ text, line }) => {
          const file = `${folder}/${name}`;
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            throw new Error(`tests/fixtures/${file}:${line} is not JSON: ${(error as Error).message}`);
          }
          if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw new Error(`tests/fixtures/${file}:${line} is not a JSON object`);
          return { file, line, value: value as Record<string, unknown> };
        }),
    );
}

function requireString(value: Record<string, unknown>, key: string, where: string): string {
  const found = value[key];
  if (typeof found !== 'string' || found.trim() === '')
    throw new Error(`${where}: "${key}" must be a non-empty string`);
  return found;
}

/** Every pasted line of every file in tests/fixtures/pastes/. */
export function loadPastes(): Paste[] {
  return readJsonLines('pastes').map(({ file, line, value }) => {
    const where = `tests/fixtures/${file}:${line}`;
    const entry = value.entry;
    if (entry !== null && (typeof entry !== 'string' || entry === ''))
      throw new Error(`${where}: "entry" must be an entry id or null`);
    return {
      text: requireString(value, 'text', where),
      entry,
      runtime: typeof value.runtime === 'string' ? value.runtime : 'any',
      format: typeof value.format === 'string' ? value.format : 'plain',
      source: requireString(value, 'source', where),
      file,
      line,
    };
  });
}

/** Every typed query of every file in tests/fixtures/queries/. */
export function loadQueries(): Query[] {
  return readJsonLines('queries').map(({ file, line, value }) => {
    const where = `tests/fixtures/${file}:${line}`;
    return {
      q: requireString(value, 'q', where),
      entry: requireString(value, 'entry', where),
      source: requireString(value, 'source', where),
      file,
      line,
    };
  });
}
