/**
 * The lines Lambda and its Node.js runtime print, in CloudWatch's formats. Pure functions, so the
 * tests can hold them against the reference formats (docs/reference/logs-insights.md) and the
 * lines AWS documents (runtime/aws-lines.fixture.json).
 *
 * Three formats:
 * - `text` (the default): Lambda's text format as it is printed now. INIT_START opens each
 *   execution environment (runtime version and its ARN, as on
 *   https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html); a failed or timed-out init
 *   prints INIT_REPORT with Phase and Status, and Lambda retries it inside the first invocation
 *   (a "suppressed init", Phase: invoke) whose time is part of that invocation's Duration; REPORT
 *   ends with `Status: timeout` or `Status: error` and `Error Type:` when the invocation did not
 *   succeed (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html, "Failures
 *   during the Init phase" and "Failures during the Invoke phase", whose new-style examples these
 *   follow).
 * - `text-legacy`: the lines before those additions (no INIT_START, no INIT_REPORT, no Status:), for
 *   readers matching older logs: an init failure prints its error before START, as it used to.
 * - `json`: the JSON log format (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html):
 *   system lines as Telemetry API events (`platform.initStart`, `platform.start`, `platform.report`,
 *   `platform.initReport`, schema on https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html)
 *   and application lines as `{"timestamp","level","requestId","message"}` objects.
 */

export type LogFormat = 'text' | 'text-legacy' | 'json';

/**
 * The runtime the playground emulates, in the `Runtime Version:` format of INIT_START. The version
 * number after `.v` is the playground's own (each real Region moves through them); the format is
 * AWS's (runtimes-update.html, "Runtime Version: python:3.9.v14 Runtime Version ARN: …").
 */
export const RUNTIME_VERSION = 'nodejs:22.v50';

export function formatRuntimeVersionArn(seed: number): string {
  let hash = '';
  let state = seed >>> 0 || 1;
  while (hash.length < 64) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    hash += state.toString(16).padStart(8, '0');
  }
  return `arn:aws:lambda:us-east-1::runtime:${hash.slice(0, 64)}`;
}

export function formatInitStartLine(runtimeVersionArn: string): string {
  return `INIT_START Runtime Version: ${RUNTIME_VERSION}\tRuntime Version ARN: ${runtimeVersionArn}`;
}

/** How an init or invocation ended, in the words of the Status: field. */
export type PhaseStatus = { status: 'success' } | { status: 'timeout' } | { status: 'error'; errorType: string };

function statusFields(status: PhaseStatus): string[] {
  if (status.status === 'success') return [];
  if (status.status === 'timeout') return ['Status: timeout'];
  return ['Status: error', `Error Type: ${status.errorType}`];
}

/** `INIT_REPORT Init Duration: … ms\tPhase: init|invoke\tStatus: …`, printed when an init fails or times out. */
export function formatInitReportLine(durationMs: number, phase: 'init' | 'invoke', status: PhaseStatus): string {
  return [`INIT_REPORT Init Duration: ${durationMs.toFixed(2)} ms`, `Phase: ${phase}`, ...statusFields(status)].join(
    '\t',
  );
}

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
  /** New-style lines only: `Status:` (and `Error Type:`) when the invocation did not succeed. */
  status?: PhaseStatus | undefined;
}

/** The tab-separated REPORT line; with `status`, the current format's Status/Error Type fields. */
export function formatReportLine(figures: ReportFigures): string {
  const fields = [
    `REPORT RequestId: ${figures.requestId}`,
    `Duration: ${figures.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${figures.billedDurationMs} ms`,
    `Memory Size: ${figures.memorySizeMb} MB`,
    `Max Memory Used: ${figures.maxMemoryUsedMb} MB`,
  ];
  if (figures.initDurationMs !== undefined) fields.push(`Init Duration: ${figures.initDurationMs.toFixed(2)} ms`);
  const status = figures.status ? statusFields(figures.status) : [];
  // A plain REPORT ends with a tab; one with a Status ends with its last field.
  return status.length > 0 ? [...fields, ...status].join('\t') : `${fields.join('\t')}\t`;
}

/** A Telemetry API event as one CloudWatch line (JSON log format). */
function platformEvent(epochMs: number, type: string, record: Record<string, unknown>): string {
  return JSON.stringify({ time: formatTimestamp(epochMs), type, record });
}

export function formatJsonInitStart(epochMs: number, functionName: string, runtimeVersionArn: string): string {
  return platformEvent(epochMs, 'platform.initStart', {
    initializationType: 'on-demand',
    phase: 'init',
    runtimeVersion: RUNTIME_VERSION,
    runtimeVersionArn,
    functionName,
    functionVersion: '$LATEST',
  });
}

export function formatJsonInitReport(
  epochMs: number,
  durationMs: number,
  phase: 'init' | 'invoke',
  status: PhaseStatus,
): string {
  return platformEvent(epochMs, 'platform.initReport', {
    initializationType: 'on-demand',
    phase,
    status: status.status,
    ...(status.status === 'error' ? { errorType: status.errorType } : {}),
    metrics: { durationMs: round2(durationMs) },
  });
}

export function formatJsonStart(epochMs: number, requestId: string): string {
  return platformEvent(epochMs, 'platform.start', { requestId, version: '$LATEST' });
}

export function formatJsonReport(epochMs: number, figures: ReportFigures): string {
  const status = figures.status ?? { status: 'success' };
  return platformEvent(epochMs, 'platform.report', {
    requestId: figures.requestId,
    metrics: {
      durationMs: round2(figures.durationMs),
      billedDurationMs: figures.billedDurationMs,
      memorySizeMB: figures.memorySizeMb,
      maxMemoryUsedMB: figures.maxMemoryUsedMb,
      ...(figures.initDurationMs !== undefined ? { initDurationMs: round2(figures.initDurationMs) } : {}),
    },
    status: status.status,
    ...(status.status === 'error' ? { errorType: status.errorType } : {}),
  });
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

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

/**
 * What Lambda prints between START and END when the retried init failed too: one event over two
 * lines, the second the init error's type (as in public logs of Node.js ImportModuleErrors:
 * `Unknown application error occurred` / `Runtime.ImportModuleError`).
 */
export function formatInitFailureLine(errorType: string): string {
  return `Unknown application error occurred\n${errorType}`;
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
export function formatConsoleLine(
  epochMs: number,
  requestId: string | undefined,
  level: LogLevel,
  message: string,
  format: LogFormat = 'text',
) {
  if (format === 'json') {
    // The JSON log format keeps the message whole (newlines escaped by JSON) and omits requestId during init.
    return JSON.stringify({ timestamp: formatTimestamp(epochMs), level, ...(requestId ? { requestId } : {}), message });
  }
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
export function formatErrorMessage(
  label: 'Invoke Error' | 'Uncaught Exception' | 'Unhandled Promise Rejection',
  errorJson: string,
): string {
  return `${label} \t${errorJson}`;
}
