import { defineConfig } from '@playwright/test';
import { chromiumArgs, resolveChromium } from './tests/support/browser';

const port = Number(process.env.PREVIEW_PORT ?? 4399);

/** End-to-end tests against the production build served by `astro preview`. */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: resolveChromium(), args: chromiumArgs },
  },
  webServer: {
    // --ignore-lock: the tests own this server; another preview (yours, or a benchmark) must not block it.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
