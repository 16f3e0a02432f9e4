/**
 * Builds Pagefind's search UI on demand instead of on every page load: points the
 * `@pagefind/default-ui` import of Starlight's search dialog at
 * src/components/search/pagefind-ui-on-demand.ts, which loads the real UI when a reader is about to
 * search. Only the bare specifier is redirected; the stylesheet (`@pagefind/default-ui/css/ui.css`)
 * and the on-demand module's own import of the UI keep their real paths.
 */
import { fileURLToPath } from 'node:url';

export function searchOnDemandIntegration() {
  const onDemand = fileURLToPath(new URL('../components/search/pagefind-ui-on-demand.ts', import.meta.url));
  return {
    name: 'lfg-search-on-demand',
    hooks: {
      'astro:config:setup': ({ updateConfig }: { updateConfig: (config: object) => void }) => {
        updateConfig({ vite: { resolve: { alias: [{ find: /^@pagefind\/default-ui$/, replacement: onDemand }] } } });
      },
    },
  };
}
