import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, sitePath } from './support';

// Three invocations at 256 MB: mean (1100 + 1200 + 1300) / 3 = 1,200 ms, max memory used 200 MB.
const reportLines = [
  'REPORT RequestId: 11111111-1111-4111-8111-111111111111\tDuration: 1100.00 ms\tBilled Duration: 1100 ms\tMemory Size: 256 MB\tMax Memory Used: 190 MB\t',
  '2024-03-04T10:00:00.000Z\tREPORT RequestId: 22222222-2222-4222-8222-222222222222\tDuration: 1200.00 ms\tBilled Duration: 1200 ms\tMemory Size: 256 MB\tMax Memory Used: 200 MB\t',
  'REPORT RequestId: 33333333-3333-4333-8333-333333333333\tDuration: 1300.00 ms\tBilled Duration: 1300 ms\tMemory Size: 256 MB\tMax Memory Used: 195 MB\t',
].join('\n');

async function open(page: Page) {
  await page.goto(sitePath('/tools/right-size/'));
  await expect(page.getByRole('button', { name: 'Estimate' })).toBeVisible();
}

test.describe('the right-sizing calculator', () => {
  test('pasted REPORT lines give the cheapest and the fastest-within-budget setting', async ({ page }) => {
    await open(page);
    await page.getByLabel('Paste REPORT lines').fill(reportLines);
    await page.getByLabel(/Budget per million/).fill('8');
    await page.getByRole('button', { name: 'Estimate' }).click();
    const status = page.getByRole('status');
    // 50 % CPU-bound (default), 200 MB + 20 % = 240 MB needed, so 128 MB does not fit.
    // 256 MB: 1.2 s × 0.25 GB × $0.0000166667 × 1e6 + $0.20 = $5.2000
    await expect(status).toContainText('3 REPORT lines: mean duration 1,200 ms at 256 MB');
    await expect(status).toContainText(
      'Cheapest on x86_64: 256 MB, about 1,200 ms and $5.2000 per million invocations.',
    );
    // 512 MB: (600 + 300) ms = 0.9 s × 0.5 GB × 16.6667 + 0.20 = $7.7000 ≤ $8; 768 MB costs $10.2000
    await expect(status).toContainText('Fastest within $8.0000 per million: 512 MB, about 900 ms and $7.7000.');
    const table = page.getByRole('table', { name: /Estimated duration and cost per million/ });
    await expect(table.locator('tr[data-memory="128"]')).toContainText('no: too little memory');
    await expect(table.locator('tr[data-memory="512"]')).toHaveAttribute('data-marks', 'fastest within budget');
  });

  test('recommends for arm64 and for a function that mostly waits', async ({ page }) => {
    await open(page);
    await page.getByLabel('Paste REPORT lines').fill('');
    await page.getByLabel('Duration (ms)').fill('200');
    await page.getByLabel('Memory size (MB)').fill('1024');
    await page.getByLabel(/Max memory used/).fill('90');
    await page.getByLabel('CPU-bound share of the duration (%)').fill('0');
    await page.getByLabel('arm64 (Graviton2)').check();
    await page.getByRole('button', { name: 'Estimate' }).click();
    // 128 MB: 0.2 s × 0.125 GB × 13.3334 + 0.20 = $0.5333
    await expect(page.getByRole('status')).toContainText(
      'Cheapest on arm64 (Graviton2): 128 MB, about 200 ms and $0.5333 per million invocations.',
    );
  });

  test('starts with an empty box and an example to load on request', async ({ page }) => {
    await open(page);
    const box = page.getByLabel('Paste REPORT lines');
    await expect(box).toHaveValue('');
    await expect(page.getByRole('status')).toContainText('Paste REPORT lines or type the figures');
    await expect(page.getByRole('table')).toBeHidden();
    await page.getByRole('button', { name: 'Load an example' }).click();
    await expect(box).toHaveValue(/^REPORT RequestId: /);
    await expect(page.getByRole('status')).toContainText('at 512 MB');
    await expect(page.getByRole('table')).toBeVisible();
  });

  test('a paste replaces the loaded example and says so, never mixing the two', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Load an example' }).click();
    const box = page.getByLabel('Paste REPORT lines');
    await box.click({ position: { x: 40, y: 10 } });
    await box.evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, reportLines);
    await expect(box).toHaveValue(reportLines);
    await expect(page.getByText('Your paste replaced the example lines.')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('3 REPORT lines: mean duration 1,200 ms at 256 MB');
  });

  test('lines with several memory sizes offer a choice of which to analyse', async ({ page }) => {
    await open(page);
    const at1024 =
      'REPORT RequestId: 44444444-4444-4444-8444-444444444444\tDuration: 400.00 ms\tBilled Duration: 400 ms\tMemory Size: 1024 MB\tMax Memory Used: 180 MB\t';
    await page.getByLabel('Paste REPORT lines').fill(`${reportLines}\n${at1024}`);
    const sizes = page.getByRole('group', { name: 'Memory size to analyse' });
    await expect(sizes).toBeVisible();
    await expect(sizes.getByLabel('256 MB (3 lines)')).toBeChecked();
    await expect(page.getByRole('status')).toContainText('at 256 MB');
    await sizes.getByLabel('1,024 MB (1 line)').check();
    await expect(page.getByRole('status')).toContainText('400 ms at 1,024 MB');
    await expect(sizes.getByLabel('1,024 MB (1 line)')).toBeChecked();
    // A new paste with one size takes the choice away again.
    await page.getByLabel('Paste REPORT lines').fill(reportLines);
    await expect(sizes).toBeHidden();
  });

  test('explains bad input instead of showing figures', async ({ page }) => {
    await open(page);
    await page.getByLabel('Paste REPORT lines').fill('Task timed out after 3.00 seconds');
    await page.getByRole('button', { name: 'Estimate' }).click();
    await expect(page.getByRole('status')).toContainText('No REPORT line found');
    await expect(page.getByRole('table')).toBeHidden();
  });

  test('sends nothing over the network', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.getByLabel('Paste REPORT lines').fill(reportLines);
    await page.getByRole('button', { name: 'Estimate' }).click();
    await expect(page.getByRole('status')).toContainText('Cheapest');
    expect(requests).toEqual([]);
  });

  test('shows a worked example without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(sitePath('/tools/right-size/'));
    await expect(page.getByText('This calculator runs in your browser with JavaScript.')).toBeVisible();
    await expect(page.locator('tr[data-memory]')).toHaveCount(14);
    await expect(page.getByRole('status')).toContainText('Cheapest on x86_64');
    await context.close();
  });

  test('has no axe violations, before and after an estimate', async ({ page }) => {
    await open(page);
    await expectNoAxeViolations(page);
    await page.getByLabel('Paste REPORT lines').fill(reportLines);
    await page.getByRole('button', { name: 'Estimate' }).click();
    await expect(page.getByRole('status')).toContainText('3 REPORT lines');
    await expectNoAxeViolations(page);
  });
});
