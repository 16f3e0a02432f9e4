// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { baseLinks } from './src/config/base-links.ts';
import { integrations } from './src/config/integrations.ts';
import { getSiteLocation } from './src/config/site.ts';
import { vite } from './src/config/vite.ts';

const { site, base } = getSiteLocation();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations,
  markdown: { processor: satteri({ hastPlugins: [baseLinks(base)] }) },
  vite,
});
