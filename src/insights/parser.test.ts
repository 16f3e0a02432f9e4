import { describe, expect, it } from 'vitest';
import { parseQuery } from './index.ts';

/** AWS's published queries, verbatim from docs/reference/logs-insights.md §4 and §3. */
const awsSamples = [
  `filter @type = "REPORT"
| stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB,
    min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB,
    avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB,
    max(@maxMemoryUsed / 1000 / 1000) as maxMemoryUsedMB,
    provisonedMemoryMB - maxMemoryUsedMB as overProvisionedMB`,
  `filter @type = "REPORT" |
stats avg(@duration), max(@duration), min(@duration) by bin(5m)`,
  `fields @timestamp, @requestId, @message, @logStream
| filter @type = "REPORT" and @duration > 1000
| sort @timestamp desc
| dedup @requestId
| limit 20`,
  'filter @message like /Exception/ | stats count(*) as exceptionCount by bin(1h) | sort exceptionCount desc',
  'fields @timestamp, @message | sort @timestamp desc | limit 25',
  'fields @message | filter @message not like /Exception/',
  'filter @type = "REPORT" | fields @requestId, @billedDuration | sort by @billedDuration desc',
  `filter @type = "REPORT"
| stats sum(strcontains(@message, "Init Duration"))/count(*) * 100 as
  coldStartPct, avg(@duration)
  by bin(5m)`,
  `filter @type = "REPORT"
| stats sum(ispresent(@initDuration))/count() * 100 as
  coldStartPct, avg(@duration)
  by bin(5m)`,
  `filter @type="REPORT" and ispresent(@initDuration)
| stats count() as coldStarts, avg(@initDuration), min(@initDuration), max(@initDuration) by bin(5m)`,
  `filter @type = "REPORT" |
parse @message /Init Duration: (?<init>\\S+)/ |
stats count() as TotalInvocations, count(init) as TotalColdStarts`,
  'filter @type = "REPORT" and @message not like /(?i)(Init Duration)/ | stats avg(@duration) as Average, pct(@duration, 99) as NinetyNinth, pct(@duration, 95) as NinetyFifth, pct(@duration, 90) as Ninetieth by bin(1m)',
  `filter @type = "REPORT"
| fields @requestId, @billedDuration
| sort by @billedDuration desc
| limit 100`,
  'filter @type = "REPORT" | stats avg(@billedDuration) as Average, percentile(@billedDuration, 99) as NinetyNinth, percentile(@billedDuration, 95) as NinetyFifth, percentile(@billedDuration, 90) as Ninetieth by bin(30m)',
  'filter @type="REPORT" | stats avg(@maxMemoryUsed/1024/1024) as mean_MemoryUsed, min(@maxMemoryUsed/1024/1024) as min_MemoryUsed, max(@maxMemoryUsed/1024/1024) as max_MemoryUsed, percentile(@maxMemoryUsed/1024/1024, 95) as Percentile95',
  'filter @type = "REPORT" and @maxMemoryUsed=@memorySize | stats count_distinct(@requestId) by bin(30m)',
  'filter @type = "REPORT" | stats max(@maxMemoryUsed / 1024 / 1024) as maxMemMB, avg(@maxMemoryUsed / 1024 / 1024) as avgMemMB, min(@maxMemoryUsed / 1024 / 1024) as minMemMB, (avg(@maxMemoryUsed / 1024 / 1024) / max(@memorySize / 1024 / 1024)) * 100 as avgMemUsedPct, avg(@billedDuration) as avgDurationMS by bin(30m)',
  'filter @message like /Task timed out/ | stats count() by bin(30m)',
  'filter @message like /Process exited/ | stats count() by bin(30m)',
  'fields Timestamp, LogLevel, Message | filter LogLevel == "ERR" | sort @timestamp desc | limit 100',
  'filter @message like /(?i)(Exception|error|fail)/',
  `filter @type = "REPORT"
| stats count(*) as invocations, sum(ispresent(@initDuration)) as coldStarts by bin(5m)`,
  'fields @timestamp, @message, @logStream, @log\n| sort @timestamp desc\n| limit 10000',
  // Keyword case, backticks, `in`, `=~`, comments, display with a comparison alias.
  'FIELDS @timestamp, `foo-bar` | FILTER status IN [300, 400, "500"] | STATS count(*) BY BIN(5m) as @t',
  'filter f1 =~ /^(?i)Exception$/ # a trailing comment\n# | filter @message like /delay/\n| display loggingMessage, loggingType = "ERROR" as isError',
  'filter @message like "timed out" and not ispresent(@initDuration) or @duration >= 2 ^ 3 % 5',
  'parse @message "user=*, action=*" as user, action | stats count(*) by user, action',
  'filter type = "platform.report" | stats avg(record.metrics.durationMs), pct(record.metrics.durationMs, 99) by bin(1h)',
  'fields toupper(@logStream) as s, concat(@requestId, "-", strlen(@message)), abs(-3), floor(@duration), ceil(@duration), datefloor(@timestamp, 1h), fromMillis(0), tolower(@type), isempty(@type)',
  'stats count(*) as n by bin(1h) as t | sort t',
];

