import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSampleLogs, type LogEvent, parseLambdaLogs, parseQuery, type Row, runQuery } from './index.ts';

interface Example {
  query: string;
  source: string;
  logs: string;
  expect?: { rows?: Row[]; rowCount?: number; includes?: Row[] };
  note?: string;
}

const fixture = JSON.parse(readFileSync('tests/fixtures/insights/aws-examples.json', 'utf8')) as {
  logs: Record<string, string>;
  examples: Example[];
};

const samples = new Map<string, LogEvent[]>();
function logsFor(name: string): LogEvent[] {
  let events = samples.get(name);
  if (!events) {
    const text = name === 'lambda' ? generateSampleLogs(7, 40) : fixture.logs[name];
    if (text === undefined) throw new Error(`no sample logs named ${name}`);
    events = parseLambdaLogs(text);
    samples.set(name, events);
  }
  return events;
}

describe("AWS's own example queries (tests/fixtures/insights/aws-examples.json)", () => {
  it('has every example sourced from an AWS page or AWS repository', () => {
    expect(fixture.examples.length).toBeGreaterThanOrEqual(80);
    for (const e of fixture.examples)
      expect(e.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|github\.com\/awsdocs)\//);
  });

  it.each(fixture.examples.map((e, i) => [i, e.query.split('\n')[0], e] as const))('#%i %s', (_i, _first, example) => {
    const parsed = parseQuery(example.query);
    expect(parsed.ok ? [] : parsed.errors.map((x) => x.message)).toEqual([]);
    const events = logsFor(example.logs);
    expect(events.length).toBeGreaterThan(0);
    const result = runQuery(example.query, events, { now: Date.UTC(2024, 4, 1, 12) });
    if (!result.ok) throw new Error(result.errors.map((x) => x.message).join('; '));
    const want = example.expect;
    if (want?.rows) expect(result.rows).toEqual(want.rows);
    if (want?.rowCount !== undefined) expect(result.rows).toHaveLength(want.rowCount);
    for (const row of want?.includes ?? []) expect(result.rows).toContainEqual(row);
  });
});
