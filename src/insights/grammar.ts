/**
 * A TextMate grammar for the Logs Insights language, for Shiki / Expressive Code (language id
 * `insights`). A `/` is a regex only right after `like`, `=~`, `matches` or `parse [field]`, the
 * same rule the tokenizer uses, so `@maxMemoryUsed / @memorySize` stays division.
 */

const commands =
  'fields|display|filter|where|stats|sort|order|limit|head|tail|dedup|parse|pattern|anomaly|diff|unnest|unmask|filterIndex|SOURCE|estimate|lookup|join';
const functions = [
  // aggregates
  'count_distinct|count|sum|avg|min|max|stddev|pct|percentile|earliest|latest|sortsFirst|sortsLast',
  // datetime
  'bin|datefloor|dateceil|fromMillis|toMillis|now|parseDate|formatDate|strftime',
  // general, numeric, string, JSON, IP, hash
  'ispresent|coalesce|if|case|isNumeric|messageSize|abs|ceil|floor|greatest|least|log|sqrt|round|toNumber|toInt|toLong|toDouble',
  'isempty|isblank|concat|ltrim|rtrim|trim|strlen|toupper|tolower|substr|replace|regexReplace|strcontains|startsWith|endsWith',
  'urlencode|urldecode|base64encode|base64decode|split|jsonParse|jsonStringify|jsonArraySize|jsonArrayContains',
  'isValidIp|isValidIpV4|isValidIpV6|isIpInSubnet|isIpv4InSubnet|isIpv6InSubnet|md5|sha256',
].join('|');
const regexBody = '/(?:\\\\.|\\[(?:\\\\.|[^\\]\\\\\\n])*\\]|[^/\\\\\\n\\[])*/';
const units =
  'ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mons?|months?|q|qtrs?|quarters?|y|yrs?|years?';

export interface TextMateGrammar {
  name: string;
  scopeName: string;
  displayName: string;
  aliases: string[];
  patterns: { include: string }[];
  repository: Record<string, unknown>;
}

export const cwlInsightsGrammar: TextMateGrammar = {
  name: 'insights',
  scopeName: 'source.cwl-insights',
  displayName: 'CloudWatch Logs Insights',
  aliases: ['cwl-insights', 'logs-insights'],
  patterns: [
    { include: '#comment' },
    { include: '#string' },
    { include: '#regex-after-operator' },
    { include: '#regex-after-parse' },
    { include: '#command' },
    { include: '#function' },
    { include: '#keyword' },
    { include: '#system-field' },
    { include: '#quoted-field' },
    { include: '#period' },
    { include: '#number' },
    { include: '#operator' },
    { include: '#punctuation' },
    { include: '#field' },
  ],
  repository: {
    comment: { name: 'comment.line.number-sign.cwl-insights', match: '#.*$' },
    string: {
      patterns: [
        {
          name: 'string.quoted.double.cwl-insights',
          begin: '"',
          end: '"',
          patterns: [{ name: 'constant.character.escape.cwl-insights', match: '\\\\.' }],
        },
        {
          name: 'string.quoted.single.cwl-insights',
          begin: "'",
          end: "'",
          patterns: [{ name: 'constant.character.escape.cwl-insights', match: '\\\\.' }],
        },
      ],
    },
    'regex-after-operator': {
      match: `(?i)(\\bnot\\s+like\\b|\\blike\\b|\\bmatches\\b|=~)\\s*(${regexBody})`,
      captures: {
        1: { name: 'keyword.operator.word.cwl-insights' },
        2: { name: 'string.regexp.cwl-insights' },
      },
    },
    'regex-after-parse': {
      match: `(?i)\\s*\\b(parse)\\b\\s*((?:@?\`[^\`]*\`|@{0,2}[A-Za-z_][\\w.]*)\\s+)?(${regexBody})`,
      captures: {
        1: { name: 'keyword.control.command.cwl-insights' },
        2: { name: 'variable.other.field.cwl-insights' },
        3: { name: 'string.regexp.cwl-insights' },
      },
    },
    command: {
      match: `(?i)(?:^|(?<=\\|))\\s*(${commands})\\b`,
      captures: { 1: { name: 'keyword.control.command.cwl-insights' } },
    },
    function: {
      match: `(?i)\\b(${functions})(?=\\s*\\()`,
      name: 'support.function.cwl-insights',
    },
    keyword: {
      match: '(?i)\\b(and|or|not|like|matches|in|by|as|asc|desc|any)\\b',
      name: 'keyword.operator.word.cwl-insights',
    },
    'system-field': {
      match: '@{1,2}(?:`[^`]*`|[A-Za-z_][\\w.]*)',
      name: 'variable.language.field.cwl-insights',
    },
    'quoted-field': { match: '`[^`]*`', name: 'variable.other.field.quoted.cwl-insights' },
    period: { match: `\\b\\d+(?:\\.\\d+)?(?:${units})\\b`, name: 'constant.numeric.period.cwl-insights' },
    number: { match: '\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b', name: 'constant.numeric.cwl-insights' },
    operator: { match: '=~|!=|<=|>=|==|[=<>+\\-*/^%]', name: 'keyword.operator.cwl-insights' },
    punctuation: {
      patterns: [
        { match: '\\|', name: 'punctuation.separator.pipe.cwl-insights' },
        { match: ',', name: 'punctuation.separator.comma.cwl-insights' },
        { match: '[()\\[\\]]', name: 'punctuation.section.cwl-insights' },
      ],
    },
    field: { match: '\\b[A-Za-z_][\\w.]*', name: 'variable.other.field.cwl-insights' },
  },
};
