import { expect, test } from '@playwright/test';
import { readEntries, sitePath } from './support';

const entries = readEntries();

/** What a reader pastes into search: the message's longest line (a JSON message's first is `{`). */
function searchText(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  const longest = lines.reduce((best, line) => (line.length > best.length ? line : best), '');
  return longest.replace(/\s+/g, ' ').slice(0, 160);
}

test.describe('search', () => {
  for (const entry of entries) {
    const query = searchText(entry.messages[0]?.text ?? '');
    test(`finds ${entry.id} by a verbatim message`, async ({ page }) => {
      await page.goto(sitePath('/errors/'));
      await page
        .getByRole('button', { name: /search/i })
        .first()
        .click();
      const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
      await input.fill(query);
      // Messages are weighted above body text, so the entry quoting the message is among the first
      // three pages found (entries that share wording, like the two environment-variable errors,
      // may swap places). Sub-results (#messages, #cause…) of one page count once.
      const links = page.locator('#starlight__search .pagefind-ui__result-link');
      const topPages = async () => {
        const hrefs = await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
        return [...new Set(hrefs.map((href) => href.split('#')[0]))].slice(0, 3);
      };
      await expect.poll(topPages, { timeout: 15_000 }).toContainEqual(sitePath(`/errors/${entry.id}/`));
    });
  }
});
