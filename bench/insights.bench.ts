/**
 * The Logs Insights evaluator over about 100,000 generated Lambda log events: the builder's
 * target is well under a second for a filter plus `stats … by bin(5m)`. Figures, not pass/fail.
 */
import { test } from 'vitest';
import { generateSampleLogs, parseLambdaLogs, runQuery } from '../src/insights/index.ts';

/** Each generated invocation yields about 4.2 events; 24,000 invocations give just over 100,000. */
const text = generateSampleLogs(42, 24_000);
const events = parseLambdaLogs(text).slice(0, 100_000);
const statsQuery = 'filter @type = "REPORT" and @duration > 20 | stats count(*), avg(@duration) by bin(5m)';
const regexQuery = 'filter @message like /Task timed out/ | stats count(*) by bin(5m)';

test(`insights: ${events.length} events, ${(text.length / 1e6).toFixed(1)} MB of text`, async ({ bench }) => {
  await bench.compare(
    bench('runQuery: filter + stats count(*), avg(@duration) by bin(5m)', () => {
      const result = runQuery(statsQuery, events);
      if (!result.ok || result.rows.length === 0) throw new Error('query failed');
    }),
    bench('runQuery: filter like /regex/ + stats count(*) by bin(5m)', () => {
      runQuery(regexQuery, events);
    }),
    bench('parseLambdaLogs of the same text', () => {
      parseLambdaLogs(text);
    }),
    // Each run takes a fraction of a second: a few iterations give a stable mean without
    // holding the shared machine for minutes.
    { iterations: 8, time: 0, warmupIterations: 2, warmupTime: 0 },
  );
}, 300_000);
