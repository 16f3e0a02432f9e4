import { expect, type Page, test } from '@playwright/test';
import { sitePath } from './support';

/**
 * Every page type fits its window: no table, title or search result is clipped or pushes the page
 * sideways, on a phone and on a laptop.
 */
const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 900 },
];

const pages = [
  { path: '/errors/', table: 'table.lfg-index-table' },
  { path: '/errors/task-timed-out/', table: '#metrics + table' },
  { path: '/alarms/', table: 'table' },
  { path: '/playground/', table: 'table.lfg-playground-list' },
];

/**
 * How far the table's body cells reach past the table's own box, in whole CSS pixels (0 = fits).
 * The header row is left out: a stacked table keeps it only for screen readers, clipped to 1 px.
 * One pixel is allowed for sub-pixel rounding.
 */
async function tableOverflow(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((table) => {
      const cells = [...table.querySelectorAll('tbody th, tbody td')];
      const reach = Math.max(...cells.map((cell) => cell.getBoundingClientRect().right));
      const overflow = Math.max(reach - table.getBoundingClientRect().right, table.scrollWidth - table.clientWidth);
      return overflow <= 1 ? 0 : Math.round(overflow);
    });
}

for (const viewport of viewports) {
  test.describe(`at ${viewport.width} px (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    for (const { path, table } of pages) {
      test(`${path}: the table fits and the page does not scroll sideways`, async ({ page }) => {
        await page.goto(sitePath(path));
        await expect(page.locator(table).first()).toBeVisible();
        expect(await tableOverflow(page, table)).toBe(0);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(sideways).toBeLessThanOrEqual(0);
      });
    }

    test('/tools/right-size/: the estimate table fits', async ({ page }) => {
      await page.goto(sitePath('/tools/right-size/'));
      await page.getByRole('button', { name: 'Load an example' }).click();
      await expect(page.locator('table.lfg-rs-table')).toBeVisible();
      expect(await tableOverflow(page, 'table.lfg-rs-table')).toBe(0);
    });

    test('a stacked table still names each value', async ({ page }) => {
      test.skip(viewport.name !== 'phone', 'tables stack only where the column is narrow');
      await page.goto(sitePath('/errors/'));
      const cell = page.locator('table.lfg-index-table td[data-label="First action"]').first();
      const label = await cell.evaluate((element) => getComputedStyle(element, '::before').content);
      expect(label).toBe('"First action"');
    });

    test('a long identifier in a title wraps between words, not inside one', async ({ page }) => {
      await page.goto(sitePath('/errors/out-of-memory/'));
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toContainText('Runtime.OutOfMemory');
      expect(await title.evaluate((element) => element.querySelectorAll('wbr').length)).toBeGreaterThan(0);
      expect(await title.evaluate((element) => getComputedStyle(element).hyphens)).not.toBe('auto');
      expect(await title.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    });

    test('search results with long exception names stay inside the dialog', async ({ page }) => {
      await page.goto(sitePath('/errors/'));
      await page
        .getByRole('button', { name: /search/i })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'Search' });
      await dialog.getByRole('textbox', { name: 'Search' }).fill('EFSMountConnectivityException');
      await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
      const overflow = await dialog.evaluate((element) => {
        const right = element.getBoundingClientRect().right;
        const reach = Math.max(
          ...[...element.querySelectorAll('.pagefind-ui__result *')].map((node) => node.getBoundingClientRect().right),
        );
        return Math.max(reach - right, element.scrollWidth - element.clientWidth);
      });
      expect(overflow).toBeLessThanOrEqual(1);
      // No result box (inline parts have no client width) is wider inside than it shows, and none hyphenates a name.
      const clipped = await dialog.evaluate((element) =>
        [...element.querySelectorAll<HTMLElement>('.pagefind-ui__result *')]
          .filter((node) => node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1)
          .map((node) => node.className),
      );
      expect(clipped).toEqual([]);
      const hyphenated = await dialog.evaluate((element) =>
        [...element.querySelectorAll<HTMLElement>('.pagefind-ui__result-title, .pagefind-ui__result-excerpt')]
          .filter((node) => getComputedStyle(node).hyphens === 'auto')
          .map((node) => node.className),
      );
      expect(hyphenated).toEqual([]);
    });
  });
}
