/**
 * "Did you mean" suggestions. Damerau–Levenshtein over a few dozen short names is a dozen lines,
 * so it is written here rather than pulled in as a dependency.
 */

function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/** How many edits a word of this length may be away from a name and still be called a typo. */
const allowance = (length: number): number => (length <= 4 ? 1 : length <= 8 ? 2 : 3);

/**
 * The candidate closest to `word` (case-insensitively), if it is close enough to be a likely typo.
 * Ranking: a name the word abbreviates (`count_dist` → `count_distinct`) first, then the fewest
 * Damerau–Levenshtein edits within `allowance`, then the same first letter, then catalogue order.
 * A long name that merely contains a known one (`ipv4ToNumbr` vs `toNumber`) is too many edits away.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w === '') return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c === w) return candidate;
    let score: number;
    if (w.length >= 3 && c.startsWith(w)) score = (c.length - w.length) / 100;
    else {
      const distance = editDistance(w, c);
      if (distance > allowance(w.length)) continue;
      score = distance + (c[0] === w[0] ? 0 : 0.5);
    }
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
