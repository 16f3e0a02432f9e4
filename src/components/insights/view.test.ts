import { describe, expect, it } from 'vitest';
import { insightsPrice } from '../../data/pricing';
import { generateSampleLogs, getTemplate, parseLambdaLogs, parseQuery, type Query, runQuery } from '../../insights';
import { builderUrl, entryBuilderUrl, findOrigin, type QueryOrigin, queryFingerprint } from './links';
import { formatBytes, formatUsd, isBelowCent, scanCostUsd } from './pricing';
import {
  binColumn,
  chartLayout,
  explainEmpty,
  isRegion,
  numericColumns,
  parseResultTime,
  splitLogGroups,
} from './view';

const parse = (text: string): Query => {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.query;
};

describe('binColumn', () => {
  it('finds the column of a stats grouped by bin() alone, with its alias or its text', () => {
    expect(binColumn(parse('stats count(*) by bin(5m)'))).toEqual({ column: 'bin(5m)', period: '5m' });
    expect(binColumn(parse('stats count(*) by bin(1h) as hour'))).toEqual({ column: 'hour', period: '1h' });
  });

  it('gives nothing without stats, without bin, or with other group keys', () => {
    expect(binColumn(parse('fields @timestamp | limit 5'))).toBeUndefined();
    expect(binColumn(parse('stats count(*) by @logStream'))).toBeUndefined();
    expect(binColumn(parse('stats count(*) by bin(5m), @logStream'))).toBeUndefined();
  });
});

describe('chartLayout', () => {
  const rows = [
    { 'bin(5m)': '2024-03-04 12:10:00.000', n: 30 },
    { 'bin(5m)': '2024-03-04 12:00:00.000', n: 10 },
    { 'bin(5m)': '2024-03-04 12:05:00.000', n: null },
    { 'bin(5m)': '2024-03-04 12:05:00.000', n: 20 },
  ];

  it('orders points oldest first and skips rows without a value', () => {
    const layout = chartLayout(rows, 'bin(5m)', 'n', '5m');
    expect(layout?.points.map((p) => p.value)).toEqual([10, 20, 30]);
    const xs = layout?.points.map((p) => p.x) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(layout?.left);
    expect(xs.at(-1)).toBe(layout?.right);
    // The highest value sits below the top of a rounded axis (30 → 50), the lowest above the bottom.
    expect(layout?.yTicks.map((t) => t.label)).toEqual(['0', '25', '50']);
    expect(layout?.path.startsWith('M')).toBe(true);
  });

  it('describes the series in words, as the chart text alternative', () => {
    expect(chartLayout(rows, 'bin(5m)', 'n', '5m')?.summary).toBe(
      'Line chart of n per 5m bin: 3 bins from 2024-03-04 12:00 to 2024-03-04 12:10 UTC; lowest 10 at ' +
        '2024-03-04 12:00, highest 30 at 2024-03-04 12:10.',
    );
  });

  it('gives nothing when no row has both a time and a number', () => {
    expect(chartLayout([{ t: 'soon', n: 1 }], 't', 'n', '5m')).toBeUndefined();
  });

  it('charts the cold-start template on the sample logs', () => {
    const events = parseLambdaLogs(generateSampleLogs(7, 400));
    const query = getTemplate('cold-starts')?.render() ?? '';
    const result = runQuery(query, events);
    if (!result.ok) throw new Error('the template should run');
    const bins = binColumn(parse(query));
    expect(bins?.column).toBe('bin(5m)');
    const columns = numericColumns(result.columns, result.rows, bins?.column ?? '');
    expect(columns).toEqual(['invocations', 'coldStarts', 'avgInitMs', 'maxInitMs', 'maxDurationMs']);
    const layout = chartLayout(result.rows, bins?.column ?? '', 'invocations', '5m');
    expect(layout?.points.length).toBe(result.rows.length);
    expect(layout?.points.reduce((sum, p) => sum + p.value, 0)).toBe(400);
  });
});

describe('explainEmpty', () => {
  const events = parseLambdaLogs(generateSampleLogs(7, 60));
  const explain = (query: string) => {
    const result = runQuery(query, events);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    return { rows: result.rows.length, why: explainEmpty(result.statistics.stages, result.statistics.recordsScanned) };
  };

  it('names the filter that removed every event and how many it was given', () => {
    expect(explain('filter @message like /No such line/ | stats count(*) by bin(1h)')).toEqual({
      rows: 0,
      why: `The filter @message like /No such line/ matched 0 of ${events.length} events.`,
    });
  });

  it('names the condition of an and that matched nothing, or says that each matched some', () => {
    expect(explain('filter @type = "REPORT" and @message like /Status: nothing/').why).toBe(
      `The filter @type = "REPORT" and @message like /Status: nothing/ matched 0 of ${events.length} events. ` +
        'The condition @message like /Status: nothing/ matched none on its own.',
    );
    const both = explain('filter @type = "START" and @type = "END"').why;
    expect(both).toMatch(/^The filter @type = "START" and @type = "END" matched 0 of \d+ events\. Each condition/);
    expect(both).toMatch(/@type = "START": [1-9]\d*; @type = "END": [1-9]\d*/);
  });

  it('counts what reached a later command, and is silent when nothing was emptied', () => {
    const later = explain('filter @type = "REPORT" | filter @duration > 1e9');
    const reports = events.filter((e) => e.fields['@type'] === 'REPORT').length;
    expect(later).toEqual({ rows: 0, why: `The filter @duration > 1e9 matched 0 of ${reports} records.` });
    expect(explain('stats count(*) by bin(1h)').why).toBeUndefined();
    expect(explainEmpty([], 0)).toBe('The logs hold no events to query.');
  });
});

