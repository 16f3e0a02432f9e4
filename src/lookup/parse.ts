/**
 * Reading a paste the way people copy Lambda logs: split it into lines, unwrap each line from
 * the tool that printed it (CloudWatch console, `aws logs tail`, `filter-log-events` text or JSON,
 * Lambda's JSON log format), unescape JSON strings, and group continuation lines (stack traces,
 * pretty-printed JSON) into records that carry a request id.
 */
import { parseCsv } from './csv';
import { parsePlatformReport, parseReportLine, type ReportLine } from './report';

/** Work caps: beyond them the paste is cut, and the Diagnosis says so in `notes`. */
export const limits = {
  /** Characters of the paste that are read at all (about 2 MB of log). */
  maxChars: 2_000_000,
  /** Lines read after splitting. */
  maxLines: 20_000,
  /** Characters of one line that are read; the rest of a longer line is ignored. */
  maxLineChars: 8_192,
  /** Lines grouped into one record before a new one is started. */
  maxRecordLines: 64,
  /** Characters grouped into one record before a new one is started: bounds each regex run. */
  maxRecordChars: 16_384,
} as const;

/** One pasted line, unwrapped. */
export interface PastedLine {
  /** The line as pasted (cut at `limits.maxLineChars`), for evidence. */
  raw: string;
  /** The message once the tool's prefix (timestamp, stream, request id, level) is removed and JSON escapes undone. */
  body: string;
}

/** Platform lines that say nothing about an error; they are grouped but never matched. */
type LineKind = 'message' | 'quiet';

/** A log event: a line and its continuation lines, with what was read from them. */
export interface LogRecord {
  lines: PastedLine[];
  /** The bodies joined by newlines: what the patterns run on. */
  text: string;
  /** The request the record belongs to, when the paste says. */
  requestId?: string;
  /** Set on START/END/XRAY lines, which no pattern needs to see. */
  quiet: boolean;
  /**
   * The event's request id is the word `undefined`: the Node.js runtime prints that for lines
   * logged before any invocation, while the module's top level runs (init).
   */
  beforeInvocation?: true;
  /** The REPORT figures, when the record is a REPORT line or a JSON platform.report. */
  report?: ReportLine;
}

export interface ParsedPaste {
  records: LogRecord[];
  /** Lines read (after the caps). */
  lineCount: number;
  /** Distinct request ids seen. */
  requestIds: Set<string>;
  notes: string[];
}

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const isoTimestamp = String.raw`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?`;
/** A Lambda log stream's name: `2024/03/04/[$LATEST]0123abcd`. */
const logStreamName = String.raw`\d{4}\/\d\d\/\d\d\/\[[^\]\s]{1,64}\][0-9a-zA-Z]{0,64}`;

const prefixes = {
  /** `aws logs filter-log-events --output text`: EVENTS, event id, ingestion time, stream, message, timestamp. */
  eventsText: /^EVENTS\t[^\t]{0,128}\t\d{1,16}\t[^\t]{0,512}\t(.*)\t\d{1,16}$/,
  /** CloudWatch console rows, `aws logs tail`, Node and Java log lines start with an ISO timestamp. */
  timestamp: new RegExp(`^\\s{0,8}(?:\\u25B6\\s{0,4})?${isoTimestamp}\\s{1,8}`),
  /** API Gateway's test-invoke and execution logs: `Wed Nov 02 10:19:35 UTC 2022 : `. */
  apiGatewayTimestamp: /^\s{0,8}[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4} : /,
  /** `aws logs tail` puts the stream name after the timestamp. */
  logStream: new RegExp(`^${logStreamName}\\s{1,8}`),
  /**
   * `sam logs` puts it before the timestamp (`<stream> <ISO timestamp> <message>`, CWPrettyPrintFormatter
   * in aws-sam-cli's samcli/lib/observability/cw_logs/cw_log_formatters.py).
   */
  logStreamFirst: new RegExp(`^\\s{0,8}${logStreamName}\\s{1,8}(?=${isoTimestamp}\\s)`),
  /** The request id (or `undefined`, printed before any invocation) after a timestamp. */
  requestId: new RegExp(`^(${uuid}|undefined)\\s{1,8}`),
  /** The level Node's console methods print after the request id. */
  level: /^(?:INFO|ERROR|WARN|DEBUG|TRACE|FATAL)\s{1,8}/,
  /** Python's default format: `[ERROR]\t<timestamp>\t<request id>\t`. */
  python: new RegExp(
    `^\\[(?:INFO|ERROR|WARNING|WARN|DEBUG|CRITICAL|FATAL)\\]\\s{1,8}${isoTimestamp}\\s{1,8}(${uuid}|undefined)\\s{1,8}`,
  ),
  /** START, END and REPORT carry the request id in the line itself. */
  platform: new RegExp(`^(START|END|REPORT) RequestId:\\s{0,4}(${uuid}|[\\w-]{1,64})`),
  /** Runtime errors printed as `RequestId: <id> Error: …`. */
  requestIdError: new RegExp(`^RequestId:\\s{0,4}(${uuid})`),
  /** Other platform lines that begin a log event. */
  otherPlatform:
    /^(?:INIT_START|INIT_REPORT|INIT_RUNTIME_DONE|RESTORE_START|RESTORE_REPORT|EXTENSION|TELEMETRY|LOGS|XRAY)\b/,
  /** A table row: `| 1715603870772 | message |` or `  | 2022-10-04T12:23:04.626-04:00 | message`. */
  tableRow: new RegExp(`^\\s{0,8}\\|?\\s{0,8}(?:${isoTimestamp}|\\d{13})\\s{1,8}\\|\\s{0,8}`),
  /** `[ERROR] Runtime.ImportModuleError: …` and friends: a Python runtime error line. */
  bracketLevel: /^\[(?:INFO|ERROR|WARNING|WARN|DEBUG|CRITICAL|FATAL)\]\s/,
} as const;

