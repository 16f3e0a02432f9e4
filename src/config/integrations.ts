import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { playgroundIntegration } from '../integrations/playground.ts';
import { FIRST_SCREEN_ID, renderHoldIntegration } from '../integrations/render-hold.ts';
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
      // The same tables of contents with a cheaper current-section tracker (src/components/toc/toc-element.ts).
      TableOfContents: './src/components/toc/TableOfContents.astro',
      MobileTableOfContents: './src/components/toc/MobileTableOfContents.astro',
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
      // No first paint of a half-built page: Chromium paints nothing until the element this names
      // has been parsed, which renderHoldIntegration places after the content block in which the
      // first screen ends (why, and why not the whole document: src/integrations/render-hold.ts).
      // https://html.spec.whatwg.org/multipage/links.html#link-type-expect; other browsers ignore it.
      { tag: 'link', attrs: { rel: 'expect', href: `#${FIRST_SCREEN_ID}`, blocking: 'render' } },
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
  // After Starlight: marks where the first paint may happen (render-hold.ts).
  renderHoldIntegration(),
  // Pagefind's search UI is built when a reader is about to search, not on every load.
  searchOnDemandIntegration(),
  mdx(),
];
