import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitePath } from './support';

test.describe('an address with no page', () => {
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`offers the paste box, search and the index at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      const response = await page.goto(sitePath('/errors/lambda-timeout-error/'));
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByLabel('Paste an error message or log lines')).toBeVisible();
      await expect(page.getByRole('main').getByRole('link', { name: 'error index' })).toHaveAttribute(
        'href',
        sitePath('/errors/'),
      );
      // The words of the address become a lookup link.
      const lookup = page.getByRole('link', { name: 'look those words up' });
      await expect(lookup).toHaveAttribute('href', `${sitePath('/lookup/')}?q=lambda%20timeout%20error`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(scroll).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
  }

  test('a pasted error is looked up right there', async ({ page }) => {
    await page.goto(sitePath('/no/such/page/'));
    await page.getByLabel('Paste an error message or log lines').fill('Task timed out after 3.01 seconds');
    await expect(page.getByRole('region', { name: 'Lookup results' }).getByRole('link').first()).toHaveAttribute(
      'href',
      /\/errors\/task-timed-out\//,
    );
  });
});
