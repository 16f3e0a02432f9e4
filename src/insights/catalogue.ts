/**
 * Every command and function name AWS documents for Logs Insights QL, each either evaluated here or
 * refused with the exact reason a paste cannot answer it and what CloudWatch gives instead. The
 * parser reads this list, so a documented name never becomes "unknown" and an unknown name is
 * compared against every documented one for "Did you mean".
 */

const DOCS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/';

export interface CommandInfo {
  /** AWS's spelling. */
  name: string;
  /** The AWS page that documents it. */
  page: string;
  /** Why it cannot run on pasted logs, and what CloudWatch returns instead; absent when evaluated. */
  refusal?: string;
  /** Other spellings the service accepts (`where` for `filter`, the deprecated `head`). */
  aliases?: readonly string[];
}

const page = (name: string) => `${DOCS}CWL_QuerySyntax-${name}.html`;

/** The commands of the query-syntax page (CWL_QuerySyntax.html), in its order. */
export const commandCatalogue: readonly CommandInfo[] = [
  { name: 'addtotals', page: page('Addtotals') },
  {
    name: 'anomaly',
    page: page('Anomaly'),
    refusal:
      "it judges each pattern against a baseline CloudWatch learns from the log group's history (pattern frequencies, new patterns, token and numeric variations, HTTP error codes), and a paste has no history. In CloudWatch, `pattern @message | anomaly` keeps the pattern columns and adds its anomaly results; here, `pattern @message` shows the patterns themselves",
  },
  { name: 'display', page: page('Display') },
  { name: 'fields', page: page('Fields') },
  { name: 'filter', page: page('Filter'), aliases: ['where'] },
  { name: 'filterIndex', page: page('FilterIndex') },
  { name: 'SOURCE', page: page('Source') },
  { name: 'pattern', page: page('Pattern') },
  {
    name: 'diff',
    page: page('Diff'),
    refusal:
      'it compares the selected time range with the one before it (or the same time the previous day, week or month: previousDay, previousWeek, previousMonth), and a paste holds only the period you copied. In CloudWatch it shows which log events are new or changed between the two periods; here, paste both periods and compare them with `stats count(*) by bin(1h)`',
  },
  { name: 'parse', page: page('Parse') },
  {
    name: 'relevantfields',
    page: page('RelevantFields'),
    refusal:
      'CloudWatch does not document how it scores relevance, so a score computed here could not be compared with its own. In CloudWatch it returns @fieldName, @relevanceScore, @topRelevanceContributors, @conditionalMedian and @baselineMedian; on a paste, compare `stats count(*) by field` with and without the condition',
  },
  { name: 'expand', page: page('Expand') },
  { name: 'sort', page: page('Sort'), aliases: ['order'] },
  { name: 'stats', page: page('Stats') },
  { name: 'limit', page: page('Limit'), aliases: ['head'] },
  { name: 'dedup', page: page('Dedup') },
  {
    name: 'unmask',
    page: page('Unmask'),
    refusal:
      'it reveals content that a data protection policy masked inside CloudWatch; a paste holds only the text you copied, masked or not. In CloudWatch it needs the logs:Unmask permission',
  },
  { name: 'unnest', page: page('Unnest') },
  {
    name: 'lookup',
    page: page('Lookup'),
    refusal:
      'it reads a lookup table stored in your CloudWatch account, which the paste does not contain. In CloudWatch it adds the table columns of the matching row to each event',
  },
  { name: 'join', page: page('Join') },
  { name: 'autoregress', page: page('Autoregress') },
  {
    name: 'logcompare',
    page: page('Logcompare'),
    refusal:
      'it compares the query window with a baseline window shifted back by a duration, and a paste holds only the window you copied. In CloudWatch it returns the patterns of both windows side by side',
  },
  { name: 'filldown', page: page('Filldown') },
  { name: 'fillmissing', page: page('Fillmissing') },
  {
    name: 'cidrlookup',
    page: page('Cidrlookup'),
    refusal:
      'it matches IP addresses against a lookup table stored in your CloudWatch account, which the paste does not contain. Here, isIpInSubnet(field, "10.0.0.0/8") tests one range',
  },
  { name: 'outlier', page: page('Outlier') },
  { name: 'accum', page: page('Accum') },
  { name: 'appendcols', page: page('Appendcols') },
  { name: 'sessionize', page: page('Sessionize') },
  { name: 'countFrequent', page: page('CountFrequent'), aliases: ['count_frequent'] },
  {
    name: 'estimate',
    page: page('Estimate'),
    refusal:
      'it reports the bytes CloudWatch would scan (and bill) for the query; a paste is neither scanned nor billed. Run the query without estimate',
  },
  { name: 'json', page: page('Parse') },
];

