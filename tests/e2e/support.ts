import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { searchRanking } from '../../src/config/search';
import { getSiteLocation } from '../../src/config/site';
import { type ErrorEntry, errorEntrySchema } from '../../src/schema/errors';
import { readEntryFiles } from '../../src/schema/files';

const { base } = getSiteLocation();

/** A site path under the configured base path, e.g. `/errors/` → `/guide/errors/`. */
export function sitePath(path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** The entries as the site sees them: validated, with `:fact[id]` tokens in titles turned into text. */
export function readEntries(): ErrorEntry[] {
  return readEntryFiles().map(({ data }) => errorEntrySchema.parse(data));
}

/** Runs axe on the page (WCAG 2.x A and AA) and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/**
 * Site search through Pagefind's own JS API in the built site, with the ranking the search dialog
 * uses: for each query, the URLs of its first `limit` pages. One page load for any number of queries.
 */
export async function searchPages(page: Page, queries: readonly string[], limit: number): Promise<string[][]> {
  await page.goto(sitePath('/'));
  return page.evaluate(
    async ({ bundle, ranking, queries, limit }) => {
      const pagefind = await import(/* @vite-ignore */ bundle);
      await pagefind.options({ ranking });
      await pagefind.init();
      const found: string[][] = [];
      for (const query of queries) {
        const search = await pagefind.search(query);
        found.push(
          await Promise.all(
            search.results
              .slice(0, limit)
              .map(async (result: { data: () => Promise<{ url: string }> }) => (await result.data()).url),
          ),
        );
      }
      return found;
    },
    { bundle: sitePath('/pagefind/pagefind.js'), ranking: searchRanking, queries: [...queries], limit },
  );
}
