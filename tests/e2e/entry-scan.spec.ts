import { expect, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { readEntries, sitePath } from './support';

/**
 * Entry pages an engineer can scan in an incident: the first fix is on the first screen, the
 * secondary material (extra playgrounds, alarm code, runbook, entries that link here) is folded in
 * the HTML itself, and every published anchor still opens what it names.
 *
 * Page-length target (README, "Entry pages"): no entry page is taller than MAX_HEIGHT. Before the
 * folding, the longest were task-timed-out (18,953 px on a laptop, 27,919 px on a phone) and
 * throttling-rate-exceeded (18,115 / 28,042 px).
 */
const viewports = [
  { name: 'laptop', width: 1366, height: 900, maxHeight: 14_000 },
  { name: 'phone', width: 390, height: 844, maxHeight: 21_500 },
];

const entries = readEntries();
const longest = '/errors/task-timed-out/';

/** The playgrounds folded under "N more playgrounds" on an entry page, by their heading ids. */
async function foldedPlaygrounds(page: Page): Promise<string[]> {
  return page
    .locator('details.lfg-more .lfg-entry-playground h3')
    .evaluateAll((headings) => headings.map((heading) => heading.id));
}

for (const viewport of viewports) {
  test.describe(`at ${viewport.width}×${viewport.height} (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test.describe('every entry', () => {
      // Served without scripts first: the digest and the folds are in the HTML, and 68 pages load
      // without starting a playground Worker each, which a busy machine cannot do in time. Pages
      // that embed a scripted tool (the right-size calculator) are longer before their script runs,
      // so the tallest pages as served are then measured again with scripts, as readers see them.
      test.use({ javaScriptEnabled: false });

      test(`shows "Fix first" on its first screen, and the tallest are at most ${viewport.maxHeight} px`, async ({
        page,
        browser,
      }) => {
        test.setTimeout(300_000);
        const served: { id: string; height: number }[] = [];
        for (const entry of entries) {
          await page.goto(sitePath(`/errors/${entry.id}/`));
          const digest = page.locator('.lfg-fix-first');
          await expect(digest.getByRole('link', { name: entry.fixes[0]?.title ?? '' })).toHaveAttribute(
            'href',
            '#fix-1',
          );
          await expect(digest.locator('a[href="#fix"]')).toBeVisible();
          // The whole digest fits on the first screen, without scrolling.
          await expect.soft(digest, entry.id).toBeInViewport({ ratio: 1 });
          served.push({ id: entry.id, height: await page.evaluate(() => document.documentElement.scrollHeight) });
        }
        const tallest = served.sort((a, b) => b.height - a.height).slice(0, 4);
        const scripted = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          javaScriptEnabled: true,
        });
        const reader = await scripted.newPage();
        const tooTall: string[] = [];
        for (const { id } of tallest) {
          await reader.goto(sitePath(`/errors/${id}/`));
          await reader.waitForLoadState('networkidle');
          const height = await reader.evaluate(() => document.documentElement.scrollHeight);
          if (height > viewport.maxHeight) tooTall.push(`${id}: ${height} px`);
        }
        await scripted.close();
        expect(tooTall).toEqual([]);
      });
    });

    test(`${longest}, the longest before the folds, is at most ${viewport.maxHeight} px tall`, async ({ page }) => {
      await page.goto(sitePath(longest));
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(viewport.maxHeight);
    });

    test('secondary material is folded in the served HTML, not by a script after load', async ({ page, request }) => {
      const html = await (await request.get(sitePath(longest))).text();
      const folds = html.match(/<details class="lfg-more[^>]*>/g) ?? [];
      // Extra playgrounds, each alarm's code, the runbook, the entries that link here.
      expect(folds.length).toBeGreaterThanOrEqual(4);
      expect(folds.filter((tag) => /\sopen[\s=>]/.test(tag))).toEqual([]);

      await page.goto(sitePath(longest));
      await expect(page.locator('details.lfg-more[open]')).toHaveCount(0);
      // The first playground stays open to read; the others wait behind their summary.
      await expect(page.locator('h2#playground ~ .lfg-entry-playground').first()).toBeVisible();
      const folded = await foldedPlaygrounds(page);
      expect(folded.length).toBeGreaterThan(0);
      for (const id of folded) await expect(page.locator(`[id="${id}"]`)).toBeHidden();
      await expect(page.locator('#runbook')).toBeVisible();
      await expect(page.getByRole('tab', { name: 'AWS CDK (TypeScript)' }).first()).toBeHidden();
    });

    for (const anchor of ['alarms', 'runbook', 'alarm-2', 'playground', 'related']) {
      test(`opening ${longest}#${anchor} unfolds what #${anchor} names`, async ({ page }) => {
        await page.goto(sitePath(`${longest}#${anchor}`));
        const target = page.locator(`[id="${anchor}"]`);
        await expect(target).toBeInViewport();
        const opened = page.locator(`details.lfg-more[data-lfg-opens-for~="${anchor}"]`);
        expect(await opened.count()).toBeGreaterThan(0);
        for (const details of await opened.all()) await expect(details).toHaveAttribute('open', '');
        if (anchor === 'alarms') {
          await expect(page.getByRole('tab', { name: 'AWS CDK (TypeScript)' }).first()).toBeVisible();
        }
        if (anchor === 'playground') {
          for (const id of await foldedPlaygrounds(page)) await expect(page.locator(`[id="${id}"]`)).toBeVisible();
        }
      });
    }

    test('folded playgrounds join the page when their fold opens, not before, and then run', async ({ page }) => {
      await page.goto(sitePath(longest));
      const folded = await foldedPlaygrounds(page);
      expect(folded.length).toBeGreaterThan(0);
      // Their headings and links are in the page from the start; their playgrounds are not.
      for (const id of folded) await expect(page.locator(`[id="${id}"]`)).toBeAttached();
      await expect(page.locator('lfg-playground')).toHaveCount(1);
      const fold = page.locator('details.lfg-more[data-lfg-opens-for~="playground"]');
      await fold.locator('summary').click();
      await expect(page.locator('lfg-playground')).toHaveCount(folded.length + 1);
      await expect(fold.locator('template')).toHaveCount(0);
      const last = fold.locator('lfg-playground').last();
      await last.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(last.locator('.lfg-pg-output')).toContainText('REPORT RequestId', { timeout: 30_000 });
    });

    test('a link to a folded playground opens it and scrolls to it', async ({ page }) => {
      await page.goto(sitePath(longest));
      const [id] = await foldedPlaygrounds(page);
      expect(id).toBeTruthy();
      await page.goto(sitePath(`/errors/task-timed-out/#${id}`));
      await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    });

    test('a shared playground link opens the fold that holds its playground', async ({ page }) => {
      await page.goto(sitePath(longest));
      const [heading] = await foldedPlaygrounds(page);
      const example = heading?.replace(/^playground-/, '') ?? '';
      expect(example).not.toBe('');
      const code = lzString.compressToEncodedURIComponent('export const handler = async () => 1;\n');
      const shared = `${sitePath(longest)}?example=${example}&side=after#code/${code}`;
      await page.goto(shared);
      await expect(page.locator(`[id="${heading}"]`)).toBeVisible();
    });

    test('changing the hash on the page unfolds the section it names', async ({ page }) => {
      await page.goto(sitePath(longest));
      await page.evaluate(() => {
        window.location.hash = '#alarms';
      });
      await expect(page.getByRole('tab', { name: 'AWS CDK (TypeScript)' }).first()).toBeVisible();
      await expect(page.locator('h2#alarms')).toBeInViewport();
    });

    test('the table of contents unfolds the section it jumps to', async ({ page }) => {
      await page.goto(sitePath(longest));
      // On a phone the table of contents is behind "On this page".
      const toc = viewport.name === 'phone' ? page.locator('lfg-mobile-toc') : page.locator('lfg-toc');
      if (viewport.name === 'phone') await toc.locator('summary').click();
      await toc.getByRole('link', { name: 'Try the fix' }).click();
      await expect(page).toHaveURL(/#playground$/);
      for (const id of await foldedPlaygrounds(page)) await expect(page.locator(`[id="${id}"]`)).toBeVisible();
    });

    test('"Fix first" jumps to the fix', async ({ page }) => {
      await page.goto(sitePath(longest));
      await page.locator('.lfg-fix-first a[href="#fix"]').click();
      await expect(page.locator('h2#fix')).toBeInViewport();
    });

    test('a fold opens and closes from the keyboard', async ({ page }) => {
      await page.goto(sitePath(longest));
      const details = page.locator('details.lfg-more').first();
      const summary = details.locator('summary');
      await summary.focus();
      await expect(summary).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(details).toHaveAttribute('open', '');
      await page.keyboard.press('Space');
      await expect(details).not.toHaveAttribute('open', '');
    });
  });
}
