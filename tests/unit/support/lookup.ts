import { buildErrorIndex } from '../../../src/lookup/build-index';
import type { ErrorIndex, IndexEntry } from '../../../src/lookup/schema';
import type { ErrorEntry } from '../../../src/schema/errors';
import { readEntryFiles } from '../../../src/schema/files';
import { checkEntry } from '../../../src/schema/validate';
import { loadTopicMap } from './fixtures';

/** Test helpers: the catalogue as it is on disk now (other entries are being written meanwhile). */

export { type FixtureMessage, loadFixtureMessages } from './fixtures';

export function loadTopics(): Record<string, string | null> {
  return loadTopicMap().topics;
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

/** A minimal errors.json entry for tests that must not depend on the catalogue. */
export function indexEntry(id: string, patterns: string[], errorTypes: string[] = [], flags = ''): IndexEntry {
  return {
    id,
    title: `Title of ${id}`,
    summary: `Summary of ${id}`,
    url: `https://guide.example/errors/${id}/`,
    category: 'code-and-runtime',
    phase: 'invoke',
    runtimes: ['any'],
    errorTypes,
    patterns: patterns.map((source) => ({ source, flags })),
    messages: [],
    related: [],
    aliases: [],
  };
}
