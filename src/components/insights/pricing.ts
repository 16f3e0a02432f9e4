/**
 * The Logs Insights query price the cost hint uses. One constant, with its date and source, so a
 * price change is one edit. (src/data/pricing.ts holds the Lambda prices; this could move there.)
 */
export const insightsPrice = {
  region: 'us-east-1',
  /** US dollars per GB of log data scanned (1 GB = 10^9 bytes, as AWS bills data volumes). */
  perGbScanned: 0.005,
  source: 'https://aws.amazon.com/cloudwatch/pricing/',
  sourceTitle: 'Amazon CloudWatch pricing',
  /**
   * The day the figure was checked. The pricing page renders its tables in the browser; the figure
   * is the one it lists for US East (N. Virginia) under Logs → Analyze (Logs Insights queries), as
   * quoted in dated copies (infracost's price-list tests; c3x.dev, June 2026) and in
   * docs/reference/logs-insights.md §6.
   */
  checkedOn: '2026-11-26',
} as const;

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
