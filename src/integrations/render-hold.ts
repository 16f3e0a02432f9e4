/**
 * How long a page holds its first paint (post-build).
 *
 * Every page's head carries `<link rel="expect" href="#lfg-first-screen" blocking="render">` (set
 * in src/config/integrations.ts): Chromium paints nothing until an element with that id has been
 * parsed. This step puts that element, an empty `<template>` (never rendered, and unlike a `<span>`
 * it keeps Starlight's spacing between the blocks around it), after the block of the page's
 * content in which its first screen ends. So the first paint has the header, both sidebars, the
 * title and the whole first screen, and what arrives later only adds to the page below it.
 * Painting a half-parsed page moved what was already shown: the right sidebar jumped 740 px
 * (CLS 0.42), a table widened its columns as its rows arrived, a row of facts wrapped when its last
 * item filled in. Chromium releases the hold when the named element starts, not when it ends,
 * which is why the marker is an element of its own after the block.
 *
 * Why not hold until the whole document is parsed: a long page is then painted only after all of
 * it has been parsed, styled and laid out. In Lighthouse mobile the longest entry painted at
 * 0.59–0.74 s held for its whole document and at 0.25–0.28 s held for its first screen; on a slow
 * connection the difference is the time the rest of the HTML takes to arrive. A page of about a
 * screen, and any page under `astro dev`, has no marker and is held until it is parsed.
 */
import { fileURLToPath } from 'node:url';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { rewriteBuiltPages } from './built-pages.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The id of the element the first paint waits for. */
export const FIRST_SCREEN_ID = 'lfg-first-screen';

/** The element the first paint waits for. */
export const FIRST_SCREEN_MARKER = `<template id="${FIRST_SCREEN_ID}"></template>`;

/**
 * How much of a page's content (characters of HTML in the blocks of Starlight's
 * `.sl-markdown-content`, scripts and styles left out) its first screen holds at most, at
 * 1366 × 900 or 390 × 844. An entry's first screen (summary, "Fix first", facts, the first
 * messages) is 2,000 to 3,500 characters.
 * tests/e2e/layout-shift.spec.ts checks every page against its real first screen at both sizes.
 */
export const FIRST_SCREEN_HTML = 4000;

const isElement = (node: Node): node is Element => 'tagName' in node;
const UNSHOWN = new Set(['script', 'style', 'template', 'link', 'meta']);

function findContent(node: Node): Element | undefined {
  if (
    isElement(node) &&
    node.attrs.some((attr) => attr.name === 'class' && attr.value.split(/\s+/).includes('sl-markdown-content'))
  )
    return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findContent(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Places the first-screen marker in one built page: after the first top-level block of its
 * content that ends FIRST_SCREEN_HTML or more characters into it, not counting scripts and
 * styles. Pages with less content than that, pages without Starlight's content (redirects) and
 * pages already marked are returned unchanged.
 */
export function markFirstScreen(html: string): string {
  if (html.includes(`id="${FIRST_SCREEN_ID}"`)) return html;
  const content = findContent(parse(html, { sourceCodeLocationInfo: true }));
  if (!content) return html;
  // Scripts, styles and templates take no room on the screen, however long their text.
  let shown = 0;
  const block = content.childNodes.filter(isElement).find((child) => {
    const { startOffset = 0, endOffset = 0 } = child.sourceCodeLocation ?? {};
    if (UNSHOWN.has(child.tagName)) return false;
    shown += endOffset - startOffset;
    return shown >= FIRST_SCREEN_HTML;
  });
  const at = block?.sourceCodeLocation?.endOffset;
  return at === undefined ? html : html.slice(0, at) + FIRST_SCREEN_MARKER + html.slice(at);
}

/** Applies markFirstScreen to every built page. Register it in the site's integrations. */
export function renderHoldIntegration() {
  return {
    name: 'lfg-render-hold',
    hooks: {
      'astro:build:done': async ({ dir }: { dir: URL }) => {
        await rewriteBuiltPages(fileURLToPath(dir), markFirstScreen);
      },
    },
  };
}
