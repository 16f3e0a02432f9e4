import { expect, test } from '@playwright/test';
import { categoryInfo } from '../../src/data/categories';
import { readEntries, sitePath } from './support';

/**
 * The home page is the front door: the paste box sits high enough that its answer shows without
 * scrolling, and one line each leads to every tool and to the reading path.
 */
const viewports = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** Each link on the home page, with the heading of the page it must open. */
const ways = [
  { name: 'Look up an error', path: '/lookup/', heading: 'Look up an error' },
  { name: 'Error index', path: '/errors/', heading: 'Error index' },
  { name: 'Playgrounds', path: '/playground/', heading: 'Playgrounds' },
  { name: 'Logs Insights query builder', path: '/insights/', heading: 'Logs Insights query builder' },
  { name: 'Right-size memory', path: '/tools/right-size/', heading: 'Right-size memory' },
  { name: 'Alarms', path: '/alarms/', heading: 'Alarms' },
  { name: 'New to Lambda? Start here', path: '/start-here/', heading: 'Start here' },
];

const timeoutLine = '2024-03-04T17:22:38.033Z b70435cc-261c-4438-b9b6-efe4c8f04b21 Task timed out after 3.00 seconds';

for (const viewport of viewports) {
  test.describe(`at ${viewport.width}×${viewport.height} (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the paste box is on the first screen, and so is its answer after a paste', async ({ page }) => {
      await page.goto(sitePath('/'));
      const box = page.getByLabel('Paste an error message or log lines');
      await expect(box).toBeInViewport({ ratio: 1 });
      await box.fill(timeoutLine);
      const first = page.locator('.lfg-lookup-match').first();
      await expect(first).toHaveAttribute('data-entry', 'task-timed-out', { timeout: 15_000 });
      // Nothing scrolled: the answer and its way to the fix are where the reader already looks.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const answer = page.locator('.lfg-lookup-answer');
      await expect(answer).toContainText('Task timed out after N seconds');
      await expect(answer).toBeInViewport({ ratio: 1 });
      await expect(answer.getByRole('link', { name: /^Go to the fix/ })).toHaveAttribute(
        'href',
        sitePath('/errors/task-timed-out/#fix'),
      );
    });

    test('one line leads to each tool and to the reading path', async ({ page }) => {
      await page.goto(sitePath('/'));
      const nav = page.getByRole('navigation', { name: 'Tools and guides' });
      await expect(nav.getByRole('listitem')).toHaveCount(ways.length);
      for (const way of ways) {
        await expect(nav.getByRole('link', { name: way.name, exact: true })).toHaveAttribute(
          'href',
          sitePath(way.path),
        );
      }
    });

    for (const way of ways) {
      test(`“${way.name}” opens ${way.path}`, async ({ page }) => {
        await page.goto(sitePath('/'));
        await page.getByRole('navigation', { name: 'Tools and guides' }).getByRole('link', { name: way.name }).click();
        await expect(page).toHaveURL(new RegExp(`${sitePath(way.path)}$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(way.heading);
      });
    }

    test('the footer cards name the page they open, a category included', async ({ page }) => {
      // The sidebar lists each category's page as "Overview"; the cards stand alone and say which.
      const [first, second] = categoryInfo;
      const entries = readEntries().filter((entry) => entry.category === first?.id);
      expect(entries.length).toBeGreaterThan(0);
      await page.goto(sitePath(`/categories/${second?.id}/`));
      const previous = page.locator('.pagination-links a[rel="prev"]');
      const next = page.locator('.pagination-links a[rel="next"]');
      await expect(previous).toBeVisible();
      await expect(next).toBeVisible();
      for (const card of [previous, next]) await expect(card.locator('.link-title')).not.toHaveText('Overview');
      // Back to the last entry of the first category: its Next card names the second category.
      const previousTitle = (await previous.locator('.link-title').textContent()) ?? '';
      await previous.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(previousTitle);
      const toCategory = page.locator('.pagination-links a[rel="next"]');
      await expect(toCategory.locator('.link-title')).toHaveText(`Category: ${second?.title}`);
      await toCategory.click();
      await expect(page).toHaveURL(new RegExp(`/categories/${second?.id}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(second?.title ?? '');
    });
  });
}
