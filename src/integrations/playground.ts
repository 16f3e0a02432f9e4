/**
 * Finishes the built pages after Astro has written them (pages that embed a playground, and the
 * policy of all the others):
 *
 * 1. Astro links, in every page that uses a script, the CSS of every module that script can reach,
 *    dynamic imports included, so Monaco's stylesheets (~175 KB) would block the first paint of
 *    pages that never open the editor. Vite's preload helper already injects them when the editor
 *    is imported, so the static links are removed (`dropEditorStylesheets`).
 * 2. The pages' Content-Security-Policy gets a hash for each inline script (`addInlineScriptHashes`).
 * 3. Every other page gets the site's policy (`insertSiteCsp`, SITE_CSP in csp.ts), hashed the same way.
 *
 * Register `playgroundIntegration()` in the site's integrations, after Starlight.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteBuiltPages } from './built-pages.ts';
import { addInlineScriptHashes, insertSiteCsp } from './csp.ts';

/** A stylesheet that styles Monaco: the editor's own class names are its signature. */
export function isEditorStylesheet(css: string): boolean {
  return css.includes('.monaco-editor');
}

const STYLESHEET_LINK = /<link\s+rel="stylesheet"\s+href="([^"]+)"[^>]*>/g;

/** Removes the <link rel="stylesheet"> elements whose href `isLazy` says the editor loads itself. */
export function dropEditorStylesheets(html: string, isLazy: (href: string) => boolean): string {
  return html.replace(STYLESHEET_LINK, (link, href: string) => (isLazy(href) ? '' : link));
}

export function playgroundIntegration() {
  return {
    name: 'lfg-playground',
    hooks: {
      'astro:build:done': async ({ dir }: { dir: URL }) => {
        const root = fileURLToPath(dir);
        const lazyCss = new Set<string>();
        for (const file of (await readdir(root, { recursive: true })).filter((name) => name.endsWith('.css'))) {
          if (isEditorStylesheet(await readFile(join(root, file), 'utf8'))) lazyCss.add(file.split('/').pop() ?? file);
        }
        const isLazy = (href: string) => lazyCss.has(href.split('/').pop() ?? href);
        // Every other page gets the site's policy; playground pages carry their own already.
        await rewriteBuiltPages(root, (html) =>
          addInlineScriptHashes(
            html.includes('<lfg-playground') ? dropEditorStylesheets(html, isLazy) : insertSiteCsp(html),
          ),
        );
      },
    },
  };
}
