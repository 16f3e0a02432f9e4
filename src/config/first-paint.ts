/**
 * When a page is first painted. Chromium holds rendering until the element a
 * `<link rel="expect" blocking="render">` names is parsed
 * (https://html.spec.whatwg.org/multipage/links.html#link-type-expect); other browsers ignore it.
 *
 * Every page waits for its whole document by default: a slow or chunked response was otherwise
 * painted with the header, the sidebars, the table of contents or a table half built, and the rest
 * then moved them (the right sidebar jumped 740 px, CLS 0.42; table columns widened as rows
 * arrived). An id that names no element means "the end of the document".
 *
 * Entry pages are the long ones (the longest is over 300 KB of HTML) and hold no table in their
 * first screen: they wait only for the end of that screen, the facts under "Fix first". Everything
 * that could move is above it (header, sidebars and table of contents come first in the document);
 * what arrives later is appended below. Holding the paint for the whole page cost a phone its
 * first screen for the time the rest took to parse, and Lighthouse's speed index rose from 1.2 s to
 * 3.9 s. tests/e2e/layout-shift.spec.ts loads them over a slow connection to keep this honest.
 */
export const WHOLE_DOCUMENT = 'lfg-parsed';
export const ENTRY_FIRST_SCREEN = 'lfg-first-screen';

/** The head tag that holds the first paint until `id` is parsed. */
export function firstPaintLink(id: string) {
  return { tag: 'link' as const, attrs: { rel: 'expect', href: `#${id}`, blocking: 'render' } };
}

/** Whether a Starlight route id is an entry page (`errors/<id>`; the index is `errors`). */
export function isEntryRoute(routeId: string): boolean {
  return /^errors\/[^/]+\/?$/.test(routeId);
}
