import { describe, expect, it } from 'vitest';
import {
  checkValues,
  generateSampleLogs,
  parseLambdaLogs,
  parseQuery,
  runQuery,
  templates,
  templateUrl,
} from './index.ts';

const events = parseLambdaLogs(generateSampleLogs(7, 600));

describe('templates', () => {
  it('have unique ids, a question, a source and the queries the brief lists', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of templates) {
      expect(t.answers).toMatch(/\?$/);
      expect(t.source.url).toMatch(/^https:\/\//);
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'errors-by-type',
        'cold-starts',
        'memory-utilization',
        'cold-start-share',
        'init-duration',
        'duration-percentiles',
        'over-provisioned-memory',
        'most-expensive-invocations',
        'timeouts',
        'process-exited',
        'memory-at-limit',
      ]),
    );
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s parses and returns rows on the sample logs', (_, t) => {
    const parsed = parseQuery(t.render());
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    const result = runQuery(t.render(), events);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.rows.length).toBeGreaterThan(0);
    // Every column has a value in at least one row: no template silently reads a missing field.
    for (const column of result.columns) {
      expect(
        result.rows.some((row) => row[column] !== null),
        `${t.id}: ${column}`,
      ).toBe(true);
    }
  });

  it('render the parameters they declare', () => {
    for (const t of templates) {
      const text = t.render({ bin: '15m', topN: 7, filter: '@logStream like /LATEST/' });
      if (t.parameters.includes('bin')) expect(text).toContain('bin(15m)');
      if (t.parameters.includes('topN')) expect(text).toContain('limit 7');
      if (t.parameters.includes('filter')) expect(text).toContain('| filter @logStream like /LATEST/');
      const parsed = parseQuery(text);
      expect(parsed.ok, `${t.id}: ${parsed.ok ? '' : parsed.errors[0]?.message}`).toBe(true);
    }
  });

  it('reject invalid values by naming the parameter', () => {
    expect(checkValues({ bin: '5 minutes' })).toEqual([expect.stringMatching(/^bin:/)]);
    expect(checkValues({ topN: 0 })).toEqual([expect.stringMatching(/^topN:/)]);
    expect(checkValues({ filter: '@duration >' })).toEqual([expect.stringMatching(/^filter: Expected an expression/)]);
    expect(checkValues({ filter: 'x = 1 | stats count(*)' })).toEqual(['filter: must be a single condition']);
    expect(checkValues({ bin: '1h', topN: 10, filter: '' })).toEqual([]);
    const [first] = templates;
    expect(() => first?.render({ bin: 'soon' })).toThrow(RangeError);
  });

  it('build a console link carrying the rendered query and log groups', () => {
    const t = templates.find((x) => x.id === 'timeouts');
    if (!t) throw new Error('missing');
    const url = templateUrl(t, { region: 'eu-west-1', logGroups: ['/aws/lambda/orders'], bin: '1h' });
    expect(url).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:/);
    expect(url).toContain('bin*281h*29');
    expect(url).toContain("source~(~'*2faws*2flambda*2forders)");
  });
});
