/**
 * How site search (Pagefind, through Starlight's search dialog) ranks pages. One object, read by
 * Starlight's config (src/config/integrations.ts) and by the search e2e test, so the test ranks
 * exactly as the dialog does.
 *
 * The body weights are Starlight's defaults, written out so the test needs no copy of them.
 * `metaWeights` boosts a page whose metadata field matches the query, on top of the body score:
 * - `title`: Pagefind's default; every page's title.
 * - `names`: an entry's id as words, its messages' error types and its `names`
 *   (src/components/entry/search-keys.ts): the names a query for the entry uses, weighted above
 *   the title so `TooManyRequestsException` finds the entry that answers to it before a page that
 *   quotes it in a code sample.
 * - `aliases`: an entry's old ids as words (`lambda-timeout`), weighted highest because an old id
 *   is what runbooks and readers called the entry and carries words its title lacks.
 * Checked by tests/e2e/search-ranking.spec.ts against tests/fixtures/search/first-result.jsonl.
 */
export const searchRanking = {
  pageLength: 0.1,
  termFrequency: 0.1,
  termSaturation: 2,
  termSimilarity: 9,
  diacriticSimilarity: 0.8,
  metaWeights: { title: 5, names: 10, aliases: 20 },
};
