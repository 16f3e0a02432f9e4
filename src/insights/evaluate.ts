/**
 * Runs a parsed query over log events with CloudWatch's semantics for the supported subset.
 *
 * Expressions are compiled once into closures, and regexes once per query, so the per-event loop
 * does field lookups and comparisons only. Choices where AWS documents no behaviour are listed in
 * README.md ("Known differences").
 */

import type { Command, Expr, Projection, Query } from './ast.ts';
import type { Value } from './functions.ts';
import * as functions from './functions.ts';
import type { LogEvent } from './logs.ts';
import { type Diagnostic, parseQuery } from './parser.ts';
import { compileRegex } from './regex.ts';

export type Row = Record<string, Value>;

export type QueryResult =
  | {
      ok: true;
      /** Column names in display order: aliases, or the expression text as written. */
      columns: string[];
      /** One object per row, keyed by column; datetimes are formatted `YYYY-MM-DD HH:mm:ss.SSS` (UTC). */
      rows: Row[];
      statistics: { recordsScanned: number; recordsMatched: number };
      warnings: Diagnostic[];
    }
  | { ok: false; errors: Diagnostic[] };

/** CloudWatch returns at most this many rows when the query has no `limit`. */
export const DEFAULT_ROW_LIMIT = 10_000;

// Local bindings: module-runner tools (vitest) turn each imported name into a getter call, which
// would otherwise run once per event in the hot loop.
const { floorToPeriod, functionsByName, isTruthy, toNumber } = functions;

type Rec = Record<string, unknown>;
type Fn = (r: Rec) => Value;

/** Reads a field as a Value: anything that is not a string or number (missing, object) is null. */
function getField(r: Rec, name: string): Value {
  const v = r[name];
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

const numericText = /^\s*-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** A string that looks like a number compares as one (fields extracted by parse are strings). */
const asComparable = (v: string | number): string | number =>
  typeof v === 'string' && numericText.test(v) ? Number(v) : v;

function equals(a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  if (typeof a === typeof b) return a === b;
  return asComparable(a) === asComparable(b);
}

/**
 * The "updated natural sort" of AWS's sort documentation: ascending puts text before numbers;
 * text compares in runs of digits (by length, then value) and non-digits. Nulls sort last.
 */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const x = asComparable(a);
  const y = asComparable(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return 1;
  if (typeof y === 'number') return -1;
  return naturalCompare(x, y);
}

function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const p = ra[i] as string;
    const q = rb[i] as string;
    if (p === q) continue;
    const pd = p.charCodeAt(0) <= 57 && p.charCodeAt(0) >= 48;
    const qd = q.charCodeAt(0) <= 57 && q.charCodeAt(0) >= 48;
    if (pd && qd) return p.length - q.length || (p < q ? -1 : 1);
    return p < q ? -1 : 1;
  }
  return ra.length - rb.length;
}

function compareOrdered(op: string, a: Value, b: Value): boolean {
  if (a === null || b === null) return false;
  const x = asComparable(a);
  const y = asComparable(b);
  const c =
    typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

function arithmetic(op: string, a: Value, b: Value): Value {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : x / y;
    case '%':
      return y === 0 ? null : x % y;
    default:
      return x ** y;
  }
}

const text = (v: Value): string | null => (v === null ? null : typeof v === 'number' ? String(v) : v);

