/**
 * The text tier: for a fragment or phrase that neither a pattern nor a name catches ("Rate
 * exceeded", "out of memory", "iterator age", "cold start"), entries ranked by text relevance over
 * their titles, names, messages, ids and summaries, with MiniSearch (BM25 with field boosts, prefix
 * and fuzzy matching). README.md says why this library.
 */
import MiniSearch from 'minisearch';
import type { IndexEntry } from './schema';

export interface TextHit {
  entry: number;
  score: number;
  /** The query terms that matched, as MiniSearch found them. */
  terms: string[];
}

interface TextDocument {
  id: number;
  title: string;
  names: string;
  messages: string;
  ids: string;
  summary: string;
}

/**
 * English function words, and "Lambda" and "AWS", which every entry carries: left out so that the
 * words that tell entries apart decide the ranking (BM25 already weighs common words down; these
 * would still add noise to every candidate).
 */
const stopWords = new Set(
  'a an and are as at be by for from has in is it its of on or that the this to was were with lambda aws'.split(' '),
);

/** Lower-cased, single-spaced: how a phrase is compared with the text of an entry. */
function flatten(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A light suffix stemmer, the same for entries and queries, so "throttled", "throttles" and
 * "throttling" meet: -ing, -ed, -es and -s come off when at least four letters remain (never
 * after another s: "access", "process"). Hand-written because it is four rules; a full Porter
 * stemmer would conflate error words that must stay apart.
 */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) {
      const base = word.slice(0, -suffix.length);
      if (suffix === 's' && base.endsWith('s')) return word;
      return base;
    }
  }
  return word;
}

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || stopWords.has(lower) ? null : stem(lower);
}

/** Splits on anything that is not a letter or digit, and splits camelCase so `TooManyRequests` finds "too many requests". */
function tokenize(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const result: string[] = [];
  for (const word of words) {
    result.push(word);
    const parts = word.split(/(?<=[a-z])(?=[A-Z])/);
    if (parts.length > 1) result.push(...parts);
  }
  return result;
}

export interface TextSearch {
  search: MiniSearch<TextDocument>;
  /** Each entry's title and messages, flattened, to recognise a phrase quoted whole. */
  phrases: readonly string[];
}

/** Indexes the entries for the text tier. */
export function buildTextSearch(entries: readonly IndexEntry[]): TextSearch {
  const minisearch = new MiniSearch<TextDocument>({
    fields: ['title', 'names', 'messages', 'ids', 'summary'],
    tokenize,
    processTerm,
    searchOptions: {
      boost: { title: 4, names: 3, ids: 3, messages: 1.5, summary: 1 },
      // The last word of a typed fragment may be unfinished ("iterator ag"); longer words forgive a typo.
      prefix: (_term, index, terms) => index === terms.length - 1,
      fuzzy: (term) => (term.length >= 7 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  minisearch.addAll(
    entries.map((entry, position) => ({
      id: position,
      title: entry.title,
      names: [...(entry.errorTypes ?? []), ...(entry.names ?? []).map(({ name }) => name)].join(' '),
      messages: (entry.messages ?? []).map(({ text }) => text).join('\n'),
      ids: [entry.id, ...(entry.aliases ?? [])].join(' ').replace(/-/g, ' '),
      summary: entry.summary,
    })),
  );
  return {
    search: minisearch,
    phrases: entries.map((entry) =>
      flatten([entry.title, ...(entry.messages ?? []).map(({ text }) => text)].join('\n')),
    ),
  };
}

/** How much a phrase found whole in an entry's title or messages multiplies its relevance. */
const wholePhraseBoost = 2;

/** The longest text the tier reads: a fragment or a few lines, not a whole log. */
export const maxTextQuery = 2000;

/** Entries ranked by relevance to `query`, best first. */
export function searchText(query: string, search: TextSearch): TextHit[] {
  const text = query.slice(0, maxTextQuery);
  if (tokenize(text).every((term) => processTerm(term) === null)) return [];
  const phrase = flatten(text);
  return search.search
    .search(text)
    .map((result) => {
      const entry = result.id as number;
      // Words in the order typed, found together in the entry, beat the same words scattered.
      const whole = phrase.includes(' ') && (search.phrases[entry] ?? '').includes(phrase);
      return { entry, score: result.score * (whole ? wholePhraseBoost : 1), terms: result.terms };
    })
    .sort((a, b) => b.score - a.score || a.entry - b.entry);
}
