import { describe, expect, it } from 'vitest';
import { compareValues, type LogEvent, nearestRank, parseLambdaLogs, type QueryResult, runQuery } from './index.ts';

const report = (time: string, stream: string, id: string, duration: number, maxMb: number, init?: number) =>
  `${time} ${stream} REPORT RequestId: ${id}\tDuration: ${duration.toFixed(2)} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: 128 MB\tMax Memory Used: ${maxMb} MB\t${init === undefined ? '' : `Init Duration: ${init.toFixed(2)} ms\t`}`;

/** Five REPORTs over two 5-minute bins and two streams, plus application lines. */
const logs = parseLambdaLogs(
  [
    report('2024-01-01T00:00:10.000Z', 's/1', 'r1', 100, 64, 200),
    report('2024-01-01T00:01:00.000Z', 's/1', 'r2', 200, 128),
    `2024-01-01T00:03:00.000Z s/1 2024-01-01T00:03:00.000Z\tr3\tERROR\tboom {"errorType":"TypeError","code":7}`,
    report('2024-01-01T00:04:59.999Z', 's/1', 'r3', 300, 32),
    report('2024-01-01T00:05:00.000Z', 's/2', 'r4', 400, 64, 100),
    report('2024-01-01T00:09:00.000Z', 's/2', 'r5', 500, 96),
    '2024-01-01T00:09:30.000Z s/2 2024-01-01T00:09:30.000Z r6 Task timed out after 3.00 seconds',
  ].join('\n'),
);

