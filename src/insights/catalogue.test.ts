import { describe, expect, it } from 'vitest';
import { commandCatalogue, functionAliases, functionCatalogue } from './catalogue.ts';
import { functionsByName } from './functions.ts';
import { parseQuery } from './index.ts';

const ops = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-operations-functions.html';
const hash = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-hash-functions.html';
const timeseries = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-timeseries-functions.html';
const stats = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Stats.html';

/**
 * AWS's function tables, transcribed name by name from each page (read November 2026), so that a
 * change to the catalogue that drifts from the pages fails here.
 */
const awsPages: Record<string, string[]> = {
  [ops]: [
    // Numeric operators
    ...['abs', 'ceil', 'floor', 'greatest', 'least', 'log', 'round', 'sqrt', 'haversine'],
    ...['toNumber', 'toInt', 'toLong', 'toDouble'],
    // Datetime functions
    ...['bin', 'datefloor', 'dateceil', 'fromMillis', 'toMillis', 'now', 'parseDate', 'formatDate'],
    // General functions
    ...['ispresent', 'coalesce', 'case', 'if', 'isNumeric', 'messageSize', 'queryStartTime', 'queryEndTime'],
    'queryTimeRange',
    // JSON functions
    ...['jsonParse', 'jsonStringify', 'jsonArraySize', 'jsonArrayContains'],
    // IP address string functions
    ...['isValidIp', 'isValidIpV4', 'isValidIpV6', 'isIpInSubnet', 'isIpv4InSubnet', 'isIpv6InSubnet'],
    ...['ipv4ToNumber', 'isPrivateIP', 'isPublicIP', 'isReservedIP'],
    // String functions
    ...['isempty', 'isblank', 'concat', 'ltrim', 'rtrim', 'trim', 'strlen', 'toupper', 'tolower', 'substr'],
    ...['replace', 'regexReplace', 'strcontains', 'startsWith', 'endsWith', 'urlencode', 'urldecode'],
    ...['base64encode', 'base64decode', 'split', 'hexToAscii', 'hexToDec', 'decToHex'],
  ],
  [hash]: ['md5', 'sha256'],
  [timeseries]: ['rate', 'count_over_time', 'sum_over_time', 'histogram'],
  [stats]: ['avg', 'count', 'count_distinct', 'max', 'min', 'pct', 'stddev', 'sum', 'earliest', 'latest'],
};
awsPages[stats]?.push('sortsFirst', 'sortsLast');

describe('the function catalogue', () => {
  it("matches AWS's function pages name for name", () => {
    const catalogue = functionCatalogue.map((f) => `${f.page} ${f.name}`).sort();
    const pages = Object.entries(awsPages)
      .flatMap(([url, names]) => names.map((n) => `${url} ${n}`))
      .sort();
    expect(catalogue).toEqual(pages);
  });

  it('evaluates every documented function and alias (none is refused)', () => {
    const missing = [...functionCatalogue.map((f) => f.name), ...Object.keys(functionAliases)].filter(
      (name) => !functionsByName.has(name.toLowerCase()),
    );
    expect(missing).toEqual([]);
  });

  it('knows no function that AWS does not document, except the listed aliases', () => {
    const documented = new Set(
      [...functionCatalogue.map((f) => f.name), ...Object.keys(functionAliases)].map((n) => n.toLowerCase()),
    );
    expect([...functionsByName.keys()].filter((k) => !documented.has(k))).toEqual([]);
  });
});

describe('the command catalogue', () => {
  it('refuses each unevaluated command by name, with its reason, and nothing else', () => {
    for (const command of commandCatalogue) {
      const result = parseQuery(`fields @message | ${command.name}`);
      const message = result.ok ? '' : (result.errors[0]?.message ?? '');
      if (command.refusal) {
        expect(message).toBe(`'${command.name}' cannot run on pasted logs: ${command.refusal}`);
      } else {
        expect(message).not.toMatch(/cannot run on pasted logs|Unknown command/);
      }
    }
  });

  it('gives a reason that says what CloudWatch returns or what to run here instead', () => {
    for (const c of commandCatalogue.filter((c) => c.refusal)) {
      expect(c.refusal).toMatch(/In CloudWatch|Use |Here, |On a paste|Run the query/);
    }
  });
});

describe('Did you mean', () => {
  const suggestion = (query: string) => {
    const r = parseQuery(query);
    return r.ok ? null : (/Did you mean '([^']+)'/.exec(r.errors[0]?.message ?? '')?.[1] ?? 'none');
  };

  it.each([
    ['fields ipv4ToNumbr(ip)', 'ipv4ToNumber'],
    ['fields ipv4tonumbr(ip)', 'ipv4ToNumber'],
    ['stats rat(x, 5m) by bin(5m)', 'rate'],
    ['stats count_overtime(x) by bin(5m)', 'count_over_time'],
    ['stats sum_over_tim(x) by bin(5m)', 'sum_over_time'],
    ['fields cse(a, 1)', 'case'],
    ['fields toNumbr(x)', 'toNumber'],
    ['fields isPrivatIP(x)', 'isPrivateIP'],
    ['fields count_dist(x)', 'count_distinct'],
    ['fillmising with 0 for x', 'fillmissing'],
    ['appendcol ( fields x )', 'appendcols'],
  ])('%s → %s', (query, expected) => {
    expect(suggestion(query)).toBe(expected);
  });

  it('does not offer an unrelated name', () => {
    expect(suggestion('fields ipv6ToNumber(ip)')).not.toBe('toNumber');
    expect(suggestion('fields frobnicate(x)')).toBe('none');
    expect(suggestion('fields rite(x)')).not.toBe('case');
  });
});
