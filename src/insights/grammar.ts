/**
 * A TextMate grammar for the Logs Insights language, for Shiki / Expressive Code (language id
 * `insights`). A `/` is a regex only right after `like`, `=~`, `matches` or `parse [field]`, the
 * same rule the tokenizer uses, so `@maxMemoryUsed / @memorySize` stays division.
 */

import { commandSpellings, functionAliases, functionCatalogue } from './catalogue.ts';

/**
 * Longest first, so that an alternation never stops at a shorter name's prefix; then in code-unit
 * order (the names are ASCII). Not localeCompare: this module reaches the Insights builder's bundle
 * through the library's index, and a first localeCompare loads the browser's collation data, 20 ms
 * of that page's start on a laptop.
 */
const alternation = (names: readonly string[]): string =>
  [...new Set(names)]
    .sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0))
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

// Generated from the catalogue, so every documented command and function is highlighted.
const commands = alternation([...commandSpellings, 'tail']);
const functions = alternation([...functionCatalogue.map((f) => f.name), ...Object.keys(functionAliases)]);
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
