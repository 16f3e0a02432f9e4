import { chromium, expect, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { EXAMPLES } from '../../playground/examples/catalogue';
import { chromiumArgs, resolveChromium } from '../support/browser';
import { buildLzBomb } from '../support/lz-bomb';
import { expectNoAxeViolations, sitePath } from './support';

const MONACO = /monaco|editor\.api|editor\.worker|ts\.worker|tsMode/;

/** Collects Content-Security-Policy violations and page errors from the moment the page starts. */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `CSP blocked ${event.blockedURI || 'inline'} (${event.violatedDirective})`,
      );
    });
  });
  return problems;
}

function sharedLink(id: string, code: string): string {
  return `${sitePath(`/playground/${id}/`)}#code/${lzString.compressToEncodedURIComponent(code)}`;
}

const output = (page: Page) => page.getByRole('log', { name: 'Output' });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

async function runAndWait(page: Page): Promise<void> {
  await runButton(page).click();
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
}

test.describe('every playground example', () => {
  for (const [id, meta] of Object.entries(EXAMPLES)) {
    test(`${id}: before prints its signature, after succeeds`, async ({ page }) => {
      const signature = new RegExp(meta.signature.pattern);
      await page.goto(sitePath(`/playground/${id}/`));
      await runAndWait(page);
      await expect(output(page)).toHaveText(signature);

      await page.getByRole('tab', { name: 'After' }).click();
      await runAndWait(page);
      const status = page.locator('.lfg-pg-status');
      // Invoked asynchronously, a failed attempt is retried by Lambda: the fix is that each event ends in success.
      await expect(status).toHaveText(
        meta.asyncInvocation
          ? /^Finished: \d+ invocations \((?:\d+ error, )?\d+ success\)\.$/
          : /^Finished: \d+ invocations? \(\d+ success\)\.$/,
      );
      await expect(output(page)).toContainText('REPORT RequestId:');
      await expect(output(page)).not.toHaveText(signature);
    });
  }
});

test('the playground list links every example', async ({ page }) => {
  // One row per example and an axe scan of them all: more than the default on a busy machine.
  test.setTimeout(90_000);
  await page.goto(sitePath('/playground/'));
  for (const [id, meta] of Object.entries(EXAMPLES)) {
    await expect(page.getByRole('link', { name: meta.title, exact: true })).toHaveAttribute(
      'href',
      sitePath(`/playground/${id}/`),
    );
  }
  await expectNoAxeViolations(page);
});

test('a shared link with an endless loop does not run on load, and on Run stops at the deadline', async ({ page }) => {
  const problems = await watchProblems(page);
  const loop = 'export const handler = async () => {\n  while (true) {}\n};\n';
  await page.goto(sharedLink('outbound-timeout', loop));
  const panel = page.getByRole('tabpanel', { name: 'Before' });
  await expect(panel.locator('.lfg-pg-plain')).toHaveText(loop);
  await expect(panel.getByText('has not run')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.waitForTimeout(1000);
  await expect(output(page)).not.toContainText('START');

  await runButton(page).click();
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-state', 'running');
  // The loop spins in the Worker: the page still answers while it does.
  await expect(output(page)).toContainText('START RequestId:', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'After' }).click();
  await expect(page.getByRole('tab', { name: 'After' })).toHaveAttribute('aria-selected', 'true', { timeout: 500 });
  await expect(output(page)).toContainText(/Duration: 3000\.00 ms\t.*\tStatus: timeout/, { timeout: 10_000 });
  await expect(page.locator('.lfg-pg-timeline li')).toHaveText(/timed out\.$/);
  expect(problems).toEqual([]);
});