/** A platform line reporting a failed phase: `Status: error`, `Status: timeout`, `Error Type: …`. */
const failedStatus = /\bStatus:\s{0,4}(?!success\b)[A-Za-z]|\bError Type:/;

const jsonEscape = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/g;
const hasJsonEscape = /\\["\\/bfnrtu]/;
const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Undoes JSON string escapes (`\"`, `\n`, `\u00e9`…) so a message quoted in JSON reads as printed. */
export function unescapeJson(text: string): string {
  const unescapeOnce = (escaped: string) =>
    escaped.replace(jsonEscape, (_all, code: string) =>
      code.length === 5 ? String.fromCharCode(Number.parseInt(code.slice(1), 16)) : (escapes[code] ?? code),
    );
  const once = unescapeOnce(text);
  // A JSON string inside a JSON string (Step Functions' `cause`) still has escaped quotes after one pass.
  return once.includes('\\"') ? unescapeOnce(once) : once;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request id a JSON log event names, under the keys Lambda, Powertools and common loggers use. */
function jsonRequestId(event: Record<string, unknown>): string | undefined {
  const record = isRecord(event.record) ? event.record : {};
  for (const value of [
    event.requestId,
    record.requestId,
    event.AWSRequestId,
    event.aws_request_id,
    event.function_request_id,
    event.requestID,
  ]) {
    if (typeof value === 'string' && value !== '' && value !== 'undefined') return value;
  }
  return undefined;
}

/** The log events of a JSON document that is a list of them (`filter-log-events`, `get-log-events`, a subscription payload). */
function eventsFromJson(value: unknown): string[] | undefined {
  const list = Array.isArray(value)
    ? value
    : isRecord(value)
      ? Array.isArray(value.events)
        ? value.events
        : Array.isArray(value.logEvents)
          ? value.logEvents
          : undefined
      : undefined;
  if (!list || list.length === 0) return undefined;
  const messages: string[] = [];
  for (const event of list) {
    // `message` in the CLI's output and subscriptions; `@message` in a Logs Insights results export.
    const message = isRecord(event) ? (event.message ?? event['@message']) : undefined;
    if (typeof message !== 'string') return undefined;
    messages.push(message.replace(/\n$/, ''));
  }
  return messages;
}

/**
 * A Logs Insights or CloudWatch console export as CSV (RFC 4180: quoted fields may hold commas,
 * doubled quotes and newlines): the `@message` column of each row, or `undefined` when the paste
 * does not start with a header naming `@message`.
 */
function messagesFromCsv(text: string): string[] | undefined {
  const headerEnd = text.indexOf('\n');
  const header = (headerEnd === -1 ? text : text.slice(0, headerEnd)).trim();
  if (!header.includes('@message') || !header.includes(',')) return undefined;
  const rows = parseCsv(text);
  const column = (rows[0] ?? []).map((name) => name.trim()).indexOf('@message');
  if (column === -1) return undefined;
  return rows
    .slice(1)
    .flatMap((cells) => (cells[column] ?? '').replace(/\n$/, '').split(/\r?\n/))
    .filter((line) => line.trim() !== '');
}

interface UnwrappedLine extends PastedLine {
  startsRecord: boolean;
  /** Printed with the request id `undefined` (see LogRecord.beforeInvocation). */
  beforeInvocation?: true;
  kind: LineKind;
  requestId?: string;
  /** A START line opens its request; lines without an id until the REPORT belong to it. */
  opens?: string;
  /** A REPORT line ends its request. */
  closes?: boolean;
  report?: ReportLine;
}

/** Removes the prefix the printing tool added and reads what it carried. */
export function unwrapLine(raw: string): UnwrappedLine {
  let body = raw;
  let startsRecord = false;
  let requestId: string | undefined;
  let beforeInvocation = false;
  /** Removes `pattern`'s match from the start of the body and returns it, if it matches. */
  const strip = (pattern: RegExp): RegExpExecArray | null => {
    const found = pattern.exec(body);
    if (found) body = body.slice(found[0].length);
    return found;
  };

  const eventsText = prefixes.eventsText.exec(body);
  if (eventsText) {
    body = eventsText[1] ?? '';
    startsRecord = true;
  }
  // A table row (console rows copied with `|` separators, `aws logs … --output table`): keep the message cell.
  const row = prefixes.tableRow.exec(body);
  if (row) {
    body = body.slice(row[0].length).replace(/\s*\|[^|]*\|?\s*$|\s*\|\s*$/, '');
    startsRecord = true;
  }
  strip(prefixes.logStreamFirst);
  if (strip(prefixes.timestamp) ?? strip(prefixes.apiGatewayTimestamp)) {
    startsRecord = true;
    strip(prefixes.logStream);
    // The tool's timestamp (console, `aws logs tail`, `sam logs`) is followed by the runtime's own.
    strip(prefixes.timestamp);
    const id = strip(prefixes.requestId);
    if (id) {
      if (id[1] !== 'undefined') requestId = id[1];
      else beforeInvocation = true;
      strip(prefixes.level);
    }
  } else {
    const python = strip(prefixes.python);
    if (python) {
      startsRecord = true;
      if (python[1] !== 'undefined') requestId = python[1];
      else beforeInvocation = true;
    }
  }

  let kind: LineKind = 'message';
  let opens: string | undefined;
  let closes = false;
  let report: ReportLine | undefined;
  const trimmed = body.trim();
  const platform = prefixes.platform.exec(trimmed);
  const requestIdError = prefixes.requestIdError.exec(trimmed);
  if (platform) {
    startsRecord = true;
    requestId = platform[2];
    if (platform[1] === 'START') {
      kind = 'quiet';
      opens = requestId;
    } else if (platform[1] === 'END') {
      kind = 'quiet';
    } else {
      closes = true;
      report = parseReportLine(trimmed);
    }
  } else if (requestIdError) {
    startsRecord = true;
    requestId = requestIdError[1];
  } else if (prefixes.otherPlatform.test(trimmed)) {
    startsRecord = true;
    // INIT_START, RESTORE_START, EXTENSION… and a successful INIT_REPORT/RESTORE_REPORT say nothing about an error.
    if (!failedStatus.test(trimmed)) kind = 'quiet';
  } else if (prefixes.bracketLevel.test(trimmed)) {
    startsRecord = true;
  } else if (trimmed.startsWith('{') && trimmed.endsWith('}') && trimmed.length > 2) {
    let event: unknown;
    try {
      event = JSON.parse(trimmed);
    } catch {
      // Not a whole JSON object after all (a fragment of a pretty-printed one): read it as text.
    }
    if (isRecord(event)) {
      startsRecord = true;
      requestId = jsonRequestId(event) ?? requestId;
      report = parsePlatformReport(event);
      if (report) closes = true;
      if (event.type === 'platform.start') {
        kind = 'quiet';
        opens = requestId;
      } else if (typeof event.type === 'string' && event.type.startsWith('platform.')) {
        // platform.initStart, runtimeDone, initReport, restoreReport, report…: quiet unless they report a failure.
        const status = isRecord(event.record) ? event.record.status : undefined;
        if (status === undefined || status === 'success') kind = 'quiet';
      }
      // A REPORT line printed inside a JSON app log (rare) still counts.
    }
  }

  const unescaped = hasJsonEscape.test(body) ? unescapeJson(body) : body;
  if (!report && unescaped !== body) {
    const inner = parseReportLine(unescaped);
    if (inner) {
      report = inner;
      closes = true;
      requestId ??= inner.requestId;
    }
  }
  const line: UnwrappedLine = { raw, body: unescaped, startsRecord, kind };
  if (requestId) line.requestId = requestId;
  if (beforeInvocation) line.beforeInvocation = true;
  if (opens) line.opens = opens;
  if (closes) line.closes = true;
  if (report) line.report = report;
  return line;
}

// Control characters other than tab, newline and carriage return: what binary data looks like.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/** Splits, unwraps and groups a paste. Never throws; caps its work (see `limits`) and says so in `notes`. */
export function parsePaste(input: string): ParsedPaste {
  const notes: string[] = [];
  let text = typeof input === 'string' ? input : '';
  if (text.length > limits.maxChars) {
    notes.push(
      `The paste is ${text.length.toLocaleString('en')} characters long; only the first ${limits.maxChars.toLocaleString('en')} were read.`,
    );
    text = text.slice(0, limits.maxChars);
  }

  let controls = 0;
  text = text.replace(controlCharacters, () => {
    controls++;
    return ' ';
  });
  if (controls > 0 && controls > text.length * 0.05) {
    notes.push(
      `The paste looks like binary data (${controls.toLocaleString('en')} control characters); it was read as text, which is unlikely to find anything.`,
    );
  }

  let lines: string[] | undefined;
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed) && /[\]}]$/.test(trimmed)) {
    try {
      const events = eventsFromJson(JSON.parse(trimmed));
      if (events) lines = events.flatMap((message) => message.split(/\r?\n/));
    } catch {
      // A truncated or invalid JSON document: its lines are read one by one below.
    }
  }
  lines ??= messagesFromCsv(text);
  lines ??= text.split(/\r?\n|\r/);
  if (lines.length > limits.maxLines) {
    notes.push(
      `The paste has ${lines.length.toLocaleString('en')} lines; only the first ${limits.maxLines.toLocaleString('en')} were read.`,
    );
    lines = lines.slice(0, limits.maxLines);
  }

  const records: LogRecord[] = [];
  const requestIds = new Set<string>();
  let current: { record: LogRecord; bodies: string[]; chars: number } | undefined;
  let openRequest: string | undefined;
  let cutLines = 0;
  let lineCount = 0;

  const flush = () => {
    if (!current) return;
    current.record.text = current.bodies.join('\n');
    records.push(current.record);
    current = undefined;
  };

  for (let raw of lines) {
    if (raw.trim() === '') continue;
    lineCount++;
    if (raw.length > limits.maxLineChars) {
      raw = raw.slice(0, limits.maxLineChars);
      cutLines++;
    }
    const line = unwrapLine(raw);
    if (line.opens) openRequest = line.opens;
    const requestId = line.requestId ?? openRequest;
    if (requestId) requestIds.add(requestId);

    const startNew =
      !current ||
      line.startsRecord ||
      current.record.report !== undefined ||
      current.record.quiet !== (line.kind === 'quiet') ||
      current.record.lines.length >= limits.maxRecordLines ||
      current.chars + line.body.length > limits.maxRecordChars;
    if (startNew) {
      flush();
      const record: LogRecord = { lines: [], text: '', quiet: line.kind === 'quiet' };
      if (requestId) record.requestId = requestId;
      if (line.report) record.report = line.report;
      if (line.beforeInvocation) record.beforeInvocation = true;
      current = { record, bodies: [], chars: 0 };
    }
    // `current` is always set here; the check keeps the compiler and the reader in agreement.
    if (!current) continue;
    current.record.lines.push({ raw: line.raw, body: line.body });
    current.bodies.push(line.body);
    current.chars += line.body.length + 1;
    if (!current.record.requestId && requestId) current.record.requestId = requestId;
    if (line.closes) openRequest = undefined;
  }
  flush();

  if (cutLines > 0) {
    notes.push(
      `${cutLines.toLocaleString('en')} line${cutLines === 1 ? ' was' : 's were'} longer than ${limits.maxLineChars.toLocaleString('en')} characters; only the start of each was read.`,
    );
  }
  return { records, lineCount, requestIds, notes };
}