/** Compiles an expression; `aggregates` maps each aggregate call of a stats item to its slot. */
function compile(expr: Expr, aggregates?: { slots: Map<Expr, number>; values: Value[] }): Fn {
  switch (expr.kind) {
    case 'field': {
      const name = expr.name;
      return (r) => getField(r, name);
    }
    case 'number':
    case 'string': {
      const v = expr.value;
      return () => v;
    }
    case 'period': {
      const v = expr.ms;
      return () => v;
    }
    case 'regex': {
      const source = expr.source;
      return () => source;
    }
    case 'list':
      return () => null;
    case 'unary': {
      const f = compile(expr.operand, aggregates);
      if (expr.op === 'not') return (r) => (isTruthy(f(r)) ? 0 : 1);
      return (r) => {
        const x = toNumber(f(r));
        return x === null ? null : -x;
      };
    }
    case 'binary': {
      const l = compile(expr.left, aggregates);
      const rt = compile(expr.right, aggregates);
      const op = expr.op;
      switch (op) {
        case 'and':
          return (r) => (isTruthy(l(r)) && isTruthy(rt(r)) ? 1 : 0);
        case 'or':
          return (r) => (isTruthy(l(r)) || isTruthy(rt(r)) ? 1 : 0);
        case '=':
          return (r) => (equals(l(r), rt(r)) ? 1 : 0);
        case '!=':
          return (r) => {
            const a = l(r);
            const b = rt(r);
            return a !== null && b !== null && !equals(a, b) ? 1 : 0;
          };
        case '<':
        case '>':
        case '<=':
        case '>=':
          return (r) => (compareOrdered(op, l(r), rt(r)) ? 1 : 0);
        default:
          return (r) => arithmetic(op, l(r), rt(r));
      }
    }
    case 'like': {
      const subject = compile(expr.subject, aggregates);
      const yes = expr.negated ? 0 : 1;
      const no = expr.negated ? 1 : 0;
      if (expr.pattern.kind === 'regex') {
        const re = compileRegex(expr.pattern.source);
        if (typeof re === 'string') return () => null;
        return (r) => {
          const s = text(subject(r));
          if (s === null) return 0;
          re.lastIndex = 0;
          return re.test(s) ? yes : no;
        };
      }
      const needle = expr.pattern.kind === 'string' ? expr.pattern.value : '';
      return (r) => {
        const s = text(subject(r));
        return s === null ? 0 : s.includes(needle) ? yes : no;
      };
    }
    case 'in': {
      const subject = compile(expr.subject, aggregates);
      const items =
        expr.list.kind === 'list'
          ? expr.list.items.map((i) => (i.kind === 'number' || i.kind === 'string' ? i.value : null))
          : [];
      const yes = expr.negated ? 0 : 1;
      const no = expr.negated ? 1 : 0;
      return (r) => {
        const v = subject(r);
        if (v === null) return 0;
        for (const item of items) if (equals(v, item)) return yes;
        return no;
      };
    }
    case 'call': {
      const slot = aggregates?.slots.get(expr);
      if (slot !== undefined && aggregates) {
        const values = aggregates.values;
        return () => values[slot] ?? null;
      }
      const spec = functionsByName.get(expr.name.toLowerCase());
      if (!spec) return () => null;
      if (spec.name === 'bin') {
        const p = expr.args[0];
        const ms = p?.kind === 'period' ? p.ms : 60_000;
        const months = p?.kind === 'period' ? p.months : 0;
        return (r) => {
          const t = r['@timestamp'];
          return typeof t === 'number' ? floorToPeriod(t, ms, months) : null;
        };
      }
      if (spec.name === 'datefloor' || spec.name === 'dateceil') {
        const ts = compile(expr.args[0] as Expr, aggregates);
        const p = expr.args[1];
        const ms = p?.kind === 'period' ? p.ms : 60_000;
        const months = p?.kind === 'period' ? p.months : 0;
        const ceil = spec.name === 'dateceil';
        return (r) => {
          const t = toNumber(ts(r));
          if (t === null) return null;
          const floored = floorToPeriod(t, ms, months);
          if (!ceil || floored === t) return floored;
          return months > 0 ? floorToPeriod(floored + 32 * 86_400_000 * months, ms, months) : floored + ms;
        };
      }
      const apply = spec.apply;
      if (!apply) return () => null;
      const args = expr.args.map((a) => compile(a, aggregates));
      // One buffer per call site: a call site cannot be re-entered while its arguments evaluate.
      const buffer: Value[] = new Array(args.length).fill(null);
      return (r) => {
        for (let i = 0; i < args.length; i++) buffer[i] = (args[i] as Fn)(r);
        return apply(buffer);
      };
    }
  }
}

// Aggregation ------------------------------------------------------------------------------------

interface Accumulator {
  add(r: Rec): void;
  result(): Value;
}

type AccumulatorFactory = () => Accumulator;

function timestampOf(r: Rec): number | null {
  const t = r['@timestamp'];
  return typeof t === 'number' ? t : null;
}

