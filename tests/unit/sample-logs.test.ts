import { describe, expect, it } from 'vitest';
import { generateSampleLogLines } from '../../scripts/sample-logs.ts';
import { parseLambdaLogs, runQuery, templates } from '../../src/insights/index.ts';
import { sampleLogLines } from '../../src/insights/sample-logs.generated.ts';
import { readEntryFiles } from '../../src/schema/files.ts';

/**
 * The builder's sample logs come from the emulated runtime and the entries' messages
 * (scripts/sample-logs.ts). Every query an entry publishes, and every template, must find
 * something in them: "Run it here" on an entry's query should show rows, not an empty table.
 */
const events = parseLambdaLogs(sampleLogLines.join('\n'));

const entryQueries = readEntryFiles().flatMap(({ file, data }) => {
  const insights = (data as { insights?: unknown } | undefined)?.insights;
  if (!Array.isArray(insights)) return [];
  return insights.map((q: { title?: unknown; query?: unknown }) => [file, String(q.title), String(q.query)] as const);
});

describe('the builder sample logs', () => {
  it('are up to date with the generator and the entries (else run `npm run sample-logs`)', async () => {
    const fresh = await generateSampleLogLines();
    // Compared line by line, so a failure names the first line that differs rather than a 300 kB blob.
    const firstDifference = fresh.findIndex((line, i) => line !== sampleLogLines[i]);
    expect({ firstDifference, line: fresh[firstDifference] }).toEqual({ firstDifference: -1, line: undefined });
    expect(sampleLogLines.length).toBe(fresh.length);
  }, 300_000);

  it('hold every kind of event the templates and entries ask about', () => {
    const messages = events.map((e) => e.message);
    for (const marker of [
      /^INIT_START /,
      /^INIT_REPORT .*Status: error/,
      /^INIT_REPORT .*Status: timeout/,
      /^REPORT .*Status: timeout/,
      /Task timed out after/,
      /signal: killed/,
      /Invoke Error/,
      /"type":"platform.report"/,
      /"eventSource":"lambda.amazonaws.com"/,
    ])
      expect(
        messages.some((m) => marker.test(m)),
        String(marker),
      ).toBe(true);
    expect(events.some((e) => Number(e.fields['@duration']) > 60_000)).toBe(true);
  });

  it('cover every entry (derived from the entries that exist)', () => {
    expect(entryQueries.length).toBeGreaterThan(50);
  });

  it.each(entryQueries)('%s: "%s" returns rows', (_file, _title, query) => {
    const result = runQuery(query, events);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it.each(templates.map((t) => [t.id, t] as const))('template %s returns rows', (_id, template) => {
    const result = runQuery(template.render(), events);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    expect(result.rows.length).toBeGreaterThan(0);
  });
});
