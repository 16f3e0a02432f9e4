/**
 * Lambda's REPORT lines, in the text format and as JSON `platform.report` records, read into
 * numbers, and the figures a whole paste of them adds up to.
 */

/** The figures of one invocation, as Lambda reports them at its end. */
export interface ReportLine {
  requestId?: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  /** Present only on the first invocation of an execution environment (a cold start). */
  initDurationMs?: number;
  /** SnapStart's restore, which replaces Init Duration on a restored environment. */
  restoreDurationMs?: number;
  /** `success`, `error`, `timeout`…: only the newer formats carry it. */
  status?: string;
  /** The error type the newer formats add after `Status: error`. */
  errorType?: string;
}

const number = String.raw`(\d+(?:\.\d+)?)`;
/**
 * The text format, tolerant of the tab/space variations seen over the years. Each field is read
 * by its own bounded expression rather than one long one, so a line with fields in another order
 * or extra trailers (SnapStart, XRAY) still parses.
 */
const textFields = {
  requestId: /REPORT RequestId:\s{0,4}([\w-]{1,64})/,
  durationMs: new RegExp(`(?<!(?:Billed|Init|Restore) )Duration:\\s{0,4}${number} ms`),
  billedDurationMs: new RegExp(`Billed Duration:\\s{0,4}${number} ms`),
  memorySizeMB: new RegExp(`Memory Size:\\s{0,4}${number} MB`),
  maxMemoryUsedMB: new RegExp(`Max Memory Used:\\s{0,4}${number} MB`),
  initDurationMs: new RegExp(`Init Duration:\\s{0,4}${number} ms`),
  restoreDurationMs: new RegExp(`(?<!Billed )Restore Duration:\\s{0,4}${number} ms`),
  status: /Status:\s{0,4}([A-Za-z]{1,32})/,
  errorType: /Error Type:\s{0,4}([A-Za-z][\w.]{0,127})/,
} as const;

function readNumber(pattern: RegExp, text: string): number | undefined {
  const value = pattern.exec(text)?.[1];
  return value === undefined ? undefined : Number(value);
}

/** Reads a text-format REPORT line; `undefined` when the line is not one. */
export function parseReportLine(text: string): ReportLine | undefined {
  const at = text.indexOf('REPORT RequestId:');
  if (at === -1) return undefined;
  const line = text.slice(at, at + 2000);
  const durationMs = readNumber(textFields.durationMs, line);
  const memorySizeMB = readNumber(textFields.memorySizeMB, line);
  const maxMemoryUsedMB = readNumber(textFields.maxMemoryUsedMB, line);
  if (durationMs === undefined || memorySizeMB === undefined || maxMemoryUsedMB === undefined) return undefined;
  const report: ReportLine = {
    durationMs,
    billedDurationMs: readNumber(textFields.billedDurationMs, line) ?? durationMs,
    memorySizeMB,
    maxMemoryUsedMB,
  };
  const requestId = textFields.requestId.exec(line)?.[1];
  if (requestId) report.requestId = requestId;
  const initDurationMs = readNumber(textFields.initDurationMs, line);
  if (initDurationMs !== undefined) report.initDurationMs = initDurationMs;
  const restoreDurationMs = readNumber(textFields.restoreDurationMs, line);
  if (restoreDurationMs !== undefined) report.restoreDurationMs = restoreDurationMs;
  const status = textFields.status.exec(line)?.[1];
  if (status) report.status = status.toLowerCase();
  const errorType = textFields.errorType.exec(line)?.[1];
  if (errorType) report.errorType = errorType;
  return report;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads a JSON-format `platform.report` event (already parsed); `undefined` for anything else. */
export function parsePlatformReport(event: unknown): ReportLine | undefined {
  if (!isRecord(event) || event.type !== 'platform.report' || !isRecord(event.record)) return undefined;
  const { record } = event;
  const metrics = isRecord(record.metrics) ? record.metrics : {};
  const durationMs = finite(metrics.durationMs);
  const memorySizeMB = finite(metrics.memorySizeMB);
  const maxMemoryUsedMB = finite(metrics.maxMemoryUsedMB);
  if (durationMs === undefined || memorySizeMB === undefined || maxMemoryUsedMB === undefined) return undefined;
  const report: ReportLine = {
    durationMs,
    billedDurationMs: finite(metrics.billedDurationMs) ?? durationMs,
    memorySizeMB,
    maxMemoryUsedMB,
  };
  if (typeof record.requestId === 'string') report.requestId = record.requestId;
  const initDurationMs = finite(metrics.initDurationMs);
  if (initDurationMs !== undefined) report.initDurationMs = initDurationMs;
  const restoreDurationMs = finite(metrics.restoreDurationMs);
  if (restoreDurationMs !== undefined) report.restoreDurationMs = restoreDurationMs;
  if (typeof record.status === 'string') report.status = record.status.toLowerCase();
  if (typeof record.errorType === 'string') report.errorType = record.errorType;
  return report;
}

/**
 * The nearest-rank percentile of sorted values: the smallest value with at least p% of the values
 * at or below it. It is always one of the observed values, which is what a reader expects to find
 * back in the log.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface DurationSummary {
  p50: number;
  p95: number;
  max: number;
}

/** What a paste's REPORT lines add up to. */
export interface ReportSummary {
  /** REPORT lines read (text and JSON). */
  invocations: number;
  /** Invocations with an Init Duration: the first of their execution environment. */
  coldStarts: number;
  /** coldStarts / invocations, between 0 and 1. */
  coldStartShare: number;
  durationMs: DurationSummary;
  /** Init Duration over the cold starts, when there were any. */
  initDurationMs?: DurationSummary;
  billedDurationMs: { total: number };
  /** The largest configured memory size seen. */
  memorySizeMB: number;
  /** The largest Max Memory Used seen. */
  maxMemoryUsedMB: number;
  /** The highest ratio of Max Memory Used to Memory Size over the invocations (1 = all of it). */
  maxMemoryUsedShare: number;
  /** Invocations per status (`success`, `error`, `timeout`), for the formats that carry one. */
  statuses: Record<string, number>;
}

function summariseDurations(values: number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/** Summarises REPORT lines; `undefined` when there are none. */
export function summariseReports(reports: readonly ReportLine[]): ReportSummary | undefined {
  if (reports.length === 0) return undefined;
  const inits = reports.flatMap((report) => (report.initDurationMs === undefined ? [] : [report.initDurationMs]));
  const statuses: Record<string, number> = {};
  let billed = 0;
  let memorySizeMB = 0;
  let maxMemoryUsedMB = 0;
  let maxMemoryUsedShare = 0;
  for (const report of reports) {
    if (report.status) statuses[report.status] = (statuses[report.status] ?? 0) + 1;
    billed += report.billedDurationMs;
    memorySizeMB = Math.max(memorySizeMB, report.memorySizeMB);
    maxMemoryUsedMB = Math.max(maxMemoryUsedMB, report.maxMemoryUsedMB);
    if (report.memorySizeMB > 0)
      maxMemoryUsedShare = Math.max(maxMemoryUsedShare, report.maxMemoryUsedMB / report.memorySizeMB);
  }
  const summary: ReportSummary = {
    invocations: reports.length,
    coldStarts: inits.length,
    coldStartShare: inits.length / reports.length,
    durationMs: summariseDurations(reports.map((report) => report.durationMs)),
    billedDurationMs: { total: Math.round(billed * 1000) / 1000 },
    memorySizeMB,
    maxMemoryUsedMB,
    maxMemoryUsedShare,
    statuses,
  };
  if (inits.length > 0) summary.initDurationMs = summariseDurations(inits);
  return summary;
}
