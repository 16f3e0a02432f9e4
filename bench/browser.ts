// Runs pure-TypeScript modules of the site inside Chromium, to measure them where readers run
// them. esbuild bundles a module into one script that defines a global; the page is served by the
// preview server, so the code runs with the same origin and engine as on the site.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

/** Bundles `entry` into a script that assigns its exports to `globalThis[globalName]`. */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
  return output.text;
}

/** The median of `runs` timings of `body` in the page, after one warm-up run. */
export async function medianInPage(page: Page, body: string, runs = 7): Promise<number> {
  return page.evaluate(
    ({ body, runs }) => {
      const run = new Function(body) as () => void;
      run();
      const times: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)] ?? Number.NaN;
    },
    { body, runs },
  );
}
