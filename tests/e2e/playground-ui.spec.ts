// The playground's page side, at a laptop's and a phone's size (issue 13): the controls' alignment,
// a shared link that lands on its playground among several (also inside a closed <details>), and
// TypeScript's diagnostics around a Run of changed code.
import { expect, type Page, test } from '@playwright/test';
import lzString from 'lz-string';
import { expectNoAxeViolations, sitePath } from './support';

const VIEWPORTS = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

const ENTRY = '/errors/task-timed-out/';

function sharedLink(path: string, id: string, code: string, side: 'before' | 'after' = 'before'): string {
  const query = `?example=${id}${side === 'after' ? '&side=after' : ''}`;
  return `${sitePath(path)}${query}#code/${lzString.compressToEncodedURIComponent(code)}`;
}

const output = (page: Page) => page.getByRole('log', { name: 'Output' });
const playground = (page: Page) => page.locator('lfg-playground');

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('Run, Edit, Share and Reset are one row: same top, height and text baseline', async ({ page }) => {
      await page.goto(sitePath('/playground/outbound-timeout/'));
      const buttons = page.locator('.lfg-pg-buttons button');
      await expect(buttons.first()).toBeVisible();
      const boxes = await buttons.evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(element);
          return {
            name: element.textContent?.trim(),
            top: box.top,
            height: box.height,
            textBottom: range.getBoundingClientRect().bottom,
          };
        }),
      );
      expect(boxes.map((box) => box.name)).toEqual(['Run', 'Edit', 'Share', 'Reset']);
      const [run, ...others] = boxes;
      for (const other of others) {
        expect(Math.abs(other.top - (run?.top ?? 0)), `${other.name}'s top`).toBeLessThanOrEqual(0.5);
        expect(Math.abs(other.height - (run?.height ?? 0)), `${other.name}'s height`).toBeLessThanOrEqual(0.5);
        expect(Math.abs(other.textBottom - (run?.textBottom ?? 0)), `${other.name}'s baseline`).toBeLessThanOrEqual(
          0.5,
        );
      }
      await expectNoHorizontalOverflow(page);
    });

    test('the playground list reads "and after", with its space', async ({ page }) => {
      await page.goto(sitePath('/playground/'));
      await expect(page.getByText(/fails the way real functions do, and after applies the fix/)).toBeVisible();
    });

    test('a shared link to the last playground of an entry scrolls to it, marks it and focuses its note', async ({
      page,
    }) => {
      await page.goto(sitePath(ENTRY));
      // Every playground section, the folded ones included (their playgrounds join the page when opened).
      const ids = await page
        .locator('section.lfg-entry-playground h3[id^="playground-"]')
        .evaluateAll((headings) => headings.map((heading) => heading.id.replace(/^playground-/, '')));
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const id = ids.at(-1) ?? '';
      const code = 'export const handler = async () => {\n  console.log("from a colleague");\n};\n';
      await page.goto('about:blank');
      await page.goto(sharedLink(ENTRY, id, code, 'after'));

      const target = page.locator(`lfg-playground[data-example="${id}"]`);
      const note = target.locator('.lfg-pg-from-link');
      await expect(note).toHaveText(/^Opened from a shared link/);
      await expect(note).toBeFocused();
      await expect(note).toBeInViewport();
      await expect(page.locator(`#playground-${id}`)).toBeInViewport();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1500);
      // Visibly marked, and only this one.
      await expect(target).toHaveAttribute('data-shared', 'true');
      await expect(target).toHaveCSS('outline-style', 'solid');
      await expect(page.locator('lfg-playground[data-shared]')).toHaveCount(1);
      await expect(page.locator('.lfg-pg-from-link:visible')).toHaveCount(1);
      // The code is loaded in the side the link names, and did not run.
      await expect(target.getByRole('tab', { name: 'After' })).toHaveAttribute('aria-selected', 'true');
      await expect(target.locator('.lfg-pg-plain:visible')).toHaveText(code);
      await expect(target.getByRole('log', { name: 'Output' })).not.toContainText('START');
      await expectNoHorizontalOverflow(page);

      // Reset takes the mark away with the link.
      await target.getByRole('button', { name: 'Reset' }).click();
      await expect(target).not.toHaveAttribute('data-shared', /./);
      await expect(note).toBeHidden();
    });

    test('a shared link to a playground folded in a closed <details> opens it and scrolls there', async ({ page }) => {
      await page.goto(sitePath(ENTRY));
      const id = (await playground(page).last().getAttribute('data-example')) ?? '';
      // Fold the target's section into a closed <details>, as an entry page may fold extra playgrounds.
      await page.route(`**${sitePath(ENTRY)}*`, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const start = html.indexOf(`<section class="lfg-entry-playground" aria-labelledby="playground-${id}"`);
        const end = html.indexOf('</section>', start) + '</section>'.length;
        expect(start).toBeGreaterThan(0);
        const folded = `${html.slice(0, start)}<details class="lfg-test-fold"><summary>More playgrounds</summary>${html.slice(start, end)}</details>${html.slice(end)}`;
        await route.fulfill({ response, body: folded });
      });
      await page.goto('about:blank');
      await page.goto(sharedLink(ENTRY, id, 'export const handler = async () => 1;\n'));
      const fold = page.locator('details.lfg-test-fold');
      await expect(fold).toHaveJSProperty('open', true);
      const note = page.locator(`lfg-playground[data-example="${id}"] .lfg-pg-from-link`);
      await expect(note).toBeFocused();
      await expect(note).toBeInViewport();
      await expect(page.locator(`#playground-${id}`)).toBeInViewport();
    });

    test("a link's code with a type error runs on the first click, then TypeScript's diagnostics are listed; the next Run waits for Run anyway", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const code = [
        'export const handler = async () => {',
        "  const count: number = 'three';",
        "  console.log('ran with count', count);",
        '  return count;',
        '};',
        '',
      ].join('\n');
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
            `${event.blockedURI} (${event.violatedDirective})`,
          ),
        ),
      );
      await page.goto(sharedLink('/playground/outbound-timeout/', 'outbound-timeout', code));
      const root = playground(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // The run did not wait for TypeScript: the output comes first.
      await expect(output(page)).toContainText('ran with count three', { timeout: 15_000 });
      // The types were stripped in the compile Worker, which the page's policy lets start.
      expect(workers.filter((url) => /compile-worker/.test(url))).toHaveLength(1);
      expect(violations).toEqual([]);
      await expect(page.locator('.lfg-pg-note:visible')).toHaveText('This code came from a shared link.');
      await expect(root).toHaveAttribute('data-state', 'done');
      await expect(root).toHaveAttribute('data-diagnostics', 'checked', { timeout: 90_000 });
      const diagnostics = page.getByRole('list', { name: /TypeScript compiler found 1 error in before\.ts/ });
      await expect(diagnostics.getByRole('button')).toHaveText([
        "before.ts:2:9 error TS2322: Type 'string' is not assignable to type 'number'.",
      ]);
      await expect(page.locator('.lfg-pg-diagnostics-summary')).toHaveAttribute('aria-live', 'polite');
      await expect(page.locator('.lfg-pg-diagnostics-summary')).toContainText('ran without waiting');
      await expect(page.getByRole('button', { name: 'Run anyway' })).toBeHidden();

      // Now the errors are known: Run shows them and waits.
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(root).toHaveAttribute('data-state', 'blocked');
      await expect(page.locator('.lfg-pg-diagnostics-summary')).toContainText('It has not run');
      await expect(output(page)).not.toContainText('START');
      await expectNoAxeViolations(page);
      await expectNoHorizontalOverflow(page);
      await page.getByRole('button', { name: 'Run anyway' }).click();
      await expect(output(page)).toContainText('ran with count three', { timeout: 15_000 });
      await expect(root).toHaveAttribute('data-state', 'done');

      // A diagnostic is a button, reachable by keyboard: it opens the editor with the cursor on it.
      const item = diagnostics.getByRole('button').first();
      await item.focus();
      await page.keyboard.press('Enter');
      await expect(root).toHaveAttribute('data-editor', 'ready', { timeout: 60_000 });
      await expect(page.locator('.lfg-pg-editor .line-numbers.active-line-number')).toHaveText('2');
      await expect(page.locator('.lfg-pg-editor .monaco-editor')).toHaveClass(/\bfocused\b/);
    });

    test('code that does not parse is stopped before the run, TypeScript names the error, and Run anyway shows what Lambda would', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const code = "export const handler = async () => {\n  console.log('never closed';\n};\n";
      await page.goto(sharedLink('/playground/structured-logging/', 'structured-logging', code));
      const root = playground(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(root).toHaveAttribute('data-state', 'blocked');
      const list = page.locator('.lfg-pg-diagnostics ol');
      await expect(list.getByRole('button').first()).toHaveText(/^before\.ts:2:\d+ error/);
      await expect(output(page)).not.toContainText('START');
      // TypeScript's own diagnostic replaces the transpiler's, with its code.
      await expect(list.getByRole('button').first()).toHaveText(/^before\.ts:2:\d+ error TS1005: '\)' expected\.$/, {
        timeout: 90_000,
      });
      await page.getByRole('button', { name: 'Run anyway' }).click();
      await expect(output(page)).toContainText('Runtime.UserCodeSyntaxError', { timeout: 15_000 });
    });
  });
}

