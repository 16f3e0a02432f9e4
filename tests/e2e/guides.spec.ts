import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, sitePath } from './support';

const guides = [
  { path: '/guides/error-handling/', title: 'Error handling' },
  { path: '/guides/monitoring/', title: 'Monitoring and observability' },
  { path: '/guides/cost/', title: 'Cost' },
  { path: '/guides/concurrency/', title: 'Concurrency' },
  { path: '/guides/about/', title: 'About this guide' },
];

test.describe('the guides', () => {
  for (const guide of guides) {
    test(`${guide.path} renders and has no axe violations`, async ({ page }) => {
      await page.goto(sitePath(guide.path));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.title);
      await expectNoAxeViolations(page);
    });
  }

  test('the sidebar lists every guide', async ({ page }) => {
    await page.goto(sitePath('/guides/cost/'));
    const sidebar = page.getByRole('navigation', { name: 'Main' });
    for (const guide of guides) {
      await expect(sidebar.getByRole('link', { name: guide.title, exact: true })).toHaveAttribute(
        'href',
        sitePath(guide.path),
      );
    }
  });

  test('code tabs switch language together with the entry pages', async ({ page }) => {
    await page.goto(sitePath('/guides/error-handling/'));
    await page.getByRole('tab', { name: 'Python' }).first().click();
    // syncKey="language": every tab group on the page follows the choice.
    const selected = page.getByRole('tab', { name: 'Python', selected: true });
    await expect(selected).toHaveCount(await page.getByRole('tab', { name: 'Python' }).count());
  });

  test('the cost guide shows the Arm saving computed from the current prices', async ({ page }) => {
    await page.goto(sitePath('/guides/cost/'));
    const table = page.getByRole('table', { name: /x86_64 and arm64/ });
    // 1,024 MB for 1,000 ms: x86 0.20 + 1 GB-s × 16.6667 = 16.8667; arm 0.20 + 13.3334 = 13.5334;
    // saving 3.3333 / 16.8667 = 19.8 %
    const row = table.getByRole('row', { name: /a data transformation/ });
    await expect(row).toContainText('$16.8667');
    await expect(row).toContainText('$13.5334');
    await expect(row).toContainText('19.8%');
  });
});

test('the guides link to the right-sizing calculator, which exists', async ({ page }) => {
  await page.goto(sitePath('/guides/cost/'));
  await page.getByRole('main').getByRole('link', { name: 'right-sizing calculator' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${sitePath('/tools/right-size/')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right-size memory');
});
