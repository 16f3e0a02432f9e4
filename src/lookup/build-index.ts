import { absoluteUrl, entryPath } from '../config/urls';
import type { ErrorEntry } from '../schema/errors';
import type { ErrorIndex, IndexEntry } from './schema';

export interface IndexLocation {
  /** The site's origin, e.g. `https://lambda.example.com` (a trailing path is ignored). */
  site: string;
  /** The base path the site lives under, e.g. `/` or `/field-guide/`. */
  base: string;
}

/** The error types an entry's messages carry, in order of first appearance, without repeats. */
export function getEntryErrorTypes(entry: Pick<ErrorEntry, 'messages'>): string[] {
  return [...new Set(entry.messages.flatMap((message) => (message.errorType ? [message.errorType] : [])))];
}

/** One entry as errors.json publishes it. */
export function toIndexEntry(entry: ErrorEntry, location: IndexLocation): IndexEntry {
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    url: absoluteUrl(entryPath(entry.id), location.site, location.base),
    category: entry.category,
    phase: entry.phase,
    runtimes: [...entry.runtimes],
    errorTypes: getEntryErrorTypes(entry),
    patterns: entry.patterns.map(({ source, flags, yields }) => ({ source, flags, ...(yields ? { yields } : {}) })),
    messages: entry.messages.map(({ text, runtime, source, errorType }) =>
      errorType ? { text, runtime, source, errorType } : { text, runtime, source },
    ),
    related: [...entry.related],
    aliases: [...(entry.aliases ?? [])],
    names: (entry.names ?? []).map(({ name, tell }) => (tell ? { name, tell } : { name })),
  };
}

/**
 * Builds the content of `/api/errors.json` from validated entries. Pure: the same entries and
 * location always give the same document (entries sorted by id), so it can be generated at build
 * time, in tests and by tools alike.
 */
export function buildErrorIndex(entries: readonly ErrorEntry[], location: IndexLocation): ErrorIndex {
  return {
    version: 1,
    entries: [...entries]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entry) => toIndexEntry(entry, location)),
  };
}
