import type { z } from 'astro/zod';
import { type ErrorEntry, errorEntrySchema } from './errors';

/** One thing wrong with one entry, precise enough to fix without opening anything else. */
export interface EntryProblem {
  /** The entry's file, relative to the project root. */
  file: string;
  /** The field's path, e.g. `fixes[0].code.python`. */
  field: string;
  message: string;
}

export interface CheckedEntry {
  file: string;
  entry: ErrorEntry;
}

/** Thrown when entries are invalid; its message lists every problem, one per line. */
export class EntryValidationError extends Error {
  constructor(readonly problems: EntryProblem[]) {
    super(`Invalid error entries:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'EntryValidationError';
  }
}

export function formatProblem({ file, field, message }: EntryProblem): string {
  return `  ${file}: ${field}: ${message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const missing = issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union';
  if (missing && valueAt(data, issue.path) === undefined) return 'is required';
  return issue.message;
}

/** Validates one entry's frontmatter against the schema. */
export function checkEntry(
  file: string,
  data: unknown,
): { ok: true; entry: ErrorEntry } | { ok: false; problems: EntryProblem[] } {
  const result = errorEntrySchema.safeParse(data);
  if (result.success) return { ok: true, entry: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file,
      field: formatPath(issue.path) || '(frontmatter)',
      message: describeIssue(issue, data),
    })),
  };
}

/** The id an entry's file name promises: `content/errors/task-timed-out.mdx` → `task-timed-out`. */
export function idFromFile(file: string): string {
  return (
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.mdx?$/, '') ?? file
  );
}

/**
 * Checks what no single entry can check alone: ids match file names, ids and aliases are unique
 * across the catalogue, and every `related` id exists.
 */
export function checkCatalogue(entries: readonly CheckedEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const owners = new Map<string, string>();
  const claim = (name: string, file: string, field: string) => {
    const owner = owners.get(name);
    if (owner && owner !== file) {
      problems.push({ file, field, message: `"${name}" is already used by ${owner}` });
    } else {
      owners.set(name, file);
    }
  };

  for (const { file, entry } of entries) {
    const expected = idFromFile(file);
    if (entry.id !== expected) {
      problems.push({ file, field: 'id', message: `must equal the file name "${expected}", got "${entry.id}"` });
    }
    claim(entry.id, file, 'id');
    for (const [index, alias] of (entry.aliases ?? []).entries()) claim(alias, file, `aliases[${index}]`);
  }

  // A name several entries answer to must say, in each of them, how to tell which one the reader has.
  const namers = new Map<string, string[]>();
  for (const { entry } of entries) {
    for (const { name } of entry.names) namers.set(name, [...(namers.get(name) ?? []), entry.id]);
  }
  for (const { file, entry } of entries) {
    entry.names.forEach(({ name, tell }, index) => {
      const others = (namers.get(name) ?? []).filter((id) => id !== entry.id);
      if (others.length > 0 && !tell) {
        problems.push({
          file,
          field: `names[${index}].tell`,
          message: `"${name}" is also listed by ${others.join(', ')}: say in one line how to tell this entry apart`,
        });
      }
    });
  }

  const ids = new Set(entries.map(({ entry }) => entry.id));
  for (const { file, entry } of entries) {
    entry.related.forEach((id, index) => {
      if (id === entry.id) {
        problems.push({ file, field: `related[${index}]`, message: 'an entry cannot be related to itself' });
      } else if (!ids.has(id)) {
        problems.push({ file, field: `related[${index}]`, message: `no entry has the id "${id}"` });
      }
    });
  }
  return problems;
}
