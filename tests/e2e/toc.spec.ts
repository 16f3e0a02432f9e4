import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, sitePath } from './support';

/**
 * The tables of contents (src/components/toc): the link to the section the reader is in is the
 * current one, in the right sidebar on a laptop and in the "On this page" bar on a phone, and the
 * phone's list closes the way a menu does.
 */
const longest = '/errors/task-timed-out/';

/** The names of the links marked current; exactly one is expected. */
async function currentLinks(toc: Locator): Promise<string[]> {
  return toc.locator('a[aria-current="true"]').evaluateAll((links) => links.map((link) => link.textContent?.trim()));
}

/** Scrolls so that the heading sits where a link to it puts it, and lets the page settle. */
async function scrollToHeading(page: Page, id: string) {
  await page.evaluate((target) => document.getElementById(target)?.scrollIntoView(), id);
}

test.describe('at 1366×900 (laptop)', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test('the sidebar marks the section being read as the page scrolls, and only that one', async ({ page }) => {
    await page.goto(sitePath(longest));
    const toc = page.locator('lfg-toc');
    await expect.poll(() => currentLinks(toc)).toEqual(['Overview']);
    for (const [id, name] of [
      ['cause', 'Cause'],
      ['fix', 'Fix'],
      ['related', 'Related'],
      ['messages', 'Messages'],
    ] as const) {
      await scrollToHeading(page, id);
      await expect.poll(() => currentLinks(toc), id).toEqual([name]);
    }
    // Half-way through a long section it is still that section.
    const fix = await page.locator('h2#fix').boundingBox();
    const prevention = await page.locator('h2#prevention').boundingBox();
    if (!fix || !prevention) throw new Error('no Fix or Prevention heading');
    await page.evaluate((y) => window.scrollTo(0, y), (fix.y + prevention.y) / 2 - 100);
    await expect.poll(() => currentLinks(toc)).toEqual(['Fix']);
    // At the end of the page the last section is current, though its heading cannot rise to the top.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => currentLinks(toc)).toEqual(['References']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => currentLinks(toc)).toEqual(['Overview']);
  });

  test('a page opened at an anchor marks that section', async ({ page }) => {
    await page.goto(sitePath(`${longest}#metrics`));
    await expect.poll(() => currentLinks(page.locator('lfg-toc'))).toEqual(['Metrics to watch']);
  });
});

test.describe('at 390×844 (phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the "On this page" bar names the section being read', async ({ page }) => {
    await page.goto(sitePath(longest));
    const bar = page.locator('lfg-mobile-toc summary');
    await expect(bar.locator('.display-current')).toHaveText('Overview');
    await scrollToHeading(page, 'scenarios');
    await expect(bar.locator('.display-current')).toHaveText('Scenarios');
    await expect.poll(() => currentLinks(page.locator('lfg-mobile-toc'))).toEqual(['Scenarios']);
  });

  test('the list closes on a link, a click outside and Escape, which gives the focus back to the bar', async ({
    page,
  }) => {
    await page.goto(sitePath(longest));
    const toc = page.locator('lfg-mobile-toc');
    const details = toc.locator('details');
    const summary = toc.locator('summary');

    await summary.click();
    await expect(details).toHaveAttribute('open', '');
    await toc.getByRole('link', { name: 'Prevention' }).click();
    await expect(details).not.toHaveAttribute('open', '');
    await expect(page).toHaveURL(/#prevention$/);
    await expect(page.locator('h2#prevention')).toBeInViewport();
    await expect(summary.locator('.display-current')).toHaveText('Prevention');

    await summary.click();
    await expect(details).toHaveAttribute('open', '');
    // Below the open list, which covers most of the screen.
    await page.mouse.click(195, 830);
    await expect(details).not.toHaveAttribute('open', '');

    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(toc.getByRole('link', { name: 'Overview' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(details).not.toHaveAttribute('open', '');
    await expect(summary).toBeFocused();
  });

  test('with the list open and a section current, the page has no axe violations', async ({ page }) => {
    await page.goto(sitePath(`${longest}#cause`));
    await page.locator('lfg-mobile-toc summary').click();
    await expect(page.locator('lfg-mobile-toc a[aria-current="true"]')).toHaveText('Cause');
    await expectNoAxeViolations(page);
  });
});
