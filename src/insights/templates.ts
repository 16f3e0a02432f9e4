/**
 * Ready-made Lambda queries with typed parameters: the three of the original guide (corrected)
 * and the ones AWS publishes (docs/reference/logs-insights.md §4).
 */

import { parseQuery } from './parser.ts';
import { type ConsoleUrlOptions, consoleUrl, type TimeRange } from './url.ts';

/** Values a reader can change. Log groups and the range go into the console link, the rest into the query. */
export interface TemplateValues {
  logGroups: string[];
  range: TimeRange;
  /** The `bin()` period, e.g. `5m`. */
  bin: string;
  /** How many rows a "top N" query keeps. */
  topN: number;
  /** An extra filter condition, e.g. `@logStream like /LATEST/`; empty for none. */
  filter: string;
}

export type TemplateParameter = keyof TemplateValues;

export const defaultValues: TemplateValues = {
  logGroups: [],
  range: { relativeSeconds: 3600 },
  bin: '5m',
  topN: 20,
  filter: '',
};

export interface QueryTemplate {
  id: string;
  title: string;
  /** One sentence: the question the query answers. */
  answers: string;
  source: { title: string; url: string };
  /** The query-text parameters it uses (log groups and range always apply). */
  parameters: readonly TemplateParameter[];
  /** The query text for the given values (defaults for the rest). Throws RangeError on invalid values. */
  render(values?: Partial<TemplateValues>): string;
}

const PERIOD = /^\d+(ms|s|m|h|d|w|mo|q|y)$/;

/** Problems with template values, each naming the parameter; empty when they are usable. */
export function checkValues(values: Partial<TemplateValues>): string[] {
  const problems: string[] = [];
  if (values.bin !== undefined && !PERIOD.test(values.bin))
    problems.push(`bin: '${values.bin}' is not a period such as 5m or 1h`);
  if (values.topN !== undefined && (!Number.isInteger(values.topN) || values.topN < 1 || values.topN > 10_000)) {
    problems.push(`topN: must be a whole number from 1 to 10,000`);
  }
  if (values.filter !== undefined && values.filter.trim() !== '') {
    const parsed = parseQuery(`filter ${values.filter}`);
    if (!parsed.ok || parsed.query.commands.length !== 1) {
      problems.push(`filter: ${parsed.ok ? 'must be a single condition' : parsed.errors[0]?.message}`);
    }
  }
  if (values.logGroups?.some((g) => g.trim() === '')) problems.push('logGroups: a log group name is empty');
  return problems;
}

function resolve(values: Partial<TemplateValues> = {}): TemplateValues {
  const problems = checkValues(values);
  if (problems.length) throw new RangeError(problems.join('; '));
  return { ...defaultValues, ...values };
}

/** The extra filter as a query line, or nothing. */
const extra = (v: TemplateValues) => (v.filter.trim() ? `\n| filter ${v.filter.trim()}` : '');

const SNIPPETS = 'https://github.com/aws-samples/serverless-snippets/tree/main';
const SAMPLES = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-examples.html';

function template(t: Omit<QueryTemplate, 'render'> & { build: (v: TemplateValues) => string }): QueryTemplate {
  const { build, ...rest } = t;
  return { ...rest, render: (values) => build(resolve(values)) };
}

