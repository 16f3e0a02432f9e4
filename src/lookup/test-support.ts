import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorEntry } from '../schema/errors';
import { readEntryFiles } from '../schema/files';
import { checkEntry } from '../schema/validate';
import { buildErrorIndex } from './build-index';
import type { ErrorIndex } from './schema';

/** Test helpers: the catalogue as it is on disk now (other entries are being written meanwhile). */

export interface FixtureMessage {
  text: string;
  topic: string;
  runtime: string;
  source: string;
  /** 1-based line in lambda-messages.jsonl. */
  line: number;
}

const fixtures = join(process.cwd(), 'tests/fixtures');

export function loadFixtureMessages(): FixtureMessage[] {
  return readFileSync(join(fixtures, 'lambda-messages.jsonl'), 'utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => ({ ...(JSON.parse(text) as Omit<FixtureMessage, 'line'>), line }));
}

export function loadTopics(): Record<string, string | null> {
  return (JSON.parse(readFileSync(join(fixtures, 'topics.json'), 'utf8')) as { topics: Record<string, string | null> })
    .topics;
}

/** The entries that validate today, and the files that do not (named, so a failure is explained). */
export function loadValidEntries(): { entries: ErrorEntry[]; invalid: string[] } {
  const entries: ErrorEntry[] = [];
  const invalid: string[] = [];
  for (const { file, data } of readEntryFiles()) {
    const checked = checkEntry(file, data);
    if (checked.ok) entries.push(checked.entry);
    else invalid.push(file);
  }
  return { entries, invalid };
}

export const testLocation = { site: 'https://lambda.example.com', base: '/field-guide/' };

export function loadIndex(): ErrorIndex {
  return buildErrorIndex(loadValidEntries().entries, testLocation);
}
