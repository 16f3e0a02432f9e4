import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { errorIndexSchema } from '../../src/lookup/schema';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

const timeoutLine = '2024-03-04T17:22:38.033Z b70435cc-261c-4438-b9b6-efe4c8f04b21 Task timed out after 3.00 seconds';

test.describe('the paste box on the home page', () => {
  test('a pasted timeout line puts the timeout entry first, without sending the paste anywhere', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(sitePath('/'));
    const box = page.getByLabel('Paste an error message or log lines');
    await expect(page.getByText('never leaves this browser')).toBeVisible();
    await box.fill(timeoutLine);
    const first = page.locator('.lfg-lookup-match').first();
    await expect(first).toHaveAttribute('data-entry', 'task-timed-out');
    await expect(first.getByRole('link', { name: 'Go to the fix' })).toHaveAttribute(
      'href',
      sitePath('/errors/task-timed-out/#fix'),
    );
    await expect(first.locator('.lfg-lookup-evidence')).toContainText('Task timed out after 3.00 seconds');
    // Only the site's own files were requested; the pasted text is in none of the URLs.
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requests.filter((url) => url.includes('timed'))).toEqual([]);
  });

  test("'/' focuses the box and Enter opens the top match", async ({ page }) => {
    await page.goto(sitePath('/'));
    await page.locator('body').press('/');
    const box = page.getByLabel('Paste an error message or log lines');
    await expect(box).toBeFocused();
    await page.keyboard.insertText(timeoutLine);
    await expect(page.locator('.lfg-lookup-match').first()).toHaveAttribute('data-entry', 'task-timed-out');
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${sitePath('/errors/task-timed-out/')}$`));
  });
});

test.describe('/lookup/?q=', () => {
  test('diagnoses the text from the URL and shows a confident match at the top', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(timeoutLine)}`);
    await expect(page.getByLabel('Paste an error message or log lines')).toHaveValue(timeoutLine);
    const top = page.locator('.lfg-lookup-top');
    await expect(top).toContainText('Task timed out after N seconds');
    await expect(top.getByRole('link', { name: /^Go to the fix/ })).toHaveAttribute(
      'href',
      sitePath('/errors/task-timed-out/#fix'),
    );
    await expectNoAxeViolations(page);
  });

  test('renders an HTML or script payload as text, never as markup', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script> Task timed out after 3.00 seconds`;
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(payload)}`);
    await expect(page.locator('.lfg-lookup-match').first()).toBeVisible();
    await expect(page.locator('.lfg-lookup-results')).toContainText('<img src=x onerror="alert(1)">');
    await expect(page.locator('.lfg-lookup-results img, .lfg-lookup-results script')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('machine-readable endpoints', () => {
  test('errors.json validates against its documented shape and lists every entry', async ({ request }) => {
    const response = await request.get(sitePath('/api/errors.json'));
    expect(response.ok()).toBe(true);
    const parsed = errorIndexSchema.safeParse(await response.json());
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.version).toBe(1);
    expect(parsed.data.entries.map((entry) => entry.id).sort()).toEqual(
      readEntries()
        .map((entry) => entry.id)
        .sort(),
    );
  });

  test('the OpenSearch description opens /lookup/?q=, and pages advertise it', async ({ page, request }) => {
    await page.goto(sitePath('/'));
    const link = page.locator('link[rel="search"][type="application/opensearchdescription+xml"]');
    await expect(link).toHaveAttribute('href', sitePath('/opensearch.xml'));
    const xml = await (await request.get(sitePath('/opensearch.xml'))).text();
    expect(xml).toContain('<OpenSearchDescription');
    expect(xml).toMatch(/template="https?:\/\/[^"]+\/lookup\/\?q=\{searchTerms\}"/);
  });
});

/* ------------------------------------------------------------------------------------------------
 * Every lookup link the site emits lands on the entry that emitted it
 * ---------------------------------------------------------------------------------------------- */

