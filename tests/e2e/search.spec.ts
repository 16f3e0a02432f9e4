import { expect, test } from '@playwright/test';
import { readEntries, sitePath } from './support';

const entries = readEntries();

test.describe('search', () => {
  for (const entry of entries) {
    const message = entry.messages[0]?.text ?? '';
    // Search with the distinctive words of the message, as a reader who pastes it would.
    const query = message.replace(/\s+/g, ' ').slice(0, 80);
    test(`finds ${entry.id} by a verbatim message`, async ({ page }) => {
      await page.goto(sitePath('/errors/'));
      await page
        .getByRole('button', { name: /search/i })
        .first()
        .click();
      const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
      await input.fill(query);
      // Messages are weighted above body text, so the entry quoting the message ranks near the top.
      const links = page.locator('#starlight__search .pagefind-ui__result-link');
      await expect
        .poll(
          async () => (await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).slice(0, 3),
          {
            timeout: 15_000,
          },
        )
        .toContainEqual(expect.stringContaining(`/errors/${entry.id}/`));
    });
  }
});