test('output from reader code is text, never markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const payload = '<img src=x onerror=alert(1)>';
  await page.goto(
    sharedLink('structured-logging', `export const handler = async () => {\n  console.log('${payload}');\n};\n`),
  );
  await runAndWait(page);
  await expect(output(page)).toContainText(`INFO\t${payload}`);
  await expect(page.locator('lfg-playground img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("reader code runs under the page's policy: no eval, so no other origin either", async ({ page }) => {
  const probe = [
    'export const handler = async () => {',
    '  try {',
    "    new Function('return 1')();",
    "    console.log('eval allowed');",
    '  } catch (error) {',
    "    console.log('eval blocked: ' + (error as Error).name);",
    '  }',
    '};',
    '',
  ].join('\n');
  await page.goto(sharedLink('structured-logging', probe));
  await runAndWait(page);
  await expect(output(page)).toContainText('eval blocked: EvalError');
});

test('Edit loads Monaco, and an edited handler runs with Ctrl+Enter', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto(sitePath('/playground/remaining-time/'));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  const editor = page.locator('.lfg-pg-editor .monaco-editor');
  await expect(editor).toBeVisible();
  await expectNoAxeViolations(page);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    "export const handler = async () => {\nconsole.log('edited handler ran');\nreturn 42;\n",
  );
  await page.keyboard.press('Control+Enter');
  await expect(output(page)).toContainText('edited handler ran', { timeout: 15_000 });
  await expect(page.locator('.lfg-pg-status')).toHaveText(/\(1 success\)/);
  expect(problems).toEqual([]);

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(editor).toContainText('Works through every item');
  // Monaco's stylesheets arrived with it: the editor is laid out, not a column of unstyled text.
  await expect(editor.locator('.view-lines')).toHaveCSS('position', 'absolute');
});

/** Every request the playground page makes from load until it is idle, before any interaction. */
async function requestsBeforeInteraction(page: Page): Promise<{ url: string; type: string }[]> {
  const requests: { url: string; type: string }[] = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await page.goto(sitePath('/playground/outbound-timeout/'));
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return requests;
}

test('before any interaction the page loads no Monaco code and sends a strict CSP', async ({ page }) => {
  const problems = await watchProblems(page);
  const requests = (await requestsBeforeInteraction(page)).map(({ url }) => url);
  expect(requests.filter((url) => MONACO.test(url) && !url.endsWith('.css'))).toEqual([]);
  const origin = new URL(page.url()).origin;
  // Only this origin, and the sandbox frame's Workers (blob: URLs of its opaque origin, "null").
  expect(
    requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith(`blob:${origin}/`) && !url.startsWith('blob:null/'),
    ),
  ).toEqual([]);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(problems).toEqual([]);
});

// These two need playgroundIntegration() registered in src/config/integrations.ts (see the report):
// Astro links Monaco's stylesheets into every page whose script can import the editor, and only a
// post-build step can drop them and hash the inline scripts.
test('before any interaction the page loads no Monaco stylesheet either', async ({ page }) => {
  const requests = await requestsBeforeInteraction(page);
  expect(requests.filter(({ url, type }) => type === 'stylesheet' && MONACO.test(url))).toEqual([]);
});

test('the CSP allows every inline script by its hash', async ({ page }) => {
  await page.goto(sitePath('/playground/outbound-timeout/'));
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  const hashes = await page.evaluate(async () => {
    const inline = [...document.querySelectorAll('script:not([src])')].filter((script) =>
      ['', 'module'].includes(script.getAttribute('type') ?? ''),
    );
    return Promise.all(
      inline.map(async (script) => {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
        return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
      }),
    );
  });
  expect(hashes.length).toBeGreaterThan(0);
  for (const hash of hashes) expect(policy).toContain(hash);
});

