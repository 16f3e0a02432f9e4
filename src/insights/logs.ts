/**
 * Reads pasted Lambda logs into events and discovers fields the way CloudWatch does for Lambda
 * log groups (docs/reference/logs-insights.md §2). Accepted: plain lines, `aws logs tail` output,
 * `aws logs filter-log-events` / `get-log-events` JSON, the console's CSV export, and Lambda's
 * JSON log format (one object per line).
 */

import { parseCsv } from '../lookup/csv.ts';
import type { Value } from './functions.ts';

export interface LogEvent {
  /** Epoch milliseconds; 0 when the paste carries no time at all. */
  timestamp: number;
  message: string;
  logStream?: string;
  /** Discovered fields, including `@timestamp`, `@message` and (when known) `@logStream`. */
  fields: Record<string, Value>;
}

/** CloudWatch extracts at most this many fields from a JSON event. */
const MAX_JSON_FIELDS = 200;
/** Lambda reports memory in MB that Insights turns into bytes with 1 MB = 1,000,000 bytes. */
const BYTES_PER_MB = 1_000_000;

const REPORT =
  /^REPORT RequestId:\s*(\S+)\s+Duration:\s*([\d.]+) ms\s+Billed Duration:\s*([\d.]+) ms\s+Memory Size:\s*(\d+) MB\s+Max Memory Used:\s*(\d+) MB(?:\s+Init Duration:\s*([\d.]+) ms)?/;
const START = /^START RequestId:\s*(\S+)/;
const END = /^END RequestId:\s*(\S+)/;
const XRAY = /XRAY TraceId:\s*(\S+)\s+SegmentId:\s*(\S+)/;
/** Node.js-style application line: `<iso>\t<requestId>\t…` (also the timeout line). */
const NODE_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z?\s+([0-9a-fA-F]{8}-[0-9a-fA-F-]{27,})\s/;
/** Python logging line: `[LEVEL]\t<iso>\t<requestId>\t…`. */
const PYTHON_LINE = /^\[[A-Z]+\]\s+(\S+)\s+([0-9a-fA-F]{8}-[0-9a-fA-F-]{27,})\s/;
const RUNTIME_LINE = /^RequestId:\s*([0-9a-fA-F]{8}-[0-9a-fA-F-]{27,})\s/;
const ISO_START = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)/;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
};

/**
 * The common UTC shapes (`2024-03-04T17:22:38.033Z`, `…38.033000+00:00`) without string copies:
 * parsing the times of 100,000 lines is a large share of reading a paste.
 */
function parseUtcFast(s: string): number | null {
  if (s.length < 20 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  let i = 19;
  let ms = 0;
  if (s[i] === '.') {
    let scale = 100;
    i++;
    while (i < s.length && digit(s, i) >= 0 && digit(s, i) <= 9) {
      ms += digit(s, i) * scale;
      scale /= 10;
      i++;
    }
    ms = Math.floor(ms + 1e-9);
  }
  const zone = s.slice(i);
  if (zone !== 'Z' && zone !== '+00:00') return null;
  const t = Date.UTC(
    digits(s, 0, 4),
    digits(s, 5, 7) - 1,
    digits(s, 8, 10),
    digits(s, 11, 13),
    digits(s, 14, 16),
    digits(s, 17, 19),
    ms,
  );
  return Number.isNaN(t) ? null : t;
}

/** Parses an ISO-like timestamp (with or without zone, which then means UTC); NaN when unreadable. */
export function parseTimestamp(raw: string): number {
  const fast = parseUtcFast(raw);
  if (fast !== null) return fast;
  let s = raw.trim().replace(' ', 'T').replace(',', '.');
  // JavaScript dates keep milliseconds: trim microseconds and nanoseconds.
  s = s.replace(/(\.\d{3})\d+/, '$1');
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(s)) s += 'Z';
  return Date.parse(s);
}