export const templates: readonly QueryTemplate[] = [
  template({
    id: 'errors-by-type',
    title: 'Errors by type',
    answers: 'Which error types occur most often, counting each error line once?',
    source: { title: 'Sample queries (Amazon CloudWatch Logs User Guide)', url: SAMPLES },
    parameters: ['topN', 'filter'],
    // The original grouped by the whole @message (one row per distinct line) and sorted by
    // `count`, which is not a column: stats names it `count()` unless given an alias.
    build: (v) => `fields @timestamp, @message
| filter @message like /(?i)(error|exception)/${extra(v)}
| parse @message /(?<errorType>[A-Z][A-Za-z.]*(?:Error|Exception))\\b/
| filter ispresent(errorType)
| stats count(*) as errors by errorType
| sort errors desc
| limit ${v.topN}`,
  }),
  template({
    id: 'cold-starts',
    title: 'Cold starts and their cost',
    answers: 'How many invocations were cold starts, and how long did initialisation and the invocations take?',
    source: { title: 'Sample queries (Amazon CloudWatch Logs User Guide)', url: SAMPLES },
    parameters: ['bin', 'filter'],
    // The original averaged @duration over all invocations, warm and cold, and never counted
    // the cold starts; @initDuration exists only on a cold start's REPORT line.
    build: (v) => `filter @type = "REPORT"${extra(v)}
| stats count(*) as invocations,
    sum(ispresent(@initDuration)) as coldStarts,
    avg(@initDuration) as avgInitMs,
    max(@initDuration) as maxInitMs,
    max(@duration) as maxDurationMs
  by bin(${v.bin})`,
  }),
  template({
    id: 'memory-utilization',
    title: 'Memory utilisation',
    answers: 'What share of the configured memory do invocations use, on average and at worst?',
    source: { title: 'Sample queries (Amazon CloudWatch Logs User Guide)', url: SAMPLES },
    parameters: ['bin', 'filter'],
    // The original's ratio is right (both fields are bytes); its `fields` line was dead weight
    // under stats and an average alone hides the invocations that come close to the limit.
    build: (v) => `filter @type = "REPORT"${extra(v)}
| stats avg(@maxMemoryUsed / @memorySize * 100) as avgMemoryPct,
    max(@maxMemoryUsed / @memorySize * 100) as maxMemoryPct
  by bin(${v.bin})`,
  }),
  template({
    id: 'cold-start-share',
    title: 'Cold-start percentage',
    answers: 'What percentage of invocations were cold starts in each period, and what was the average duration?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-cold-start-invocations-byfunction',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-cold-start-invocations-byfunction`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @type = "REPORT"${extra(v)}
| stats sum(ispresent(@initDuration)) / count(*) * 100 as coldStartPct, avg(@duration)
  by bin(${v.bin})`,
  }),
  template({
    id: 'init-duration',
    title: 'Cold-start count and init duration',
    answers: 'How many cold starts were there, and how long did initialisation take on average and at worst?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-cold-starts-count-and-duration',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-cold-starts-count-and-duration`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @type = "REPORT" and ispresent(@initDuration)${extra(v)}
| stats count(*) as coldStarts, avg(@initDuration), min(@initDuration), max(@initDuration) by bin(${v.bin})`,
  }),
  template({
    id: 'duration-percentiles',
    title: 'Duration percentiles (p50, p90, p99)',
    answers: 'How long do typical and slowest invocations take in each period?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-percentile-duration-report',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-percentile-duration-report`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @type = "REPORT"${extra(v)}
| stats pct(@duration, 50) as p50, pct(@duration, 90) as p90, pct(@duration, 99) as p99, max(@duration) as maxMs
  by bin(${v.bin})`,
  }),
  template({
    id: 'over-provisioned-memory',
    title: 'Over-provisioned memory',
    answers: 'How much of the configured memory did the hungriest invocation leave unused?',
    source: {
      title: 'CloudWatch Logs Insights sample queries: Determine the amount of overprovisioned memory',
      url: SAMPLES,
    },
    parameters: ['filter'],
    build: (v) => `filter @type = "REPORT"${extra(v)}
| stats max(@memorySize / 1000 / 1000) as provisionedMemoryMB,
    min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB,
    avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB,
    max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB,
    provisionedMemoryMB - maxMemoryUsedMB as overProvisionedMB`,
  }),
  template({
    id: 'most-expensive-invocations',
    title: 'Most expensive invocations',
    answers: 'Which invocations were billed the longest durations?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-100-highest-billed-invocations',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-100-highest-billed-invocations`,
    },
    parameters: ['topN', 'filter'],
    build: (v) => `filter @type = "REPORT"${extra(v)}
| fields @requestId, @billedDuration, @memorySize / 1000 / 1000 as memoryMB
| sort @billedDuration desc
| limit ${v.topN}`,
  }),
  template({
    id: 'timeouts',
    title: 'Timeouts',
    answers: 'How many invocations hit the function timeout in each period?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-invocations-timed-out',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-invocations-timed-out`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @message like /Task timed out/${extra(v)}
| stats count(*) as timeouts by bin(${v.bin})`,
  }),
  template({
    id: 'process-exited',
    title: 'Runtime crashes (process exited)',
    answers: 'How many invocations ended because the runtime process exited, often out of memory?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-invocation-where-lambda-exited',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-invocation-where-lambda-exited`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @message like /Process exited/${extra(v)}
| stats count(*) as exits by bin(${v.bin})`,
  }),
  template({
    id: 'memory-at-limit',
    title: 'Invocations at 100% memory',
    answers: 'How many invocations used all of their configured memory (and were likely killed for it)?',
    source: {
      title: 'aws-samples/serverless-snippets: cloudwatch-insight-lambda-max-assigned-memory',
      url: `${SNIPPETS}/cloudwatch-insight-lambda-max-assigned-memory`,
    },
    parameters: ['bin', 'filter'],
    build: (v) => `filter @type = "REPORT" and @maxMemoryUsed >= @memorySize${extra(v)}
| stats count_distinct(@requestId) as invocationsAtLimit by bin(${v.bin})`,
  }),
];

export function getTemplate(id: string): QueryTemplate | undefined {
  return templates.find((t) => t.id === id);
}

/** The console link that opens a template with the given values. */
export function templateUrl(
  t: QueryTemplate,
  values: Partial<TemplateValues> & Pick<ConsoleUrlOptions, 'region'>,
): string {
  const v = { ...defaultValues, ...values };
  return consoleUrl({ region: values.region, logGroups: v.logGroups, range: v.range, query: t.render(values) });
}
