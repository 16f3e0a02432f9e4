import { expect, type Page, test } from '@playwright/test';
import { builderUrl, entryBuilderUrl } from '../../src/components/insights/links';
import { consoleUrl, getTemplate } from '../../src/insights';
import { expectNoAxeViolations, readEntries, sitePath } from './support';

const builder = sitePath('/insights/');
/** The site's base path, for builderUrl outside Vite. */
const base = sitePath('/');

async function open(page: Page, path = builder) {
  await page.goto(path);
  // The page shows the Run section from its first frame; the element's script arrives after it.
  await expect(page.locator('lfg-insights:defined')).toBeAttached();
}

/** Holds back the builder's script (fetched after the first paint) until the returned function is called. */
async function holdBuilderScript(page: Page, outcome: 'continue' | 'abort' = 'continue') {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/builder(\.[\w-]+)?\.(js|ts)(\?.*)?$/, async (route) => {
    await released;
    await (outcome === 'abort' ? route.abort() : route.continue());
  });
  return release;
}

const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Query (editable)' });
const runStatus = (page: Page) => page.locator('[data-iq-run-status]');

test.describe('the Logs Insights query builder', () => {
  test('runs the cold-start template on the sample logs and charts it by bin', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'Cold starts and their cost' }).check();
    await expect(queryBox(page)).toHaveValue(getTemplate('cold-starts')?.render() ?? 'missing template');
    // A bad parameter is named beside its field and leaves the query as it was.
    await page.getByLabel('Bin size').fill('5 minutes');
    await expect(page.locator('#iq-bin-error')).toHaveText("'5 minutes' is not a period such as 5m or 1h");
    await expect(page.getByLabel('Bin size')).toHaveAttribute('aria-invalid', 'true');
    await expect(queryBox(page)).toHaveValue(/by bin\(5m\)$/);
    await page.getByLabel('Extra filter (optional)').fill('@duration > 10');
    await page.getByLabel('Bin size').fill('10m');
    await expect(page.locator('#iq-bin-error')).toBeHidden();
    await expect(queryBox(page)).toHaveValue(
      getTemplate('cold-starts')?.render({ bin: '10m', filter: '@duration > 10' }) ?? 'missing template',
    );
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toContainText('in the sample logs matched');
    const table = page.getByRole('table', { name: /Results on the sample logs/ });
    await expect(table.getByRole('columnheader')).toHaveText([
      'bin(10m)',
      'invocations',
      'coldStarts',
      'avgInitMs',
      'maxInitMs',
      'maxDurationMs',
    ]);
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    // One point per bin, and a text alternative that names the column and the bins.
    const chart = page.getByRole('img', { name: /Chart of the query results over time/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(rows);
    await expect(page.locator('.lfg-iq-chart figcaption')).toContainText(
      `Line chart of invocations per 10m bin: ${rows} bins`,
    );
    await page.getByLabel('Column to chart').selectOption('coldStarts');
    await expect(page.locator('.lfg-iq-chart figcaption')).toContainText('Line chart of coldStarts');
    // The cost hint is computed from the size of the logs the query read.
    await expect(page.locator('[data-iq-cost]')).toContainText(/a query over [\d.]+ (kB|MB) of logs/);
  });

  test('reports an invalid query with its line and column and moves the caret there', async ({ page }) => {
    await open(page);
    const box = queryBox(page);
    await box.fill('fields @timestamp\n| fliter @duration > 100');
    const problem = page.getByRole('button', { name: /^Line 2, column 3: / });
    await expect(problem).toContainText('fliter');
    await expect(page.locator('[data-iq-problems-status]')).toContainText('Line 2, column 3');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.lfg-iq-tok-problem')).toHaveText('fliter');
    await problem.click();
    await expect(box).toBeFocused();
    const selection = await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]);
    expect(selection).toEqual([20, 26]);
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toContainText('The query has a problem');
    await expect(page.getByRole('table')).toHaveCount(0);
    // Fixing it clears the problem.
    await box.fill('fields @timestamp\n| filter @duration > 100');
    await expect(page.locator('[data-iq-problems-status]')).toHaveText('The query is valid.');
    await expect(box).toHaveAttribute('aria-invalid', 'false');
  });

  test('the console link carries the query, log groups, Region and time range', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'Timeouts', exact: true }).check();
    await page.getByLabel('Log groups (one per line)').fill('/aws/lambda/orders\n/aws/lambda/payments');
    await page.getByLabel('Time range').selectOption({ label: 'Last 3 hours' });
    await page.getByLabel('Region').fill('eu-west-1');
    const query = getTemplate('timeouts')?.render() ?? 'missing template';
    const link = page.getByRole('link', { name: /Open in CloudWatch Logs Insights/ });
    const expected = consoleUrl({
      region: 'eu-west-1',
      logGroups: ['/aws/lambda/orders', '/aws/lambda/payments'],
      range: { relativeSeconds: 10_800 },
      query,
    });
    await expect(link).toHaveAttribute('href', expected);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);

    await page.getByLabel('Time range').selectOption({ label: 'Between two times (UTC)' });
    await page.getByLabel('Start (UTC)').fill('2024-03-04T12:00');
    await page.getByLabel('End (UTC)').fill('2024-03-04T13:30');
    await expect(link).toHaveAttribute(
      'href',
      consoleUrl({
        region: 'eu-west-1',
        logGroups: ['/aws/lambda/orders', '/aws/lambda/payments'],
        range: { start: '2024-03-04T12:00:00Z', end: '2024-03-04T13:30:00Z' },
        query,
      }),
    );

    await page.getByLabel('Region').fill('Ireland');
    await expect(page.locator('[data-iq-console-error]')).toContainText('Region');
    // Without a usable Region there is no link to follow (and no link role).
    await expect(page.locator('[data-iq-console]')).not.toHaveAttribute('href', /.*/);
    await page.getByLabel('Region').fill('eu-west-1');
    await expect(link).toHaveAttribute('href', /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\//);
  });

  test('?q= loads a query as text, never as markup', async ({ page }) => {
    const payload = 'fields @message\n| filter @message like "<img src=x onerror=alert(1)>"\n| limit 5';
    await open(page, builderUrl(payload, base));
    await expect(queryBox(page)).toHaveValue(payload);
    await expect(page.getByRole('radio', { name: 'Your own query' })).toBeChecked();
    await expect(page.locator('[data-iq-highlight]')).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('lfg-insights img')).toHaveCount(0);

    const broken = '<script>document.title="pwned"</script>';
    await open(page, builderUrl(broken, base));
    await expect(queryBox(page)).toHaveValue(broken);
    await expect(page.getByRole('button', { name: /^Line 1, column 32: Unterminated regex/ })).toBeVisible();
    await expect(page.locator('lfg-insights script')).toHaveCount(0);
    expect(await page.title()).not.toBe('pwned');
  });

  test('runs on pasted logs without any network request', async ({ page }) => {
    await open(page);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.getByRole('radio', { name: 'Most expensive invocations' }).check();
    const report = (id: string, billed: number) =>
      `REPORT RequestId: 0000000${id}-1111-4111-8111-111111111111\tDuration: ${billed - 0.5} ms\tBilled Duration: ${billed} ms\tMemory Size: 256 MB\tMax Memory Used: 90 MB\t`;
    await page.getByLabel('Paste your logs').fill([report('1', 120), report('2', 900), report('3', 45)].join('\n'));
    await expect(page.getByRole('radio', { name: 'The logs I paste below' })).toBeChecked();
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toContainText('3 rows: 3 of 3 log events in your logs matched.');
    const table = page.getByRole('table', { name: /Results on your logs: 3 rows/ });
    await expect(table.locator('tbody tr td:nth-child(2)')).toHaveText(['900', '120', '45']);
    await expect(table.locator('tbody tr td:nth-child(3)').first()).toHaveText('256');
    await expect(page.getByRole('img', { name: /Chart/ })).toHaveCount(0);
    expect(requests).toEqual([]);
  });

  test('narrows a console CSV export by log group with SOURCE, and says when a paste has no @log', async ({ page }) => {
    await open(page);
    const csv = [
      '@timestamp,@log,@message',
      '2024-05-01 10:00:03.000,111122223333:/aws/lambda/api,"{""requestId"":""a"",""status"":502}"',
      '2024-05-01 10:00:02.000,111122223333:/aws/lambda/api,"{""requestId"":""b"",""status"":200}"',
      '2024-05-01 10:00:01.000,111122223333:/aws/lambda/worker,"{""requestId"":""a"",""errorType"":""Timeout""}"',
    ].join('\n');
    await page.getByLabel('Paste your logs').fill(csv);
    await queryBox(page).fill("SOURCE logGroups(namePrefix: ['/aws/lambda/api']) | stats count(*) as n by @log");
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toHaveText('1 row: 2 of 3 log events in your logs matched.');
    const table = page.getByRole('table', { name: /Results on your logs: 1 row/ });
    await expect(table.locator('tbody tr td')).toHaveText(['111122223333:/aws/lambda/api', '2']);
    // A subquery over the same paste: the API requests that failed downstream.
    await queryBox(page).fill(
      'filter requestId in (SOURCE \'/aws/lambda/worker\' | filter errorType = "Timeout" | fields requestId) | filter ispresent(status) | fields requestId, status',
    );
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(page.getByRole('table', { name: /1 row/ }).locator('tbody tr td')).toHaveText(['a', '502']);
    await page.getByLabel('Paste your logs').fill('2024-05-01T10:00:00.000Z hello');
    await queryBox(page).fill("SOURCE logGroups(namePrefix: ['/aws/lambda/api']) | stats count(*) as n");
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toContainText('carry no @log (log group), so SOURCE cannot narrow them');
  });

  test('stops a run that takes too long, and the next run works', async ({ page }) => {
    await open(page);
    await page.locator('lfg-insights').evaluate((element: HTMLElement) => {
      element.dataset.runLimitMs = '1500';
    });
    await page.getByLabel('Paste your logs').fill(`${'a'.repeat(40)}b`);
    // (a|a)* tries 2^40 ways to match before failing: the worker never answers in time.
    await queryBox(page).fill('filter @message like /^(a|a)*$/');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toContainText('Stopped: the query ran for more than 2 seconds', { timeout: 10_000 });
    // The page stayed responsive meanwhile, and a fresh worker answers the next run.
    await queryBox(page).fill('filter @message like /b$/');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toHaveText('1 row: 1 of 1 log event in your logs matched.');
  });

  test('says so when asked to run on an empty paste', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'The logs I paste below' }).check();
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(runStatus(page)).toHaveText('Paste some log lines into “Paste your logs” first.');
    await expect(page.getByLabel('Paste your logs')).toBeFocused();
  });

  test('copies the query with a status message', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    await page.getByRole('button', { name: 'Copy query' }).click();
    await expect(page.locator('[data-iq-copy-status]')).toHaveText(/Copied|selected/);
  });

  test('has no axe violations, before and after a run with a chart', async ({ page }) => {
    test.setTimeout(90_000); // three axe scans of a long page: a busy machine needs more than 30 s
    await open(page);
    await expectNoAxeViolations(page);
    await page.getByRole('radio', { name: 'Cold starts and their cost' }).check();
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(page.getByRole('img', { name: /Chart/ })).toBeVisible();
    await queryBox(page).fill('fliter x');
    await expect(page.getByRole('button', { name: /^Line 1, column 1/ })).toBeVisible();
    await page.getByText('The first lines of the sample logs').click();
    await expectNoAxeViolations(page);
    // The highlight colours must read on the dark theme too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await queryBox(page).fill('filter @type = "REPORT" and @message like /x/ # c\n| stats count(*) by bin(5m)');
    await expect(page.locator('.lfg-iq-tok-comment')).toHaveText('# c');
    await expectNoAxeViolations(page);
  });

  test('every control is reachable from the keyboard', async ({ page }) => {
    await open(page);
    await page.getByRole('radio', { name: 'Cold starts and their cost' }).check();
    await page.getByRole('radio', { name: 'Cold starts and their cost' }).focus();
    // Start one stop before the goals, so the first Tab must reach the checked goal itself.
    await page.keyboard.press('Shift+Tab');
    const controls = [
      'iq-goal-cold-starts',
      'iq-log-groups',
      'iq-range',
      'iq-bin',
      'iq-filter',
      'iq-query',
      'copy',
      'iq-region',
      'console',
      'source',
      'iq-logs',
      'run',
    ];
    const reached = new Set<string>();
    for (let i = 0; i < 60 && reached.size < controls.length; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('lfg-insights')) return '';
        if (el.matches('[data-iq-copy]')) return 'copy';
        if (el.matches('[data-iq-console]')) return 'console';
        if (el.matches('[data-iq-run]')) return 'run';
        if (el.matches('input[name="source"]')) return 'source';
        return el.id;
      });
      if (id) reached.add(id);
    }
    expect([...reached].filter((id) => controls.includes(id)).sort()).toEqual([...controls].sort());
    // Radio groups are one stop: arrow keys choose within them.
    await page.getByRole('radio', { name: 'Cold starts and their cost' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Memory utilisation' })).toBeChecked();
    await expect(queryBox(page)).toHaveValue(getTemplate('memory-utilization')?.render() ?? 'missing');
  });

  test('an entry query reaches a result on sample logs and the console link in two steps', async ({ page }) => {
    const entry = readEntries().find((e) => e.id === 'task-timed-out');
    const query = entry?.insights[0]?.query ?? '';
    expect(query).toContain('Task timed out');
    // Click 1: "Open in builder" under the entry's first query; click 2: Run.
    await page.goto(sitePath('/errors/task-timed-out/'));
    const link = page.getByRole('link', { name: /^Open in builder/ }).first();
    await expect(link).toHaveAttribute('href', entryBuilderUrl('task-timed-out', query, base));
    await link.click();
    await expect(queryBox(page)).toHaveValue(query.trim());
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(page.getByRole('table', { name: /Results on the sample logs/ }).locator('tbody tr')).not.toHaveCount(
      0,
    );
    await expect(page.getByRole('table').locator('tbody tr').first()).toContainText('Task timed out');
    await expect(page.getByRole('link', { name: /Open in CloudWatch Logs Insights/ })).toBeVisible();
  });
});

