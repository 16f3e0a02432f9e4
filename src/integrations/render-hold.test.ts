import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_HTML, FIRST_SCREEN_MARKER, markFirstScreen } from './render-hold';

const page = (content: string) =>
  `<!DOCTYPE html><html><head><link rel="expect" href="#lfg-first-screen" blocking="render"/></head>` +
  `<body><header>…</header><main><div><h1 id="_top">Title</h1></div>` +
  `<div class="sl-container"><div class="sl-markdown-content">${content}</div></div></main></body></html>`;
const words = (characters: number) => `<p>${'word '.repeat(Math.ceil(characters / 5))}</p>`;
const table = `<table><tr><td>${'cell '.repeat(FIRST_SCREEN_HTML / 5)}</td></tr></table>`;
/** The HTML just before the marker. */
const htmlBeforeMarker = (html: string) => html.slice(0, html.indexOf(FIRST_SCREEN_MARKER));

describe('markFirstScreen', () => {
  it('marks the end of the block in which the first screen ends, once', () => {
    const html = page(`<p>Summary</p>${table}<p>after</p>${words(FIRST_SCREEN_HTML)}`);
    const marked = markFirstScreen(html);
    expect(htmlBeforeMarker(marked).endsWith('</table>')).toBe(true);
    expect(marked.split(FIRST_SCREEN_MARKER)).toHaveLength(2);
    // Nothing else changes.
    expect(marked.replace(FIRST_SCREEN_MARKER, '')).toBe(html);
  });

  it('does not cut into a block: a section that starts on the first screen is marked after its end', () => {
    const section = `<section><h2>Fix</h2>${words(FIRST_SCREEN_HTML * 2)}<pre>code</pre></section>`;
    const marked = markFirstScreen(page(`${words(FIRST_SCREEN_HTML / 2)}${section}<p>next</p>`));
    expect(htmlBeforeMarker(marked).endsWith('<pre>code</pre></section>')).toBe(true);
  });

  it('does not count scripts and styles, which take no room on the screen', () => {
    const data = `<script type="application/json">${'"x",'.repeat(FIRST_SCREEN_HTML)}</script>`;
    const tool = `<form>${words(FIRST_SCREEN_HTML / 2)}</form>`;
    const marked = markFirstScreen(
      page(`<p>Intro</p>${data}<style>p{}</style>${tool}${words(FIRST_SCREEN_HTML)}<p>end</p>`),
    );
    expect(htmlBeforeMarker(marked).endsWith('</p></form>')).toBe(false);
    expect(htmlBeforeMarker(marked).endsWith('</p>')).toBe(true);
    expect(marked.indexOf(FIRST_SCREEN_MARKER)).toBeLessThan(marked.indexOf('<p>end</p>'));
  });

  it('leaves a page with about a screen of content to be held until it is parsed', () => {
    const short = page(`<p>Summary</p>${words(FIRST_SCREEN_HTML / 2)}`);
    expect(markFirstScreen(short)).toBe(short);
  });

  it('leaves pages without Starlight content, and pages already marked, alone', () => {
    const redirect = '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=/x/"></head></html>';
    expect(markFirstScreen(redirect)).toBe(redirect);
    const once = markFirstScreen(page(`${table}${words(FIRST_SCREEN_HTML)}`));
    expect(once).toContain(FIRST_SCREEN_MARKER);
    expect(markFirstScreen(once)).toBe(once);
  });

  it('counts offsets in the page text, multi-byte characters included', () => {
    const html = page(`<p>${'ü—→'.repeat(FIRST_SCREEN_HTML)}</p><p>next</p>`);
    expect(htmlBeforeMarker(markFirstScreen(html)).endsWith(`${'ü—→'.repeat(3)}</p>`)).toBe(true);
  });
});
