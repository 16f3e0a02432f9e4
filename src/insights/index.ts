/**
 * CloudWatch Logs Insights for Lambda, in pure TypeScript: parse and check queries, run them over
 * pasted logs, build console links, and offer ready-made queries. See README.md.
 */

export type { Command, Expr, Projection, Query, SortKey } from './ast.ts';
export {
  type CommandInfo,
  commandCatalogue,
  type FunctionInfo,
  functionAliases,
  functionCatalogue,
} from './catalogue.ts';
export {
  compareValues,
  DEFAULT_ROW_LIMIT,
  type EvaluateOptions,
  nearestRank,
  type QueryResult,
  type Row,
  runQuery,
  type Stage,
} from './evaluate.ts';
export type { Value } from './functions.ts';
export { cwlInsightsGrammar } from './grammar.ts';
export { discoverFields, type LogEvent, parseLambdaLogs } from './logs.ts';
export { type Diagnostic, type ParseResult, parseQuery } from './parser.ts';
export { generateSampleLogs } from './sample.ts';
export {
  checkValues,
  defaultValues,
  getTemplate,
  type QueryTemplate,
  type TemplateParameter,
  type TemplateValues,
  templates,
  templateUrl,
} from './templates.ts';
export { type ConsoleUrlOptions, consoleUrl, type TimeRange, toJsurl } from './url.ts';
