// `npm run bench`: prints figures, never pass/fail. Node-side micro-benchmarks (bench/*.bench.ts),
// then the production build's time, page weights as a browser loads them, and Lighthouse scores.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from '../tests/support/browser.ts';
import { bundleForPage, medianInPage } from './browser.ts';
import { measureInsightsInBrowser } from './insights-browser.ts';
import { measurePlayground } from './playground-browser.ts';
import { generatePaste } from './support/paste.ts';

const port = 4398;
const origin = `http://127.0.0.1:${port}`;
/** Lighthouse runs per page (LIGHTHOUSE_RUNS, default 5); the table shows the median run. */
const lighthouseRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
/** The pages whose weight and scores we track. Later features add theirs here. */
const pages = [
  { name: 'home', path: '/' },
  { name: 'error index', path: '/errors/' },
  { name: 'entry page', path: '/errors/task-timed-out/' },
  { name: 'lookup', path: '/lookup/' },
  { name: 'insights builder', path: '/insights/' },
  { name: 'playground page', path: '/playground/outbound-timeout/' },
  { name: 'guide', path: '/guides/monitoring/' },
  { name: 'right-size', path: '/tools/right-size/' },
];

function heading(text: string) {
  console.log(`\n== ${text} ==`);
}

function runNodeBenchmarks() {
  const files = readdirSync('bench').filter((name) => name.endsWith('.bench.ts'));
  heading(`Node benchmarks (${files.length} files)`);
  if (files.length === 0) return console.log('none yet');
  spawnSync('npx', ['vitest', 'bench', '--run', '--config', 'bench/vitest.config.ts'], { stdio: 'inherit' });
}

function build(): number {
  heading('Build');
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('astro build failed; run `npm run build` to see why');
  const seconds = (performance.now() - started) / 1000;
  const htmlPages = spawnSync('find', ['dist', '-name', '*.html'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);
  console.log(`build: ${seconds.toFixed(1)} s for ${htmlPages.length} HTML pages`);
  return seconds;
}

async function startPreview(): Promise<() => void> {
  const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return () => {
    if (server.pid) process.kill(-server.pid);
  };
}

type Kind = 'html' | 'js' | 'css' | 'other';
const kindOf = (url: string, type: string): Kind =>
  type === 'document'
    ? 'html'
    : type === 'script' || url.endsWith('.js')
      ? 'js'
      : type === 'stylesheet'
        ? 'css'
        : 'other';

/** What a browser downloads for each page before any interaction, as raw and gzip bytes. */
async function measureWeights() {
  heading('Page weight before interaction (bytes: raw / gzip)');
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs });
  const rows = [];
  for (const page of pages) {
    const tab = await browser.newPage();
    const totals: Record<Kind, { raw: number; gzip: number }> = {
      html: { raw: 0, gzip: 0 },
      js: { raw: 0, gzip: 0 },
      css: { raw: 0, gzip: 0 },
      other: { raw: 0, gzip: 0 },
    };
    tab.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin) return;
      const file = join('dist', decodeURIComponent(url.pathname).replace(/\/$/, '/index.html'));
      if (!existsSync(file)) return;
      const body = readFileSync(file);
      const total = totals[kindOf(url.pathname, response.request().resourceType())];
      total.raw += body.length;
      total.gzip += gzipSync(body).length;
    });
    await tab.goto(`${origin}${page.path}`, { waitUntil: 'networkidle' });
    await tab.close();
    rows.push({
      page: page.name,
      html: `${totals.html.raw} / ${totals.html.gzip}`,
      js: `${totals.js.raw} / ${totals.js.gzip}`,
      css: `${totals.css.raw} / ${totals.css.gzip}`,
    });
  }
  await browser.close();
  console.table(rows);
}

