/**
 * The registry of facts: every Lambda limit, quota, default, price and dated change the guide states,
 * written down once with its unit, the sentence that states it, its source, the day it was checked and
 * the values it had before. Pages state a fact through the registry, never by hand:
 *
 * - in MDX (guides, entry bodies): `<Fact id="payload-sync" />` (src/components/Fact.astro);
 * - in an entry's frontmatter Markdown (cause, scenarios, fix bodies, prevention, metric notes):
 *   `:fact[payload-sync]`, or `:fact[timeout-max]{form=minutes}` for another wording of the same
 *   value, rendered by src/components/Markdown.astro.
 *
 * `tests/unit/facts.test.ts` reads all content and names the file and line of every registered value
 * stated by hand, recognised by the `mentions` of each fact (the value with its unit, and where the
 * same number means other things, a word that must appear in the same sentence).
 *
 * This module is pure data and functions: pages, components, the lookup and the tests import it.
 */

/** Where a fact is published. */
export interface FactSource {
  title: string;
  url: string;
}

/** A value the fact had before, up to the day it changed. */
export interface FactChange {
  /** The value in the fact's unit, for code that computes with it. */
  value: number | string;
  /** The value as a page writes it, e.g. `300 seconds`. */
  text: string;
  /** The first day the newer value applied (ISO date), as precise as the source allows. */
  until: string;
  source: FactSource;
  /** What is uncertain about the change, e.g. a date AWS has not published. */
  note?: string;
}

/** A way a page can state the value by hand, which the content test looks for. */
export interface FactMention {
  /** The value with its unit as written, e.g. /\b6 ?MB\b/. */
  pattern: RegExp;
  /** Words that must appear in the same sentence for the number to be this fact. */
  near?: RegExp;
}

export type FactUnit =
  | 'seconds'
  | 'milliseconds'
  | 'minutes'
  | 'hours'
  | 'days'
  | 'MB'
  | 'KB'
  | 'GB'
  | 'MBps'
  | 'per second'
  | 'count'
  | 'percent'
  | 'USD'
  | 'date';

export interface Fact {
  /** The value in `unit`: a number, or an ISO date for `unit: 'date'`. */
  value: number | string;
  unit: FactUnit;
  /** The value as a page writes it by default, e.g. `6 MB`. */
  text: string;
  /** Other wordings of the same value, chosen with `{form=<name>}` or `<Fact form="<name>" />`. */
  forms?: Readonly<Record<string, string>>;
  /** The sentence that states the fact, in our words; shown as the link's title. */
  statement: string;
  source: FactSource;
  /** The day the value was last compared with the source (ISO date). */
  checked: string;
  /** The day the current value started to apply, when the source gives it. */
  since?: string;
  /** Earlier values, newest first. */
  history?: readonly FactChange[];
  /** How a page could state the value by hand (current and earlier values). */
  mentions: readonly FactMention[];
}

const quotas: FactSource = {
  title: 'Lambda quotas (AWS Lambda Developer Guide)',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
};
const limitsHistory = (commit: string): FactSource => ({
  title: `Lambda limits, AWS Lambda Developer Guide history (awsdocs/aws-lambda-developer-guide@${commit})`,
  url: `https://github.com/awsdocs/aws-lambda-developer-guide/blob/${commit}/doc_source/limits.md`,
});
const timeoutPage: FactSource = {
  title: 'Configure Lambda function timeout',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html',
};
const environmentPage: FactSource = {
  title: 'Understanding the Lambda execution environment lifecycle',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
};
const pricingPage: FactSource = { title: 'AWS Lambda pricing', url: 'https://aws.amazon.com/lambda/pricing/' };
const pricingWhitepaper: FactSource = {
  title: 'How AWS Pricing Works: Lambda',
  url: 'https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html',
};
const oneMsBilling: FactSource = {
  title: 'New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings (AWS News Blog, 1 Dec 2020)',
  url: 'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/',
};
const asyncPage: FactSource = {
  title: 'Asynchronous invocation (AWS Lambda Developer Guide)',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html',
};

const asyncErrorHandling: FactSource = {
  title: 'How Lambda handles errors and retries with asynchronous invocation (AWS Lambda Developer Guide)',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
};
const cloudFrontEdgeQuotas: FactSource = {
  title: 'Quotas on Lambda@Edge (Amazon CloudFront Developer Guide)',
  url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge',
};
const albLambdaTargets: FactSource = {
  title: 'Lambda functions as targets (Elastic Load Balancing, Application Load Balancers)',
  url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html',
};
const cognitoTriggers: FactSource = {
  title: 'Customizing user pool workflows with Lambda triggers (Amazon Cognito Developer Guide)',
  url: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html#important-lambda-considerations',
};
const apiRequestQuotas: FactSource = {
  title: 'Lambda quotas: Lambda API requests (AWS Lambda Developer Guide)',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#api-requests',
};

/** Today's check of the values below against docs/reference/lambda-facts.md and the pages it cites. */
const checked = '2026-11-30';
/** The prices were last read from the pricing page on this day. */
const pricesChecked = '2026-11-26';

