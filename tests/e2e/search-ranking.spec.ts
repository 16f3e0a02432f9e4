import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readEntries, searchPages, sitePath } from './support';

/**
 * Site search puts the entry a query names first: its title, old ids, error types and `names`
 * outrank pages that mention the same words in passing. Runs Pagefind's own JS API in the built
 * site with the ranking the search dialog uses, for every query in
 * tests/fixtures/search/first-result.jsonl (`{"q", "entry", "why"}`: what a reader types, the
 * entry that must come first, and why).
 */
interface SearchCase {
  q: string;
  entry: string;
  why: string;
}

const cases: SearchCase[] = readFileSync('tests/fixtures/search/first-result.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SearchCase);

test('the query list names real entries and is long enough to mean something', () => {
  const ids = new Set(readEntries().map((entry) => entry.id));
  expect(cases.length).toBeGreaterThanOrEqual(20);
  expect(cases.filter((item) => !ids.has(item.entry)).map((item) => item.entry)).toEqual([]);
  expect(cases.filter((item) => item.why.trim() === '').map((item) => item.q)).toEqual([]);
});

test('each query ranks its entry first', async ({ page }) => {
  const results = await searchPages(
    page,
    cases.map((item) => item.q),
    5,
  );
  const misses = cases.flatMap((item, index) => {
    const top = results[index] ?? [];
    if (top[0] === sitePath(`/errors/${item.entry}/`)) return [];
    const rank = top.indexOf(sitePath(`/errors/${item.entry}/`)) + 1;
    return [`"${item.q}": ${item.entry} is ${rank > 0 ? `#${rank}` : 'not in the first 5'}; first: ${top.join(', ')}`];
  });
  expect(misses).toEqual([]);
});
