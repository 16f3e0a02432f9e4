// `npm run bench`: prints figures, never pass/fail. Node-side micro-benchmarks (bench/*.bench.ts),
// then the production build's time, page weights as a browser loads them, and Lighthouse scores.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs, resolveChromium } from '../tests/support/browser.ts';
import { bundleForPage, medianInPage } from './browser.ts';
import { measureInsightsInBrowser } from './insights-browser.ts';
import { measurePlayground } from './playground-browser.ts';
import { generatePaste } from './support/paste.ts';

const port = 4398;
const origin = `http://127.0.0.1:${port}`;
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
  heading('Lighthouse (mobile, simulated throttling)');
  const chrome = await chromeLauncher.launch({ chromePath: resolveChromium(), chromeFlags: chromiumArgs });
  const rows = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(`${origin}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      if (result?.lhr.runtimeError) console.log(`${page.name}: Lighthouse failed: ${result.lhr.runtimeError.message}`);
      const categories = result?.lhr.categories ?? {};
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      rows.push({
        page: page.name,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
      });
      const failing = Object.values(result?.lhr.audits ?? {}).filter(
        (audit) =>
          audit.score !== null &&
          audit.score < 1 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual',
      );
      if (failing.length > 0)
        console.log(`${page.name}: audits below 100: ${failing.map((audit) => audit.id).join(', ')}`);
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
