import type { APIRoute } from 'astro';
import { getSiteLocation } from '../config/site';
import { buildOpenSearchDescription } from '../lookup/opensearch';

/** `/opensearch.xml`: lets a browser add the guide as a search engine that opens the lookup page. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    buildOpenSearchDescription({
      site: site?.origin ?? getSiteLocation().site,
      base: import.meta.env.BASE_URL,
      shortName: 'Lambda Guide',
      description: 'Paste an AWS Lambda error or log line and land on the page that explains and fixes it.',
    }),
    { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } },
  );