test('the page has no axe violations, and Run is reachable and operable by keyboard', async ({ page }) => {
  await page.goto(sitePath('/playground/outbound-timeout/'));
  // Expressive Code makes an overflowing code block focusable from a ResizeObserver, after load.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('pre[data-language]')].every(
      (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
    ),
  );
  await expectNoAxeViolations(page);
  let focused = false;
  for (let presses = 0; presses < 80 && !focused; presses += 1) {
    await page.keyboard.press('Tab');
    focused = await runButton(page).evaluate((button) => button === document.activeElement);
  }
  expect(focused).toBe(true);
  await page.keyboard.press('Enter');
  await expect(output(page)).toContainText(/Duration: 3000\.00 ms\t.*\tStatus: timeout/, { timeout: 15_000 });
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-state', 'done');
  await expectNoAxeViolations(page);

  // The tabs follow the arrow keys, and Ctrl/Cmd+Enter runs the selected side from anywhere inside.
  await page.getByRole('tab', { name: 'Before' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'After' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'After' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(output(page)).toContainText('payments API did not answer within 1 s', { timeout: 15_000 });
});

test('the editor follows the dark theme without contrast failures', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(sitePath('/playground/outbound-timeout/'));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  await expect(page.locator('.lfg-pg-editor .monaco-editor')).toHaveClass(/vs-dark/);
  await expectNoAxeViolations(page);
});

test('Share puts the code in a #code/ link that loads it back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(sitePath('/playground/outbound-timeout/'));
  await page.getByRole('tab', { name: 'After' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.locator('.lfg-pg-status')).toContainText('Link copied');
  expect(page.url()).toMatch(/\?example=outbound-timeout&side=after#code\//);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  await page.goto('about:blank');
  await page.goto(copied);
  await expect(page.getByRole('tab', { name: 'After' })).toHaveAttribute('aria-selected', 'true');
  await expect(output(page)).not.toContainText('START');
});

test.describe('a flood of output', () => {
  // Measured once: a retry would hide a page that froze only sometimes.
  test.describe.configure({ retries: 0 });

  test('a ten-million-line flood ends at the deadline, says what it dropped, and the page keeps answering input within 100 ms', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const flood = [
      'export const handler = async () => {',
      '  for (let i = 0; i < 10_000_000; i++) console.log("flood line", i);',
      '  return "finished";',
      '};',
      '',
    ].join('\n');
    await page.goto(sharedLink('structured-logging', flood));
    const playground = page.locator('lfg-playground');
    // The editor compiles the link's code; load it first so its own start-up is not what is measured.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(playground).toHaveAttribute('data-editor', 'ready', { timeout: 20_000 });
    await page.locator('input[name="timeout"]').fill('3');
    const supported = await page.evaluate(() => {
      const state = {
        delays: { idle: [] as number[], flood: [] as number[] },
        /** When each slow flood-phase key press came, in ms after Run: tells start-up from streaming. */
        when: [] as number[],
        runAt: 0,
        handled: 0,
        /** The longest main-thread task after Run: a page the flood froze has one as long as the freeze. */
        longestTask: 0,
      };
      (window as unknown as { inputs: typeof state }).inputs = state;
      document.addEventListener('keydown', () => state.handled++, true);
      // Event Timing: how long each key press waited for the page's main thread (from the moment
      // the browser had the event to the start of its handlers), which is what a frozen page
      // makes long. Unlike a timestamp taken in the handler, it leaves out how late the test
      // runner got the key to the browser. Entries under 16 ms are not reported (the API's
      // floor), so a responsive page reports few or none.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          if (entry.name !== 'keydown') continue;
          // By when the press happened, not when its entry arrived: entries come after the frame
          // that painted them, so a press just before Run can be reported after it.
          const flood = state.runAt > 0 && entry.startTime >= state.runAt;
          state.delays[flood ? 'flood' : 'idle'].push(entry.processingStart - entry.startTime);
          if (flood) state.when.push(Math.round(entry.startTime - state.runAt));
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (state.runAt > 0 && entry.startTime >= state.runAt)
            state.longestTask = Math.max(state.longestTask, entry.duration);
        }
      }).observe({ type: 'longtask', buffered: true });
      const types = PerformanceObserver.supportedEntryTypes;
      return types.includes('event') && types.includes('longtask');
    });
    expect(supported).toBe(true);
    const press = async () => {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(25);
    };
    // What the machine itself costs a key press right now (other processes share its cores), measured
    // the same way with nothing running: the flood is allowed 100 ms on top of that, never more than
    // 250 ms in all, far below the seconds a flood used to freeze the page for.
    for (let i = 0; i < 40; i++) await press();
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const inputs = (window as unknown as { inputs: { runAt: number } }).inputs;
      inputs.runAt = performance.now();
    });
    await runButton(page).click();
    const started = Date.now();
    while ((await playground.getAttribute('data-state')) !== 'done' && Date.now() - started < 30_000) await press();
    for (let i = 0; i < 5; i++) await press();
    await expect(playground).toHaveAttribute('data-state', 'done');
    // Entries are delivered after the frame that painted them.
    await page.waitForTimeout(200);
    const inputs = await page.evaluate(
      () =>
        (
          window as unknown as {
            inputs: {
              delays: { idle: number[]; flood: number[] };
              when: number[];
              handled: number;
              longestTask: number;
            };
          }
        ).inputs,
    );
    // Whatever else the machine runs, the page's main thread never stops for long during the flood.
    expect(inputs.longestTask, 'the longest main-thread task after Run (ms)').toBeLessThan(250);
    // 40 presses before Run and 5 after; the rest landed while the flood ran. When the machine was
    // so busy that the test itself got no press in during the 3-second run (seen once in a full
    // run), the long-task bound above is what shows the page kept answering.
    if (inputs.handled <= 45)
      test.info().annotations.push({ type: 'note', description: 'no key press landed during the run' });
    const machine = Math.min(150, Math.max(0, ...inputs.delays.idle));
    const report = `idle delays: ${inputs.delays.idle.map(Math.round).join(', ')}; flood delays: ${inputs.delays.flood.map(Math.round).join(', ')} at ${inputs.when.join(', ')} ms after Run`;
    // A page the flood froze keeps every press waiting for the freeze, so it fails both bounds; one
    // press caught by a pause of the whole machine (the other test worker, a collection in the
    // browser) is let off the tighter one, never the 250 ms.
    const slowestFirst = [...inputs.delays.flood].sort((a, b) => b - a);
    // The 250 ms ceiling is the page's own: its longest task after Run (above). One press's delay
    // also counts the machine's pauses (251 ms once in a clean-clone run, with tasks under 250).
    expect(slowestFirst[1] ?? 0, report).toBeLessThan(100 + machine);

    await expect(output(page)).toContainText(/Duration: 3000\.00 ms\t.*\tStatus: timeout/);
    await expect(page.locator('.lfg-pg-status')).toHaveText(/1 timeout\b.*more lines .*were dropped in the emulator/);
    // The timeline aggregates: a few dozen marks, not one node per line.
    const marks = await page.locator('.lfg-pg-timeline .lfg-pg-log').count();
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBeLessThanOrEqual(40);
  });
});

