import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { playgroundIntegration } from '../integrations/playground.ts';
import { searchOnDemandIntegration } from '../integrations/search-on-demand.ts';
import { createGeneratedRouteMatcher, readEntryHeaders } from './routes.ts';
import { searchRanking } from './search.ts';
import { buildSidebar } from './sidebar.ts';
import { getSiteLocation } from './site.ts';
import { withBase } from './urls.ts';

const { base } = getSiteLocation();
const isGeneratedRoute = createGeneratedRouteMatcher(readEntryHeaders(), base);

export const integrations = [
  starlight({
    title: 'Lambda Field Guide',
    description:
      'AWS Lambda errors and performance problems: the verbatim messages, their causes and fixes, with cited facts.',
    sidebar: buildSidebar(),
    lastUpdated: false,
    // Our own 404 (src/pages/404.astro) offers the paste box, search and the index.
    disable404Route: true,
    components: {
      // Titles break inside identifiers at dots and camel-case words, never with a hyphen.
      PageTitle: './src/components/PageTitle.astro',
    },
    pagination: true,
    // Entries rank first for the names they answer to (see search.ts).
    pagefind: { ranking: searchRanking },
    customCss: ['./src/styles/custom.css'],
    routeMiddleware: './src/config/route-middleware.ts',
    head: [
      // Lets a browser add the guide as a search engine that opens the lookup.
      {
        tag: 'link',
        attrs: {
          rel: 'search',
          type: 'application/opensearchdescription+xml',
          title: 'Lambda Field Guide',
          href: withBase('/opensearch.xml', base),
        },
      },
      // No first paint of a half-parsed page. A slow or chunked response was painted with the
      // header, the sidebars, the table of contents or a table half built, and the rest then moved
      // them (the right sidebar jumped 740 px, CLS 0.42; table columns widened as rows arrived).
      // `#lfg-parsed` names no element, so Chromium holds rendering until the document is parsed
      // (https://html.spec.whatwg.org/multipage/links.html#link-type-expect); others ignore it.
      { tag: 'link', attrs: { rel: 'expect', href: '#lfg-parsed', blocking: 'render' } },
    ],
    plugins: [
      starlightLinksValidator({
        errorOnRelativeLinks: true,
        errorOnInvalidHashes: true,
        exclude: ({ link }) => isGeneratedRoute(link),
      }),
    ],
  }),
  // After Starlight: finishes pages that embed a playground (CSP hashes, lazy editor styles).
  playgroundIntegration(),
  // Pagefind's search UI is built when a reader is about to search, not on every load.
  searchOnDemandIntegration(),
  mdx(),
];
