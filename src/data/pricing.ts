/**
 * The Lambda prices and billing rules the guide and the right-sizing calculator use, in the shape
 * the calculator wants. The figures themselves live in the registry of facts (src/data/facts.ts),
 * with their sources and the day they were checked: a price change is one edit there (and a look
 * at the tests, whose hand-computed figures use these rates).
 */
import { facts } from './facts';

/** The two instruction-set architectures a function can run on. */
export type Architecture = 'x86_64' | 'arm64';

export const architectures: readonly Architecture[] = ['x86_64', 'arm64'];

export const architectureLabels: Record<Architecture, string> = {
  x86_64: 'x86_64',
  arm64: 'arm64 (Graviton2)',
};

export interface LambdaPrices {
  /** The AWS Region the rates are for. */
  region: string;
  currency: 'USD';
  /** Price of one million requests (invocations), the same on both architectures. */
  requestPerMillion: number;
  /** On-demand duration price per GB-second, first monthly volume tier. */
  gbSecond: Record<Architecture, number>;
  /** What the first tier covers, in words. */
  tier: string;
  /** The monthly free tier, shared by both architectures. The calculator does not subtract it. */
  freeTier: { requests: number; gbSeconds: number };
  /** Where the rates are published. */
  source: string;
  /** The day the rates were checked (ISO date). */
  readOn: string;
  /** How they were checked, for a reader who wants to re-check them. */
  checkedAgainst: readonly { title: string; url: string }[];
}

/**
 * On-demand prices, US East (N. Virginia), first tier. The pricing page renders its rate tables
 * in the browser; the figures below are the ones it shows and the ones AWS's own worked examples
 * use: $0.20 per million requests, $0.0000166667 per GB-second on x86, and Arm duration 20 %
 * lower ($0.0000166667 × 0.8 = $0.00001333336, published rounded as $0.0000133334).
 */
export const lambdaPrices = {
  region: 'us-east-1',
  currency: 'USD',
  requestPerMillion: facts['price-requests'].value,
  gbSecond: { x86_64: facts['price-gb-second-x86'].value, arm64: facts['price-gb-second-arm'].value },
  tier: 'the first volume tier (the first 6 billion GB-seconds a month on x86_64, 7.5 billion on arm64)',
  freeTier: { requests: facts['free-tier-requests'].value, gbSeconds: facts['free-tier-gb-seconds'].value },
  source: facts['price-requests'].source.url,
  readOn: facts['price-requests'].checked,
  checkedAgainst: [
    { title: 'AWS Lambda pricing', url: 'https://aws.amazon.com/lambda/pricing/' },
    {
      title: 'New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings (AWS News Blog, 1 Dec 2020)',
      url: 'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/',
    },
    {
      title: 'AWS Lambda Functions Powered by AWS Graviton2 Processor (AWS News Blog, 29 Sep 2021)',
      url: 'https://aws.amazon.com/blogs/aws/aws-lambda-functions-powered-by-aws-graviton2-processor-run-your-functions-on-arm-and-get-up-to-34-better-price-performance/',
    },
    {
      title: 'How AWS Pricing Works: Lambda',
      url: 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html',
    },
  ],
} as const satisfies LambdaPrices;

/** How duration is measured and rounded for billing, with the dates the rules changed. */
export const billingRules = {
  /** Billed duration is rounded up to this many milliseconds. */
  granularityMs: facts['billing-granularity'].value,
  granularitySince: facts['billing-granularity'].since,
  /** The rounding before `granularitySince`. */
  previousGranularityMs: facts['billing-granularity'].history[0].value,
  granularitySource: facts['billing-granularity'].source.url,
  /** Since this day the INIT phase is billed for on-demand .zip functions on managed runtimes too. */
  initBilledSince: facts['init-billing'].value,
  initBilledSource: facts['init-billing'].source.url,
  /** Arm duration is priced this much below x86 (requests cost the same). */
  armDurationDiscount: facts['arm-duration-discount'].value / 100,
  armSince: facts['arm-duration-discount'].since,
  /** Compute Savings Plans: "save up to 17 percent on Lambda" (duration and provisioned concurrency). */
  savingsPlanMaxDiscount: facts['savings-plan-max'].value / 100,
  savingsPlanSource: facts['savings-plan-max'].source.url,
} as const;

/** Formats a date of this file (`2026-11-26`) for prose: `26 November 2026`. */
export function formatPriceDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The Logs Insights query price the cost hint uses. One constant, with its date and source, so a
 * price change is one edit.
 */
export const insightsPrice = {
  region: 'us-east-1',
  /** US dollars per GB of log data scanned (1 GB = 10^9 bytes, as AWS bills data volumes). */
  perGbScanned: facts['insights-scan-price'].value,
  source: facts['insights-scan-price'].source.url,
  sourceTitle: facts['insights-scan-price'].source.title,
  /**
   * The day the figure was checked. The pricing page renders its tables in the browser; the figure
   * is the one it lists for US East (N. Virginia) under Logs → Analyze (Logs Insights queries), as
   * quoted in dated copies (infracost's price-list tests; c3x.dev, June 2026) and in
   * docs/reference/logs-insights.md §6.
   */
  checkedOn: facts['insights-scan-price'].checked,
} as const;
