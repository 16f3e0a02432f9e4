// @ts-check
import { defineConfig } from 'astro/config';
import { integrations } from './src/config/integrations.ts';
import { getSiteLocation } from './src/config/site.ts';
import { vite } from './src/config/vite.ts';

const { site, base } = getSiteLocation();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations,
  vite,
});
