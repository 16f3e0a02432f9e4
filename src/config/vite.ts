import type { ViteUserConfig } from 'astro';

export const vite: ViteUserConfig = {
  build: {
    // Astro inlines a page's stylesheets below this size instead of linking them (its default
    // `build.inlineStylesheets: 'auto'`). Vite's default, 4 KiB, left the Insights builder's 5 KB and
    // the playground's 4.6 KB styles as a second render-blocking request on their pages; in
    // Lighthouse's simulated mobile network that request delayed the first paint by 150–300 ms.
    // The site-wide stylesheet (68 KB) stays a file the browser caches across pages, and the only
    // other asset this limit governs, Monaco's 80 KB icon font, stays a file too.
    assetsInlineLimit: 6 * 1024,
    rollupOptions: {
      onwarn(warning, warn) {
        // Every compiled MDX entry starts with Astro's "use astro:head-inject" marker, which the
        // bundler reports once per entry as a module-level directive it may drop. Astro handles the
        // marker itself before bundling, so the warning is noise that would bury real ones.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
        warn(warning);
      },
    },
  },
};
