import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import { getSiteLocation } from '../../config/site';
import { buildErrorIndex } from '../../lookup/build-index';

/**
 * `/api/errors.json`: every entry's id, title, URL, error types and patterns, for the lookup page
 * and any other tool. The format is versioned and documented in src/lookup/README.md; its zod
 * schema is `errorIndexSchema` in src/lookup/schema.ts.
 */
export const GET: APIRoute = async ({ site }) => {
  const entries = await getCollection('errors');
  const index = buildErrorIndex(
    entries.map((entry) => entry.data),
    { site: site?.origin ?? getSiteLocation().site, base: import.meta.env.BASE_URL },
  );
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