/** Discovers Lambda's `@` fields and the keys of the first JSON object in a message. */
export function discoverFields(message: string, fields: Record<string, Value>): void {
  const first = message.charCodeAt(0);
  if (first === 82 /* R */ && message.startsWith('REPORT')) {
    const m = REPORT.exec(message);
    if (m) {
      fields['@type'] = 'REPORT';
      fields['@requestId'] = m[1] as string;
      fields['@duration'] = Number(m[2]);
      fields['@billedDuration'] = Number(m[3]);
      fields['@memorySize'] = Number(m[4]) * BYTES_PER_MB;
      fields['@maxMemoryUsed'] = Number(m[5]) * BYTES_PER_MB;
      if (m[6] !== undefined) fields['@initDuration'] = Number(m[6]);
      const x = message.includes('XRAY') ? XRAY.exec(message) : null;
      if (x) {
        fields['@xrayTraceId'] = x[1] as string;
        fields['@xraySegmentId'] = x[2] as string;
      }
      return;
    }
  } else if (first === 83 /* S */ && message.startsWith('START')) {
    const m = START.exec(message);
    if (m) {
      fields['@type'] = 'START';
      fields['@requestId'] = m[1] as string;
      return;
    }
  } else if (first === 69 /* E */ && message.startsWith('END')) {
    const m = END.exec(message);
    if (m) {
      fields['@type'] = 'END';
      fields['@requestId'] = m[1] as string;
      return;
    }
  }
  const app = NODE_LINE.exec(message) ?? RUNTIME_LINE.exec(message);
  if (app) fields['@requestId'] = app[1] as string;
  else {
    const py = PYTHON_LINE.exec(message);
    if (py) fields['@requestId'] = py[2] as string;
  }
  const brace = message.indexOf('{');
  if (brace >= 0) {
    const json = firstJsonObject(message, brace);
    if (json) flatten(json, '', fields, { count: 0 });
  }
}

/** The first balanced `{…}` fragment that parses as a JSON object (CloudWatch reads only the first). */
function firstJsonObject(text: string, from: number): Record<string, unknown> | null {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      depth--;
      if (depth === 0) {
        try {
          const value: unknown = JSON.parse(text.slice(from, i + 1));
          return value !== null && typeof value === 'object' && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null;
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

function flatten(value: unknown, prefix: string, fields: Record<string, Value>, budget: { count: number }): void {
  if (budget.count >= MAX_JSON_FIELDS) return;
  if (value === null || value === undefined) return;
  if (typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, v] of entries) {
      // A JSON key that starts with @ is shown with an extra @ so it cannot shadow a system field.
      const name = prefix ? `${prefix}.${key}` : key.startsWith('@') ? `@${key}` : key;
      flatten(v, name, fields, budget);
    }
    return;
  }
  if (!prefix || prefix === '__proto__' || Object.hasOwn(fields, prefix)) return;
  budget.count++;
  fields[prefix] = typeof value === 'number' ? value : typeof value === 'boolean' ? (value ? 1 : 0) : String(value);
}

function makeEvent(timestamp: number, message: string, logStream?: string): LogEvent {
  // A plain object, not Object.create(null): V8 keeps those in fast mode. getField ignores inherited
  // functions such as toString, so a field of that name reads as missing, not as the prototype method.
  const fields: Record<string, Value> = {};
  fields['@timestamp'] = timestamp;
  fields['@message'] = message;
  if (logStream !== undefined) fields['@logStream'] = logStream;
  const event: LogEvent = { timestamp, message, fields };
  if (logStream !== undefined) event.logStream = logStream;
  return event;
}

function finish(events: LogEvent[]): LogEvent[] {
  for (const e of events) discoverFields(e.message, e.fields);
  return events;
}

/** Reads pasted logs in any supported format. Never throws; unreadable input yields plain events or none. */
export function parseLambdaLogs(text: string): LogEvent[] {
  try {
    if (typeof text !== 'string') return [];
    const trimmed = text.trim();
    if (trimmed === '') return [];
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const fromJson = readCliJson(trimmed);
      if (fromJson) return finish(fromJson);
    }
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') === -1 ? undefined : trimmed.indexOf('\n'));
    if (/^"?@(timestamp|message)"?\s*,/.test(firstLine) || /,\s*"?@(timestamp|message)"?/.test(firstLine)) {
      return finish(readCsv(trimmed));
    }
    return finish(readLines(text));
  } catch {
    return [];
  }
}

