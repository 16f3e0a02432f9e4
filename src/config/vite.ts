import type { ViteUserConfig } from 'astro';

export const vite: ViteUserConfig = {
  build: {
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
