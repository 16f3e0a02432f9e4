/**
 * Money and sizes for the builder's cost lines. The price itself is `insightsPrice` in
 * src/data/pricing.ts (from the registry of facts); the page hands it to the element as an
 * attribute, so the builder's script does not carry the whole registry (9 KB gzip) for one number.
 */

/** Bytes in the GB AWS bills by. */
const BYTES_PER_GB = 1e9;

/** The query charge for scanning `bytes` at `perGbScanned` US dollars per GB, in US dollars. */
export function scanCostUsd(bytes: number, perGbScanned: number): number {
  return (Math.max(0, bytes) / BYTES_PER_GB) * perGbScanned;
}

/** A byte count for people: `812 B`, `1.2 kB`, `3.4 MB`, `1.1 GB` (powers of 1,000). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${units[unit]}`;
}

/**
 * Dollars as people write them, never in exponent notation (`1.5e-7` read as a price is noise):
 * cents from one cent up (`$1,234.50`), and below a cent two significant digits in plain decimals
 * (`$0.00000015`), so a tiny query's cost and 100 GB's can be compared by their figures. Callers add
 * "less than a cent" in words (see `isBelowCent`) so nobody has to count zeros.
 */
export function formatUsd(usd: number): string {
  if (!(usd > 0)) return '$0';
  if (usd < 0.01) {
    const digits = Math.min(20, 1 - Math.floor(Math.log10(usd)));
    return `$${usd.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '')}`;
  }
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** True for an amount that rounds to less than a cent: the text then says so in words. */
export const isBelowCent = (usd: number): boolean =>
  usd > 0 && Number(formatUsd(usd).slice(1).replaceAll(',', '')) < 0.01;
