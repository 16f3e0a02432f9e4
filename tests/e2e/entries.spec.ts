import { expect, test } from '@playwright/test';
import { EXAMPLES } from '../../playground/examples/catalogue';
import { entrySections } from '../../src/config/entry-sections';
import { customPages } from '../../src/config/routes';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

const entries = readEntries();

test.describe('entry pages', () => {
  // Every entry's served HTML, read with the browser's own parser: one page for all of them (a
  // navigation per entry cost four to six seconds each on CI's two cores). What it checks is the
  // document (headings, anchors, messages), which needs no rendering.
  test('every entry shows every section under its fixed anchor', async ({ page }) => {
    await page.goto(sitePath('/errors/'));
    const pages = await page.evaluate(
      async (paths) => {
        const normalize = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
        const parser = new DOMParser();
        return Promise.all(
          paths.map(async (path) => {
            const response = await fetch(path);
            const doc = parser.parseFromString(await response.text(), 'text/html');
            const sections: Record<string, string | null> = {};
            for (const heading of doc.querySelectorAll('h2[id]')) sections[heading.id] = normalize(heading.textContent);
            return {
              status: response.status,
              title: normalize(doc.querySelector('h1')?.textContent),
              sections,
              messages: [...doc.querySelectorAll('.lfg-message')].map((node) => node.textContent ?? ''),
              fixes: doc.querySelectorAll('section.lfg-fix h3').length,
              typeScriptTabs: [...doc.querySelectorAll('[role="tab"]')].filter(
                (tab) => normalize(tab.textContent) === 'TypeScript',
              ).length,
            };
          }),
        );
      },
      entries.map((entry) => sitePath(`/errors/${entry.id}/`)),
    );

    const problems = entries.flatMap((entry, index) => {
      const found = pages[index];
      if (!found) return [`${entry.id}: not read`];
      if (found.status !== 200) return [`${entry.id}: HTTP ${found.status}`];
      const wrong: string[] = [];
      if (found.title !== entry.title) wrong.push(`h1 is "${found.title}"`);
      for (const { anchor, title } of entrySections)
        if (found.sections[anchor] !== title) wrong.push(`h2#${anchor} is ${JSON.stringify(found.sections[anchor])}`);
      // Every verbatim message is on the page, exactly.
      if (JSON.stringify(found.messages) !== JSON.stringify(entry.messages.map((message) => message.text)))
        wrong.push("the messages differ from the entry's");
      // One heading and one TypeScript/Python tab pair per fix.
      if (found.fixes !== entry.fixes.length) wrong.push(`${found.fixes} fix headings for ${entry.fixes.length} fixes`);
      if (found.typeScriptTabs !== entry.fixes.length)
        wrong.push(`${found.typeScriptTabs} TypeScript tabs for ${entry.fixes.length} fixes`);
      return wrong.map((problem) => `${entry.id}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  test('an entry page shows its sections as a reader sees them', async ({ page }) => {
    const entry = entries.find((candidate) => candidate.id === 'task-timed-out') ?? entries[0];
    if (!entry) throw new Error('no entries');
    await page.goto(sitePath(`/errors/${entry.id}/`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
    for (const { anchor, title } of entrySections) {
      await expect(page.locator(`h2#${anchor}`), `#${anchor}`).toHaveText(title);
    }
  });

  test('fix tabs stay in sync across the page and across reloads', async ({ page }) => {
    const entry = entries.find((candidate) => candidate.fixes.length > 1);
    test.skip(!entry, 'needs an entry with two fixes');
    await page.goto(sitePath(`/errors/${entry?.id}/`));
    await page.getByRole('tab', { name: 'Python', exact: true }).first().click();
    for (const tab of await page.getByRole('tab', { name: 'Python', exact: true }).all()) {
      await expect(tab).toHaveAttribute('aria-selected', 'true');
    }
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Python', exact: true }).last()).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  test('code blocks have copy buttons', async ({ page }) => {
    await page.goto(sitePath('/errors/task-timed-out/'));
    await expect(page.getByRole('button', { name: /copy/i }).first()).toBeAttached();
  });

  test('an entry page has no axe violations', async ({ page }) => {
    // The longest entry (five playgrounds, alarms, runbooks): axe reads every node, which takes
    // longer than the default 30 s on a busy two-core machine. A time limit, not a speed target.
    test.setTimeout(120_000);
    await page.goto(sitePath('/errors/task-timed-out/'));
    await expectNoAxeViolations(page);
  });
});

test.describe('aliases', () => {
  const aliased = entries.flatMap((entry) => (entry.aliases ?? []).map((alias) => ({ alias, entry })));

  test('there is at least one alias to test', () => {
    expect(aliased.length).toBeGreaterThan(0);
  });

  for (const { alias, entry } of aliased) {
    test(`/errors/${alias}/ redirects to /errors/${entry.id}/, keeping the anchor`, async ({ page }) => {
      await page.goto(sitePath(`/errors/${alias}/#fix`));
      await expect(page).toHaveURL(new RegExp(`/errors/${entry.id}/#fix$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
    });
  }
});

test.describe('promised anchors on other pages', () => {
  for (const [path, anchors] of Object.entries(customPages)) {
    test(`${path} has ${anchors.length ? anchors.map((anchor) => `#${anchor}`).join(', ') : 'no promised anchors'}`, async ({
      page,
    }) => {
      const response = await page.goto(sitePath(path));
      expect(response?.status()).toBe(200);
      for (const anchor of anchors) await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1);
    });
  }
});

test.describe('alarms', () => {
  const withAlarms = entries.filter((entry) => (entry.alarms?.length ?? 0) > 0);

  for (const entry of withAlarms) {
    test(`${entry.id} shows its alarms as CDK and CloudFormation, linking back`, async ({ page }) => {
      await page.goto(sitePath(`/errors/${entry.id}/#alarms`));
      await expect(page.locator('h2#alarms')).toHaveText('Alarms');
      const section = page.locator('section[aria-labelledby^="alarm-"]');
      await expect(section).toHaveCount(entry.alarms?.length ?? 0);
      await expect(page.getByRole('tab', { name: 'AWS CDK (TypeScript)' })).toHaveCount(entry.alarms?.length ?? 0);
      const cloudFormation = page.getByRole('tab', { name: 'CloudFormation (YAML)' }).first();
      await cloudFormation.click();
      const panel = page.getByRole('tabpanel').filter({ hasText: 'AWS::CloudWatch::Alarm' }).first();
      await expect(panel).toContainText(`/errors/${entry.id}/`);
      await expect(panel).toContainText('/lookup/?q=');
      await expect(page.locator('#runbook')).toBeVisible();
    });
  }

  test('alarm links point at the site the snippet is read on, and the copy button copies them', async ({ page }) => {
    const entry = withAlarms[0];
    test.skip(!entry, 'no entry has alarms');
    await page.goto(sitePath(`/errors/${entry?.id}/#alarms`));
    // Built with SITE_URL the links use it; built without, they follow the page's own origin.
    const origin = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : new URL(page.url()).origin;
    const expected = `${origin}${sitePath(`/errors/${entry?.id}/`)}`;
    const panel = page.getByRole('tabpanel').filter({ hasText: 'new cloudwatch.Alarm' }).first();
    await expect(panel).toContainText(expected);
    const copy = panel.locator('[data-code]').first();
    expect(await copy.getAttribute('data-code')).toContain(expected);
    if (!process.env.SITE_URL) await expect(panel).not.toContainText('http://localhost:4321');
  });

  test('the alarms page lists every alarm with a link to its entry', async ({ page }) => {
    await page.goto(sitePath('/alarms/'));
    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(withAlarms.reduce((sum, entry) => sum + (entry.alarms?.length ?? 0), 0));
    for (const entry of withAlarms) {
      await expect(page.locator(`a[href="${sitePath(`/errors/${entry.id}/#alarms`)}"]`).first()).toBeVisible();
    }
  });
});

test.describe('playgrounds on entry pages', () => {
  const covered = [...new Set(Object.values(EXAMPLES).flatMap((example) => example.relatedErrors))].filter((id) =>
    entries.some((entry) => entry.id === id),
  );

  test('at least one entry embeds a playground', () => {
    expect(covered.length).toBeGreaterThan(0);
  });

  for (const id of covered) {
    test(`${id} embeds its playgrounds under #playground`, async ({ page }) => {
      // #playground opens the playgrounds folded after the first one.
      await page.goto(sitePath(`/errors/${id}/#playground`));
      await expect(page.locator('h2#playground')).toHaveText('Try the fix');
      const expected = Object.values(EXAMPLES).filter((example) => example.relatedErrors.includes(id)).length;
      await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(expected);
    });
  }
});