test('a 75 KB share-link bomb is refused before it is expanded: the page says so and shows the example', async ({
  page,
}) => {
  const problems = await watchProblems(page);
  const bomb = buildLzBomb(75_000);
  await page.goto(`${sitePath('/playground/outbound-timeout/')}?example=outbound-timeout#code/${bomb}`);
  await expect(page.locator('.lfg-pg-status')).toHaveText(/too long to be a playground link.*showing the example/);
  const panel = page.getByRole('tabpanel', { name: 'Before' });
  await expect(panel.locator('.lfg-pg-static')).toBeVisible();
  await expect(panel.locator('.lfg-pg-plain')).toBeHidden();
  await expect(panel.locator('.lfg-pg-note')).toHaveText(/too long/);
  // Nothing blocked the page: it answers at once, and its heap never held the expansion.
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
  );
  expect(heap).toBeLessThan(200 * 1024 * 1024);
  expect(problems).toEqual([]);
});

test('a playground framed by another site refuses to run and offers its own tab', async ({ baseURL }) => {
  // The framing page is served by Playwright under another host name of this machine; Chromium's
  // local-network checks would block that (fulfilled) page from framing a loopback address at all,
  // which would test nothing of ours: this test gets a browser without them.
  const browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
  const page = await browser.newPage();
  const target = new URL(sitePath('/playground/outbound-timeout/'), baseURL).href;
  // Another origin's page that frames the playground, as a clickjacking page would: the same
  // server under another host name is another origin.
  const framer = new URL(baseURL ?? '');
  framer.hostname = framer.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  await page.route(`${framer.origin}/win-a-prize`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><title>Win a prize</title><iframe src="${target}" width="900" height="900"></iframe>`,
    }),
  );
  await page.goto(`${framer.origin}/win-a-prize`);
  const frame = page.frameLocator('iframe');
  const status = frame.locator('.lfg-pg-status');
  await expect(status).toContainText(`inside a page of ${framer.origin}, so it will not run here`);
  await expect(frame.getByRole('link', { name: 'Open it in its own tab' })).toHaveAttribute('href', target);
  await expect(frame.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await frame.getByRole('button', { name: 'Run', exact: true }).click({ force: true });
  await frame.locator('lfg-playground').press('Control+Enter');
  await page.waitForTimeout(1000);
  await expect(frame.getByRole('log', { name: 'Output' })).not.toContainText('START');
  await expect(frame.locator('lfg-playground')).toHaveAttribute('data-state', 'framed');
  await browser.close();
});

test('pages without a playground send the site policy too', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto(sitePath('/errors/access-denied/'));
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('blob:');
  // It comes before every script and stylesheet in the head (only <meta charset>, which must stay in the
  // first 1,024 bytes, precedes it), so it covers them all; and nothing on the page breaks it.
  expect(
    await page.evaluate(() =>
      [...document.head.children]
        .slice(
          0,
          [...document.head.children].findIndex((e) => e.getAttribute('http-equiv') === 'Content-Security-Policy'),
        )
        .map((e) => e.outerHTML),
    ),
  ).toEqual(['<meta charset="utf-8">']);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('reader code runs in an opaque origin: no site storage, no site files, and it cannot fake the runtime', async ({
  page,
  baseURL,
}) => {
  const siteFile = new URL(sitePath('/playground/'), baseURL).href;
  test.setTimeout(60_000);
  const probe = [
    'const attempt = async (name: string, action: () => Promise<unknown>) => {',
    '  try {',
    '    await action();',
    "    console.log(name + ': allowed');",
    '  } catch (error) {',
    "    console.log(name + ': blocked');",
    '  }',
    '};',
    'export const handler = async () => {',
    "  await attempt('indexedDB', () => new Promise((ok, fail) => { const r = indexedDB.open('lfg-attack'); r.onsuccess = ok; r.onerror = () => fail(r.error); }));",
    "  await attempt('caches', () => caches.open('lfg-attack'));",
    "  await attempt('opfs', () => navigator.storage.getDirectory());",
    `  await attempt('site files', () => new Promise((ok, fail) => { const x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(siteFile)}, false); x.send(); ok(x.status); }));`,
    "  console.log('origin: ' + self.origin);",
    "  // A forged report on the Worker's own port, then a hang: the page must still see a timeout.",
    "  (self as unknown as Worker).postMessage({ type: 'invoke-done', result: { kind: 'success', result: 'forged' }, durationMs: 1.5, maxMemoryUsedMb: 70, endEpochMs: 0 });",
    '  await new Promise(() => {});',
    '};',
    '',
  ].join('\n');
  await page.goto(sharedLink('structured-logging', probe));
  await page.locator('input[name="timeout"]').fill('3');
  await runButton(page).click();
  await expect(page.locator('lfg-playground')).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
  const text = (await output(page).textContent()) ?? '';
  for (const name of ['indexedDB', 'caches', 'opfs', 'site files']) expect(text).toContain(`${name}: blocked`);
  expect(text).toContain('origin: null');
  expect(text).toMatch(/Duration: 3000\.00 ms\t.*\tStatus: timeout/);
  await expect(page.locator('.lfg-pg-status')).toHaveText(/\(1 timeout\)/);
  // Nothing was left in the site's own storage either.
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain(
    'lfg-attack',
  );
  expect(await page.evaluate(() => caches.has('lfg-attack'))).toBe(false);
});