interface EmittedLink {
  /** The page (dist path) the link was found on. */
  page: string;
  query: string;
  /** The entry it must land on: the entry page it is on, or the link's data-entry. */
  entry: string | undefined;
}

function htmlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every `/lookup/?q=` URL in the built pages: hrefs, alarm descriptions and runbooks in code blocks. */
function emittedLookupLinks(): EmittedLink[] {
  const dist = join(process.cwd(), 'dist');
  const links = new Map<string, EmittedLink>();
  for (const file of htmlFiles(dist)) {
    const page = relative(dist, file).split(sep).join('/');
    const html = readFileSync(file, 'utf8');
    const onEntry = /^errors\/([a-z0-9-]+)\/index\.html$/.exec(page)?.[1];
    // Expressive Code splits code into spans; a link inside one is read from the text without tags.
    // Tags are removed whole, quoted attributes included (a copy button's data-code holds the code again, `>=` and all).
    const text = decodeHtml(html.replace(/<\/div>|<br\s*\/?>/g, '\n').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ''));
    for (const match of text.matchAll(/\/lookup\/\?q=([^\s"'<>)\]]+)/g)) {
      const query = decodeURIComponent(match[1] ?? '');
      links.set(`${page}\n${query}`, { page, query, entry: onEntry });
    }
    for (const match of html.matchAll(/<a [^>]*href="[^"]*\/lookup\/\?q=([^"]+)"[^>]*>/g)) {
      const query = decodeURIComponent(decodeHtml(match[1] ?? ''));
      const declared = /data-entry="([a-z0-9-]+)"/.exec(match[0])?.[1];
      links.set(`${page}\n${query}`, { page, query, entry: declared ?? onEntry });
    }
  }
  return [...links.values()];
}

async function topMatch(page: Page, query: string): Promise<string | null> {
  await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(query)}`);
  const first = page.locator('.lfg-lookup-match').first();
  // The first answer waits for errors.json and the worker: generous on a loaded machine.
  await expect(first).toBeVisible({ timeout: 15_000 });
  return first.getAttribute('data-entry');
}

test.describe('every lookup link the site emits', () => {
  const links = emittedLookupLinks();

  test('there are links to follow, and each names the entry it must land on', () => {
    console.log(
      `Lookup links in the build: ${links.length}\n${links.map((link) => `  ${link.page} → ${link.entry}: ${link.query}`).join('\n')}`,
    );
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !link.entry).map((link) => `${link.page}: ${link.query}`)).toEqual([]);
  });

  links.forEach((link, position) => {
    test(`#${position + 1} ${link.page}: ?q=${link.query.slice(0, 50)} → ${link.entry}`, async ({ page }) => {
      expect(await topMatch(page, link.query)).toBe(link.entry);
    });
  });
});

/* ------------------------------------------------------------------------------------------------
 * What people type, presentation, dead ends and failures
 * ---------------------------------------------------------------------------------------------- */

test.describe('fragments people type', () => {
  const fragments: [string, string][] = [
    ['Rate Exceeded.', 'throttling-rate-exceeded'],
    ['Task timed out', 'task-timed-out'],
    ['TooManyRequestsException', 'throttling-rate-exceeded'],
    ['signal: killed', 'out-of-memory'],
    ['ENOTFOUND', 'dns-lookup-failed'],
    ['502 Bad Gateway', 'api-gateway-502-malformed-response'],
    ['cold start', 'slow-cold-starts'],
  ];
  for (const [query, entry] of fragments) {
    test(`“${query}” puts ${entry} first`, async ({ page }) => {
      expect(await topMatch(page, query)).toBe(entry);
    });
    test(`typed into the home page's box, “${query}” puts ${entry} first`, async ({ page }) => {
      await page.goto(sitePath('/'));
      await page.getByLabel('Paste an error message or log lines').fill(query);
      const first = page.locator('.lfg-lookup-match').first();
      await expect(first).toBeVisible({ timeout: 15_000 });
      expect(await first.getAttribute('data-entry')).toBe(entry);
    });
  }
});

