import { describe, expect, it } from 'vitest';
import { readEntryFiles } from '../schema/files.ts';
import { parseQuery } from './index.ts';

/** Every Logs Insights query published on an entry page must be one the builder can open. */
const queries = readEntryFiles().flatMap(({ file, data }) => {
  const insights = (data as { insights?: unknown } | undefined)?.insights;
  if (!Array.isArray(insights)) return [];
  return insights.map((q: { title?: unknown; query?: unknown }) => [file, String(q.title), String(q.query)] as const);
});

describe('entry queries', () => {
  it('exist', () => {
    expect(queries.length).toBeGreaterThan(0);
  });

  it.each(queries)('%s: %s parses', (_file, _title, query) => {
    const result = parseQuery(query);
    expect(result.ok ? [] : result.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([]);
  });
});