export interface FunctionInfo {
  name: string;
  page: string;
}

const ops = `${DOCS}CWL_QuerySyntax-operations-functions.html`;
const stats = page('Stats');
const hash = `${DOCS}CWL_QuerySyntax-hash-functions.html`;
const timeseries = `${DOCS}CWL_QuerySyntax-timeseries-functions.html`;

const group = (url: string, names: string[]): FunctionInfo[] => names.map((name) => ({ name, page: url }));

/**
 * Every function name on AWS's function pages, in their order. `percentile` is not on them but is
 * used in AWS's published Lambda sample queries (docs/reference/logs-insights.md §1.5), so it is
 * accepted as an alias of `pct` and listed in `functionAliases`, not here.
 */
export const functionCatalogue: readonly FunctionInfo[] = [
  ...group(ops, ['abs', 'ceil', 'floor', 'greatest', 'least', 'log', 'round', 'sqrt', 'haversine']),
  ...group(ops, ['toNumber', 'toInt', 'toLong', 'toDouble']),
  ...group(ops, ['bin', 'datefloor', 'dateceil', 'fromMillis', 'toMillis', 'now', 'parseDate', 'formatDate']),
  ...group(ops, ['ispresent', 'coalesce', 'case', 'if', 'isNumeric', 'messageSize']),
  ...group(ops, ['queryStartTime', 'queryEndTime', 'queryTimeRange']),
  ...group(ops, ['jsonParse', 'jsonStringify', 'jsonArraySize', 'jsonArrayContains']),
  ...group(ops, ['isValidIp', 'isValidIpV4', 'isValidIpV6', 'isIpInSubnet', 'isIpv4InSubnet', 'isIpv6InSubnet']),
  ...group(ops, ['ipv4ToNumber', 'isPrivateIP', 'isPublicIP', 'isReservedIP']),
  ...group(ops, ['isempty', 'isblank', 'concat', 'ltrim', 'rtrim', 'trim', 'strlen', 'toupper', 'tolower']),
  ...group(ops, ['substr', 'replace', 'regexReplace', 'strcontains', 'startsWith', 'endsWith']),
  ...group(ops, ['urlencode', 'urldecode', 'base64encode', 'base64decode', 'split']),
  ...group(ops, ['hexToAscii', 'hexToDec', 'decToHex']),
  ...group(hash, ['md5', 'sha256']),
  ...group(timeseries, ['rate', 'count_over_time', 'sum_over_time', 'histogram']),
  ...group(stats, ['avg', 'count', 'count_distinct', 'max', 'min', 'pct', 'stddev', 'sum']),
  ...group(stats, ['earliest', 'latest', 'sortsFirst', 'sortsLast']),
];

/** Other spellings, each with the documented name it stands for and where the spelling appears. */
export const functionAliases: Readonly<Record<string, { of: string; source: string }>> = {
  strftime: { of: 'formatDate', source: ops },
  percentile: { of: 'pct', source: 'AWS published Lambda sample queries (docs/reference/logs-insights.md §4)' },
  // The HTML page spells them count_over_time and sum_over_time; its markdown copy in camel case.
  countOverTime: { of: 'count_over_time', source: timeseries },
  sumOverTime: { of: 'sum_over_time', source: timeseries },
};

/** Every command spelling, for "Did you mean". */
export const commandSpellings: readonly string[] = commandCatalogue.flatMap((c) => [c.name, ...(c.aliases ?? [])]);

export function findCommand(word: string): CommandInfo | undefined {
  const lower = word.toLowerCase();
  return commandCatalogue.find(
    (c) => c.name.toLowerCase() === lower || (c.aliases ?? []).some((a) => a.toLowerCase() === lower),
  );
}
