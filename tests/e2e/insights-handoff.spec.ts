import { expect, type Page, test } from '@playwright/test';
import { copyBlockedMessage } from '../../src/config/expressive-code-copy';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

/**
 * Issue 13: hand-offs land on the thing handed over, an empty result says why, money reads as
 * money, every copy button answers, and the run status promises a chart only when one is drawn.
 * Each at a laptop's and a phone's size.
 */
const viewports = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const builder = sitePath('/insights/');
const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Query (editable)' });
const runStatus = (page: Page) => page.locator('[data-iq-run-status]');

async function open(page: Page) {
  await page.goto(builder);
  await expect(page.locator('lfg-insights:defined')).toBeAttached();
}

async function runOwn(page: Page, query: string) {
  await queryBox(page).fill(query);
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(runStatus(page)).not.toHaveText(/^(Running…)?$/);
}

/** The first code block after the heading `#anchor`, scrolled into view and hovered (its copy button shows on hover). */
async function codeBlockAfter(page: Page, anchor: string) {
  const block = page.locator(`#${anchor} ~ .expressive-code, #${anchor} ~ * .expressive-code`).first();
  await block.scrollIntoViewIfNeeded();
  await block.hover();
  return block;
}

/** No element may make the page scroll sideways. */
async function expectNoHorizontalScroll(page: Page) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
}

/** Makes the browser refuse the clipboard, as a locked-down or permission-less browser does. */
async function denyClipboard(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    document.execCommand = () => false;
  });
}

