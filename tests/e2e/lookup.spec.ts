import { expect, test } from '@playwright/test';
import { errorIndexSchema } from '../../src/lookup/schema';
import { readEntries, sitePath } from './support';

const timeoutLine = '2024-03-04T17:22:38.033Z b70435cc-261c-4438-b9b6-efe4c8f04b21 Task timed out after 3.00 seconds';

test.describe('the paste box on the home page', () => {
  test('a pasted timeout line puts the timeout entry first, without sending the paste anywhere', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(sitePath('/'));
    const box = page.getByLabel('Paste an error message or log lines');
    await expect(page.getByText('never leaves this browser')).toBeVisible();
    await box.fill(timeoutLine);
    const first = page.locator('.lfg-lookup-match').first();
    await expect(first).toHaveAttribute('data-entry', 'task-timed-out');
    await expect(first.getByRole('link', { name: 'Go to the fix' })).toHaveAttribute(
      'href',
      sitePath('/errors/task-timed-out/#fix'),
    );
    await expect(first.locator('.lfg-lookup-evidence')).toContainText('Task timed out after 3.00 seconds');
    // Only the site's own files were requested; the pasted text is in none of the URLs.
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requests.filter((url) => url.includes('timed'))).toEqual([]);
  });

  test("'/' focuses the box and Enter opens the top match", async ({ page }) => {
    await page.goto(sitePath('/'));
    await page.locator('body').press('/');
    const box = page.getByLabel('Paste an error message or log lines');
    await expect(box).toBeFocused();
    await page.keyboard.insertText(timeoutLine);
    await expect(page.locator('.lfg-lookup-match').first()).toHaveAttribute('data-entry', 'task-timed-out');
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${sitePath('/errors/task-timed-out/')}$`));
  });
});

test.describe('/lookup/?q=', () => {
  test('diagnoses the text from the URL and shows a confident match at the top', async ({ page }) => {
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(timeoutLine)}`);
    await expect(page.getByLabel('Paste an error message or log lines')).toHaveValue(timeoutLine);
    const top = page.locator('.lfg-lookup-top');
    await expect(top).toContainText('Task timed out after N seconds');
    await expect(top.getByRole('link')).toHaveAttribute('href', sitePath('/errors/task-timed-out/#fix'));
  });

  test('renders an HTML or script payload as text, never as markup', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script> Task timed out after 3.00 seconds`;
    await page.goto(`${sitePath('/lookup/')}?q=${encodeURIComponent(payload)}`);
    await expect(page.locator('.lfg-lookup-match').first()).toBeVisible();
    await expect(page.locator('.lfg-lookup-results')).toContainText('<img src=x onerror="alert(1)">');
    await expect(page.locator('.lfg-lookup-results img, .lfg-lookup-results script')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('machine-readable endpoints', () => {
  test('errors.json validates against its documented shape and lists every entry', async ({ request }) => {
    const response = await request.get(sitePath('/api/errors.json'));
    expect(response.ok()).toBe(true);
    const parsed = errorIndexSchema.safeParse(await response.json());
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.version).toBe(1);
    expect(parsed.data.entries.map((entry) => entry.id).sort()).toEqual(
      readEntries()
        .map((entry) => entry.id)
        .sort(),
    );
  });

  test('the OpenSearch description opens /lookup/?q=, and pages advertise it', async ({ page, request }) => {
    await page.goto(sitePath('/'));
    const link = page.locator('link[rel="search"][type="application/opensearchdescription+xml"]');
    await expect(link).toHaveAttribute('href', sitePath('/opensearch.xml'));
    const xml = await (await request.get(sitePath('/opensearch.xml'))).text();
    expect(xml).toContain('<OpenSearchDescription');
    expect(xml).toMatch(/template="https?:\/\/[^"]+\/lookup\/\?q=\{searchTerms\}"/);
  });
});
