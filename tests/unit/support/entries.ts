import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntrySource } from '../../../src/schema/files';

/** A complete, valid entry to mutate in tests: the task-timed-out entry as it is on disk. */
export function loadValidEntry(root = process.cwd()): Record<string, unknown> {
  const source = readFileSync(join(root, 'content/errors/task-timed-out.mdx'), 'utf8');
  return structuredClone(parseEntrySource(source).data) as Record<string, unknown>;
}