test.describe('presentation', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    test(`after a paste on the home page the answer is on screen at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto(sitePath('/'));
      await page.getByLabel('Paste an error message or log lines').fill(timeoutLine);
      const answer = page.locator('.lfg-lookup-answer');
      await expect(answer).toContainText('Task timed out after N seconds');
      await expect(answer).toBeInViewport();
    });
  }

  test('captured values have human labels, and the raw pattern waits behind "Why this match"', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(timeoutLine)}`);
    const first = page.locator('.lfg-lookup-match').first();
    await expect(first.locator('.lfg-lookup-values dt').first()).toBeVisible({ timeout: 15_000 });
    const labels = await first.locator('.lfg-lookup-values dt').allTextContents();
    expect(labels).toContain('Timeout reported');
    expect(labels.filter((label) => /^[a-z]+[A-Z]/.test(label) || label === 'prefix')).toEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
    await expect(first.locator('.lfg-lookup-values dd').first()).toHaveText('3.00 s');
    const why = first.locator('details.lfg-lookup-why');
    await expect(why.getByText(/Pattern \//)).toBeHidden();
    await why.locator('summary').click();
    await expect(why.getByText(/Pattern \//)).toBeVisible();
  });

  test('a shared name lists its entries, each saying how to tell it apart, and claims none', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=Runtime.ExitError`);
    await expect(page.locator('.lfg-lookup-top')).toHaveCount(0);
    const tells = page.locator('.lfg-lookup-match .lfg-lookup-tell');
    await expect(tells.first()).toBeVisible();
    expect(await tells.count()).toBeGreaterThanOrEqual(3);
  });

  test('healthy lines say so, with their figures', async ({ page }) => {
    const healthy =
      'REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 18 MB\tInit Duration: 265.01 ms';
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(healthy)}`);
    await expect(page.locator('.lfg-lookup-healthy')).toContainText('look healthy');
    await expect(page.locator('.lfg-lookup-healthy')).toContainText('265 ms');
    await expect(page.locator('.lfg-lookup-match')).toHaveCount(0);
  });
});

test.describe('no dead ends', () => {
  test('text nothing recognises offers site search and the index', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent('qqzx vvwy')}`);
    const fallback = page.locator('.lfg-lookup-fallback');
    await expect(fallback).toContainText('No entry recognises this text');
    await expect(fallback.getByRole('link', { name: 'Browse the error index' })).toHaveAttribute(
      'href',
      sitePath('/errors/'),
    );
    await fallback.getByRole('button', { name: 'Search the whole site for this text' }).click();
    const input = page.locator('site-search dialog').getByRole('textbox', { name: 'Search' });
    await expect(input).toHaveValue('qqzx vvwy');
    await expect(input).toBeFocused();
    await expect(page.locator('site-search dialog')).toContainText(/results? for qqzx vvwy/);
  });

  test('a fragment that is not certain shows the closest entries under "Closest entries"', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent('iterator age')}`);
    await expect(page.locator('.lfg-lookup-fallback')).toContainText('Not certain');
    await expect(page.getByRole('heading', { name: /^Closest entr/ })).toBeVisible();
    await expect(page.locator('.lfg-lookup-match').first()).toHaveAttribute('data-entry', 'stream-iterator-age');
  });

  test('when errors.json cannot load, the box says so and a retry recovers', async ({ page }) => {
    let fail = true;
    await page.route('**/api/errors.json', (route) =>
      fail ? route.fulfill({ status: 503, body: '' }) : route.continue(),
    );
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(timeoutLine)}`);
    const status = page.locator('.lfg-lookup-status');
    await expect(status).toContainText('Could not load the error index');
    fail = false;
    await status.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.lfg-lookup-match').first()).toHaveAttribute('data-entry', 'task-timed-out');
  });
});
