import type { ErrorEntry } from '../../schema/errors';

/** What an entry answers to in site search beyond its title and body. */
export interface EntrySearchKeys {
  /** Its id read as words, the error types its messages carry and the names it lists. */
  names: string[];
  /** Its old ids read as words (`lambda-timeout` → `lambda timeout`): what runbooks and readers called it. */
  aliases: string[];
}

/**
 * The entry's search keys, derived from the entry, never written by hand: a new entry or name is
 * searchable without a change here. The entry page renders them as Pagefind metadata fields that
 * src/config/search.ts weights above the title, so a query naming the entry (`TooManyRequestsException`,
 * `ENOSPC`, `502 Bad Gateway`, an old id) ranks it above pages that mention the same words in passing.
 * Old ids get a field of their own because, unlike the current id, they carry words the title does not.
 */
export function getEntrySearchKeys(
  id: string,
  entry: Pick<ErrorEntry, 'messages' | 'names' | 'aliases'>,
): EntrySearchKeys {
  const asWords = (slug: string) => slug.replaceAll('-', ' ');
  const errorTypes = entry.messages.flatMap((message) => (message.errorType ? [message.errorType] : []));
  return {
    names: [...new Set([asWords(id), ...errorTypes, ...(entry.names ?? []).map(({ name }) => name)])],
    aliases: (entry.aliases ?? []).map(asWords),
  };
}