test('edited code with a type error is checked before it runs, in the open editor', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(sitePath('/playground/remaining-time/'));
  await page.getByRole('button', { name: 'Edit' }).click();
  const root = playground(page);
  await expect(root).toHaveAttribute('data-editor', 'ready', { timeout: 60_000 });
  await page.locator('.lfg-pg-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Typed, not pasted: the editor indents and closes the bracket itself.
  await page.keyboard.insertText(
    'export const handler = async (event: { id: string }) => {\nreturn event.id.toFixed(2);\n',
  );
  await page.keyboard.press('Control+Enter');
  await expect(root).toHaveAttribute('data-state', 'blocked', { timeout: 30_000 });
  await expect(page.locator('.lfg-pg-diagnostics ol').getByRole('button')).toHaveText([
    /^before\.ts:2:\d+ error TS2551: Property 'toFixed' does not exist on type 'string'\./,
  ]);
  await expect(output(page)).not.toContainText('START');
  // Fixed, it runs at once.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText("export const handler = async (event: { id: string }) => {\nconsole.log('fixed');\n");
  await page.keyboard.press('Control+Enter');
  await expect(output(page)).toContainText('fixed', { timeout: 15_000 });
  await expect(page.locator('.lfg-pg-diagnostics-summary')).toHaveText(/found no problems/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('both sides of the code show, with their titles, and no control that would do nothing', async ({ page }) => {
    await page.goto(sitePath('/playground/outbound-timeout/'));
    const root = playground(page);
    await expect(root.locator('.lfg-pg-panel')).toHaveCount(2);
    for (const panel of await root.locator('.lfg-pg-panel').all()) {
      await expect(panel).toBeVisible();
      await expect(panel.locator('.lfg-pg-panel-title')).toBeVisible();
    }
    await expect(root.getByRole('tab')).toHaveCount(0);
    await expect(root.getByRole('button', { name: 'Run' })).toBeHidden();
  });
});

test('with JavaScript the first paint already has the tabs, the first side alone and the controls', async ({
  page,
}) => {
  // Served without its module scripts, the page shows what the first paint shows: the element's
  // start then changes nothing on screen.
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(sitePath('/playground/outbound-timeout/'));
  const root = playground(page);
  await expect(root.getByRole('tab')).toHaveCount(2);
  await expect(root.locator('.lfg-pg-panel[data-side="before"]')).toBeVisible();
  await expect(root.locator('.lfg-pg-panel[data-side="after"]')).toBeHidden();
  await expect(root.getByRole('button', { name: 'Run' })).toBeVisible();
});
