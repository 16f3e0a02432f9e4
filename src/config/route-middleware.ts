import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { paginationLabel } from './pagination';
import { withBase } from './urls';

export const onRequest = defineRouteMiddleware((context) => {
  const base = import.meta.env.BASE_URL;
  const route = context.locals.starlightRoute;
  // Starlight uses hero action links as written; prefix root-relative ones with the base path, as the
  // base-links plugin does for links in Markdown, so frontmatter can use site paths too.
  for (const action of route.entry.data.hero?.actions ?? []) {
    if (action.link.startsWith('/') && !action.link.startsWith('//') && !action.link.startsWith(base)) {
      action.link = withBase(action.link, base);
    }
  }
  // The footer's Previous/Next cards reuse sidebar labels, where a category's first link is just
  // "Overview" (its group names it); the cards stand alone, so they name the page they open.
  for (const link of [route.pagination.prev, route.pagination.next]) {
    if (link) link.label = paginationLabel(link.href, link.label, base);
  }
});
