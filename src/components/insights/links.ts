/**
 * Links into the query builder. `/insights/?q=<query>` is a public URL (error entries, runbooks
 * and alarms link to it), so its shape is pinned by tests/e2e/insights.spec.ts. Entry pages add
 * `from=<entry id>`, so the builder can say where the query came from and link back.
 */
import { withBase } from '../../config/urls';

/**
 * The URL that opens the builder with `query` loaded in the editor (as text, never as markup).
 * `base` is the site's base path; pass it where Vite's `import.meta.env` does not exist (Playwright).
 */
export function builderUrl(query: string, base: string = import.meta.env.BASE_URL, from?: string): string {
  const q = `q=${encodeURIComponent(query.trim())}`;
  return `${withBase('/insights/', base)}?${from ? `${q}&from=${encodeURIComponent(from)}` : q}`;
}

/** The builder link an entry page publishes for one of its queries. */
export const entryBuilderUrl = (entryId: string, query: string, base: string = import.meta.env.BASE_URL): string =>
  builderUrl(query, base, entryId);

/**
 * A short fingerprint of a query (FNV-1a, 32 bits, base 36) so the builder can tell which entry
 * query a link carried without embedding every query's text in its page.
 */
export function queryFingerprint(query: string): string {
  let hash = 0x811c9dc5;
  for (const char of query.trim()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** What the builder page knows about each entry query it may be handed. */
export interface QueryOrigin {
  entry: string;
  entryTitle: string;
  /** The entry page's #insights section. */
  href: string;
  queries: { title: string; fingerprint: string }[];
}

/**
 * Where a loaded query came from: the entry named by `from` (or, for older links without it, the
 * entry whose query it is) and that query's title when the text is unchanged.
 */
export function findOrigin(
  origins: readonly QueryOrigin[],
  query: string,
  from: string | null,
): { origin: QueryOrigin; queryTitle?: string } | undefined {
  const fingerprint = queryFingerprint(query);
  const candidates = from ? origins.filter((o) => o.entry === from) : origins;
  for (const origin of candidates) {
    const match = origin.queries.find((q) => q.fingerprint === fingerprint);
    if (match) return { origin, queryTitle: match.title };
  }
  const named = from ? candidates[0] : undefined;
  return named ? { origin: named } : undefined;
}
