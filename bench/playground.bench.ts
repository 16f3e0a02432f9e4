/**
 * One emulate() of a typical example, cold (new Worker, init, one invocation): the UI must show a
 * first result within 300 ms of a click. Figures, not pass/fail.
 */
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { buildEmulateOptions, EXAMPLES } from '../playground/examples/catalogue.ts';
import { compileExample } from '../playground/examples/compile.ts';
import { emulate } from '../playground/runtime/index.ts';

const load = (id: string, side: 'before' | 'after') =>
  readFileSync(new URL(`../playground/examples/${id}/${side}.ts`, import.meta.url), 'utf8');

const timeout = EXAMPLES['outbound-timeout'];
const backoff = EXAMPLES['backoff-with-jitter'];
if (!timeout || !backoff) throw new Error('example missing');
const timeoutSource = load('outbound-timeout', 'after');
const backoffCode = compileExample(load('backoff-with-jitter', 'after'));

test('playground emulate()', async ({ bench }) => {
  await bench.compare(
    bench('compile + emulate outbound-timeout/after (click to first result)', async () => {
      await emulate(buildEmulateOptions(timeout, 'after', compileExample(timeoutSource)));
    }),
    bench('emulate backoff-with-jitter/after (20 throttled calls, retries)', async () => {
      await emulate(buildEmulateOptions(backoff, 'after', backoffCode));
    }),
    bench('compileExample only', () => {
      compileExample(timeoutSource);
    }),
  );
});
