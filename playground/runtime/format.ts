/**
 * The lines Lambda and its Node.js runtime print, in CloudWatch's formats. Pure functions, so the
 * tests can hold them against the reference formats (docs/reference/logs-insights.md).
 */

/** ISO-8601 timestamp of a virtual epoch millisecond, as the runtime prints it. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function formatStartLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

export function formatEndLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFigures {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Present on a cold start only: CloudWatch omits the field rather than printing 0. */
  initDurationMs?: number | undefined;
}

/** The tab-separated REPORT line (old-style text format, no Status field). */
export function formatReportLine(figures: ReportFigures): string {
  const fields = [
    `REPORT RequestId: ${figures.requestId}`,
    `Duration: ${figures.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${figures.billedDurationMs} ms`,
    `Memory Size: ${figures.memorySizeMb} MB`,
    `Max Memory Used: ${figures.maxMemoryUsedMb} MB`,
  ];
  if (figures.initDurationMs !== undefined) fields.push(`Init Duration: ${figures.initDurationMs.toFixed(2)} ms`);
  return `${fields.join('\t')}\t`;
}

/**
 * Billed Duration: rounded up to the millisecond (since Dec 2020); on a cold start the init phase is
 * billed too (since Aug 2025), which is why Billed Duration can exceed Duration.
 */
export function computeBilledDuration(durationMs: number, initDurationMs: number | undefined): number {
  return Math.ceil(durationMs + (initDurationMs ?? 0));
}

export function formatTimeoutLine(epochMs: number, requestId: string, timeoutSeconds: number): string {
  return `${formatTimestamp(epochMs)} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** The platform's message when the runtime process dies; one CloudWatch event over two lines. */
export function formatRuntimeExitLine(requestId: string, reason: string): string {
  return `RequestId: ${requestId} Error: Runtime exited with error: ${reason}\nRuntime.ExitError`;
}

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

/**
 * An application line as the Node.js runtime writes it in text format. Newlines inside the message
 * become carriage returns, so one console call stays one CloudWatch event.
 * `requestId` is the string "undefined" during init, as in the real runtime.
 */
export function formatConsoleLine(epochMs: number, requestId: string | undefined, level: LogLevel, message: string) {
  return `${formatTimestamp(epochMs)}\t${String(requestId)}\t${level}\t${message}`.replace(/\n/g, '\r');
}

export interface SerializedError {
  errorType: string;
  errorMessage: string;
  stack: string[];
}

/**
 * The JSON the Node.js runtime logs after "Invoke Error" / "Uncaught Exception": errorType,
 * errorMessage, the error's own enumerable properties, then the stack split into lines.
 */
export function formatErrorJson(error: SerializedError, ownProperties: Record<string, unknown> = {}): string {
  return JSON.stringify({
    errorType: error.errorType,
    errorMessage: error.errorMessage,
    ...ownProperties,
    stack: error.stack,
  });
}

/** `util.format('Invoke Error', '\t' + json)`: the label, a space, a tab, then the JSON. */
export function formatErrorMessage(label: 'Invoke Error' | 'Uncaught Exception', errorJson: string): string {
  return `${label} \t${errorJson}`;
}
