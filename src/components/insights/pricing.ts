import { insightsPrice } from '../../data/pricing';

export { insightsPrice };

/** Bytes in the GB AWS bills by. */
const BYTES_PER_GB = 1e9;

/** The query charge for scanning `bytes` at the us-east-1 list price, in US dollars. */
export function scanCostUsd(bytes: number): number {
  return (Math.max(0, bytes) / BYTES_PER_GB) * insightsPrice.perGbScanned;
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

/** Dollars with two significant digits when below a cent, so tiny amounts do not read as $0.00. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toPrecision(2).replace(/0+$/, '')}`;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
