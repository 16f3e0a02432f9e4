import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * Prefixes root-relative links in Markdown and MDX (`/errors/x/`) with the configured base path,
 * so content is written with site paths and still works when the site lives under a sub-path.
 * Astro leaves such links alone. A hast plugin for Sätteri, Astro 7's Markdown processor; it runs
 * before starlight-links-validator's, which understands base-prefixed links.
 */
export function baseLinks(base: string): HastPluginEntry {
  const prefix = base.replace(/\/$/, '');
  if (!prefix) return null;
  return defineHastPlugin({
    name: 'lfg-base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.href;
        if (
          typeof href === 'string' &&
          href.startsWith('/') &&
          !href.startsWith('//') &&
          !href.startsWith(`${prefix}/`)
        ) {
          ctx.setProperty(node, 'href', `${prefix}${href}`);
        }
      },
    },
  });
}