/** `aws logs filter-log-events` / `get-log-events` output, or an array of such events. */
function readCliJson(text: string): LogEvent[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events)
      ? (data as { events: unknown[] }).events
      : null;
  if (!list) {
    // A single Lambda JSON-format record pasted on its own.
    if (data && typeof data === 'object') return readLines(text.replace(/\s*\n\s*/g, ' '));
    return null;
  }
  const events: LogEvent[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const e = item as Record<string, unknown>;
    if (typeof e.message !== 'string') {
      // An array of Lambda JSON-format records: each is itself the message.
      events.push(makeEvent(jsonRecordTime(e) ?? 0, JSON.stringify(e)));
      continue;
    }
    const timestamp = typeof e.timestamp === 'number' ? e.timestamp : 0;
    const stream = typeof e.logStreamName === 'string' ? e.logStreamName : undefined;
    const event = makeEvent(timestamp, e.message.replace(/\n$/, ''), stream);
    // Insights results (`@log`) and multi-group exports (`logGroupName`) say which group an event is from.
    const group =
      typeof e['@log'] === 'string' ? e['@log'] : typeof e.logGroupName === 'string' ? e.logGroupName : undefined;
    if (group !== undefined) event.fields['@log'] = group;
    events.push(event);
  }
  return events;
}

function jsonRecordTime(e: Record<string, unknown>): number | null {
  const t = e.time ?? e.timestamp;
  if (typeof t === 'number') return t;
  if (typeof t === 'string') {
    const ms = parseTimestamp(t);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

function readCsv(text: string): LogEvent[] {
  const [header = [], ...body] = parseCsv(text).filter((row) => row.length > 1 || row[0] !== '');
  const names = header.map((h) => h.trim());
  const ti = names.indexOf('@timestamp');
  const mi = names.indexOf('@message');
  const si = names.indexOf('@logStream');
  return body.map((cells) => {
    const ms = ti >= 0 ? parseTimestamp(cells[ti] ?? '') : Number.NaN;
    const event = makeEvent(
      Number.isNaN(ms) ? 0 : ms,
      mi >= 0 ? (cells[mi] ?? '').replace(/\n$/, '') : '',
      si >= 0 ? cells[si] : undefined,
    );
    names.forEach((name, i) => {
      if (i === ti || i === mi || i === si || name === '') return;
      const v = cells[i];
      if (v === undefined || v === '') return;
      event.fields[name] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    return event;
  });
}

/** `aws logs tail`: `<iso> <log stream> <message>`; Lambda stream names contain `/`. */
const TAIL_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?) (\S*\/\S*) (.*)$/;

function readLines(text: string): LogEvent[] {
  const events: LogEvent[] = [];
  let last = 0;
  let previous: LogEvent | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    // Continuations: stack frames (indented) and the XRAY part of a REPORT event.
    if (previous && (/^\s/.test(raw) || raw.startsWith('XRAY TraceId'))) {
      previous.message += `\n${raw}`;
      previous.fields['@message'] = previous.message;
      continue;
    }
    const tail = TAIL_LINE.exec(raw);
    let event: LogEvent;
    if (tail) {
      const ms = parseTimestamp(tail[1] as string);
      if (!Number.isNaN(ms)) last = ms;
      event = makeEvent(last, tail[3] as string, tail[2] as string);
    } else {
      event = makeEvent(timeOfLine(raw) ?? last, raw);
      last = event.timestamp;
    }
    events.push(event);
    previous = event;
  }
  return events;
}

/** The time a plain line carries: a leading ISO stamp, Python's second column, or a JSON record's. */
function timeOfLine(line: string): number | null {
  const iso = ISO_START.exec(line);
  if (iso) {
    const ms = parseTimestamp(iso[1] as string);
    return Number.isNaN(ms) ? null : ms;
  }
  const py = PYTHON_LINE.exec(line);
  if (py) {
    const ms = parseTimestamp(py[1] as string);
    return Number.isNaN(ms) ? null : ms;
  }
  if (line.startsWith('{')) {
    try {
      const data: unknown = JSON.parse(line);
      if (data && typeof data === 'object') return jsonRecordTime(data as Record<string, unknown>);
    } catch {
      return null;
    }
  }
  return null;
}
