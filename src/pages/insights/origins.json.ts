import type { APIRoute } from 'astro';
import { type QueryOrigin, queryFingerprint } from '../../components/insights/links';
import { entryPath, withBase } from '../../config/urls';
import { getEntries } from '../../data/entries';

/**
 * `/insights/origins.json`: each entry's Logs Insights queries, by title and fingerprint, so the
 * builder can say which entry and query a link (`?q=…&from=<id>`) handed it. The builder fetches it
 * only for such a link; no query text is in it, and the request carries nothing of the reader's.
 */
export const GET: APIRoute = async () => {
  const origins: QueryOrigin[] = (await getEntries()).map((entry) => ({
    entry: entry.id,
    entryTitle: entry.data.title,
    href: withBase(entryPath(entry.id, 'insights')),
    queries: entry.data.insights.map((query) => ({ title: query.title, fingerprint: queryFingerprint(query.query) })),
  }));
  return new Response(JSON.stringify(origins), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
