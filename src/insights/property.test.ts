import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSampleLogs, type LogEvent, parseLambdaLogs, parseQuery, runQuery, templates } from './index.ts';

/** Fragments of the language, so that generated queries get past the tokenizer and into the parser. */
const fragment = fc.constantFrom(
  'fields',
  'filter',
  'stats',
  'sort',
  'limit',
  'dedup',
  'parse',
  'display',
  'by',
  'as',
  'and',
  'or',
  'not',
  'like',
  'in',
  'desc',
  '|',
  '(',
  ')',
  '[',
  ']',
  ',',
  '*',
  '/',
  '=',
  '!=',
  '>',
  '=~',
  '^',
  '-',
  '@message',
  '@duration',
  '`a b`',
  '"x"',
  "'y'",
  '/re/',
  '/(?<g>\\d+)/',
  '5m',
  '1e3',
  '0',
  '-1',
  'count(*)',
  'bin(',
  'pct(',
  'avg(',
  'ispresent(',
  'concat(',
  '#',
  '\n',
  ' ',
  'foo.bar',
  '"* ms *"',
  '10001',
);
const querylike = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(' '));
const logText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom(...generateSampleLogs(3, 8).split('\n')), { maxLength: 10 }).map((l) => l.join('\n')),
  fc.json().map((j) => j),
  fc
    .array(
      fc.oneof(fc.string({ maxLength: 40 }), fc.constant('"@timestamp",@message'), fc.constant('"'), fc.constant(',')),
    )
    .map((l) => l.join('\n')),
);

const sample: LogEvent[] = parseLambdaLogs(generateSampleLogs(11, 40));

describe('never throws', () => {
  it('parseQuery, on any string and on language-shaped noise', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), querylike),
        (q) => {
          const result = parseQuery(q);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            for (const e of result.errors) {
              expect(e.line).toBeGreaterThanOrEqual(1);
              expect(e.column).toBeGreaterThanOrEqual(1);
              expect(e.message).not.toMatch(/^Internal/);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parseLambdaLogs, on any text, JSON or CSV-like input', () => {
    fc.assert(
      fc.property(logText, (text) => {
        const events = parseLambdaLogs(text);
        for (const e of events) expect(typeof e.message).toBe('string');
      }),
      { numRuns: 1500 },
    );
  });

  it('runQuery, on noise queries and on mutated templates over real and odd events', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...templates.map((t) => t.render())),
        fc.nat(),
        fc.nat({ max: 5 }),
        fc.string({ maxLength: 5 }),
      )
      .map(([q, at, cut, insert]) => {
        const i = at % (q.length + 1);
        return q.slice(0, i) + insert + q.slice(i + cut);
      });
    fc.assert(
      fc.property(fc.oneof(querylike, mutated), fc.boolean(), (q, odd) => {
        const events = odd
          ? [{ timestamp: Number.NaN, message: '', fields: { x: {} as never, '@timestamp': 'no' as never } }]
          : sample;
        const result = runQuery(q, events);
        if (!result.ok) for (const e of result.errors) expect(e.message).not.toMatch(/^Internal/);
      }),
      { numRuns: 2000 },
    );
  });
});
