import { z } from 'astro/zod';
import { factTokenPattern, factTokensToText, isFactId } from '../data/facts.ts';

/** The kinds of problem an entry can be filed under; each has an overview page. */
export const categories = [
  'timeouts',
  'memory',
  'cold-starts',
  'concurrency',
  'cost',
  'deployment',
  'permissions',
  'networking',
  'code-and-runtime',
  'event-sources',
  'integrations',
] as const;

/** When in a function's life the problem shows up. */
export const phases = ['init', 'invoke', 'deploy', 'configuration', 'event-source'] as const;

/** Runtimes an entry or a message applies to; `any` means the wording does not depend on it. */
export const runtimes = ['any', 'nodejs', 'python', 'java', 'dotnet', 'go', 'ruby', 'custom'] as const;

/** Entry ids are URL segments promised to outlive any refactor: lower-case kebab-case only. */
export const entryIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entryId = z.string().regex(entryIdPattern, 'must be kebab-case: lower-case letters, digits and single hyphens');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * Plain text that may state a registered fact as `:fact[id]` (src/data/facts.ts); the token becomes
 * the fact's words, since titles and summaries are shown where no link can go (index, search, lookup).
 */
const plainWithFacts = nonEmpty
  .refine(
    (text) => [...text.matchAll(factTokenPattern)].every((match) => isFactId(match[1] ?? '')),
    'names a fact that src/data/facts.ts does not register',
  )
  .transform(factTokensToText);

/** Like nonEmpty, but kept exactly as written: a message's trailing tab is part of the message. */
const verbatim = z.string().refine((text) => text.trim() !== '', 'must not be empty');

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/** A regular expression as it is stored in data: its source and flags, checked by compiling it. */
export const patternSchema = z
  .object({
    /** The expression's source, without delimiters. */
    source: nonEmpty,
    /** Flags such as `i`; `g` and `y` are refused because they make `test()` stateful. */
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'may only contain the flags i, m, s and u')
      .default(''),
    /**
     * The match is a general form: a wrapper that says how an error surfaced (an unhandled
     * rejection around its reason) or a bare denial (`is not authorized to perform`). When another
     * entry's pattern matches the same log event, that entry names the problem more precisely:
     * it is the answer, and this match counts only as its consequence.
     */
    yields: z.boolean().optional(),
  })
  .superRefine((pattern, ctx) => {
    try {
      new RegExp(pattern.source, pattern.flags);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: `is not a valid regular expression: ${(error as Error).message}`,
      });
    }
  });

/** One message exactly as Lambda, a runtime or an AWS API prints it. */
export const messageSchema = z.object({
  /** The message verbatim, as it appears in logs or an API response. Never paraphrased. */
  text: verbatim,
  /** The runtime that prints this wording, or `any`. */
  runtime: z.enum(runtimes),
  /** Where this exact wording was seen: an AWS documentation page, a source file or a public issue. */
  source: httpsUrl,
  /** Lambda's error type for this message, where it has one (`Runtime.ImportModuleError`, `Sandbox.Timedout`…). */
  errorType: z
    .string()
    .regex(/^[A-Za-z][\w.]*$/, 'must look like Runtime.ExitError')
    .optional(),
});

/**
 * A name or code the entry answers to wherever it appears in a paste: an exception or error-type
 * name (`TooManyRequestsException`, `Runtime.ExitError`), an errno code (`ENOTFOUND`), a throttle
 * reason, or an HTTP status with its reason phrase (`502 Bad Gateway`). The lookup finds it as a whole
 * token inside any SDK's or tool's wrapping, so list what the entry's messages do not already carry
 * as their `errorType`.
 */
export const entryNameSchema = z.object({
  /** The name exactly as printed; matched case-sensitively as a whole token. */
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][\w.:-]*(?: [A-Za-z][\w-]*)*$/,
      'must be a name such as TooManyRequestsException, ENOTFOUND or 502 Bad Gateway',
    ),
  /**
   * One line that tells this entry apart from the others answering to the same name ("the message
   * names the execution role"). Required when another entry lists the same name.
   */
  tell: nonEmpty.optional(),
});

/** One way to fix the problem, with code in both languages the guide supports. */
export const fixSchema = z.object({
  /** A short imperative title: it is also the index's "first action" for the first fix. */
  title: plainWithFacts,
  /** Markdown: what to change and why it works. */
  body: nonEmpty,
  /** The same fix in TypeScript and in Python; both are compiled in `npm test`. */
  code: z.object({
    /** TypeScript that type-checks against the real AWS SDK v3, @types/aws-lambda and Powertools. */
    typescript: nonEmpty,
    /** Python that compiles with `python3 -m py_compile`. */
    python: nonEmpty,
  }),
});

/** A CloudWatch metric worth watching for this problem. */
export const metricSchema = z.object({
  /** The metric's name as CloudWatch shows it, e.g. `Duration`. */
  name: nonEmpty,
  /** Its namespace; Lambda's own metrics live in `AWS/Lambda`. */
  namespace: nonEmpty.default('AWS/Lambda'),
  /** The statistic that shows the problem best, e.g. `Maximum` or `p99`. */
  statistic: nonEmpty,
  /** Markdown: what this metric tells you about the problem. */
  why: nonEmpty,
});

/** A CloudWatch Logs Insights query that finds the problem in a function's logs. */
export const insightsQuerySchema = z.object({
  /** What the query answers, e.g. "Timeouts per hour". */
  title: nonEmpty,
  /** The query text, in the Logs Insights language. */
  query: nonEmpty,
});

/** CloudWatch's comparison operators, as CloudFormation spells them. */
export const comparisons = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;