for (const viewport of viewports) {
  test.describe(`at ${viewport.width}×${viewport.height} (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('"Open in builder" lands on the loaded query, focused, and says where it came from', async ({ page }) => {
      test.setTimeout(90_000); // axe over the whole builder page takes a while on a busy machine
      const entry = readEntries().find((e) => e.id === 'task-timed-out');
      const second = entry?.insights[1];
      expect(second).toBeDefined();
      await page.goto(sitePath('/errors/task-timed-out/'));
      // The second query, so the test cannot pass by landing on the page's first one.
      await page
        .getByRole('link', { name: /^Open in builder/ })
        .nth(1)
        .click();
      await expect(queryBox(page)).toHaveValue(second?.query.trim() ?? 'missing');
      await expect(queryBox(page)).toBeFocused();
      await expect(queryBox(page)).toBeInViewport();
      const note = page.locator('[data-iq-origin]');
      await expect(note).toBeInViewport();
      await expect(note).toHaveText(
        `Loaded from ${entry?.title} — ${second?.title}. Run it below on the sample logs or your own.`,
      );
      await expect(note.getByRole('link', { name: entry?.title ?? 'missing' })).toHaveAttribute(
        'href',
        sitePath('/errors/task-timed-out/#insights'),
      );
      // The textarea's description starts with the note, so a screen reader hears where it came from.
      await expect(queryBox(page)).toHaveAccessibleDescription(/^Loaded from /);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Run query' }).click();
      await expect(page.getByRole('table', { name: /Results on the sample logs/ }).locator('tbody tr')).not.toHaveCount(
        0,
      );
    });

    test('an edited or unknown query still lands in view, with a note that says so', async ({ page }) => {
      await page.goto(`${builder}?q=${encodeURIComponent('fields @message | limit 3')}&from=task-timed-out`);
      await expect(queryBox(page)).toBeFocused();
      await expect(page.locator('[data-iq-origin]')).toContainText(/^Loaded from .+ \(edited since\)\./);
      await page.goto(`${builder}?q=${encodeURIComponent('fields @message | limit 3')}`);
      await expect(page.locator('[data-iq-origin]')).toHaveText(/^Loaded from the link you followed\./);
      await expect(queryBox(page)).toBeInViewport();
    });

    test('which entry a query came from is fetched only for a hand-off, carries nothing of the query, and its loss costs only the entry name', async ({
      page,
    }) => {
      const requested: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('origins.json')) requested.push(request.url());
      });
      await open(page);
      await page.waitForLoadState('networkidle');
      expect(requested).toEqual([]);

      const query = 'fields @message | filter @message like /secret-token/';
      await page.goto(`${builder}?q=${encodeURIComponent(query)}&from=task-timed-out`);
      await expect(page.locator('[data-iq-origin]')).toContainText(/^Loaded from .+ \(edited since\)\./);
      expect(requested).toHaveLength(1);
      expect(new URL(requested[0] ?? '').search).toBe('');

      // Unreachable: the query still lands, focused, with the note a link without `from` gets.
      await page.route('**/origins.json', (route) => route.abort());
      await page.goto(`${builder}?q=${encodeURIComponent(query)}&from=task-timed-out`);
      await expect(page.locator('[data-iq-origin]')).toHaveText(/^Loaded from the link you followed\./);
      await expect(queryBox(page)).toBeFocused();
      await expect(queryBox(page)).toHaveValue(query);
    });

    test('a query that returns nothing says which filter removed every event', async ({ page }) => {
      await open(page);
      await runOwn(
        page,
        'filter @type = "REPORT" and @message like /No such words anywhere/\n| stats count(*) by bin(5m)',
      );
      const events = await page.evaluate(() => document.querySelector('[data-iq-run-status]')?.textContent ?? '');
      expect(events).toMatch(
        /^0 rows: The filter @type = "REPORT" and @message like \/No such words anywhere\/ matched 0 of [\d,]+ events\. The condition @message like \/No such words anywhere\/ matched none on its own\./,
      );
      await expect(page.locator('.lfg-iq-empty')).toBeVisible();
      await expect(page.locator('.lfg-iq-empty')).toContainText('No rows. The filter');
      await expect(page.locator('[data-iq-results] table')).toHaveCount(0);
      await expect(page.getByRole('img', { name: /Chart/ })).toHaveCount(0);
      await expectNoHorizontalScroll(page);
    });

    test('the status promises a chart only when one is drawn', async ({ page }) => {
      await open(page);
      await runOwn(page, 'stats latest(@message) as lastMessage by bin(10m)');
      await expect(page.locator('[data-iq-results] table tbody tr')).not.toHaveCount(0);
      await expect(runStatus(page)).not.toContainText('A chart follows');
      await expect(runStatus(page)).toContainText('No chart: no column besides bin(10m) holds numbers.');
      await expect(page.getByRole('img', { name: /Chart/ })).toHaveCount(0);
      await runOwn(page, 'filter @type = "REPORT" | stats count(*) as invocations by bin(10m)');
      await expect(runStatus(page)).toContainText('A chart follows the table.');
      await expect(page.getByRole('img', { name: /Chart/ })).toBeVisible();
    });

    test('the cost estimate reads as money', async ({ page }) => {
      await open(page);
      await runOwn(page, 'fields @message | limit 1');
      const cost = page.locator('[data-iq-cost]');
      await expect(cost).toContainText(/would cost about \$0\.0{5,}\d{1,2} \(less than a cent\)/);
      await expect(cost).not.toContainText(/\de-\d/);
      await expect(cost).toContainText('100 GB scanned costs $0.50.');
    });

    test('Copy query says "Copied" where it can be seen and heard', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page);
      await page.getByRole('button', { name: 'Copy query' }).click();
      const status = page.getByRole('status').filter({ hasText: 'Copied' });
      await expect(status).toHaveText('Copied: the query is on the clipboard.');
      await expect(status).toBeInViewport();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await queryBox(page).inputValue());
    });

    test('Copy query explains a refused clipboard and selects the query', async ({ page }) => {
      await denyClipboard(page);
      await open(page);
      await page.getByRole('button', { name: 'Copy query' }).click();
      await expect(page.locator('[data-iq-copy-status]')).toHaveText(
        'Copying was blocked by the browser: the query is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
      );
      const selected = await queryBox(page).evaluate(
        (el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart === el.value.length,
      );
      expect(selected).toBe(true);
      await expectNoHorizontalScroll(page);
    });

    test('code copy buttons on an entry (queries, alarms, runbook) answer a refused clipboard', async ({ page }) => {
      test.setTimeout(90_000);
      await denyClipboard(page);
      await page.goto(sitePath('/errors/task-timed-out/'));
      // Secondary material may be collapsed: open it, as a reader would to copy from it.
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      for (const anchor of ['insights', 'alarm-1', 'runbook']) {
        const block = await codeBlockAfter(page, anchor);
        await block.locator('.copy button').click();
        const note = block.locator('.lfg-copy-blocked');
        await expect(note).toHaveText(copyBlockedMessage, { timeout: 10_000 });
        // Announced: it sits in the copy button's aria-live region.
        await expect(block.locator('.copy [aria-live] .lfg-copy-blocked')).toHaveCount(1);
        const selection = await page.evaluate(() => getSelection()?.toString() ?? '');
        expect(selection.length).toBeGreaterThan(10);
        await expectNoHorizontalScroll(page);
      }
    });

    test('a copy that is only slow takes back the "blocked" note once it says "Copied!"', async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => new Promise<void>((resolve) => setTimeout(resolve, 1500)) },
        });
      });
      await page.goto(sitePath('/errors/task-timed-out/'));
      const block = await codeBlockAfter(page, 'insights');
      await block.locator('.copy button').click();
      await expect(block.locator('.lfg-copy-blocked')).toHaveCount(1);
      await expect(block.locator('.copy [aria-live] .feedback')).toHaveCount(1, { timeout: 10_000 });
      await expect(block.locator('.lfg-copy-blocked')).toHaveCount(0);
    });

    test('code copy buttons say "Copied!" when the clipboard works', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(sitePath('/errors/task-timed-out/'));
      const block = await codeBlockAfter(page, 'insights');
      // "Copied!" shows for 1.5 s and then leaves the page: record it as it comes, so that a slow
      // poll on a busy machine does not miss it.
      await block.locator('.copy [aria-live]').evaluate((live) => {
        const said: string[] = [];
        (window as unknown as { lfgSaid: string[] }).lfgSaid = said;
        new MutationObserver(() => {
          for (const feedback of live.querySelectorAll('.feedback')) said.push(feedback.textContent ?? '');
        }).observe(live, { childList: true, subtree: true, characterData: true });
      });
      await block.locator('.copy button').click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { lfgSaid: string[] }).lfgSaid), { timeout: 10_000 })
        .toContain('Copied!');
      // The button carries the block's code, with its line breaks written as U+007F.
      const code = (await block.locator('.copy button').getAttribute('data-code'))?.replaceAll('\u007f', '\n');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(code?.length).toBeGreaterThan(20);
      expect(copied).toBe(code);
      await page.waitForTimeout(900); // past the moment a refusal would be reported
      await expect(block.locator('.lfg-copy-blocked')).toHaveCount(0);
    });
  });
}
