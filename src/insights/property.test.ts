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
  // The commands and syntax added for the whole documented language.
  'SOURCE',
  'logGroups(',
  'namePrefix:',
  "['/aws/lambda/x']",
  'unnest',
  'into',
  'pattern',
  'appendcols',
  'override=true',
  'join',
  'type=left',
  'where',
  'a.x=b.x',
  'accum',
  'autoregress',
  'p=1-3',
  'filldown',
  'fillmissing',
  'with',
  'for',
  'multi',
  'logfmt',
  'csv',
  'json',
  'field=',
  'offset',
  '1h',
  'any',
  'jsonParse(',
  'x[0].y',
  'split(',
  'isIpInSubnet(',
  'md5(',
  'case(',
  'rate(',
  'histogram(',
  'filterIndex',
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

describe('a fields chain means the same in one command or split over several', () => {
  /** An arithmetic or string expression over the fields defined so far (`a`, `b`, `c`, then aliases). */
  const leaf = (names: string[]) => fc.oneof(fc.constantFrom(...names), fc.integer({ min: -9, max: 9 }).map(String));
  const expression = (names: string[]) =>
    fc
      .tuple(leaf(names), fc.constantFrom('+', '-', '*', '/', '%'), leaf(names), fc.constantFrom('', 'concat', 'abs'))
      .map(([x, op, y, wrap]) =>
        wrap === 'concat' ? `concat(${x}, "-", ${y})` : wrap === 'abs' ? `abs(${x} ${op} ${y})` : `${x} ${op} ${y}`,
      );
  const chain = fc.integer({ min: 1, max: 6 }).chain((length) => {
    let generator = fc.constant<string[]>([]);
    for (let i = 0; i < length; i++) {
      generator = generator.chain((items) =>
        expression(['a', 'b', 'c', ...items.map((_, k) => `v${k}`)]).map((e) => [...items, `${e} as v${i}`]),
      );
    }
    return generator;
  });
  const events: LogEvent[] = [
    { timestamp: 1000, message: '{"a":3,"b":4,"c":"x"}', fields: { a: 3, b: 4, c: 'x' } },
    { timestamp: 2000, message: '{"a":0,"b":-2.5}', fields: { a: 0, b: -2.5 } },
    { timestamp: 3000, message: '{"a":"7","c":12}', fields: { a: '7', c: 12 } },
  ];

  it('gives the same columns and rows', () => {
    fc.assert(
      fc.property(chain, fc.integer({ min: 1, max: 5 }), (items, cut) => {
        const split = Math.min(cut, items.length);
        const together = runQuery(`fields ${items.join(', ')}`, events);
        const apart =
          split === items.length
            ? runQuery(items.map((i) => `fields ${i}`).join(' | '), events)
            : runQuery(`fields ${items.slice(0, split).join(', ')} | fields ${items.slice(split).join(', ')}`, events);
        expect(together.ok && apart.ok).toBe(true);
        if (together.ok && apart.ok) {
          expect(apart.columns).toEqual(together.columns);
          expect(apart.rows).toEqual(together.rows);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('computes an alias used later in the same command (AWS memory-usage style)', () => {
    const r = runQuery('fields a * 100 / b as pct, a - b as spare, pct + spare as both', events);
    expect(r.ok && r.rows[2]).toEqual({ pct: 75, spare: -1, both: 74 });
  });
});

describe('documented equivalences hold on generated logs', () => {
  const fieldNames = fc.constantFrom('@requestId', '@type', '@logStream', 'errorType', '@initDuration');
  it('filter f in (fields f) keeps exactly the events where f is present', () => {
    fc.assert(
      fc.property(fieldNames, (f) => {
        const viaSubquery = runQuery(`filter ${f} in (fields ${f}) | stats count(*) as n`, sample);
        const viaPresent = runQuery(`filter ispresent(${f}) | stats count(*) as n`, sample);
        expect(viaSubquery.ok && viaSubquery.rows).toEqual(viaPresent.ok && viaPresent.rows);
      }),
      { numRuns: 20 },
    );
  });

  it('limit any N returns what limit N returns on a paste', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        const any = runQuery(`fields @message | limit any ${n}`, sample);
        const plain = runQuery(`fields @message | limit ${n}`, sample);
        expect(any.ok && any.rows).toEqual(plain.ok && plain.rows);
      }),
      { numRuns: 20 },
    );
  });

  it('unnest of split gives one row per part, and accum of 1 counts rows', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 6 }), (parts) => {
        const events: LogEvent[] = [{ timestamp: 0, message: parts.join(','), fields: {} }];
        const r = runQuery(
          'fields split(@message, ",") as p | unnest p into q | fields 1 as one | accum one as n',
          events,
        );
        expect(r.ok && r.rows.map((x) => x.n)).toEqual(parts.map((_, i) => i + 1));
      }),
      { numRuns: 100 },
    );
  });
});
