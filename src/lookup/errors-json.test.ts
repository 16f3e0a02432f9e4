import { describe, expect, it } from 'vitest';
import { loadValidEntries } from '../../tests/unit/support/lookup';
import type { ErrorEntry } from '../schema/errors';
import { buildErrorIndex } from './build-index';
import { buildOpenSearchDescription, lookupUrlTemplate } from './opensearch';
import { errorIndexSchema } from './schema';

const { entries } = loadValidEntries();
const model = entries.find((entry) => entry.id === 'task-timed-out');

/** A copy of an entry with another id, to build small catalogues. */
function variant(entry: ErrorEntry, id: string, changes: Partial<ErrorEntry> = {}): ErrorEntry {
  return { ...entry, id, related: [], ...changes };
}

describe('buildErrorIndex', () => {
  it('produces a document that validates against the published schema', () => {
    const index = buildErrorIndex(entries, { site: 'https://lambda.example.com', base: '/' });
    const result = errorIndexSchema.safeParse(index);
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
    expect(index.version).toBe(1);
    expect(index.entries).toHaveLength(entries.length);
  });

  it('keeps each entry recognisable: patterns, error types, messages, related and aliases', () => {
    if (!model) throw new Error('the model entry task-timed-out is missing');
    const withAlias = variant(model, 'lambda-timeout', { aliases: ['old-timeout'], related: ['task-timed-out'] });
    const [first, second] = buildErrorIndex([withAlias, model], { site: 'https://x.example', base: '/' }).entries;
    expect(first?.id).toBe('lambda-timeout');
    expect(first?.aliases).toEqual(['old-timeout']);
    expect(first?.related).toEqual(['task-timed-out']);
    expect(second?.aliases).toEqual(model.aliases ?? []);
    expect(second?.patterns).toEqual(model.patterns.map(({ source, flags }) => ({ source, flags })));
    expect(second?.errorTypes).toEqual([
      ...new Set(model.messages.flatMap((message) => (message.errorType ? [message.errorType] : []))),
    ]);
    expect(second?.messages.map((message) => message.text)).toEqual(model.messages.map((message) => message.text));
    // Every stored pattern compiles with its flags, as a consumer would compile it.
    for (const pattern of second?.patterns ?? []) expect(() => new RegExp(pattern.source, pattern.flags)).not.toThrow();
  });

  it('sorts entries by id whatever order they come in', () => {
    if (!model) throw new Error('the model entry task-timed-out is missing');
    const shuffled = [variant(model, 'zeta'), variant(model, 'alpha'), variant(model, 'mid')];
    const ids = buildErrorIndex(shuffled, { site: 'https://x.example', base: '/' }).entries.map((entry) => entry.id);
    expect(ids).toEqual(['alpha', 'mid', 'zeta']);
  });

  it.each([
    ['https://lambda.example.com', '/', 'https://lambda.example.com/errors/task-timed-out/'],
    ['https://lambda.example.com', '/field-guide/', 'https://lambda.example.com/field-guide/errors/task-timed-out/'],
    ['https://lambda.example.com/', '/field-guide', 'https://lambda.example.com/field-guide/errors/task-timed-out/'],
    ['http://localhost:4321', '/docs/guide/', 'http://localhost:4321/docs/guide/errors/task-timed-out/'],
  ])('makes absolute URLs from site %s and base %s', (site, base, expected) => {
    if (!model) throw new Error('the model entry task-timed-out is missing');
    const [entry] = buildErrorIndex([model], { site, base }).entries;
    expect(entry?.url).toBe(expected);
  });

  it('is refused by the schema when a field breaks the contract', () => {
    const index = buildErrorIndex(entries.slice(0, 1), { site: 'https://x.example', base: '/' });
    expect(errorIndexSchema.safeParse({ ...index, version: 2 }).success).toBe(false);
    const [entry] = index.entries;
    if (!entry) throw new Error('no entry');
    expect(errorIndexSchema.safeParse({ version: 1, entries: [{ ...entry, url: '/errors/x/' }] }).success).toBe(false);
    expect(errorIndexSchema.safeParse({ version: 1, entries: [{ ...entry, patterns: [] }] }).success).toBe(false);
    expect(
      errorIndexSchema.safeParse({ version: 1, entries: [{ ...entry, patterns: [{ source: 'x', flags: 'g' }] }] })
        .success,
    ).toBe(false);
  });
});

describe('OpenSearch description', () => {
  it('opens the lookup page at an absolute URL honouring the base path', () => {
    expect(lookupUrlTemplate({ site: 'https://lambda.example.com', base: '/field-guide/' })).toBe(
      'https://lambda.example.com/field-guide/lookup/?q={searchTerms}',
    );
    const xml = buildOpenSearchDescription({
      site: 'https://lambda.example.com',
      base: '/',
      shortName: 'A name longer than sixteen characters',
      description: 'Errors & fixes <for> "Lambda"',
    });
    expect(xml).toContain('template="https://lambda.example.com/lookup/?q={searchTerms}"');
    expect(xml).toContain('<ShortName>A name longer th</ShortName>');
    expect(xml).toContain('<Description>Errors &amp; fixes &lt;for&gt; &quot;Lambda&quot;</Description>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
});
