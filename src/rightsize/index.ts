/**
 * The right-sizing calculator: pure TypeScript, no DOM. Read a measurement from REPORT lines or
 * typed figures, estimate every memory setting, and describe the result. See README.md.
 */
export { measureFromFigures, measureFromReports, type TypedFigures } from './input';
export {
  billedDurationMs,
  costPerMillion,
  cpuShare,
  defaultOptions,
  estimateDurationMs,
  type Measurement,
  memoryLadder,
  type Outcome,
  oneVcpuMB,
  type RightSizeOptions,
  type RightSizeResult,
  rightSize,
  type SettingEstimate,
} from './model';
export {
  type ChartBar,
  type ChartLayout,
  cellColumns,
  cellValues,
  chartLayout,
  describeResult,
  formatMB,
  formatMs,
  formatUsd,
  rowView,
} from './view';
