/**
 * The Lambda prices and billing rules the guide and the right-sizing calculator use. This is the
 * only place a price is written down: pages and code import it, so a price change is one edit
 * here (and a look at the tests, whose hand-computed figures use these rates).
 */

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
  requestPerMillion: 0.2,
  gbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  tier: 'the first volume tier (the first 6 billion GB-seconds a month on x86)',
  freeTier: { requests: 1_000_000, gbSeconds: 400_000 },
  source: 'https://aws.amazon.com/lambda/pricing/',
  readOn: '2026-11-26',
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
  granularityMs: 1,
  granularitySince: '2020-12-01',
  /** The rounding before `granularitySince`. */
  previousGranularityMs: 100,
  granularitySource: 'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/',
  /** Since this day the INIT phase is billed for on-demand .zip functions on managed runtimes too. */
  initBilledSince: '2025-08-01',
  initBilledSource: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase',
  /** Arm duration is priced this much below x86 (requests cost the same). */
  armDurationDiscount: 0.2,
  armSince: '2021-09-29',
  /** Compute Savings Plans: "save up to 17 percent on Lambda" (duration and provisioned concurrency). */
  savingsPlanMaxDiscount: 0.17,
  savingsPlanSource: 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html',
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