/**
 * Percentile by nearest rank: the smallest value with at least p% of the values at or below it.
 * AWS does not document its method (it approximates at scale); nearest rank returns an observed
 * value and matches CloudWatch on small samples we could compare.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

function accumulatorFor(call: Extract<Expr, { kind: 'call' }>): AccumulatorFactory {
  const name = call.name.toLowerCase();
  const arg = call.star || call.args.length === 0 ? null : compile(call.args[0] as Expr);
  switch (name) {
    case 'count':
      if (!arg) {
        return () => {
          let n = 0;
          return { add: () => void n++, result: () => n };
        };
      }
      return () => {
        let n = 0;
        return {
          add: (r) => {
            if (arg(r) !== null) n++;
          },
          result: () => n,
        };
      };
    case 'count_distinct':
      return () => {
        const seen = new Set<Value>();
        return {
          add: (r) => {
            const v = (arg as Fn)(r);
            if (v !== null) seen.add(typeof v === 'string' ? asComparable(v) : v);
          },
          result: () => seen.size,
        };
      };
    case 'sum':
    case 'avg':
      return () => {
        let sum = 0;
        let n = 0;
        return {
          add: (r) => {
            const x = toNumber((arg as Fn)(r));
            if (x !== null) {
              sum += x;
              n++;
            }
          },
          result: () => (n === 0 ? null : name === 'sum' ? sum : sum / n),
        };
      };
    case 'stddev':
      return () => {
        // Welford's online algorithm; sample standard deviation (n - 1).
        let n = 0;
        let mean = 0;
        let m2 = 0;
        return {
          add: (r) => {
            const x = toNumber((arg as Fn)(r));
            if (x === null) return;
            n++;
            const d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
          },
          result: () => (n < 2 ? (n === 1 ? 0 : null) : Math.sqrt(m2 / (n - 1))),
        };
      };
    case 'pct':
    case 'percentile': {
      const p = call.args[1]?.kind === 'number' ? call.args[1].value : 50;
      return () => {
        const xs: number[] = [];
        return {
          add: (r) => {
            const x = toNumber((arg as Fn)(r));
            if (x !== null) xs.push(x);
          },
          result: () =>
            nearestRank(
              xs.sort((a, b) => a - b),
              p,
            ),
        };
      };
    }
    case 'min':
    case 'max':
    case 'sortsfirst':
    case 'sortslast': {
      const wantLow = name === 'min' || name === 'sortsfirst';
      return () => {
        let best: Value = null;
        return {
          add: (r) => {
            const v = (arg as Fn)(r);
            if (v === null) return;
            if (best === null || (wantLow ? compareValues(v, best) < 0 : compareValues(v, best) > 0)) best = v;
          },
          result: () => (best !== null && (name === 'min' || name === 'max') ? (toNumber(best) ?? best) : best),
        };
      };
    }
    default: {
      // earliest / latest: the value from the event with the lowest / highest @timestamp.
      const wantEarliest = name === 'earliest';
      return () => {
        let best: Value = null;
        let bestTime: number | null = null;
        let seen = 0;
        return {
          add: (r) => {
            const v = (arg as Fn)(r);
            const t = timestampOf(r) ?? seen;
            seen++;
            if (v === null) return;
            if (bestTime === null || (wantEarliest ? t < bestTime : t > bestTime)) {
              best = v;
              bestTime = t;
            }
          },
          result: () => best,
        };
      };
    }
  }
}

function collectAggregates(expr: Expr, found: Extract<Expr, { kind: 'call' }>[]): void {
  switch (expr.kind) {
    case 'call':
      if (functionsByName.get(expr.name.toLowerCase())?.kind === 'aggregate') found.push(expr);
      else for (const a of expr.args) collectAggregates(a, found);
      break;
    case 'unary':
      collectAggregates(expr.operand, found);
      break;
    case 'binary':
      collectAggregates(expr.left, found);
      collectAggregates(expr.right, found);
      break;
    case 'like':
    case 'in':
      collectAggregates(expr.subject, found);
      break;
    default:
      break;
  }
}

const columnName = (p: Projection): string => p.alias ?? p.text;

function runStats(command: Extract<Command, { kind: 'stats' }>, records: Rec[]): Rec[] {
  const aggregateCalls: Extract<Expr, { kind: 'call' }>[] = [];
  for (const item of command.items) collectAggregates(item.expr, aggregateCalls);
  const factories = aggregateCalls.map(accumulatorFor);
  const keyFns = command.by.map((p) => compile(p.expr));
  const groups = new Map<unknown, { keys: Value[]; accumulators: Accumulator[] }>();
  const single = keyFns.length === 1 ? (keyFns[0] as Fn) : null;

  for (const r of records) {
    let key: unknown;
    if (single) key = single(r);
    else if (keyFns.length === 0) key = '';
    else key = keyFns.map((f) => JSON.stringify(f(r))).join('\u0001');
    let group = groups.get(key);
    if (!group) {
      group = { keys: keyFns.map((f) => f(r)), accumulators: factories.map((make) => make()) };
      groups.set(key, group);
    }
    const accumulators = group.accumulators;
    for (let i = 0; i < accumulators.length; i++) (accumulators[i] as Accumulator).add(r);
  }
  // stats with no group-by over no events still yields one row (count 0), as in CloudWatch.
  if (groups.size === 0 && keyFns.length === 0) {
    groups.set('', { keys: [], accumulators: factories.map((make) => make()) });
  }

  const values: Value[] = new Array(aggregateCalls.length).fill(null);
  const slots = new Map<Expr, number>(aggregateCalls.map((c, i) => [c, i]));
  const itemFns = command.items.map((p) => compile(p.expr, { slots, values }));
  const rows: Rec[] = [];
  for (const group of groups.values()) {
    const row: Rec = Object.create(null);
    command.by.forEach((p, i) => {
      row[columnName(p)] = group.keys[i] ?? null;
    });
    group.accumulators.forEach((a, i) => {
      values[i] = a.result();
    });
    // Items are evaluated in order so later ones may use earlier aliases (AWS's memory sample does).
    command.items.forEach((p, i) => {
      row[columnName(p)] = (itemFns[i] as Fn)(row);
    });
    rows.push(row);
  }
  return rows;
}

// Static typing of datetime columns, so that they can be shown as dates --------------------------

function isDatetime(expr: Expr, datetimeFields: ReadonlySet<string>): boolean {
  if (expr.kind === 'field') return datetimeFields.has(expr.name);
  if (expr.kind !== 'call') return false;
  const spec = functionsByName.get(expr.name.toLowerCase());
  if (spec?.datetime) return true;
  const lower = expr.name.toLowerCase();
  if (['min', 'max', 'earliest', 'latest', 'sortsfirst', 'sortslast'].includes(lower) && expr.args[0]) {
    return isDatetime(expr.args[0], datetimeFields);
  }
  return false;
}

function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(ms);
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

// The pipeline ------------------------------------------------------------------------------------

/** Applies `fields`/`display` computed items onto records (aliases and expressions). */
function project(items: Projection[], records: Rec[]): Rec[] {
  const computed = items.filter((p) => p.expr.kind !== 'field' || (p.alias !== undefined && p.alias !== p.expr.name));
  if (computed.length === 0) return records;
  const fns = computed.map((p) => compile(p.expr));
  return records.map((r) => {
    const out: Rec = Object.create(r);
    // Each item reads the record as the items before it left it: an alias defined earlier in the
    // same command is visible to the items after it, as it is across commands.
    for (let i = 0; i < fns.length; i++) out[columnName(computed[i] as Projection)] = (fns[i] as Fn)(out);
    return out;
  });
}

