import { expect, test } from '@playwright/test';
import { factIds, facts } from '../../src/data/facts';
import { findRuntime, getRuntimeStatus, runtimeStatusLabels } from '../../src/data/runtime-calendar';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

test.describe('facts, the runtime calendar and freshness', () => {
  test('an entry page says when it was last reviewed', async ({ page }) => {
    const entry = readEntries().find((candidate) => candidate.id === 'task-timed-out');
    if (!entry) throw new Error('task-timed-out entry missing');
    const reviewed = new Date(entry.reviewed).toISOString().slice(0, 10);
    await page.goto(sitePath('/errors/task-timed-out/'));
    const facts = page.locator('.lfg-facts');
    await expect(facts.getByText('Last reviewed')).toBeVisible();
    await expect(facts.locator(`time[datetime="${reviewed}"]`)).toBeVisible();
  });

  test('a guide states a registered fact as a link to its source', async ({ page }) => {
    await page.goto(sitePath('/guides/concurrency/'));
    const link = page.getByRole('main').locator('a.lfg-fact[data-fact="concurrency-default"]').first();
    await expect(link).toHaveText(facts['concurrency-default'].text);
    await expect(link).toHaveAttribute('href', facts['concurrency-default'].source.url);
  });

  test('the runtimes guide shows each runtime with its status on the build day', async ({ page }) => {
    await page.goto(sitePath('/guides/runtimes/'));
    const table = page.locator('table.lfg-runtime-calendar');
    const built = await table.getAttribute('data-built');
    if (!built) throw new Error('the calendar does not say when it was built');
    const runtime = findRuntime('nodejs20.x');
    if (!runtime) throw new Error('nodejs20.x missing');
    const status = getRuntimeStatus(runtime, new Date(`${built}T12:00:00Z`));
    await expect(table.locator('tr[data-runtime="nodejs20.x"]')).toContainText(runtimeStatusLabels[status]);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(40);
    await expectNoAxeViolations(page);
  });

  test('the deprecated-runtime entry lists the runtimes deprecated on the build day', async ({ page }) => {
    await page.goto(sitePath('/errors/deprecated-runtime/'));
    const table = page.locator('table.lfg-runtime-calendar');
    await expect(table.locator('tr[data-runtime="python3.9"]')).toBeVisible();
    await expect(table.locator('tr[data-status="supported"][data-runtime="python3.14"]')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the limits page lists every registered fact with its source and earlier values', async ({ page }) => {
    await page.goto(sitePath('/guides/limits/'));
    const table = page.locator('table.lfg-fact-table');
    await expect(table.locator('tbody tr')).toHaveCount(factIds.length);
    const timeout = table.locator('tr[data-fact="timeout-max"]');
    await expect(timeout.getByRole('link', { name: facts['timeout-max'].text })).toHaveAttribute(
      'href',
      facts['timeout-max'].source.url,
    );
    await expect(timeout).toContainText(facts['timeout-max'].history[0].text);
    await expectNoAxeViolations(page);
  });
});
