import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Flags for running Chromium headless on a locked-down machine: no sandbox (we run as root in CI),
 * no GPU, and none of the background services that try to reach the network.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Finds a Chromium to test with: Playwright's own browser when one is installed, else
 * $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Throws a message saying what to install.
 */
export function resolveChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [safePlaywrightPath(), env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (path): path is string => typeof path === 'string' && path.length > 0,
  );
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests. Tried:',
      ...candidates.map((path) => `  - ${path}`),
      'Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
      '  - any Chromium or Chrome, then set CHROMIUM_PATH=/path/to/chrome',
      '  - Playwright’s browser, where downloads are allowed: npx playwright install chromium',
    ].join('\n'),
  );
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