/** A dimension value written `${Name}` is a parameter: a CloudFormation parameter, a CDK argument. */
export const alarmParameterPattern = /^\$\{([A-Za-z][A-Za-z0-9]*)\}$/;

/** A CloudWatch alarm that fires when the entry's problem shows in a metric. */
export const alarmSchema = z
  .object({
    /** What the alarm watches, e.g. "Throttled invocations". Also names the generated construct. */
    title: nonEmpty,
    /** The metric's name, e.g. `Throttles`. */
    metric: nonEmpty,
    /** The metric's namespace; Lambda's own metrics live in `AWS/Lambda`. */
    namespace: nonEmpty.default('AWS/Lambda'),
    /** Dimension names and values; a value `${FunctionName}` becomes a parameter. Empty for account-wide metrics. */
    dimensions: z.record(z.string().regex(/^[A-Za-z][\w.-]*$/, 'must be a dimension name'), nonEmpty).default({}),
    /** `Sum`, `Average`, `Minimum`, `Maximum`, `SampleCount`, or a percentile such as `p99`. */
    statistic: z
      .string()
      .regex(
        /^(?:Sum|Average|Minimum|Maximum|SampleCount|p\d{1,2}(?:\.\d{1,2})?)$/,
        'must be Sum, Average, Minimum, Maximum, SampleCount or pNN',
      ),
    /** Seconds per datapoint: 10, 20 or 30 (high resolution) or a multiple of 60. */
    period: z
      .number()
      .int()
      .refine(
        (seconds) => [10, 20, 30].includes(seconds) || (seconds > 0 && seconds % 60 === 0),
        'must be 10, 20, 30 or a multiple of 60',
      ),
    /** The value the statistic is compared with. */
    threshold: z.number(),
    /** How the statistic is compared with the threshold. */
    comparison: z.enum(comparisons),
    /** How many periods are evaluated. */
    evaluationPeriods: z.number().int().min(1),
    /** How many of those periods must breach ("M out of N"); all of them when absent. */
    datapointsToAlarm: z.number().int().min(1).optional(),
    /** What a period without data means; `notBreaching` suits metrics that only appear when something goes wrong. */
    treatMissingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']).default('notBreaching'),
    /** Markdown: why this metric, statistic and threshold, and when to change them. */
    why: nonEmpty,
  })
  .refine((alarm) => alarm.datapointsToAlarm === undefined || alarm.datapointsToAlarm <= alarm.evaluationPeriods, {
    message: 'datapointsToAlarm cannot exceed evaluationPeriods',
    path: ['datapointsToAlarm'],
  });

/** A primary source for a fact on the page. */
export const referenceSchema = z.object({
  /** The source's title as it names itself. */
  title: nonEmpty,
  /** Its address. */
  url: httpsUrl,
});

/** The frontmatter of `content/errors/<id>.mdx`: everything the entry page, the index, search and the lookup use. */
export const errorEntrySchema = z.object({
  /** Equals the file name; the page lives at `/errors/<id>/` forever. */
  id: entryId,
  /** The name of the problem as an engineer would say it. */
  title: plainWithFacts,
  /** One sentence: what happened and its most likely cause. Shown in the index and search results. */
  summary: plainWithFacts.refine((text) => !/[.!?]\s+[A-Z]/.test(text), 'must be one sentence'),
  /** The category the entry is filed under. */
  category: z.enum(categories),
  /** When the problem occurs. */
  phase: z.enum(phases),
  /** The runtimes the problem applies to (`any` when it does not depend on the runtime). */
  runtimes: z.array(z.enum(runtimes)).min(1, 'must list at least one runtime'),
  /** The messages verbatim, per runtime, each with its source. */
  messages: z.array(messageSchema).min(1, 'must quote at least one message'),
  /** Names and codes the entry answers to beyond its messages' error types; see `entryNameSchema`. */
  names: z.array(entryNameSchema).default([]),
  /** Regular expressions that recognise the message in a pasted log line. */
  patterns: z.array(patternSchema).min(1, 'must have at least one pattern'),
  /** Markdown: why this happens. */
  cause: nonEmpty,
  /** Markdown items: situations that produce the error. */
  scenarios: z.array(nonEmpty).min(2, 'must describe at least two scenarios'),
  /** How to fix it, most useful first. */
  fixes: z.array(fixSchema).min(1, 'must give at least one fix'),
  /** Markdown items: how to stop it happening again. */
  prevention: z.array(nonEmpty).min(2, 'must give at least two prevention steps'),
  /** The CloudWatch metrics to watch. */
  metrics: z.array(metricSchema).min(1, 'must name at least one metric'),
  /** Logs Insights queries that find the problem. */
  insights: z.array(insightsQuerySchema).min(1, 'must give at least one Logs Insights query'),
  /** Ids of related entries; each must exist. */
  related: z.array(entryId),
  /** Primary sources for the facts on the page. */
  references: z.array(referenceSchema).min(1, 'must cite at least one reference'),
  /** Alarms that catch the problem in a metric, shown as CDK and CloudFormation under #alarms. */
  alarms: z.array(alarmSchema).optional(),
  /** Old ids that must keep resolving to this entry. */
  aliases: z.array(entryId).optional(),
  /** The date a person last checked the entry against its sources. */
  reviewed: z.coerce.date({ error: 'must be a date such as 2026-11-26' }),
});

export type ErrorEntry = z.infer<typeof errorEntrySchema>;
export type Alarm = z.infer<typeof alarmSchema>;
export type EntryName = z.infer<typeof entryNameSchema>;
export type ErrorEntryInput = z.input<typeof errorEntrySchema>;
export type Category = (typeof categories)[number];
export type Runtime = (typeof runtimes)[number];
