import { type CollectionEntry, getCollection } from 'astro:content';

export type ErrorCollectionEntry = CollectionEntry<'errors'>;

/** Every error entry, sorted by title so that every listing is stable. */
export async function getEntries(): Promise<ErrorCollectionEntry[]> {
  const entries = await getCollection('errors');
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

/**
 * The entries related to `entry` in either direction: those it names and those that name it, so
 * that a relation written once links both ways.
 */
export function getRelated(entry: ErrorCollectionEntry, all: readonly ErrorCollectionEntry[]): ErrorCollectionEntry[] {
  const ids = new Set(entry.data.related);
  for (const other of all) if (other.data.related.includes(entry.id)) ids.add(other.id);
  ids.delete(entry.id);
  return all.filter((other) => ids.has(other.id));
}
