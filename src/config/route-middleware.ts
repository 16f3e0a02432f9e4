import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './urls';

/**
 * Starlight uses hero action links as written; prefix root-relative ones with the base path, as the
 * base-links plugin does for links in Markdown, so frontmatter can use site paths too.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const base = import.meta.env.BASE_URL;
  for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
    if (action.link.startsWith('/') && !action.link.startsWith('//') && !action.link.startsWith(base)) {
      action.link = withBase(action.link, base);
    }
  }
});
