import { describe, expect, it } from 'vitest';
import { dropEditorStylesheets, isEditorStylesheet } from './playground';

describe('dropping the editor stylesheets from playground pages', () => {
  it('recognises Monaco CSS by its class names', () => {
    expect(isEditorStylesheet('.monaco-editor .cursor{color:red}')).toBe(true);
    expect(isEditorStylesheet('.sl-markdown-content{margin:0}')).toBe(false);
  });

  it('removes only the links the editor loads itself', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/print.css" media="print"><link rel="stylesheet" href="/_astro/site.css">' +
      '<link rel="stylesheet" href="/guide/_astro/editor.x1.css"><link rel="canonical" href="/a/">';
    const lazy = new Set(['editor.x1.css']);
    expect(dropEditorStylesheets(html, (href) => lazy.has(href.split('/').pop() ?? ''))).toBe(
      '<link rel="stylesheet" href="/_astro/print.css" media="print"><link rel="stylesheet" href="/_astro/site.css">' +
        '<link rel="canonical" href="/a/">',
    );
  });
});