function ok(result: QueryResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

describe('runQuery', () => {
  it('reads the constructed logs as seven events', () => {
    expect(logs).toHaveLength(7);
  });

  it('counts and averages per 5-minute bin, bins aligned to the period', () => {
    const r = ok(
      runQuery(
        'filter @type = "REPORT" | stats count(*) as n, avg(@duration) as mean, sum(ispresent(@initDuration)) as cold by bin(5m)',
        logs,
      ),
    );
    expect(r.columns).toEqual(['bin(5m)', 'n', 'mean', 'cold']);
    // Events are read newest first, so the newer bin is met first.
    expect(r.rows).toEqual([
      { 'bin(5m)': '2024-01-01 00:05:00.000', n: 2, mean: 450, cold: 1 },
      { 'bin(5m)': '2024-01-01 00:00:00.000', n: 3, mean: 200, cold: 1 },
    ]);
  });

  it('computes percentiles by nearest rank, and the other aggregates', () => {
    const r = ok(
      runQuery(
        `filter @type = "REPORT"
         | stats pct(@duration, 50) as p50, pct(@duration, 90) as p90, percentile(@duration, 20) as p20,
             min(@duration) as lo, max(@duration) as hi, sum(@billedDuration) as billed,
             stddev(@duration) as sd, count_distinct(@logStream) as streams, count(@initDuration) as colds,
             avg(@initDuration) as init, earliest(@requestId) as first, latest(@requestId) as last`,
        logs,
      ),
    );
    const [row] = r.rows;
    expect(row).toMatchObject({ p50: 300, p90: 500, p20: 100, lo: 100, hi: 500, billed: 1500, streams: 2, colds: 2 });
    expect(row?.init).toBe(150);
    expect(row?.sd).toBeCloseTo(Math.sqrt(25_000), 9);
    expect([row?.first, row?.last]).toEqual(['r1', 'r5']);
  });

  it('nearestRank picks the smallest value with p% at or below it', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 51)).toBe(3);
    expect(nearestRank([1, 2, 3, 4], 0)).toBe(1);
    expect(nearestRank([1, 2, 3, 4], 100)).toBe(4);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('gives null for an aggregate with no values, and one row for stats over nothing', () => {
    const none = ok(
      runQuery(
        'filter @type = "REPORT" and not ispresent(@initDuration) | stats avg(@initDuration) as a, count(*) as n',
        logs,
      ),
    );
    expect(none.rows).toEqual([{ a: null, n: 3 }]);
    const empty = ok(runQuery('filter @type = "NOPE" | stats count(*) as n, sum(@duration) as s', logs));
    expect(empty.rows).toEqual([{ n: 0, s: null }]);
  });

  it('reads memory in bytes (1 MB = 1,000,000) so the ratio and AWS division give MB', () => {
    const r = ok(
      runQuery(
        'filter @requestId = "r1" and @type = "REPORT" | fields @maxMemoryUsed / @memorySize * 100 as pct, @memorySize / 1000 / 1000 as mb',
        logs,
      ),
    );
    expect(r.rows).toEqual([{ pct: 50, mb: 128 }]);
  });

  it('defaults to @timestamp and @message, newest first', () => {
    const r = ok(runQuery('filter @type = "REPORT"', logs));
    expect(r.columns).toEqual(['@timestamp', '@message']);
    expect(r.rows.map((row) => row['@timestamp'])).toEqual([
      '2024-01-01 00:09:00.000',
      '2024-01-01 00:05:00.000',
      '2024-01-01 00:04:59.999',
      '2024-01-01 00:01:00.000',
      '2024-01-01 00:00:10.000',
    ]);
  });

  it('returns at most 10,000 rows without a limit, and the limit asked for with one', () => {
    const many: LogEvent[] = Array.from({ length: 10_050 }, (_, i) => ({
      timestamp: i,
      message: `line ${i}`,
      fields: {},
    }));
    const r = ok(runQuery('fields @message', many));
    expect(r.rows).toHaveLength(10_000);
    expect(r.rows[0]).toEqual({ '@message': 'line 10049' });
    expect(ok(runQuery('fields @message | limit 7', many)).rows).toHaveLength(7);
  });

  it('sorts, limits and dedups in the order written', () => {
    const sorted = ok(runQuery('filter @type = "REPORT" | sort @duration asc | fields @requestId | limit 2', logs));
    expect(sorted.rows).toEqual([{ '@requestId': 'r1' }, { '@requestId': 'r2' }]);
    const deduped = ok(runQuery('filter @type = "REPORT" | fields @requestId | dedup @logStream', logs));
    expect(deduped.rows).toEqual([{ '@requestId': 'r5' }, { '@requestId': 'r3' }]);
    const byDuration = ok(
      runQuery('filter @type = "REPORT" | sort @duration desc | fields @requestId | dedup @logStream', logs),
    );
    expect(byDuration.rows).toEqual([{ '@requestId': 'r5' }, { '@requestId': 'r3' }]);
    const keepsNulls = ok(runQuery('filter @type = "REPORT" | fields @requestId | dedup @initDuration', logs));
    expect(keepsNulls.rows).toHaveLength(5);
  });

  it('extracts fields with glob and regex parse, leaving non-matching events in', () => {
    const glob = ok(
      runQuery(
        'parse @message "Duration: * ms" as d | filter ispresent(d) | stats sum(d) as total, count(*) as n',
        logs,
      ),
    );
    expect(glob.rows).toEqual([{ total: 1500, n: 5 }]);
    const regex = ok(
      runQuery('parse @message /Max Memory Used: (?<mem>\\d+) MB/ | stats count(*) as all, count(mem) as parsed', logs),
    );
    expect(regex.rows).toEqual([{ all: 7, parsed: 5 }]);
  });

  it('matches like with substrings and regexes, in, not, and =~', () => {
    const count = (q: string) => ok(runQuery(`${q} | stats count(*) as n`, logs)).rows[0]?.n;
    expect(count('filter @message like "timed out"')).toBe(1);
    expect(count('filter @message like /(?i)TIMED OUT/')).toBe(1);
    expect(count('filter @message not like /REPORT/')).toBe(2);
    expect(count('filter @requestId in ["r1", "r4", "zz"]')).toBe(2);
    // Events without @requestId (the two application lines here) match neither in nor not in.
    expect(count('filter @requestId not in ["r1"]')).toBe(4);
    expect(count('filter @type =~ /^REP/')).toBe(5);
    expect(count('filter not (@duration > 150)')).toBe(3);
    expect(count('filter @duration > 150 and @duration <= 400')).toBe(3);
  });

  it('reads the first JSON object of a message as fields', () => {
    const r = ok(runQuery('filter ispresent(errorType) | fields errorType, code + 1 as next', logs));
    expect(r.rows).toEqual([{ errorType: 'TypeError', next: 8 }]);
  });

  it('lets a stats item use an earlier alias, and a second stats use the first one’s columns', () => {
    const alias = ok(
      runQuery('filter @type = "REPORT" | stats max(@duration) as hi, min(@duration) as lo, hi - lo as spread', logs),
    );
    expect(alias.rows).toEqual([{ hi: 500, lo: 100, spread: 400 }]);
    const twice = ok(
      runQuery('filter @type = "REPORT" | stats count(*) as n by @logStream | stats avg(n) as perStream', logs),
    );
    expect(twice.rows).toEqual([{ perStream: 2.5 }]);
  });

  it('keeps the last display only', () => {
    const r = ok(
      runQuery('filter @type = "REPORT" | display @requestId | display @duration > 250 as slow | limit 1', logs),
    );
    expect(r.rows).toEqual([{ slow: 1 }]);
  });

  it('aligns bin(1h) and bin(1d) to the period', () => {
    const r = ok(runQuery('stats count(*) as n by bin(1h) as hour, bin(1d) as day', logs));
    expect(r.rows).toEqual([{ hour: '2024-01-01 00:00:00.000', day: '2024-01-01 00:00:00.000', n: 7 }]);
  });

  it('returns the parse errors for an invalid query instead of throwing', () => {
    const r = runQuery('stats cont(*)', logs);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.message).toMatch(/Did you mean 'count'/);
  });

  it('sorts naturally: text before numbers ascending, digit runs by length then value', () => {
    const values = ['a10', 5, 'a9', 'b', '10', null, 'a'];
    expect([...values].sort(compareValues)).toEqual(['a', 'a9', 'a10', 'b', 5, '10', null]);
  });
});