describe('parseQuery accepts AWS queries and the documented syntax', () => {
  it.each(awsSamples)('parses %s', (query) => {
    const result = parseQuery(query);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('builds a typed tree with precedence: arithmetic binds tighter than comparison, and than or', () => {
    const result = parseQuery('filter @maxMemoryUsed / @memorySize * 100 > 90 and @type = "REPORT" or @duration > 1');
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const filter = result.query.commands[0];
    expect(filter?.kind).toBe('filter');
    if (filter?.kind !== 'filter') return;
    const root = filter.expr;
    expect(root.kind === 'binary' && root.op).toBe('or');
    if (root.kind !== 'binary' || root.left.kind !== 'binary') throw new Error('shape');
    expect(root.left.op).toBe('and');
    const comparison = root.left.left;
    expect(comparison.kind === 'binary' && comparison.op).toBe('>');
    if (comparison.kind !== 'binary' || comparison.left.kind !== 'binary') throw new Error('shape');
    // (@maxMemoryUsed / @memorySize) * 100: left-associative.
    expect(comparison.left.op).toBe('*');
    expect(comparison.left.left.kind === 'binary' && comparison.left.left.op).toBe('/');
  });

  it('reads keywords and function names in any case and keeps AWS spelling for functions', () => {
    const result = parseQuery('STATS COUNT(*) AS n, Count_Distinct(@requestId), SortsFirst(@message) BY Bin(5m)');
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const stats = result.query.commands[0];
    if (stats?.kind !== 'stats') throw new Error('expected stats');
    expect(stats.items.map((i) => (i.expr.kind === 'call' ? i.expr.name : i.expr.kind))).toEqual([
      'count',
      'count_distinct',
      'sortsFirst',
    ]);
    expect(stats.items[0]?.alias).toBe('n');
    expect(stats.by[0]?.text).toBe('Bin(5m)');
    const bin = stats.by[0]?.expr;
    expect(bin?.kind === 'call' && bin.args[0]?.kind === 'period' && bin.args[0].ms).toBe(300_000);
  });

  it('tells division from a regex by what precedes the slash', () => {
    const division = parseQuery('fields @maxMemoryUsed / @memorySize / 2 as ratio');
    const regex = parseQuery('parse @message /(?<ms>\\d+) ms/ | filter ms / 2 > 1');
    expect(division.ok && division.query.commands[0]?.kind).toBe('fields');
    expect(regex.ok && regex.query.commands.map((c) => c.kind)).toEqual(['parse', 'filter']);
    if (!regex.ok || regex.query.commands[0]?.kind !== 'parse') throw new Error('expected parse');
    expect(regex.query.commands[0].names).toEqual(['ms']);
  });

  it('reads backtick fields, @-prefixed backticks and string escapes', () => {
    const result = parseQuery('fields `user-agent`, @`aws.tag:stack-name` | filter msg = "say \\"hi\\""');
    if (!result.ok) throw new Error(result.errors[0]?.message);
    const [fields, filter] = result.query.commands;
    expect(fields?.kind === 'fields' && fields.items.map((i) => i.expr.kind === 'field' && i.expr.name)).toEqual([
      'user-agent',
      '@aws.tag:stack-name',
    ]);
    expect(
      filter?.kind === 'filter' && filter.expr.kind === 'binary' && filter.expr.right.kind === 'string'
        ? filter.expr.right.value
        : null,
    ).toBe('say "hi"');
  });

  it('warns when a period exceeds the cap CloudWatch applies silently', () => {
    const result = parseQuery('stats count(*) by bin(300s)');
    expect(result.ok && result.warnings.map((w) => [w.line, w.column])).toEqual([[1, 23]]);
    expect(result.ok && result.warnings[0]?.message).toMatch(/300s.*60s/);
  });
});

/** [query, line, column, message fragment]: positions counted by hand, 1-based. */
const invalid: [string, number, number, string][] = [
  ['stat count(*)', 1, 1, "Unknown command 'stat'. Did you mean 'stats'?"],
  ['fields @message\n| filter @message like /ERROR', 2, 24, 'Unterminated regex'],
  ['filter @type = "REPORT', 1, 16, 'Unterminated string'],
  ['filter @type = "REPORT" |', 1, 26, "Expected a command after '|'"],
  ['fields @timestamp,', 1, 19, "Expected another field after ','"],
  ['stats count(*) by', 1, 18, "Expected a field or bin(period) after 'by'"],
  ['stats avg(@duration', 1, 20, "Expected ')' to close avg("],
  ['stats cont(*)', 1, 7, "Unknown function 'cont'. Did you mean 'count'?"],
  ['filter ispresnt(@initDuration)', 1, 8, "Unknown function 'ispresnt'. Did you mean 'ispresent'?"],
  ['filter @duration > 100 | stats avg(@duration) by bin(5x)', 1, 54, "Unknown time unit 'x'"],
  ['fields avg(@duration)', 1, 8, "'avg' is an aggregate function: use it in stats"],
  ['stats count(*) by avg(@duration)', 1, 19, "cannot be used after 'by'"],
  ['stats count(*) | stats count(*) | stats count(*)', 1, 35, 'at most two stats commands'],
  ['limit ten', 1, 7, "'limit' takes a whole number of rows"],
  ['limit 0', 1, 7, "'limit' takes a whole number of rows"],
  ['parse @message "* ms *" as duration', 1, 16, "has 2 '*' but 1 name(s)"],
  ['parse @message /Duration: (\\S+)/', 1, 16, 'no named group'],
  ['filter @duration > ', 1, 20, "Expected an expression after '>'"],
  ['filter (@duration > 100', 1, 24, "Expected ')' to close the '(' at column 8"],
  ['sort @timestamp desc asc', 1, 22, "Expected '|' or the end of the query, found 'asc'"],
  ['filter @status in 200', 1, 19, "Expected a list such as [200, 404] after 'in'"],
  ['fields @message\n| filter @message like 42', 2, 24, 'Expected a "string" or /regex/ after \'like\''],
  [
    'pattern @message | anomaly',
    1,
    20,
    "'anomaly' cannot run on pasted logs: it judges each pattern against a baseline",
  ],
  [
    'fields @message | diff previousDay',
    1,
    19,
    "'diff' cannot run on pasted logs: it compares the selected time range",
  ],
  ['fields @message | limit 100001', 1, 25, "'limit' can return at most 100,000 rows"],
  [
    'fields @message | dedup @requestId | sort @timestamp desc',
    1,
    38,
    'The only query command that you can use in a query after the dedup command is limit',
  ],
  ['stats count(*) as n, sum(x) as n', 1, 22, "'n' is defined twice in this stats command"],
  ['stats count(*) as n by x | stats sum(n) as n', 1, 34, "'n' is already defined by the first stats command"],
  ['stats count(*) by x, x as y', 1, 22, "'x' is both projected and re-aliased as 'y'"],
  [
    'stats count(*) by @logStream | filter x in (SOURCE lg | fields x | filter y in (fields y))',
    1,
    80,
    'Subqueries cannot be nested',
  ],
  ['fields ipv4tonumbr(ip)', 1, 8, "Did you mean 'ipv4ToNumber'?"],
  ['stats count(*) by bin(5m) offset', 1, 33, "Expected a duration such as 1h after 'offset'"],
  ['stats count(*) by x offset 1h', 1, 21, "'offset' shifts the bins of 'by bin(period)'"],
  ['SOURCE logGroups(namePrefix: "x")', 1, 30, "Expected a list such as ['name']"],
  ['fields x | SOURCE lg', 1, 12, 'SOURCE must be the first command'],
  ['filter @a = 1 = 2', 1, 15, 'Comparisons cannot be chained'],
  ['stats pct(@duration, 150)', 1, 22, 'The percentile must be a number from 0 to 100'],
  ['stats count(*)\n  by bin(5m)\n| sort count desc\n| limit -5', 4, 9, "'limit' takes a whole number of rows"],
  ['fields @message # comment\n| filtr @message like /x/', 2, 3, "Unknown command 'filtr'. Did you mean 'filter'?"],
  ['filter @message like /x/ and', 1, 29, "Expected an expression after 'and'"],
  ['fields `foo-bar', 1, 8, 'Unterminated field name'],
  ['filter @message ~ "x"', 1, 17, "Unexpected character '~'"],
  ['| filter x', 1, 1, "Expected a command before '|'"],
  ['', 1, 1, 'The query is empty'],
  ['filter @message like /a(/', 1, 22, 'Invalid regular expression'],
  ['stats count(*) as', 1, 18, "Expected a name after 'as'"],
  ['stats sum(@duration, 2)', 1, 7, "'sum' takes 1 argument"],
  ['stats avg(max(@duration))', 1, 11, 'Aggregate functions cannot be nested'],
  ['fields datefloor(@timestamp, 5)', 1, 30, "'datefloor' expects a time period"],
  [`filter ${'('.repeat(70)}1${')'.repeat(70)}`, 1, 72, 'nested too deeply'],
  [`fields ${'abs('.repeat(70)}1${')'.repeat(70)}`, 1, 264, 'nested too deeply'],
];

describe('parseQuery reports errors at the right place', () => {
  it.each(invalid)('%j → %i:%i', (query, line, column, message) => {
    const result = parseQuery(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [first] = result.errors;
    expect({ line: first?.line, column: first?.column }).toEqual({ line, column });
    expect(first?.message).toContain(message);
  });

  it('has at least twenty distinct invalid cases', () => {
    expect(new Set(invalid.map(([q]) => q)).size).toBeGreaterThanOrEqual(20);
  });
});