function globToRegex(glob: string): RegExp {
  const parts = glob.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Each * matches as little as possible, except a trailing one, which takes the rest of the line.
  const last = parts.length - 1;
  return new RegExp(
    parts.map((p, i) => (i === 0 ? p : `${i === last && p === '' ? '(.*)' : '(.*?)'}${p}`)).join(''),
    's',
  );
}

function runParse(command: Extract<Command, { kind: 'parse' }>, records: Rec[]): Rec[] {
  const source = compile(command.source);
  let re: RegExp;
  if (command.pattern.kind === 'glob') re = globToRegex(command.pattern.text);
  else {
    const compiled = compileRegex(command.pattern.source);
    if (typeof compiled === 'string') return records;
    re = compiled;
  }
  const names = command.names;
  const isGlob = command.pattern.kind === 'glob';
  return records.map((r) => {
    const s = text(source(r));
    if (s === null) return r;
    const m = re.exec(s);
    if (!m) return r;
    const out: Rec = Object.create(r);
    names.forEach((name, i) => {
      const v = isGlob ? m[i + 1] : m.groups?.[name];
      out[name] = v ?? null;
    });
    return out;
  });
}

function toRecords(events: readonly LogEvent[]): Rec[] {
  const records: Rec[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as LogEvent;
    const f = (e.fields ?? {}) as Rec;
    if (f['@timestamp'] === e.timestamp && f['@message'] === e.message) records[i] = f;
    else {
      const r: Rec = Object.create(f);
      r['@timestamp'] = e.timestamp;
      r['@message'] = e.message;
      if (e.logStream !== undefined) r['@logStream'] = e.logStream;
      records[i] = r;
    }
  }
  return records;
}

/** Reverses an ascending run while keeping events of equal time in their original order. */
function stableReverse(records: Rec[]): Rec[] {
  const out: Rec[] = new Array(records.length);
  let end = records.length;
  let w = 0;
  while (end > 0) {
    const t = timestampOf(records[end - 1] as Rec);
    let start = end - 1;
    while (start > 0 && timestampOf(records[start - 1] as Rec) === t) start--;
    for (let i = start; i < end; i++) out[w++] = records[i] as Rec;
    end = start;
  }
  return out;
}

