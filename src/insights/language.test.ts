import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5, sha256 } from './builtins.ts';
import { type LogEvent, parseLambdaLogs, type QueryResult, runQuery } from './index.ts';

function ok(result: QueryResult) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

/** One event with no fields, for evaluating constant expressions. */
const one: LogEvent[] = parseLambdaLogs('2024-01-01T00:00:00.000Z hello');
const value = (expression: string, events: LogEvent[] = one) =>
  ok(runQuery(`fields ${expression} as v | limit 1`, events)).rows[0]?.v;

describe('functions from the operations-and-functions page', () => {
  it.each([
    // AWS's own examples on the page.
    ['hexToAscii("48656c6c6f")', 'Hello'],
    ['hexToDec("0xff")', 255],
    ['decToHex(255)', '0xff'],
    ['decToHex(-255.7)', '-0xff'],
    ['ltrim("xyZxyfooxyZ","xyZ")', 'fooxyZ'],
    ['rtrim("xyZfooxyxyZ","xyZ")', 'xyZfoo'],
    ['trim("xyZxyfooxyxyZ","xyZ")', 'foo'],
    ['substr("xyZfooxyZ",3, 3)', 'foo'],
    ['2 ^ 3', 8],
    ['10 % 3', 1],
    // IP addresses.
    ['ipv4ToNumber("10.0.0.1")', 167772161],
    ['ipv4ToNumber("10.0.0.256")', null],
    ['isPrivateIP("172.20.1.1")', 1],
    ['isPrivateIP("8.8.8.8")', 0],
    ['isPublicIP("8.8.8.8")', 1],
    ['isPublicIP("127.0.0.1")', 0],
    ['isReservedIP("192.0.2.5")', 1],
    ['isReservedIP("fe80::1")', 1],
    ['isIpv4InSubnet("192.0.2.7", "192.0.2.0/24")', 1],
    ['isIpv4InSubnet("192.0.3.7", "192.0.2.0/24")', 0],
    ['isIpv6InSubnet("2001:db8::1", "2001:db8::/32")', 1],
    ['isIpInSubnet("2001:db9::1", "2001:db8::/32")', 0],
    ['isIpInSubnet("10.1.2.3", "10.0.0.0/8")', 1],
    ['isValidIpV6("::ffff:1.2.3.4")', 1],
    ['isValidIpV4("1.2.3")', 0],
    ['isValidIp("::1")', 1],
    // Strings, encodings, conversions.
    ['regexReplace("a1b22c", "[0-9]+", "#")', 'a#b#c'],
    ['strcontains("Hello", "hell", true)', 1],
    ['strcontains("Hello", "hell")', 0],
    ['base64encode("héllo")', Buffer.from('héllo').toString('base64')],
    ['base64decode("aMOpbGxv")', 'héllo'],
    ['urlencode("a b&c")', 'a%20b%26c'],
    ['urldecode("a%20b%26c")', 'a b&c'],
    ['messageSize("héllo")', 6],
    ['toInt("42.9")', 42],
    ['toDouble("4.5")', 4.5],
    ['case(1 > 2, "a", 2 > 1, "b", "c")', 'b'],
    ['case(1 > 2, "a", "c")', 'c'],
    ['jsonArraySize("[1,2,3]")', 3],
    ['jsonArrayContains("[\\"admin\\",\\"dev\\"]", "admin")', 1],
    ['jsonStringify(jsonParse("{\\"a\\":[1,2]}"))', '{"a":[1,2]}'],
    ['round(haversine(51.5074, -0.1278, 48.8566, 2.3522))', 344],
    ['parseDate("2024-03-05", "yyyy-MM-dd", "UTC")', Date.UTC(2024, 2, 5)],
    ['parseDate("05/03/2024 13:04:05.123", "dd/MM/yyyy HH:mm:ss.SSS")', Date.UTC(2024, 2, 5, 13, 4, 5, 123)],
    ['parseDate("2024-03-05 10:00", "yyyy-MM-dd HH:mm", "+02:00")', Date.UTC(2024, 2, 5, 8)],
    ['formatDate(@timestamp, "%Y-%m-%d %H:%M", "UTC")', '2024-01-01 00:00'],
    ['strftime(@timestamp, "%d %b %Y %H:%M %z", "+05:30")', '01 Jan 2024 05:30 +0530'],
    ['queryTimeRange()', 0],
  ])('%s = %j', (expression, expected) => {
    expect(value(expression)).toEqual(expected);
  });

  it('hashes like Node: md5 and sha256 over any text', () => {
    expect(md5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
        expect(md5(s)).toBe(createHash('md5').update(s, 'utf8').digest('hex'));
        expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    expect(value('sha256("abc")')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('takes now() from the query start, in epoch seconds', () => {
    const r = ok(runQuery('fields now() as t | limit 1', one, { now: 1_700_000_000_123 }));
    expect(r.rows[0]?.t).toBe(1_700_000_000);
  });
});

describe('JSON structures: jsonParse, dot and index access, unnest', () => {
  const events = parseLambdaLogs(
    [
      '2024-01-01T00:00:02.000Z {"events":[{"name":"exception"},{"name":"user action"}],"users":[{"action":"Get"},{"action":"PutData"}],"user.id":"123"}',
      '2024-01-01T00:00:01.000Z {"events":[],"users":[]}',
    ].join('\n'),
  );

  it("runs the unnest page's example: two records, one per list item", () => {
    const r = ok(
      runQuery(
        'fields jsonParse(@message) as json_message | unnest json_message.events into event | display event.name',
        [{ timestamp: 1, message: '{"events":[{"name":"exception"},{"name":"user action"}]}', fields: {} }],
      ),
    );
    expect(r.rows).toEqual([{ 'event.name': 'exception' }, { 'event.name': 'user action' }]);
  });

  it('reads list items by index and keys with dots', () => {
    const r = ok(
      runQuery(
        'fields jsonParse(substr(@message, 25)) as json_message | filter json_message.users[1].action = "PutData" | fields json_message.`user.id` as id',
        events,
      ),
    );
    expect(r.rows).toHaveLength(1);
  });

  it('splits a string into a list that unnest flattens', () => {
    const r = ok(runQuery('fields split("a,b,c", ",") as parts | unnest parts into p | display p', one));
    expect(r.rows).toEqual([{ p: 'a' }, { p: 'b' }, { p: 'c' }]);
  });
});

/** The console CSV export with its @log column: three events from two log groups. */
const twoGroups = parseLambdaLogs(
  [
    '@timestamp,@log,@message',
    '2024-01-01 00:00:03.000,123456789012:/aws/lambda/api,"{""requestId"":""a"",""status"":502,""latency"":900}"',
    '2024-01-01 00:00:02.000,123456789012:/aws/lambda/api,"{""requestId"":""b"",""status"":200,""latency"":40}"',
    '2024-01-01 00:00:01.000,123456789012:/aws/lambda/my-function,"{""requestId"":""a"",""duration"":850,""errorType"":""Timeout""}"',
  ].join('\n'),
);

describe('SOURCE, subqueries, join and appendcols over the same pasted events', () => {
  it('narrows by log group name prefix, exact name and account', () => {
    const count = (q: string) => ok(runQuery(`${q} | stats count(*) as n`, twoGroups)).rows[0]?.n;
    expect(count("SOURCE logGroups(namePrefix: ['/aws/lambda/ap'])")).toBe(2);
    expect(count("SOURCE logGroups(namePrefix: ['/aws/lambda/my', '/aws/lambda/api'])")).toBe(3);
    expect(count("SOURCE '/aws/lambda/my-function'")).toBe(1);
    expect(count("SOURCE logGroups(accountIdentifiers:['111122223333'])")).toBe(0);
    expect(count('SOURCE logGroups()')).toBe(3);
  });

  it('says so when the paste carries no @log', () => {
    const r = ok(runQuery("SOURCE logGroups(namePrefix: ['x']) | stats count(*) as n", one));
    expect(r.rows[0]?.n).toBe(1);
    expect(r.warnings[0]?.message).toMatch(/no @log/);
  });

  it('filters with a subquery in the shape of the subqueries page', () => {
    const r = ok(
      runQuery(
        `filter requestId in (
    SOURCE '/aws/lambda/my-function'
    | filter errorType = "Timeout"
    | fields requestId
)
| filter ispresent(status)
| fields requestId, status`,
        twoGroups,
      ),
    );
    expect(r.rows).toEqual([{ requestId: 'a', status: 502 }]);
  });

  it("joins the join page's way: API rows with the Lambda rows of the same request", () => {
    const r = ok(
      runQuery(
        `filter status >= 500
| join type=inner left=api right=lambda
    where api.requestId=lambda.requestId
    (SOURCE '/aws/lambda/my-function')
| fields api.requestId, api.status, api.latency, lambda.duration
| sort api.latency desc`,
        twoGroups,
      ),
    );
    expect(r.rows).toEqual([{ 'api.requestId': 'a', 'api.status': 502, 'api.latency': 900, 'lambda.duration': 850 }]);
    const left = ok(
      runQuery(
        "SOURCE '/aws/lambda/api' | join type=left left=l right=r where l.requestId=r.requestId (SOURCE '/aws/lambda/my-function') | fields l.requestId, r.duration",
        twoGroups,
      ),
    );
    expect(left.rows).toEqual([
      { 'l.requestId': 'a', 'r.duration': 850 },
      { 'l.requestId': 'b', 'r.duration': null },
    ]);
  });

  it('appends the columns of a subquery by row position', () => {
    const r = ok(
      runQuery(
        "SOURCE '/aws/lambda/api' | stats count(*) as cnt by @log | appendcols ( SOURCE '/aws/lambda/my-function' | stats avg(duration) as avgLat by @log )",
        twoGroups,
      ),
    );
    expect(r.columns).toEqual(['@log', 'cnt', 'avgLat']);
    expect(r.rows).toEqual([{ '@log': '123456789012:/aws/lambda/api', cnt: 2, avgLat: 850 }]);
  });
});

describe('parse modes', () => {
  const lines = (...messages: string[]): LogEvent[] =>
    messages.map((message, i) => ({ timestamp: 1000 - i, message, fields: {} }));

  it('extracts every match with multi (the parse page example)', () => {
    const r = ok(
      runQuery(
        'parse @message /(\\d+\\.\\d+\\.\\d+\\.\\d+)/ as ip_addr multi | stats count(*) as n by ip_addr | sort n desc',
        lines('from 10.0.0.1 to 10.0.0.2', 'from 10.0.0.1', 'no address'),
      ),
    );
    expect(r.rows).toEqual([
      { ip_addr: '10.0.0.1', n: 2 },
      { ip_addr: '10.0.0.2', n: 1 },
      { ip_addr: null, n: 1 },
    ]);
  });

  it('reads logfmt into a map', () => {
    const r = ok(
      runQuery(
        'parse @message logfmt as lf | filter lf.level = "error" | display lf.msg, lf.duration',
        lines('level=error msg="disk full" duration=3', 'level=info msg=ok'),
      ),
    );
    expect(r.rows).toEqual([{ 'lf.msg': 'disk full', 'lf.duration': '3' }]);
  });

  it('reads CSV by position', () => {
    const r = ok(
      runQuery(
        'parse @message csv as timestamp, level, message | filter level = "ERROR" | display timestamp, message',
        lines('2024-01-01,ERROR,"boom, again"', '2024-01-01,INFO,fine'),
      ),
    );
    expect(r.rows).toEqual([{ timestamp: '2024-01-01', message: 'boom, again' }]);
  });

  it('extracts a JSON path with json field=', () => {
    const r = ok(
      runQuery(
        'parse @message /(?<payload>\\{.*\\})/ as payload | json field=payload "user.name" as username | display username',
        lines('got {"user":{"name":"ana"}}'),
      ),
    );
    expect(r.rows).toEqual([{ username: 'ana' }]);
  });
});

describe('row commands and time series', () => {
  const series = parseLambdaLogs(
    [
      '2024-01-01T00:04:00.000Z {"bytes":40,"host":"b","cpu_user":4}',
      '2024-01-01T00:03:00.000Z {"bytes":30}',
      '2024-01-01T00:01:00.000Z {"bytes":20,"host":"a","cpu_user":2}',
      '2024-01-01T00:00:00.000Z {"bytes":10}',
    ].join('\n'),
  );

  it('accumulates, lags, and fills down in row order', () => {
    const r = ok(runQuery('fields @timestamp, bytes | sort @timestamp asc | accum bytes AS totalBytes', series));
    expect(r.rows.map((x) => x.totalBytes)).toEqual([10, 30, 60, 100]);
    const lag = ok(runQuery('fields bytes | sort @timestamp asc | autoregress bytes p=1-2', series));
    expect(lag.columns).toEqual(['bytes', 'bytes_p1', 'bytes_p2']);
    expect(lag.rows[2]).toEqual({ bytes: 30, bytes_p1: 20, bytes_p2: 10 });
    const filled = ok(runQuery('fields host, cpu_user | sort @timestamp asc | filldown host cpu*', series));
    expect(filled.rows.map((x) => [x.host, x.cpu_user])).toEqual([
      [null, null],
      ['a', 2],
      ['a', 2],
      ['b', 4],
    ]);
  });

  it('inserts the empty bins with fillmissing', () => {
    const r = ok(runQuery('stats avg(bytes) as avg_latency by bin(1m) | fillmissing with 0 for avg_latency', series));
    expect(r.rows.map((x) => [x['bin(1m)'], x.avg_latency])).toEqual([
      ['2024-01-01 00:04:00.000', 40],
      ['2024-01-01 00:03:00.000', 30],
      ['2024-01-01 00:02:00.000', 0],
      ['2024-01-01 00:01:00.000', 20],
      ['2024-01-01 00:00:00.000', 10],
    ]);
  });

  it('shifts bins with offset, and limit any returns the rows asked for', () => {
    const r = ok(runQuery('stats count(*) as n by bin(5m) offset 1h', series));
    expect(r.rows).toEqual([{ 'bin(5m)': '2024-01-01 01:00:00.000', n: 4 }]);
    expect(ok(runQuery('fields @message | limit any 1', series)).rows).toHaveLength(1);
  });

  it('computes rate, countOverTime, sumOverTime and histogram per bin', () => {
    const r = ok(
      runQuery(
        'stats rate(bytes, 1m) as r, count_over_time(bytes) as c, sumOverTime(bytes) as s, histogram(bytes, 3) as h',
        series,
      ),
    );
    expect(r.rows[0]).toMatchObject({ r: 7.5, c: 4, s: 100 });
    expect(JSON.parse(String(r.rows[0]?.h))).toEqual({ '10-20': 1, '20-30': 1, '30-40': 2 });
  });

  it('clusters messages into patterns with the documented columns', () => {
    const r = ok(
      runQuery('pattern @message', [
        { timestamp: 3, message: 'user 1 logged in', fields: {} },
        { timestamp: 2, message: 'user 22 logged in', fields: {} },
        { timestamp: 1, message: 'ERROR disk full', fields: {} },
      ]),
    );
    expect(r.columns).toEqual(['@pattern', '@ratio', '@sampleCount', '@severityLabel']);
    expect(r.rows[0]).toEqual({
      '@pattern': 'user <Number-1> logged in',
      '@ratio': 2 / 3,
      '@sampleCount': 2,
      '@severityLabel': 'UNKNOWN',
    });
    expect(r.rows[1]?.['@severityLabel']).toBe('ERROR');
    const json = ok(
      runQuery('pattern @message', [
        { timestamp: 2, message: '{"level":"INFO","items":3,"orderId":"ord-1a2b3c"}', fields: {} },
        { timestamp: 1, message: '{"level":"INFO","items":12,"orderId":"ord-9z8y7x"}', fields: {} },
      ]),
    );
    expect(json.rows).toEqual([
      {
        '@pattern': '{"level":"INFO","items":<Number-1>,"orderId":"<Token-2>"}',
        '@ratio': 1,
        '@sampleCount': 2,
        '@severityLabel': 'INFO',
      },
    ]);
  });

  it('treats filterIndex as the filter it is on a paste', () => {
    expect(ok(runQuery('filterIndex host = "a" | stats count(*) as n', series)).rows[0]?.n).toBe(1);
  });
});
