/**
 * Links into the query builder. `/insights/?q=<query>` is a public URL (error entries, runbooks
 * and alarms link to it), so its shape is pinned by tests/e2e/insights.spec.ts.
 */
import { withBase } from '../../config/urls';

/**
 * The URL that opens the builder with `query` loaded in the editor (as text, never as markup).
 * `base` is the site's base path; pass it where Vite's `import.meta.env` does not exist (Playwright).
 */
export function builderUrl(query: string, base: string = import.meta.env.BASE_URL): string {
  return `${withBase('/insights/', base)}?q=${encodeURIComponent(query.trim())}`;
}