describe('helpers', () => {
  it('reads result datetimes as UTC', () => {
    expect(parseResultTime('2024-03-04 12:05:00.000')).toBe(Date.UTC(2024, 2, 4, 12, 5));
    expect(parseResultTime('12:05')).toBeNull();
    expect(parseResultTime(5)).toBeNull();
  });

  it('keeps numeric columns only', () => {
    const rows = [
      { a: 1, b: 'x', c: null, d: '2.5' },
      { a: null, b: 2, c: null, d: 3 },
    ];
    expect(numericColumns(['t', 'a', 'b', 'c', 'd'], rows, 't')).toEqual(['a', 'd']);
  });

  it('prices bytes at $0.005 per 10^9 bytes', () => {
    expect(scanCostUsd(1e9, insightsPrice.perGbScanned)).toBeCloseTo(0.005, 12);
    expect(scanCostUsd(250e9, insightsPrice.perGbScanned)).toBeCloseTo(1.25, 12);
    expect(scanCostUsd(-5, insightsPrice.perGbScanned)).toBe(0);
    expect(formatUsd(scanCostUsd(1_234_567, insightsPrice.perGbScanned))).toBe('$0.0000062');
    expect(formatUsd(1.25)).toBe('$1.25');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
  });

  it('formats money in plain decimals, never in exponent notation', () => {
    expect(formatUsd(1.5e-7)).toBe('$0.00000015');
    expect(formatUsd(scanCostUsd(30_000, insightsPrice.perGbScanned))).toBe('$0.00000015');
    expect(formatUsd(0.005)).toBe('$0.005');
    expect(formatUsd(0.0099)).toBe('$0.0099');
    expect(formatUsd(0.009999)).toBe('$0.01');
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(Number.NaN)).toBe('$0');
    for (const usd of [3e-12, 1.5e-7, 4.2e-5, 0.003]) expect(formatUsd(usd)).not.toMatch(/e/i);
    expect(isBelowCent(1.5e-7)).toBe(true);
    expect(isBelowCent(0.009999)).toBe(false);
    expect(isBelowCent(0.5)).toBe(false);
    expect(isBelowCent(0)).toBe(false);
    expect(formatBytes(999)).toBe('999 B');
  });

  it('checks Regions and splits log groups', () => {
    expect(isRegion('us-east-1')).toBe(true);
    expect(isRegion('us-gov-west-1')).toBe(true);
    expect(isRegion('US East')).toBe(false);
    expect(splitLogGroups(' /aws/lambda/a \n\n/aws/lambda/b, /aws/lambda/c')).toEqual([
      '/aws/lambda/a',
      '/aws/lambda/b',
      '/aws/lambda/c',
    ]);
  });

  it('builds builder links whose q parameter gives the query back', () => {
    const query = 'filter @message like /Task timed out/\n| stats count(*) by bin(1h) # <b>&</b>';
    const url = builderUrl(`${query}\n`);
    expect(url.startsWith('/insights/?q=')).toBe(true);
    expect(new URL(url, 'http://x').searchParams.get('q')).toBe(query);
    expect(builderUrl('limit 5', '/guide/')).toBe('/guide/insights/?q=limit%205');
  });

  it('adds the entry to a builder link and finds the query it came from', () => {
    const url = entryBuilderUrl('task-timed-out', 'fields @message\n| limit 5\n', '/');
    expect(url).toBe('/insights/?q=fields%20%40message%0A%7C%20limit%205&from=task-timed-out');
    const origins: QueryOrigin[] = [
      {
        entry: 'a',
        entryTitle: 'A',
        href: '/errors/a/#insights',
        queries: [{ title: 'qa', fingerprint: queryFingerprint('limit 5') }],
      },
      {
        entry: 'b',
        entryTitle: 'B',
        href: '/errors/b/#insights',
        queries: [
          { title: 'qb', fingerprint: queryFingerprint('limit 5') },
          { title: 'qc', fingerprint: queryFingerprint('limit 6') },
        ],
      },
    ];
    expect(queryFingerprint(' limit 5\n')).toBe(queryFingerprint('limit 5'));
    expect(queryFingerprint('limit 5')).not.toBe(queryFingerprint('limit 6'));
    expect(findOrigin(origins, 'limit 5', 'b')).toEqual({ origin: origins[1], queryTitle: 'qb' });
    expect(findOrigin(origins, 'limit 6', null)).toEqual({ origin: origins[1], queryTitle: 'qc' });
    expect(findOrigin(origins, 'limit 7', 'a')).toEqual({ origin: origins[0] });
    expect(findOrigin(origins, 'limit 7', null)).toBeUndefined();
    expect(findOrigin(origins, 'limit 5', 'no-such-entry')).toBeUndefined();
  });
});