export const facts = {
  // --- Timeout -----------------------------------------------------------------------------------
  'timeout-default': {
    value: 3,
    unit: 'seconds',
    text: '3 seconds',
    statement: 'A new function times out after 3 seconds unless you configure another timeout.',
    source: timeoutPage,
    checked,
    forms: { adjective: '3-second' },
    mentions: [{ pattern: /\b3[- ]?(?:seconds|second|s)\b/, near: /default/i }],
  },
  'timeout-max': {
    value: 900,
    unit: 'seconds',
    text: '900 seconds (15 minutes)',
    forms: {
      seconds: '900 seconds',
      short: '900 s',
      minutes: '15 minutes',
      'seconds-adjective': '900-second',
      'minutes-adjective': '15-minute',
    },
    statement: 'A function can run for at most 900 seconds (15 minutes) per invocation.',
    source: timeoutPage,
    checked,
    since: '2018-10-11',
    history: [{ value: 300, text: '300 seconds (5 minutes)', until: '2018-10-11', source: limitsHistory('8f844c8') }],
    mentions: [
      { pattern: /\b900[- ]?(?:seconds|second|s|sec)\b/ },
      {
        pattern: /\b15[- ]?(?:minutes|minute|min)\b/,
        near: /timeout|time out|maximum|max|limit|run for|at most|up to|longer than/i,
      },
      { pattern: /\b300[- ]?(?:seconds|second|s)\b/, near: /until|2018/i },
    ],
  },
  'timeout-managed-instances': {
    value: 5400,
    unit: 'seconds',
    text: '90 minutes',
    forms: { seconds: '5,400 seconds' },
    statement:
      'On Lambda Managed Instances, asynchronous and event-source-mapping invocations can run for up to 90 minutes.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b90 ?(?:minutes|min)\b/ }, { pattern: /\b5,?400 ?(?:seconds|s)\b/ }],
  },
  'init-timeout': {
    value: 10,
    unit: 'seconds',
    text: '10 seconds',
    forms: { short: '10 s', adjective: '10-second' },
    statement: 'On-demand functions must finish the Init phase within 10 seconds.',
    source: { ...environmentPage, url: `${environmentPage.url}#runtimes-lifecycle-ib` },
    checked,
    mentions: [{ pattern: /\b10[- ]?(?:seconds|second|s)\b/, near: /\binit|initiali[sz]/i }],
  },
  'init-timeout-extended': {
    value: 130,
    unit: 'seconds',
    text: '130 seconds',
    statement:
      'With provisioned concurrency, SnapStart or Managed Instances, Init may take 130 seconds or the configured timeout, whichever is higher.',
    source: { ...environmentPage, url: `${environmentPage.url}#runtimes-lifecycle-ib` },
    checked,
    mentions: [{ pattern: /\b130 ?(?:seconds|s)\b/ }],
  },

  'snapstart-restore-timeout': {
    value: 10,
    unit: 'seconds',
    text: '10 seconds',
    forms: { adjective: '10-second' },
    statement:
      'With SnapStart, the Restore phase (loading the runtime and the after-restore hooks) must finish within 10 seconds.',
    source: {
      title: 'Troubleshooting SnapStart errors: SnapStartTimeoutException (AWS Lambda Developer Guide)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart-troubleshooting.html',
    },
    checked,
    mentions: [{ pattern: /\b10[- ]?(?:seconds|second|s)\b/, near: /restore/i }],
  },

  'snapstart-inactive-days': {
    value: 14,
    unit: 'days',
    text: '14 days',
    statement: 'A SnapStart function version that has not been invoked for 14 days becomes Inactive.',
    source: {
      title: 'Troubleshooting SnapStart errors: SnapStartNotReadyException (AWS Lambda Developer Guide)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/snapstart-troubleshooting.html',
    },
    checked,
    mentions: [{ pattern: /\b14 ?days\b/, near: /Inactive|SnapStart/i }],
  },
  'function-name-max': {
    value: 64,
    unit: 'count',
    text: '64 characters',
    forms: { digits: '64' },
    statement: 'A function name is limited to 64 characters (the full ARN may be longer).',
    source: {
      title: 'CreateFunction (AWS Lambda API Reference)',
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html',
    },
    checked,
    mentions: [{ pattern: /\b64 characters\b/, near: /name/i }],
  },

  // --- Memory, CPU, storage ------------------------------------------------------------------------
  'memory-reduced-quota': {
    value: 3008,
    unit: 'MB',
    text: '3,008 MB',
    statement:
      'An account whose memory quota is still reduced (new accounts) cannot set more than 3,008 MB until AWS raises the quota.',
    source: {
      title: 'Troubleshoot deployment issues in Lambda: memory quota',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-deployment.html',
    },
    checked,
    mentions: [{ pattern: /\b3,?008 ?MB\b/, near: /new account|reduced|other people's accounts|so far/i }],
  },
  'memory-max': {
    value: 10240,
    unit: 'MB',
    text: '10,240 MB',
    statement: 'Memory can be set from 128 MB to 10,240 MB in 1-MB steps.',
    source: quotas,
    checked,
    since: '2020-12-01',
    history: [{ value: 3008, text: '3,008 MB', until: '2020-12-01', source: limitsHistory('682401c') }],
    mentions: [
      { pattern: /\b10,?240 ?MB\b/, near: /memory|MemorySize/i },
      { pattern: /\b3,?008 ?MB\b/, near: /memory|MemorySize|maximum/i },
    ],
  },
  'memory-min': {
    value: 128,
    unit: 'MB',
    text: '128 MB',
    statement: 'The smallest memory setting is 128 MB.',
    source: quotas,
    checked,
    mentions: [
      { pattern: /\b128 ?MB\b/, near: /minimum|smallest|lowest|at least|from 128/i },
      { pattern: /\b128 ?MB to\b/ },
    ],
  },
  'memory-per-vcpu': {
    value: 1769,
    unit: 'MB',
    text: '1,769 MB',
    statement: 'At 1,769 MB a function has the equivalent of one vCPU; CPU is allocated in proportion to memory.',
    source: {
      title: 'Configure Lambda function memory',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
    },
    checked,
    mentions: [{ pattern: /\b1,?769 ?MB\b/ }],
  },
  'ephemeral-default': {
    value: 512,
    unit: 'MB',
    text: '512 MB',
    statement: 'Every function gets 512 MB of /tmp by default, and SnapStart supports no more than 512 MB.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b512 ?MB\b/, near: /\/tmp|ephemeral|EphemeralStorage|SnapStart|disk|storage/i }],
  },
  'ephemeral-max': {
    value: 10240,
    unit: 'MB',
    text: '10,240 MB',
    forms: { gb: '10 GB' },
    statement: 'Ephemeral storage (/tmp) can be configured from 512 MB to 10,240 MB.',
    source: {
      title: 'EphemeralStorage (AWS Lambda API Reference)',
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html',
    },
    checked,
    since: '2022-03-24',
    history: [
      {
        value: 512,
        text: '512 MB, fixed',
        until: '2022-03-24',
        source: {
          title: 'aws-sdk-js-v3 commit d77b86b (24 Mar 2022): increased ephemeral storage up to 10 GB',
          url: 'https://github.com/aws/aws-sdk-js-v3/commit/d77b86b',
        },
      },
    ],
    mentions: [{ pattern: /\b(?:10,?240 ?MB|10 ?GB)\b/, near: /\/tmp|ephemeral|EphemeralStorage/i }],
  },
  'file-descriptors': {
    value: 1024,
    unit: 'count',
    text: '1,024',
    statement: 'An execution environment can open 1,024 file descriptors and run 1,024 processes and threads.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b1,?024\b(?! ?MB)/, near: /descriptor|open files|ulimit|EMFILE|processes|threads/i }],
  },

  // --- Payloads ------------------------------------------------------------------------------------
  'payload-sync': {
    value: 6,
    unit: 'MB',
    text: '6 MB',
    statement: 'A synchronous invocation can send a request of up to 6 MB and return a response of up to 6 MB.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b6 ?MB\b/, near: /payload|request|response|invo|synchronous|RequestResponse/i }],
  },
  'payload-async': {
    value: 1,
    unit: 'MB',
    text: '1 MB',
    statement: 'An asynchronous (Event) invocation accepts a payload of up to 1 MB.',
    source: {
      title: 'Invoke (AWS Lambda API Reference)',
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html',
    },
    checked,
    since: '2025-10',
    history: [
      {
        value: 0.25,
        text: '256 KB',
        until: '2025-10',
        source: {
          title: 'More room to build: serverless services now support payloads up to 1 MB (AWS Compute Blog)',
          url: 'https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb',
        },
      },
      { value: 0.125, text: '128 KB', until: '2018-11-20', source: limitsHistory('4bc1fe1') },
    ],
    mentions: [
      { pattern: /\b1 ?MB\b/, near: /async|Event\b|event payload/i },
      { pattern: /\b(?:256|128) ?KB\b/, near: /async|Event\b|event payload|payload/i },
    ],
  },
  'streaming-response-max': {
    value: 200,
    unit: 'MB',
    text: '200 MB',
    statement: 'A streamed response can be up to 200 MB.',
    source: quotas,
    checked,
    since: '2025-07-31',
    history: [{ value: 20, text: '20 MB', until: '2025-07-31', source: quotas }],
    mentions: [{ pattern: /\b(?:200|20) ?MB\b/, near: /stream/i }],
  },

  'streaming-bandwidth': {
    value: 2,
    unit: 'MBps',
    text: '2 MBps',
    statement: 'After the first 6 MB, which are uncapped, Lambda streams a response at up to 2 MBps.',
    source: {
      title: 'Bandwidth limits for response streaming (AWS Lambda Developer Guide)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html#config-rs-bandwidth-cap',
    },
    checked,
    mentions: [{ pattern: /\b2 ?(?:MBps|MB\/s)(?![\w/])/ }],
  },

  // --- Deployment ----------------------------------------------------------------------------------
  'zip-upload-max': {
    value: 50,
    unit: 'MB',
    text: '50 MB',
    statement: 'A .zip file uploaded directly to Lambda can be up to 50 MB (zipped); larger packages go through S3.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b50 ?MB\b/, near: /\.zip|upload|direct/i }],
  },
  'unzipped-max': {
    value: 250,
    unit: 'MB',
    text: '250 MB',
    statement: 'The unzipped function code and all its layers together can be up to 250 MB.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b250 ?MB\b/ }],
  },
  'layers-max': {
    value: 5,
    unit: 'count',
    text: 'five',
    forms: { digits: '5' },
    statement: 'A function can use up to five layers.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b(?:five|5) layers\b/i }],
  },
  'container-image-max': {
    value: 10,
    unit: 'GB',
    text: '10 GB',
    statement: 'A container image can be up to 10 GB uncompressed, layers included.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b10 ?GB\b/, near: /image|container/i }],
  },
  'code-storage': {
    value: 300,
    unit: 'GB',
    text: '300 GB',
    statement: 'Each account has 300 GB of Lambda-managed code storage per Region.',
    source: {
      title: 'Self-managed code storage (AWS Lambda Developer Guide)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-self-managed-storage.html',
    },
    checked,
    history: [
      {
        value: 75,
        text: '75 GB',
        until: '2026-04-30',
        source: limitsHistory('1065cda'),
        note: 'AWS has not published the day of the change; 2026-04-30 is the docs history entry for self-managed code storage.',
      },
    ],
    mentions: [{ pattern: /\b300 ?GB\b/ }, { pattern: /\b75 ?GB\b/ }],
  },
  'env-vars-max': {
    value: 4,
    unit: 'KB',
    text: '4 KB',
    statement: 'All environment variables of a function together can take up to 4 KB.',
    source: quotas,
    checked,
    mentions: [{ pattern: /\b4 ?KB\b/, near: /environment|variable/i }],
  },

  'policy-max': {
    value: 20,
    unit: 'KB',
    text: '20 KB',
    forms: { bytes: '20,480 bytes' },
    statement: "A function's resource-based policy can be at most 20 KB, a limit that cannot be increased.",
    source: quotas,
    checked,
    mentions: [{ pattern: /\b(?:20 ?KB|20,?480 bytes)\b/, near: /polic/i }],
  },

  // --- Concurrency and scaling ---------------------------------------------------------------------
  'scaling-rate': {
    value: 1000,
    unit: 'count',
    text: '1,000 execution environments every 10 seconds',
    statement: 'Each function can scale by 1,000 execution environments every 10 seconds.',
    source: {
      title: 'Lambda scaling behavior',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html',
    },
    checked,
    since: '2023-11',
    history: [
      {
        value: 500,
        text: 'an initial burst of 500 to 3,000 environments depending on the Region, then 500 more per minute',
        until: '2023-11',
        source: {
          title: 'AWS Lambda functions now scale 12 times faster when handling high-volume requests (AWS News Blog)',
          url: 'https://aws.amazon.com/blogs/aws/aws-lambda-functions-now-scale-12-times-faster-when-handling-high-volume-requests/',
        },
      },
    ],
    mentions: [
      { pattern: /\b1,?000\b[^.]{0,40}\bevery 10 (?:seconds|s)\b/ },
      { pattern: /\b500\b[^.]{0,6}3,?000\b/, near: /burst|scal/i },
    ],
  },
  'concurrency-default': {
    value: 1000,
    unit: 'count',
    text: '1,000',
    statement: 'An account has a concurrency quota of 1,000 per Region by default (lower for new accounts).',
    source: quotas,
    checked,
    mentions: [
      {
        pattern: /\b1,?000\b(?! ?(?:ms|MB|RPS|requests|execution environments))/,
        near: /account|per Region|quota|by default|concurrent executions/i,
      },
    ],
  },
  'unreserved-min': {
    value: 100,
    unit: 'count',
    text: '100',
    statement: 'Lambda keeps at least 100 units of concurrency unreserved for functions without a reservation.',
    source: {
      title: 'Configuring reserved concurrency',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    },
    checked,
    mentions: [{ pattern: /\b100\b(?! ?(?:ms|MB|%))/, near: /unreserved/i }],
  },

  'invoke-rps-per-concurrency': {
    value: 10,
    unit: 'count',
    text: '10 × the concurrency quota per second',
    statement: 'Synchronous invocation requests per Region are limited to 10 × the concurrency quota per second.',
    source: apiRequestQuotas,
    checked,
    mentions: [{ pattern: /\b10 ?[×x] ?(?:your |the |its )?(?:account'?s? )?concurren/i }],
  },
  'getfunction-rate': {
    value: 100,
    unit: 'per second',
    text: '100 requests per second',
    forms: { short: '100 per second' },
    statement: 'GetFunction accepts 100 requests per second, a quota that cannot be increased.',
    source: apiRequestQuotas,
    checked,
    mentions: [{ pattern: /\b100 (?:requests )?per\s+second\b/, near: /GetFunction\b/ }],
  },
  'getpolicy-rate': {
    value: 15,
    unit: 'per second',
    text: '15 requests per second',
    forms: { short: '15 per second' },
    statement: 'GetPolicy accepts 15 requests per second, a quota that cannot be increased.',
    source: apiRequestQuotas,
    checked,
    mentions: [{ pattern: /\b15 (?:requests )?per\s+second\b/, near: /GetPolicy\b/ }],
  },
  'control-plane-rate': {
    value: 15,
    unit: 'per second',
    text: '15 requests per second',
    statement:
      'All other control-plane APIs (not Invoke, GetFunction or GetPolicy) share 15 requests per second, a quota that cannot be increased.',
    source: apiRequestQuotas,
    checked,
    mentions: [{ pattern: /\b15 (?:requests )?per\s+second\b/, near: /control.plane/i }],
  },

  // --- Asynchronous invocation ---------------------------------------------------------------------
  'async-retries': {
    value: 2,
    unit: 'count',
    text: 'two',
    forms: { digits: '2', twice: 'twice', retries: 'two retries', 'retried-twice': 'retried twice' },
    statement: 'When an asynchronous invocation fails, Lambda retries it twice by default (configurable from 0 to 2).',
    source: asyncPage,
    checked,
    mentions: [
      { pattern: /\b(?:two|2) (?:more )?(?:retries|retry attempts) by default\b/i },
      { pattern: /\bretrie[sd] (?:it |them )?\**twice\b/i, near: /async|event/i },
      { pattern: /\b(?:two|2) more times\b/i, near: /async|event|retr/i },
    ],
  },
  'async-max-event-age': {
    value: 6,
    unit: 'hours',
    text: '6 hours',
    statement: 'Lambda keeps an asynchronous event for up to 6 hours before it discards it.',
    source: asyncPage,
    checked,
    mentions: [{ pattern: /\b(?:6|six) ?(?:hours|h)\b/i, near: /async|event|age|queue/i }],
  },

  'async-retry-first-delay': {
    value: 1,
    unit: 'minutes',
    text: 'one minute',
    statement: 'After a function error on an asynchronous invocation, Lambda waits one minute before the first retry.',
    source: asyncErrorHandling,
    checked,
    mentions: [{ pattern: /\b(?:one|1)[- ]minute\b/i, near: /retr|attempt/i }],
  },
  'async-retry-second-delay': {
    value: 2,
    unit: 'minutes',
    text: 'two minutes',
    statement: 'Lambda waits two minutes between the first and the second retry of a failed asynchronous invocation.',
    source: asyncErrorHandling,
    checked,
    mentions: [{ pattern: /\b(?:two|2)[- ]minutes?\b/i, near: /retr|attempt/i }],
  },
  'async-throttle-retry-interval': {
    value: 300,
    unit: 'seconds',
    text: '1 second to 5 minutes',
    statement:
      'When an asynchronous event is throttled or meets a system error, Lambda retries it at intervals growing from 1 second to 5 minutes, for up to the maximum event age.',
    source: asyncErrorHandling,
    checked,
    mentions: [{ pattern: /\b(?:1|one) second to (?:5|five) minutes\b/i }],
  },
  'async-max-event-age-min': {
    value: 60,
    unit: 'seconds',
    text: '60 seconds',
    forms: { short: '60 s' },
    statement:
      'The maximum event age of asynchronous invocations can be set from 60 seconds to 6 hours (21,600 seconds).',
    source: {
      title: 'FunctionEventInvokeConfig (AWS Lambda API Reference)',
      url: 'https://docs.aws.amazon.com/lambda/latest/api/API_FunctionEventInvokeConfig.html',
    },
    checked,
    mentions: [{ pattern: /\b60 ?(?:seconds|s)\b/, near: /event age|MaximumEventAge/i }],
  },

  // --- Recursive loop detection ----------------------------------------------------------------------
  'recursion-max-invocations': {
    value: 16,
    unit: 'count',
    text: '16 times',
    forms: { digits: '16', hops: '16 hops' },
    statement:
      'Recursive loop detection stops the next invocation once the same triggering event has invoked a function more than 16 times.',
    source: {
      title: 'AWS Lambda now detects and stops recursive loops in Lambda functions (AWS What’s New, 13 Jul 2023)',
      url: 'https://aws.amazon.com/about-aws/whats-new/2023/07/aws-lambda-detects-recursive-loops-lambda-functions/',
    },
    checked,
    since: '2023-07-13',
    mentions: [
      { pattern: /\b(?:16|sixteen) (?:times|hops|invocations|recursive calls|calls)\b/i, near: /recurs|loop|chain/i },
    ],
  },

  // --- Event source mappings -------------------------------------------------------------------------
  'sqs-max-concurrency': {
    value: 1000,
    unit: 'count',
    text: '2 to 1,000',
    forms: { minimum: '2', maximum: '1,000' },
    statement: 'The maximum concurrency of an SQS event source mapping can be set from 2 to 1,000.',
    source: {
      title: 'ScalingConfig (AWS Lambda API Reference)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/API_ScalingConfig.html',
    },
    checked,
    mentions: [
      { pattern: /\b2\s+to\s+1,?000\b/ },
      { pattern: /\bminimum(?: of)?\s+2\b/, near: /MaximumConcurrency|maximum concurrency/i },
    ],
  },

  'stream-parallelization-max': {
    value: 10,
    unit: 'count',
    text: '10 batches per shard',
    statement:
      'A Kinesis or DynamoDB Streams event source mapping processes up to 10 batches per shard concurrently (ParallelizationFactor, default 1).',
    source: {
      title: 'Lambda parameters for Amazon Kinesis Data Streams event source mappings',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
    },
    checked,
    mentions: [{ pattern: /\b10 batches per shard\b/ }],
  },
  'dynamodb-stream-retention': {
    value: 24,
    unit: 'hours',
    text: '24 hours',
    statement: 'DynamoDB Streams keeps a record for 24 hours; a failing batch is retried until then by default.',
    source: {
      title: 'Lambda parameters for Amazon DynamoDB event source mappings',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html',
    },
    checked,
    mentions: [{ pattern: /\b24 ?(?:hours|h)\b/, near: /DynamoDB/ }],
  },
  'kinesis-retention-default': {
    value: 24,
    unit: 'hours',
    text: '24 hours',
    statement: 'A Kinesis data stream keeps records for 24 hours by default.',
    source: {
      title: 'Change the data retention period (Amazon Kinesis Data Streams Developer Guide)',
      url: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
    },
    checked,
    mentions: [{ pattern: /\b24 ?(?:hours|h)\b/, near: /Kinesis/ }],
  },
  'kinesis-retention-max': {
    value: 365,
    unit: 'days',
    text: '365 days',
    statement: 'The retention period of a Kinesis data stream can be raised to 365 days (8,760 hours).',
    source: {
      title: 'Change the data retention period (Amazon Kinesis Data Streams Developer Guide)',
      url: 'https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html',
    },
    checked,
    mentions: [{ pattern: /\b365\s?days\b/, near: /Kinesis|retention/i }],
  },

  'sqs-visibility-default': {
    value: 30,
    unit: 'seconds',
    text: '30 seconds',
    forms: { adjective: '30-second' },
    statement:
      'An SQS queue hides a received message for 30 seconds by default (its visibility timeout; at most 12 hours).',
    source: {
      title: 'ChangeMessageVisibility (Amazon SQS API Reference)',
      url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html',
    },
    checked,
    mentions: [{ pattern: /\b30[- ]?(?:seconds|second|s)\b/, near: /visibility/i }],
  },
  'sqs-visibility-multiple': {
    value: 6,
    unit: 'count',
    text: 'six times the function timeout',
    forms: { short: 'six times' },
    statement:
      "AWS recommends a source queue's visibility timeout of at least six times the function timeout, so Lambda can retry a throttled batch.",
    source: {
      title: 'Creating and configuring an Amazon SQS event source mapping (AWS Lambda Developer Guide)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html',
    },
    checked,
    mentions: [
      { pattern: /\b(?:six|6) ?(?:times|×|x) (?:the )?function(?:'s)? timeout\b/i },
      { pattern: /\bsix times\b/i, near: /visibility/i },
    ],
  },

  // --- API Gateway -----------------------------------------------------------------------------------
  'apigw-integration-timeout-min': {
    value: 50,
    unit: 'milliseconds',
    text: '50 ms',
    statement: 'An API Gateway integration timeout can be set no lower than 50 ms.',
    source: {
      title: 'Customize integration timeouts in Amazon API Gateway (AWS What’s New, 21 Nov 2017)',
      url: 'https://aws.amazon.com/about-aws/whats-new/2017/11/customize-integration-timeouts-in-amazon-api-gateway/',
    },
    checked,
    since: '2017-11-21',
    mentions: [{ pattern: /\b50 ?ms\b/, near: /integration|API Gateway/i }],
  },
  'apigw-integration-timeout': {
    value: 29,
    unit: 'seconds',
    text: '29 seconds',
    forms: { short: '29 s' },
    statement:
      'API Gateway waits at most 29 seconds for an integration by default; Regional and private REST APIs can ask for more since June 2024.',
    source: {
      title: 'Amazon API Gateway integration timeout limit increase beyond 29 seconds (AWS What’s New, 4 Jun 2024)',
      url: 'https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/',
    },
    checked,
    mentions: [{ pattern: /\b29[- ]?(?:seconds|second|s)\b/ }],
  },

  // --- Lambda@Edge (CloudFront quotas that differ by trigger) ----------------------------------------
  'edge-viewer-memory': {
    value: 128,
    unit: 'MB',
    text: '128 MB',
    statement:
      'A Lambda@Edge function on a viewer-request or viewer-response trigger can have at most 128 MB of memory.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b128 ?MB\b/, near: /viewer|Lambda@Edge/i }],
  },
  'edge-viewer-timeout': {
    value: 5,
    unit: 'seconds',
    text: '5 seconds',
    statement: 'A Lambda@Edge function on a viewer trigger can run for at most 5 seconds.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b5[- ]?(?:seconds|second|s)\b/, near: /viewer|Lambda@Edge/i }],
  },
  'edge-origin-timeout': {
    value: 30,
    unit: 'seconds',
    text: '30 seconds',
    statement: 'A Lambda@Edge function on an origin-request or origin-response trigger can run for at most 30 seconds.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b30[- ]?(?:seconds|second|s)\b/, near: /origin[- ](?:request|response)|Lambda@Edge/i }],
  },
  'edge-viewer-package': {
    value: 1,
    unit: 'MB',
    text: '1 MB',
    statement: 'A Lambda@Edge function on a viewer trigger, with its libraries, can be at most 1 MB compressed.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b1 ?MB\b/, near: /viewer|Lambda@Edge/i }],
  },
  'edge-origin-package': {
    value: 50,
    unit: 'MB',
    text: '50 MB',
    statement: 'A Lambda@Edge function on an origin trigger, with its libraries, can be at most 50 MB compressed.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b50 ?MB\b/, near: /origin[- ](?:request|response)|Lambda@Edge/i }],
  },
  'edge-generated-response-viewer': {
    value: 40,
    unit: 'KB',
    text: '40 KB',
    statement:
      'A response that a Lambda@Edge function generates on a viewer-request trigger, headers and body together, can be at most 40 KB.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b40 ?KB\b/, near: /viewer|Lambda@Edge|generated/i }],
  },
  'edge-generated-response-origin': {
    value: 1,
    unit: 'MB',
    text: '1 MB',
    statement:
      'A response that a Lambda@Edge function generates on an origin-request trigger, or returns from an origin-response trigger, headers and body together, can be at most 1 MB.',
    source: cloudFrontEdgeQuotas,
    checked,
    mentions: [{ pattern: /\b1 ?MB\b/, near: /generated|origin[- ]request/i }],
  },
  'alb-lambda-request-max': {
    value: 1,
    unit: 'MB',
    text: '1 MB',
    statement: 'An Application Load Balancer sends a Lambda target a request body of at most 1 MB.',
    source: albLambdaTargets,
    checked,
    mentions: [{ pattern: /\b1 ?MB\b/, near: /load balancer|\bALB\b|LambdaRequestTooLarge/i }],
  },
  'alb-lambda-response-max': {
    value: 1,
    unit: 'MB',
    text: '1 MB',
    statement: 'The response JSON a Lambda target returns to an Application Load Balancer can be at most 1 MB.',
    source: albLambdaTargets,
    checked,
    mentions: [{ pattern: /\b1 ?MB\b/, near: /load balancer|\bALB\b|LambdaResponseTooLarge/i }],
  },

  'apigw-account-throttle': {
    value: 10000,
    unit: 'per second',
    text: '10,000 requests per second',
    statement:
      'API Gateway throttles an account at 10,000 requests per second per Region by default (2,500 in some newer Regions), an adjustable quota.',
    source: {
      title: 'Amazon API Gateway quotas',
      url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
    },
    checked,
    since: '2017-06-06',
    history: [
      {
        value: 1000,
        text: '1,000 requests per second',
        until: '2017-06-06',
        source: {
          title:
            'Amazon API Gateway increases account-level throttle limits to 10,000 RPS (AWS What’s New, 6 Jun 2017)',
          url: 'https://aws.amazon.com/about-aws/whats-new/2017/06/amazon-api-gateway-increases-account-level-throttle-limits-to-10000-requests-per-second-rps/',
        },
      },
    ],
    mentions: [{ pattern: /\b10,?000 ?(?:requests per second|requests a second|RPS)\b/, near: /API Gateway|throttl/i }],
  },

  // --- Amazon Cognito triggers --------------------------------------------------------------------------
  'cognito-trigger-timeout': {
    value: 5,
    unit: 'seconds',
    text: '5 seconds',
    forms: { adjective: '5-second', ms: '5,000 ms' },
    statement:
      'Amazon Cognito waits 5 seconds for a Lambda trigger to respond and then retries the call; the limit cannot be changed.',
    source: cognitoTriggers,
    checked,
    mentions: [
      { pattern: /\b5[- ]?(?:seconds|second|s)\b/, near: /Cognito|\btriggers?\b/i },
      { pattern: /\b5,?000 ?ms\b/, near: /Cognito|\btriggers?\b/i },
    ],
  },
  'cognito-trigger-attempts': {
    value: 3,
    unit: 'count',
    text: '3 attempts',
    forms: { times: 'three times' },
    statement:
      'When a Lambda trigger does not respond in time, Amazon Cognito retries the call and gives up after 3 attempts.',
    source: cognitoTriggers,
    checked,
    mentions: [{ pattern: /\b(?:3|three) (?:attempts|times|tries)\b/i, near: /Cognito|\btriggers?\b/i }],
  },

  // --- VPC networking ------------------------------------------------------------------------------------
  'nat-idle-timeout': {
    value: 350,
    unit: 'seconds',
    text: '350 seconds',
    forms: { adjective: '350-second', short: '350 s' },
    statement: 'A NAT gateway drops a connection that has been idle for 350 seconds or more.',
    source: {
      title: 'Troubleshooting NAT gateways: Internet connection drops after 350 seconds (Amazon VPC User Guide)',
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html#nat-gateway-troubleshooting-timeout',
    },
    checked,
    mentions: [{ pattern: /\b350[- ]?(?:seconds|second|s)\b/, near: /NAT|idle|keep-?alive/i }],
  },

  // --- SDK and CLI defaults ----------------------------------------------------------------------------
  'boto3-legacy-attempts': {
    value: 5,
    unit: 'count',
    text: '5 attempts',
    statement: "boto3's default legacy retry mode makes up to 5 attempts in total, the first request included.",
    source: {
      title: 'Retries (Boto3 documentation)',
      url: 'https://docs.aws.amazon.com/boto3/latest/guide/retries.html',
    },
    checked,
    mentions: [{ pattern: /\b(?:5|five) attempts\b/i, near: /boto|botocore|legacy/i }],
  },
  'sdk-standard-max-attempts': {
    value: 3,
    unit: 'count',
    text: '3 attempts',
    forms: { words: 'three attempts' },
    statement:
      "In the AWS SDKs' standard and adaptive retry modes a request makes at most 3 attempts by default, the first request included.",
    source: {
      title: 'Retry behavior (AWS SDKs and Tools Reference Guide)',
      url: 'https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html',
    },
    checked,
    mentions: [
      {
        pattern: /\b(?:3|three) attempts\b/i,
        near: /\bSDKs?\b|standard|retry mode|max_?attempts|maxAttempts|boto|botocore|ServiceException/i,
      },
    ],
  },
  'sdk-connect-timeout-default': {
    value: 60,
    unit: 'seconds',
    text: '60 seconds',
    forms: { short: '60 s' },
    statement:
      'boto3 (botocore) waits 60 seconds by default to open a connection (connect_timeout) before it fails or retries.',
    source: {
      title: 'botocore Config reference: connect_timeout',
      url: 'https://botocore.amazonaws.com/v1/documentation/api/latest/reference/config.html',
    },
    checked,
    mentions: [{ pattern: /\b60[- ]?(?:seconds|second|s)\b/, near: /connect[-_ ]?timeout/i }],
  },
  'sdk-read-timeout-default': {
    value: 60,
    unit: 'seconds',
    text: '60 seconds',
    forms: { adjective: '60-second' },
    statement:
      'boto3 (botocore), and the AWS CLI built on it, give up reading a response after 60 seconds by default (read_timeout, --cli-read-timeout).',
    source: {
      title: 'botocore Config reference: read_timeout',
      url: 'https://botocore.amazonaws.com/v1/documentation/api/latest/reference/config.html',
    },
    checked,
    mentions: [
      { pattern: /\b60[- ]?(?:seconds|second|s)\b/, near: /boto|botocore|aws lambda invoke|\bCLI\b|read[-_ ]timeout/i },
    ],
  },

  // --- CloudFormation custom resources -----------------------------------------------------------------
  'cfn-custom-resource-timeout': {
    value: 3600,
    unit: 'seconds',
    text: '3,600 seconds (one hour)',
    forms: { range: '1 to 3,600 seconds', hour: 'an hour' },
    statement:
      'CloudFormation waits for a custom resource response for its ServiceTimeout, 1 to 3,600 seconds, by default 3,600 seconds (one hour).',
    source: {
      title: 'AWS::CloudFormation::CustomResource (AWS CloudFormation Template Reference)',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-customresource.html',
    },
    checked,
    mentions: [
      { pattern: /\b1 to 3,?600 seconds\b/ },
      { pattern: /\b3,?600\b/, near: /ServiceTimeout|custom resource/i },
      { pattern: /\b(?:an|one) hour\b/, near: /stack|custom resource|ServiceTimeout|DELETE_IN_PROGRESS/i },
    ],
  },
  'cfn-custom-resource-response-max': {
    value: 4096,
    unit: 'count',
    text: '4,096 bytes',
    statement: 'The body a custom resource sends to its response URL can be at most 4,096 bytes.',
    source: {
      title: 'Custom resource response objects (AWS CloudFormation User Guide)',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html',
    },
    checked,
    mentions: [{ pattern: /\b4,?096 bytes\b/ }],
  },

  // --- Billing and prices ----------------------------------------------------------------------------
  'billing-granularity': {
    value: 1,
    unit: 'milliseconds',
    text: '1 ms',
    statement: 'Duration is billed in 1 ms increments.',
    source: oneMsBilling,
    checked: pricesChecked,
    since: '2020-12-01',
    history: [{ value: 100, text: '100 ms', until: '2020-12-01', source: oneMsBilling }],
    mentions: [
      { pattern: /\b1 ?ms\b/, near: /bill|round|granular/i },
      { pattern: /\b100 ?ms\b/, near: /bill|round|granular/i },
    ],
  },
  'init-billing': {
    value: '2025-08-01',
    unit: 'date',
    text: '1 August 2025',
    forms: { month: 'August 2025' },
    statement:
      'Since 1 August 2025 the INIT phase is billed for on-demand functions packaged as .zip on managed runtimes too.',
    source: {
      title: 'AWS Lambda standardizes billing for INIT Phase (AWS Compute Blog)',
      url: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase',
    },
    checked: pricesChecked,
    mentions: [{ pattern: /\b(?:1 August 2025|August 1, 2025|Aug(?:ust)? 2025|2025-08-01)\b/ }],
  },
  'provisioned-concurrency-billing-increment': {
    value: 5,
    unit: 'minutes',
    text: '5 minutes',
    statement:
      'Provisioned concurrency is billed from the time it is enabled until it is disabled, rounded up to the nearest 5 minutes.',
    source: pricingPage,
    checked,
    mentions: [
      {
        pattern: /\b(?:5|five)[- ]?minutes?\b/i,
        // Provisioned concurrency and a billing word in the same clause (not across table cells).
        near: /provisioned[- ]concurrency[^.|]*\b(?:bill|round|charg|pric)|\b(?:bill|round|charg|pric)[^.|]*provisioned[- ]concurrency/i,
      },
    ],
  },
  'price-requests': {
    value: 0.2,
    unit: 'USD',
    text: '$0.20 per million requests',
    forms: { amount: '$0.20' },
    statement: 'Requests cost $0.20 per million in US East (N. Virginia), on both architectures.',
    source: pricingPage,
    checked: pricesChecked,
    mentions: [{ pattern: /\$0\.20?\b/, near: /request|million/i }],
  },
  'price-gb-second-x86': {
    value: 0.0000166667,
    unit: 'USD',
    text: '$0.0000166667 per GB-second',
    forms: { amount: '$0.0000166667' },
    statement: 'On-demand duration on x86_64 costs $0.0000166667 per GB-second in US East (N. Virginia), first tier.',
    source: pricingPage,
    checked: pricesChecked,
    mentions: [{ pattern: /\$?0\.0000166667\b/ }],
  },
  'price-gb-second-arm': {
    value: 0.0000133334,
    unit: 'USD',
    text: '$0.0000133334 per GB-second',
    forms: { amount: '$0.0000133334' },
    statement: 'On-demand duration on arm64 costs $0.0000133334 per GB-second in US East (N. Virginia), first tier.',
    source: pricingPage,
    checked: pricesChecked,
    mentions: [{ pattern: /\$?0\.0000133334\b/ }],
  },
  'free-tier-requests': {
    value: 1_000_000,
    unit: 'count',
    text: '1,000,000',
    forms: { words: '1 million' },
    statement: 'The monthly free tier includes 1 million requests, shared by both architectures.',
    source: pricingWhitepaper,
    checked: pricesChecked,
    mentions: [{ pattern: /\b(?:1,000,000|1 million|one million)\b/, near: /free tier/i }],
  },
  'free-tier-gb-seconds': {
    value: 400_000,
    unit: 'count',
    text: '400,000 GB-seconds',
    statement: 'The monthly free tier includes 400,000 GB-seconds of compute, shared by both architectures.',
    source: pricingWhitepaper,
    checked: pricesChecked,
    mentions: [{ pattern: /\b400,?000\b/ }],
  },
  'arm-duration-discount': {
    value: 20,
    unit: 'percent',
    text: '20%',
    statement: 'Duration on arm64 is priced 20% below x86_64; requests cost the same.',
    source: {
      title: 'AWS Lambda Functions Powered by AWS Graviton2 Processor (AWS News Blog, 29 Sep 2021)',
      url: 'https://aws.amazon.com/blogs/aws/aws-lambda-functions-powered-by-aws-graviton2-processor-run-your-functions-on-arm-and-get-up-to-34-better-price-performance/',
    },
    checked: pricesChecked,
    since: '2021-09-29',
    mentions: [{ pattern: /\b20 ?(?:%|percent)/, near: /arm|graviton|x86/i }],
  },
  'savings-plan-max': {
    value: 17,
    unit: 'percent',
    text: '17%',
    statement: 'Compute Savings Plans lower the price of Lambda duration and provisioned concurrency by up to 17%.',
    source: pricingWhitepaper,
    checked: pricesChecked,
    mentions: [{ pattern: /\b17 ?(?:%|percent)/ }],
  },
  'insights-scan-price': {
    value: 0.005,
    unit: 'USD',
    text: '$0.005 per GB scanned',
    statement: 'CloudWatch Logs Insights queries cost $0.005 per GB of log data scanned in US East (N. Virginia).',
    source: { title: 'Amazon CloudWatch pricing', url: 'https://aws.amazon.com/cloudwatch/pricing/' },
    checked: pricesChecked,
    mentions: [{ pattern: /\$0\.005\b/ }],
  },
} as const satisfies Record<string, Fact>;

export type FactId = keyof typeof facts;

export const factIds = Object.keys(facts) as FactId[];

export function isFactId(id: string): id is FactId {
  return Object.hasOwn(facts, id);
}

/** The fact with this id; an unknown id throws, naming the known ones, so a typo fails the build. */
export function getFact(id: string): Fact {
  if (!isFactId(id)) throw new Error(`Unknown fact "${id}". Known facts: ${factIds.join(', ')}`);
  return facts[id];
}

/**
 * The words a page shows for a fact: its `text`, a named `form`, `previous` (the value before the
 * last change; `previous-2` the one before that) or `since` (the day the current value started, as
 * `1 December 2020`).
 */
export function factText(id: string, form?: string): string {
  const fact = getFact(id);
  if (!form) return fact.text;
  const earlier = /^previous(?:-(\d+))?$/.exec(form);
  if (earlier) {
    // `previous` is the value before the last change, `previous-2` the one before that, and so on.
    const previous = fact.history?.[Number(earlier[1] ?? 1) - 1];
    if (!previous) throw new Error(`Fact "${id}" has no earlier value for form=${form}`);
    return previous.text;
  }
  if (form === 'since') {
    if (!fact.since) throw new Error(`Fact "${id}" has no since date for form=since`);
    return formatFactDate(fact.since);
  }
  const text = fact.forms?.[form];
  if (text === undefined) {
    const known = ['previous', 'since', ...Object.keys(fact.forms ?? {})].join(', ');
    throw new Error(`Fact "${id}" has no form "${form}" (known: ${known})`);
  }
  return text;
}

/** The source a rendered fact links to: for `previous`, the source of the earlier value. */
export function factSource(id: string, form?: string): FactSource {
  const fact = getFact(id);
  const earlier = form ? /^previous(?:-(\d+))?$/.exec(form) : null;
  const previous = earlier ? fact.history?.[Number(earlier[1] ?? 1) - 1] : undefined;
  return previous ? previous.source : fact.source;
}

/** `2020-12-01` → `1 December 2020`; `2025-10` → `October 2025`; `2017` stays `2017`. */
export function formatFactDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const monthName = (m: string) =>
    new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  if (day && month) return `${Number(day)} ${monthName(month)} ${year}`;
  if (month) return `${monthName(month)} ${year}`;
  return isoDate;
}

/** A `:fact[id]` or `:fact[id]{form=name}` token in Markdown text. */
export const factTokenPattern = /:fact\[([a-z0-9-]+)\](?:\{form=([a-z0-9-]+)\})?/g;

export interface FactReference {
  id: string;
  form?: string;
}

/** Replaces every fact token in `text` with what `render` makes of it (HTML, or plain text). */
export function replaceFactTokens(text: string, render: (reference: FactReference) => string): string {
  return text.replace(factTokenPattern, (_, id: string, form: string | undefined) =>
    render(form === undefined ? { id } : { id, form }),
  );
}

/** Plain-text rendering, for places without links (search snippets, errors.json, alarm text). */
export function factTokensToText(text: string): string {
  return replaceFactTokens(text, ({ id, form }) => factText(id, form));
}

/** The title a rendered fact carries: its statement and the day it was checked. */
export function factTitle(id: string): string {
  const fact = getFact(id);
  return `${fact.statement.replace(/\.$/, '')} (checked ${formatFactDate(fact.checked)}).`;
}

export interface HandStatedFact {
  id: FactId;
  /** The text that states the value. */
  match: string;
  /** Offset of the match in the text searched. */
  index: number;
}

/**
 * Finds registered values written by hand in prose. `text` should already have its code, quoted
 * messages and fact tokens blanked out (same length, so offsets still map to lines). A value counts
 * when one of the fact's mentions matches and, if the mention has `near`, the sentence around it in
 * `context` (the same text unmasked, where inline code such as `/tmp` still names the subject)
 * contains those words. Where two facts match the same words, the first registered wins.
 */
export function findHandStatedFacts(text: string, context: string = text): HandStatedFact[] {
  const found: HandStatedFact[] = [];
  const taken: [number, number][] = [];
  for (const id of factIds) {
    for (const mention of facts[id].mentions as readonly FactMention[]) {
      const pattern = new RegExp(mention.pattern.source, `${mention.pattern.flags.replace('g', '')}g`);
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (taken.some(([from, to]) => start < to && end > from)) continue;
        // `4.6 MB` is not `6 MB`, nor `1,250 MB` `250 MB`.
        if (/[\d.,]/.test(text[start - 1] ?? '')) continue;
        if (mention.near && !mention.near.test(sentenceAround(context, start, end))) continue;
        taken.push([start, end]);
        found.push({ id, match: match[0], index: start });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The sentence containing [start, end): up to the previous and next full stop, or a blank line. */
function sentenceAround(text: string, start: number, end: number): string {
  const boundary = /[.!?](?=\s)|\n\s*\n/g;
  let from = 0;
  for (const match of text.slice(0, start).matchAll(boundary)) from = match.index + match[0].length;
  boundary.lastIndex = 0;
  const after = boundary.exec(text.slice(end));
  const to = after ? end + after.index : text.length;
  return text.slice(from, to);
}