test('a query typed before the builder’s script arrives is kept, checked and runs', async ({ page }) => {
  const release = await holdBuilderScript(page);
  await page.goto(builder);
  await queryBox(page).fill('fields @message | filter @message like /Task timed out/ | limit 1');
  release();
  await expect(page.locator('lfg-insights:defined')).toBeAttached();
  await expect(queryBox(page)).toHaveValue('fields @message | filter @message like /Task timed out/ | limit 1');
  await expect(page.getByText('You have edited it')).toBeVisible();
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(runStatus(page)).toHaveText(/^1 row: /);
  // A query typed with a mistake gets its problem listed as soon as the script is there.
  const second = await page.context().newPage();
  const releaseSecond = await holdBuilderScript(second);
  await second.goto(builder);
  await queryBox(second).fill('fields @message | sort @timestamp dsc');
  releaseSecond();
  await expect(second.locator('[data-iq-problems]')).not.toBeEmpty();
  await expect(queryBox(second)).toHaveAttribute('aria-invalid', 'true');
});

test('if the builder’s script cannot load, the page says so where a run would report', async ({ page }) => {
  const release = await holdBuilderScript(page, 'abort');
  await page.goto(builder);
  release();
  await expect(runStatus(page)).toHaveText('The builder’s script did not load, so Run does nothing: reload the page.');
});

test("without JavaScript, the first goal's query is readable and the console link opens it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(builder);
  await expect(page.getByText('Choosing goals, checking and running queries happen in your browser')).toBeVisible();
  const query = getTemplate('errors-by-type')?.render() ?? 'missing';
  await expect(page.getByRole('textbox', { name: 'Query (editable)' })).toHaveValue(query);
  const fill = await page.locator('#iq-query').evaluate((el) => getComputedStyle(el).webkitTextFillColor);
  expect(fill).not.toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('link', { name: /Open in CloudWatch Logs Insights/ })).toHaveAttribute(
    'href',
    consoleUrl({ region: 'us-east-1', logGroups: [], range: { relativeSeconds: 3600 }, query }),
  );
  await expect(page.getByRole('button', { name: 'Run query' })).toBeHidden();
  await context.close();
});
