import { expect, test } from '@playwright/test';
import { readEntries, searchPages, sitePath } from './support';

const entries = readEntries();

/** What a reader pastes into search: the message's longest line (a JSON message's first is `{`). */
function searchText(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  const longest = lines.reduce((best, line) => (line.length > best.length ? line : best), '');
  return longest.replace(/\s+/g, ' ').slice(0, 160);
}

const cases = entries.map((entry) => ({ id: entry.id, query: searchText(entry.messages[0]?.text ?? '') }));

test.describe('search', () => {
  // Every entry, through Pagefind's own JS API with the ranking the search dialog uses: one page
  // load for all of them (a dialog per entry cost about five seconds each, the longest spec in CI).
  test('finds every entry by its first verbatim message', async ({ page }) => {
    const found = await searchPages(
      page,
      cases.map((item) => item.query),
      3,
    );
    // Messages are weighted above body text, so the entry quoting the message is among the first
    // three pages found (entries that share wording, like the two environment-variable errors, may
    // swap places).
    const misses = cases.flatMap(({ id, query }, index) =>
      found[index]?.includes(sitePath(`/errors/${id}/`))
        ? []
        : [`${id}: "${query}" found ${found[index]?.join(', ') || 'nothing'}`],
    );
    expect(misses).toEqual([]);
  });

  // The dialog itself, as a reader uses it: the same query finds the same page there.
  test('the search dialog finds an entry by a pasted message', async ({ page }) => {
    const entry = cases.find((item) => item.id === 'task-timed-out') ?? cases[0];
    await page.goto(sitePath('/errors/'));
    await page
      .getByRole('button', { name: /search/i })
      .first()
      .click();
    const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
    await input.fill(entry?.query ?? '');
    // Sub-results (#messages, #cause…) of one page count once.
    const links = page.locator('#starlight__search .pagefind-ui__result-link');
    const topPages = async () => {
      const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
      return [...new Set(hrefs.map((href) => href.split('#')[0]))].slice(0, 3);
    };
    await expect.poll(topPages, { timeout: 15_000 }).toContainEqual(sitePath(`/errors/${entry?.id}/`));
  });

  test("Pagefind's UI loads when a reader is about to search, not with the page, and the input gets the focus", async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(sitePath('/guides/monitoring/'));
    await page.waitForLoadState('load');
    // Idle time after the load, when Starlight used to build the UI.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 300))));
    expect(requested.filter((path) => /\/ui-core\.[\w-]+\.js$/.test(path))).toEqual([]);
    await expect(page.locator('#starlight__search input')).toHaveCount(0);
    // Ctrl+K opens the dialog; the UI is built and its input focused.
    await page.keyboard.press('Control+k');
    const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
    await expect(input).toBeFocused();
    expect(requested.filter((path) => /\/ui-core\.[\w-]+\.js$/.test(path))).toHaveLength(1);
    await page.keyboard.type('Task timed out');
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible();
  });
});
