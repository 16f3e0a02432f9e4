import { expect, test } from '@playwright/test';
import { categoryInfo } from '../../src/data/categories';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

const entries = readEntries();

test.describe('the error index', () => {
  test('lists every entry, linking to its page and its fix', async ({ page }) => {
    await page.goto(sitePath('/errors/'));
    for (const entry of entries) {
      const row = page.locator(`tr[data-entry="${entry.id}"]`);
      await expect(row.getByRole('link', { name: entry.title })).toHaveAttribute(
        'href',
        sitePath(`/errors/${entry.id}/`),
      );
      await expect(row.getByRole('link', { name: entry.fixes[0]?.title ?? '' })).toHaveAttribute(
        'href',
        sitePath(`/errors/${entry.id}/#fix`),
      );
    }
  });

  test('filters by category and runtime without a reload', async ({ page }) => {
    await page.goto(sitePath('/errors/'));
    const rows = page.locator('tr[data-entry]');
    await expect(rows).toHaveCount(entries.length);
    const category = entries[0]?.category ?? 'timeouts';
    const expected = entries.filter((entry) => entry.category === category);
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await page.getByRole('combobox', { name: 'Category' }).selectOption(category);
    await expect(page.locator('tr[data-entry]:visible')).toHaveCount(expected.length);
    await expect(page.getByRole('status')).toHaveText(`Showing ${expected.length} of ${entries.length} errors.`);
    await expect(page).toHaveURL(new RegExp(`category=${category}`));
    // Same document: the marker set before filtering is still there.
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);

    await page.getByRole('combobox', { name: 'Category' }).selectOption('');
    await page.getByRole('combobox', { name: 'Runtime' }).selectOption('python');
    // Python: the entries specific to Python, not every runtime-independent one.
    const python = entries.filter((entry) => entry.runtimes.includes('python'));
    const general = entries.filter((entry) => !entry.runtimes.includes('python') && entry.runtimes.includes('any'));
    expect(python.length).toBeGreaterThan(0);
    expect(python.length).toBeLessThan(entries.length / 2);
    await expect(page.locator('tr[data-entry]:visible')).toHaveCount(python.length);
    await expect(page.getByRole('status')).toHaveText(
      `Showing ${python.length} of ${entries.length} errors. ${general.length} more read the same on every runtime.`,
    );
    await page.getByLabel('Also errors that read the same on every runtime').check();
    await expect(page.locator('tr[data-entry]:visible')).toHaveCount(python.length + general.length);
    await expect(page).toHaveURL(/everywhere=yes/);
  });

  test('a filtered link opens filtered', async ({ page }) => {
    const category = entries[0]?.category ?? 'timeouts';
    await page.goto(sitePath(`/errors/?category=${category}`));
    await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue(category);
  });

  test('works without JavaScript: every row shown, filters hidden', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(sitePath('/errors/'));
    await expect(page.locator('tr[data-entry]')).toHaveCount(entries.length);
    await expect(page.getByRole('combobox', { name: 'Category' })).toBeHidden();
    await context.close();
  });

  test('has no axe violations', async ({ page }) => {
    await page.goto(sitePath('/errors/'));
    await expectNoAxeViolations(page);
  });

  test('every category with entries has an overview page listing them', async ({ page }) => {
    for (const category of categoryInfo) {
      const inCategory = entries.filter((entry) => entry.category === category.id);
      if (inCategory.length === 0) continue;
      await page.goto(sitePath(`/categories/${category.id}/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(category.title);
      for (const entry of inCategory) {
        await expect(page.getByRole('main').getByRole('link', { name: entry.title, exact: true })).toBeVisible();
      }
    }
  });
});

test.describe('the home page', () => {
  test('has no axe violations', async ({ page }) => {
    await page.goto(sitePath('/'));
    await expectNoAxeViolations(page);
  });
});