async function measureLighthouse() {
  heading(`Lighthouse (mobile, simulated throttling; median of ${lighthouseRuns} runs)`);
  // Without Chromium's omnibox popup (WebUI, browser UI that headless never shows): its renderer
  // works through every navigation, and on a 2-core machine that contention made viz throttle the
  // page's frames (ThrottleUnresponsiveClient, GoogleChrome/lighthouse#17148). Lighthouse then saw
  // the first paint at 1.2 or 2.3 s for pages that paint at 0.3 s: in 10 runs of five pages, 7
  // stalled with the popup and none without it.
  const chromeFlags = [...chromiumArgs, '--disable-features=WebUIOmniboxPopup'];
  const chrome = await chromeLauncher.launch({ chromePath: resolveChromium(), chromeFlags });
  const rows = [];
  try {
    for (const page of pages) {
      // Several runs and Lighthouse's own median run (closest to the median first paint and time to
      // interactive), as Lighthouse's variability guide advises: on this machine one page's Total
      // Blocking Time varies from 50 to 450 ms between runs. The range of scores is printed too.
      const results: RunnerResult[] = [];
      for (let run = 0; run < lighthouseRuns; run += 1) {
        const result = await lighthouse(`${origin}${page.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (result?.lhr.runtimeError)
          console.log(`${page.name}: Lighthouse failed: ${result.lhr.runtimeError.message}`);
        else if (result) results.push(result);
      }
      if (results.length === 0) continue;
      const median: RunnerResult['lhr'] = computeMedianRun(results.map((result) => result.lhr));
      const score = (lhr: RunnerResult['lhr'], id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const performances = results.map((result) => score(result.lhr, 'performance')).sort((x, y) => x - y);
      rows.push({
        page: page.name,
        performance: score(median, 'performance'),
        'performance (all runs)': performances.join(' '),
        accessibility: score(median, 'accessibility'),
        'best-practices': score(median, 'best-practices'),
        seo: score(median, 'seo'),
      });
      const failing = Object.values(median.audits).filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual',
      );
      if (failing.length > 0)
        console.log(
          `${page.name} (median run): below 100: ${failing.map((audit) => `${audit.id} ${audit.displayValue ?? ''}`.trim()).join(', ')}`,
        );
    }
  } finally {
    await chrome.kill();
  }
  console.table(rows);
}

/** The lookup in Chromium: 10,000 pasted lines against the site's own errors.json (target < 200 ms). */
async function measureLookupInChromium() {
  heading('Lookup in Chromium');
  const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs });
  try {
    // The bench injects the lookup bundle as an inline script, which the site's policy (hashed inline
    // scripts only) rightly refuses; the measurement is of the lookup, not of the policy.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${origin}/`);
    await page.addScriptTag({ content: await bundleForPage('src/lookup/index.ts', 'lfgLookup') });
    const paste = generatePaste(10_000);
    await page.evaluate(async (text) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      scope.lfgPaste = text;
      scope.lfgIndex = await (await fetch('/api/errors.json')).json();
    }, paste);
    const ms = await medianInPage(
      page,
      `const d = globalThis.lfgLookup.diagnose(globalThis.lfgPaste, globalThis.lfgIndex);
       if (d.matches.length === 0) throw new Error('the paste should match');`,
    );
    console.log(
      `diagnose 10,000 lines (${(paste.length / 1e6).toFixed(2)} MB) in Chromium: ${ms.toFixed(1)} ms (median of 7)`,
    );
  } finally {
    await browser.close();
  }
}

runNodeBenchmarks();
build();
const stopPreview = await startPreview();
try {
  await measureLookupInChromium();
  heading('Logs Insights in Chromium (100,000 events, filter + stats by bin(5m), target < 1 s)');
  console.table(await measureInsightsInBrowser(origin, resolveChromium()));
  heading('Playground in Chromium (targets: first Run result < 300 ms, editor ready < 2 s)');
  console.table(await measurePlayground(origin, resolveChromium()));
  await measureWeights();
  await measureLighthouse();
} finally {
  stopPreview();
}
