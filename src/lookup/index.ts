/**
 * The lookup engine: paste an error or a log, land on the entry that explains it. Pure
 * TypeScript with no DOM and no Astro, so the same code runs in the browser, in a Worker, in Node
 * and in tooling. See README.md in this folder for the pipeline and the errors.json format.
 */
export {
  type CompiledIndex,
  compileIndex,
  type Diagnosis,
  diagnose,
  type Match,
  type ReportAnalysis,
  type Signal,
  type SignalKind,
} from './diagnose';
export { normaliseLine } from './normalise';
export { limits, parsePaste, unescapeJson } from './parse';
export { parsePlatformReport, parseReportLine, percentile, type ReportLine, type ReportSummary } from './report';
export type { ErrorIndex, IndexEntry, IndexMessage, IndexPattern } from './schema';