/** Sorts by @timestamp, newest first (CloudWatch's default order), skipping the work when already so. */
function sortNewestFirst(records: Rec[]): Rec[] {
  // Pasted logs are usually in order already, oldest or newest first: both are O(n).
  let descending = true;
  let ascending = true;
  for (let i = 1; i < records.length && (descending || ascending); i++) {
    const previous = timestampOf(records[i - 1] as Rec) ?? 0;
    const current = timestampOf(records[i] as Rec) ?? 0;
    if (previous < current) descending = false;
    else if (previous > current) ascending = false;
  }
  if (descending) return records;
  if (ascending) return stableReverse(records);
  return records
    .map((r, i) => ({ r, i, t: timestampOf(r) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.r);
}

/** Evaluates a parsed query over events. */
export function evaluate(
  query: Query,
  events: readonly LogEvent[],
): { columns: string[]; rows: Row[]; matched: number } {
  let records = sortNewestFirst(toRecords(events));
  const datetimeFields = new Set(['@timestamp', '@ingestionTime']);
  let fieldColumns: string[] = [];
  let statsColumns: string[] | null = null;
  let displayColumns: string[] | null = null;
  let limit: number | null = null;
  let matched: number | null = null;

  for (const command of query.commands) {
    switch (command.kind) {
      case 'fields':
      case 'display': {
        records = project(command.items, records);
        for (const p of command.items) if (isDatetime(p.expr, datetimeFields)) datetimeFields.add(columnName(p));
        const names = command.items.map(columnName);
        if (command.kind === 'display') displayColumns = names;
        else fieldColumns = [...fieldColumns, ...names];
        break;
      }
      case 'filter': {
        const f = compile(command.expr);
        records = records.filter((r) => isTruthy(f(r)));
        break;
      }
      case 'parse':
        records = runParse(command, records);
        break;
      case 'stats': {
        if (matched === null) matched = records.length;
        const dt = new Set<string>();
        for (const p of [...command.by, ...command.items])
          if (isDatetime(p.expr, datetimeFields)) dt.add(columnName(p));
        records = runStats(command, records);
        datetimeFields.clear();
        for (const d of dt) datetimeFields.add(d);
        statsColumns = [...command.by.map(columnName), ...command.items.map(columnName)];
        fieldColumns = [];
        break;
      }
      case 'sort': {
        const keys = command.keys.map((k) => ({ f: compile(k.expr), sign: k.descending ? -1 : 1 }));
        const decorated = records.map((r, i) => ({ r, i, v: keys.map((k) => k.f(r)) }));
        decorated.sort((a, b) => {
          for (let k = 0; k < keys.length; k++) {
            const x = a.v[k] ?? null;
            const y = b.v[k] ?? null;
            if (x === null || y === null) {
              if (x !== y) return x === null ? 1 : -1; // nulls last in both directions
              continue;
            }
            const c = compareValues(x, y) * (keys[k] as { sign: number }).sign;
            if (c !== 0) return c;
          }
          return a.i - b.i;
        });
        records = decorated.map((d) => d.r);
        break;
      }
      case 'limit':
        records = records.slice(0, command.count);
        limit = command.count;
        break;
      case 'dedup': {
        const fns = command.fields.map((f) => compile(f));
        const seen = new Set<string>();
        records = records.filter((r) => {
          const values = fns.map((f) => f(r));
          if (values.some((v) => v === null)) return true;
          const key = JSON.stringify(values);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        break;
      }
    }
  }

  const columns = [
    ...new Set(
      displayColumns ??
        (statsColumns
          ? [...statsColumns, ...fieldColumns]
          : fieldColumns.length
            ? fieldColumns
            : ['@timestamp', '@message']),
    ),
  ];
  const rows = records.slice(0, limit ?? DEFAULT_ROW_LIMIT).map((r) => {
    const row: Row = {};
    for (const c of columns) {
      const v = getField(r, c);
      row[c] = v !== null && typeof v === 'number' && datetimeFields.has(c) ? formatTimestamp(v) : v;
    }
    return row;
  });
  return { columns, rows, matched: matched ?? records.length };
}

/** Parses and runs a query. Never throws: an invalid query gives `{ ok: false, errors }`. */
export function runQuery(queryText: string, events: readonly LogEvent[]): QueryResult {
  const parsed = parseQuery(queryText);
  if (!parsed.ok) return parsed;
  try {
    const list = Array.isArray(events) ? events : [];
    const { columns, rows, matched } = evaluate(parsed.query, list);
    return {
      ok: true,
      columns,
      rows,
      statistics: { recordsScanned: list.length, recordsMatched: matched },
      warnings: parsed.warnings,
    };
  } catch (error) {
    const message = `Internal evaluator error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ message, line: 1, column: 1, start: 0, end: 0 }] };
  }
}
