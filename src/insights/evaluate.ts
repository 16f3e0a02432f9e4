/**
 * Runs a parsed query over log events with CloudWatch's semantics.
 *
 * Expressions are compiled once into closures, and regexes once per query, so the per-event loop
 * does field lookups and comparisons only. Choices where AWS documents no behaviour are listed in
 * README.md ("Semantics AWS does not document").
 */

import { parseCsv } from '../lookup/csv.ts';
import type { Command, Expr, Projection, Query } from './ast.ts';
import type { Value } from './functions.ts';
import * as functions from './functions.ts';
import type { LogEvent } from './logs.ts';
import { type Diagnostic, parseQuery } from './parser.ts';
import { compileRegex, namedGroups } from './regex.ts';

export type Row = Record<string, Value>;

export type QueryResult =
  | {
      ok: true;
      /** Column names in display order: aliases, or the expression text as written. */
      columns: string[];
      /** One object per row, keyed by column; datetimes are formatted `YYYY-MM-DD HH:mm:ss.SSS` (UTC). */
      rows: Row[];
      statistics: { recordsScanned: number; recordsMatched: number; stages: Stage[] };
      warnings: Diagnostic[];
    }
  | { ok: false; errors: Diagnostic[] };

/**
 * One command of the query as it ran: how many records went in and came out. A query that returns
 * nothing can then say which command removed every event (`filter … matched 0 of 240 events`).
 */
export interface Stage {
  kind: Command['kind'];
  /** The command as written in the query. */
  text: string;
  start: number;
  end: number;
  before: number;
  after: number;
  /** For a filter of `a and b …` that nothing passed: how many records each condition alone matched. */
  conditions?: { text: string; matched: number }[];
}

/** The conditions of `a and b and c`, left to right. */
function conjuncts(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === 'and' ? [...conjuncts(expr.left), ...conjuncts(expr.right)] : [expr];
}

/** CloudWatch returns at most this many rows when the query has no `limit`. */
export const DEFAULT_ROW_LIMIT = 10_000;

// Local bindings: module-runner tools (vitest) turn each imported name into a getter call, which
// would otherwise run once per event in the hot loop.
const { floorToPeriod, functionsByName, isTruthy, toNumber } = functions;

type Rec = Record<string, unknown>;
type Fn = (r: Rec) => Value;

/**
 * Reads a field as stored: a scalar, or a map or list made by jsonParse, split or parse … logfmt.
 * A dotted name that is not itself a field walks into such a structure (`json.events.0.name`).
 */
function getRaw(r: Rec, name: string): unknown {
  const v = r[name];
  if (v !== undefined || name.indexOf('.') < 0) return v;
  let dot = name.indexOf('.');
  while (dot > 0) {
    const base = r[name.slice(0, dot)];
    if (base !== null && typeof base === 'object') return walk(base, name.slice(dot + 1));
    dot = name.indexOf('.', dot + 1);
  }
  return undefined;
}

/** Follows a dotted path into maps and lists; a key that itself contains dots is tried whole first. */
function walk(start: unknown, path: string): unknown {
  let v: unknown = start;
  let rest = path;
  while (rest !== '') {
    if (v === null || typeof v !== 'object') return undefined;
    const o = v as Record<string, unknown>;
    if (Object.hasOwn(o, rest)) return o[rest];
    const dot = rest.indexOf('.');
    const key = dot < 0 ? rest : rest.slice(0, dot);
    if (!Object.hasOwn(o, key)) return undefined;
    v = o[key];
    rest = dot < 0 ? '' : rest.slice(dot + 1);
  }
  return v;
}

/** A stored value as a scalar: maps and lists are null for string, number and datetime functions. */
function scalar(v: unknown): Value {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/**
 * Reads a field as a Value: anything that is not a string or number (missing, map, list) is null.
 * Kept this small because it runs for every event and field; a dotted name that may walk into a
 * structure goes through `getPath` instead (decided once, when the expression is compiled).
 */
function getField(r: Rec, name: string): Value {
  const v = r[name];
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** getField for any name, dotted paths into maps and lists included. */
const getPath = (r: Rec, name: string): Value => scalar(getRaw(r, name));

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
  // Text that is not a number is neither above nor below a number (`status >= 500` skips "FAILED").
  if (typeof x !== typeof y) return false;
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

/** What a query can see beyond the event: the clock, the pasted window, and the events for subqueries. */
interface Context {
  /** Epoch milliseconds when the query started. */
  now: number;
  /** The query window: the earliest and latest pasted event. */
  start: number;
  end: number;
  /** Every pasted event, in CloudWatch's default order, for subqueries, appendcols and join. */
  events: readonly Rec[];
  warnings: Diagnostic[];
  text: string;
}

let context: Context = { now: 0, start: 0, end: 0, events: [], warnings: [], text: '' };

type RawFn = (r: Rec) => unknown;

/** Compiles an expression to its stored value, keeping maps and lists (for fields, unnest, jsonStringify). */
function compileRaw(expr: Expr): RawFn {
  if (expr.kind === 'field') {
    const name = expr.name;
    return (r) => getRaw(r, name) ?? null;
  }
  if (expr.kind === 'index') {
    const target = compileRaw(expr.target);
    const { index, path } = expr;
    return (r) => {
      const list = target(r);
      if (!Array.isArray(list)) return null;
      const item: unknown = list[index];
      return (path === '' ? item : walk(item, path)) ?? null;
    };
  }
  if (expr.kind === 'call') {
    const spec = functionsByName.get(expr.name.toLowerCase());
    if (spec?.applyRaw) {
      const applyRaw = spec.applyRaw;
      const args = expr.args.map(compileRaw);
      return (r) => applyRaw(args.map((a) => a(r)));
    }
  }
  return compile(expr);
}

/** Runs a subquery over the same pasted events and returns its first column's values. */
function subqueryValues(query: Query): Set<Value> {
  const result = evaluate(query, [], context);
  const column = result.columns[0];
  const values = new Set<Value>();
  if (column === undefined) return values;
  for (const row of result.records) {
    const v = getPath(row, column);
    if (v !== null) values.add(typeof v === 'string' ? asComparable(v) : v);
  }
  return values;
}

/** Compiles an expression; `aggregates` maps each aggregate call of a stats item to its slot. */
function compile(expr: Expr, aggregates?: { slots: Map<Expr, number>; values: Value[] }): Fn {
  switch (expr.kind) {
    case 'subquery':
      return () => null;
    case 'index': {
      const raw = compileRaw(expr);
      return (r) => scalar(raw(r));
    }
    case 'field': {
      const name = expr.name;
      if (name.indexOf('.') > 0) return (r) => getPath(r, name);
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
      if (expr.list.kind === 'subquery') {
        const values = subqueryValues(expr.list.query);
        const yes = expr.negated ? 0 : 1;
        const no = expr.negated ? 1 : 0;
        return (r) => {
          const v = subject(r);
          if (v === null) return 0;
          return values.has(typeof v === 'string' ? asComparable(v) : v) ? yes : no;
        };
      }
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
      if (spec.context) {
        const { now, start, end } = context;
        const value =
          spec.name === 'now'
            ? Math.floor(now / 1000)
            : spec.name === 'queryStartTime'
              ? start
              : spec.name === 'queryEndTime'
                ? end
                : end - start;
        return () => value;
      }
      if (spec.applyRaw) {
        const raw = compileRaw(expr);
        return (r) => scalar(raw(r));
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
    // sum_over_time is sum over the rows of each time bin, which the grouping already makes.
    case 'sum':
    case 'sum_over_time':
    case 'sumovertime':
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
          result: () => (n === 0 ? null : name === 'avg' ? sum / n : sum),
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
    case 'count_over_time':
    case 'countovertime':
      return () => {
        let n = 0;
        return {
          add: (r) => {
            if ((arg as Fn)(r) !== null) n++;
          },
          result: () => n,
        };
      };
    case 'rate': {
      // (latest value − earliest value) per interval of the time between them; AWS gives no formula.
      const p = call.args[1];
      const interval = p?.kind === 'period' ? p.ms + p.months * 30 * 86_400_000 : 60_000;
      return () => {
        let first: [number, number] | null = null;
        let last: [number, number] | null = null;
        return {
          add: (r) => {
            const x = toNumber((arg as Fn)(r));
            const t = timestampOf(r);
            if (x === null || t === null) return;
            if (!first || t < first[0]) first = [t, x];
            if (!last || t >= last[0]) last = [t, x];
          },
          result: () => {
            if (!first || !last || last[0] === first[0]) return null;
            return (last[1] - first[1]) / ((last[0] - first[0]) / interval);
          },
        };
      };
    }
    case 'histogram': {
      const buckets = call.args[1]?.kind === 'number' ? Math.max(1, Math.floor(call.args[1].value)) : 10;
      return () => {
        const xs: number[] = [];
        return {
          add: (r) => {
            const x = toNumber((arg as Fn)(r));
            if (x !== null) xs.push(x);
          },
          result: () => {
            if (xs.length === 0) return null;
            let lo = xs[0] as number;
            let hi = lo;
            for (const x of xs) {
              if (x < lo) lo = x;
              if (x > hi) hi = x;
            }
            const width = (hi - lo) / buckets || 1;
            const counts = new Array<number>(buckets).fill(0);
            for (const x of xs) {
              const i = Math.min(buckets - 1, Math.floor((x - lo) / width));
              counts[i] = (counts[i] ?? 0) + 1;
            }
            const map: Record<string, number> = {};
            counts.forEach((c, i) => {
              map[`${lo + i * width}-${i === buckets - 1 ? hi : lo + (i + 1) * width}`] = c;
            });
            return JSON.stringify(map);
          },
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
  const offset = command.offsetMs;
  const keyFns = command.by.map((p): Fn => {
    const e = p.expr;
    if (offset !== 0 && e.kind === 'call' && e.name === 'bin' && e.args[0]?.kind === 'period') {
      // `by bin(5m) offset 1h`: each bin is labelled one offset later, so the events of an hour ago
      // line up with the bins of now (the time-series page's "time-shifted comparisons").
      const { ms, months } = e.args[0];
      return (r) => {
        const t = r['@timestamp'];
        return typeof t === 'number' ? floorToPeriod(t, ms, months) + offset : null;
      };
    }
    return compile(e);
  });
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
  const fns = computed.map((p) => compileRaw(p.expr));
  return records.map((r) => {
    const out: Rec = Object.create(r);
    // Each item reads the record as the items before it left it: an alias defined earlier in the
    // same command is visible to the items after it, as it is across commands.
    for (let i = 0; i < fns.length; i++) out[columnName(computed[i] as Projection)] = (fns[i] as RawFn)(out);
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

/** logfmt: space-separated key=value pairs, values optionally "quoted"; a bare key is true. */
function readLogfmt(line: string): Record<string, string | number> {
  const map: Record<string, string | number> = {};
  const re = /([^\s=]+)(?:=(?:"((?:[^"\\]|\\.)*)"|(\S*)))?/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const key = m[1] as string;
    if (key === '__proto__') continue;
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    map[key] = value === undefined ? 'true' : value;
  }
  return map;
}

function runParse(command: Extract<Command, { kind: 'parse' }>, records: Rec[]): Rec[] {
  const names = command.names;
  const pattern = command.pattern;
  if (pattern.kind === 'json') {
    const source = compileRaw(command.source);
    const [name = ''] = names;
    return records.map((r) => {
      let v = source(r);
      if (typeof v === 'string') {
        try {
          v = JSON.parse(v);
        } catch {
          return r;
        }
      }
      const found = walk(v, pattern.path);
      if (found === undefined) return r;
      const out: Rec = Object.create(r);
      out[name] = found;
      return out;
    });
  }
  const source = compile(command.source);
  if (pattern.kind === 'logfmt' || pattern.kind === 'csv') {
    return records.map((r) => {
      const s = text(source(r));
      if (s === null) return r;
      const out: Rec = Object.create(r);
      if (pattern.kind === 'logfmt') out[names[0] as string] = readLogfmt(s);
      else {
        const [cells = ['']] = parseCsv(s);
        names.forEach((name, i) => {
          const v = cells[i];
          if (v !== undefined) out[name] = v;
        });
      }
      return out;
    });
  }
  let re: RegExp;
  if (pattern.kind === 'glob') re = globToRegex(pattern.text);
  else {
    const compiled = compileRegex(pattern.source);
    if (typeof compiled === 'string') return records;
    re = compiled;
  }
  const isGlob = pattern.kind === 'glob';
  const positional = isGlob || namedGroups(pattern.kind === 'regex' ? pattern.source : '').length === 0;
  const extract = (r: Rec, m: RegExpExecArray): Rec => {
    const out: Rec = Object.create(r);
    names.forEach((name, i) => {
      const v = positional ? m[i + 1] : m.groups?.[name];
      out[name] = v ?? null;
    });
    return out;
  };
  if (pattern.kind === 'regex' && pattern.multi) {
    // Multi-match: one row per match; an event with no match stays, without the fields.
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const out: Rec[] = [];
    for (const r of records) {
      const s = text(source(r));
      let matched = false;
      if (s !== null) {
        global.lastIndex = 0;
        for (let m = global.exec(s); m; m = global.exec(s)) {
          matched = true;
          out.push(extract(r, m));
          if (m[0] === '') global.lastIndex++;
        }
      }
      if (!matched) out.push(r);
    }
    return out;
  }
  return records.map((r) => {
    const s = text(source(r));
    if (s === null) return r;
    re.lastIndex = 0;
    const m = re.exec(s);
    return m ? extract(r, m) : r;
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

// Commands beyond the classic six ------------------------------------------------------------------

/** `@log` is `<account>:<log group>` in CloudWatch's results; a paste may carry just the group. */
function logGroupOf(r: Rec): { account: string | null; group: string } | null {
  const v = r['@log'];
  if (typeof v !== 'string' || v === '') return null;
  const m = /^(\d{12}):(.*)$/.exec(v);
  return m ? { account: m[1] as string, group: m[2] as string } : { account: null, group: v };
}

function runSource(command: Extract<Command, { kind: 'source' }>, records: Rec[]): Rec[] {
  const at = { start: command.start, end: command.start + 6 };
  if (command.classes.length) {
    context.warnings.push(
      diagnosticAt(`A paste does not say which log class its groups are in: class: […] selects every pasted event`, at),
    );
  }
  const selective = command.names.length + command.prefixes.length + command.accounts.length > 0;
  if (!selective) return records;
  if (!records.some((r) => logGroupOf(r) !== null)) {
    context.warnings.push(
      diagnosticAt(
        'The pasted events carry no @log (log group), so SOURCE cannot narrow them: every pasted event is used. Paste the console CSV export with its @log column to select by group',
        at,
      ),
    );
    return records;
  }
  return records.filter((r) => {
    const log = logGroupOf(r);
    if (!log) return false;
    if (command.accounts.length && (log.account === null || !command.accounts.includes(log.account))) return false;
    if (command.names.length && !command.names.includes(log.group)) return false;
    if (command.prefixes.length && !command.prefixes.some((p) => log.group.startsWith(p))) return false;
    return true;
  });
}

function diagnosticAt(message: string, at: { start: number; end: number }): Diagnostic {
  const before = context.text.slice(0, at.start);
  const line = before.split('\n').length;
  return { message, line, column: at.start - before.lastIndexOf('\n'), start: at.start, end: at.end };
}

function runUnnest(command: Extract<Command, { kind: 'unnest' }>, records: Rec[]): Rec[] {
  const field = compileRaw(command.field);
  const into = command.into;
  const out: Rec[] = [];
  for (const r of records) {
    const v = field(r);
    if (v === null || v === undefined) continue;
    // The unnest page: a map, string or number is a list of one item.
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      const row: Rec = Object.create(r);
      row[into] = item;
      out.push(row);
    }
  }
  return out;
}

/**
 * Dynamic tokens, most specific first; each match becomes `<Type-N>` in the pattern. A number must
 * stand alone (not inside a word or a dotted version), and an id mixes letters and digits.
 */
const tokenTypes = ['Timestamp', 'UUID', 'IPv4', 'Number', 'Token'];
const dynamicToken = new RegExp(
  [
    /(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)/.source,
    /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/.source,
    /(\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b)/.source,
    /((?<![\w.])-?\d+(?:\.\d+)?(?:ms|s|MB|KB|GB|%)?(?![\w.]))/.source,
    /(\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{6,}\b)/.source,
  ].join('|'),
  'g',
);

function patternOf(message: string): string {
  let n = 0;
  return message.replace(dynamicToken, (...groups: unknown[]) => {
    const type = tokenTypes[groups.slice(1, 6).findIndex((g) => g !== undefined)] ?? 'Token';
    return `<${type}-${++n}>`;
  });
}

const severities: [string, RegExp][] = [
  ['ERROR', /\b(ERROR|FATAL|CRITICAL|Error|Exception|Task timed out)\b/],
  ['WARN', /\b(WARN|WARNING|Warning)\b/],
  ['INFO', /\bINFO\b/],
  ['DEBUG', /\b(DEBUG|TRACE)\b/],
];

function runPattern(command: Extract<Command, { kind: 'pattern' }>, records: Rec[]): Rec[] {
  const source = compile(command.source);
  const clusters = new Map<string, { count: number; severity: string }>();
  let total = 0;
  for (const r of records) {
    const s = text(source(r));
    if (s === null) continue;
    total++;
    const key = patternOf(s);
    const cluster = clusters.get(key);
    if (cluster) cluster.count++;
    else clusters.set(key, { count: 1, severity: severities.find(([, re]) => re.test(s))?.[0] ?? 'UNKNOWN' });
  }
  return [...clusters]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([pattern, c]) => {
      const row: Rec = Object.create(null);
      row['@pattern'] = pattern;
      row['@ratio'] = c.count / total;
      row['@sampleCount'] = c.count;
      row['@severityLabel'] = c.severity;
      return row;
    });
}

function runAppendcols(
  command: Extract<Command, { kind: 'appendcols' }>,
  records: Rec[],
): { records: Rec[]; columns: string[] } {
  const sub = evaluate(command.query, [], context);
  const n = Math.min(records.length, command.max);
  const out = records.slice();
  for (let i = 0; i < n; i++) {
    const extra = sub.records[i];
    if (!extra) break;
    const row: Rec = Object.create(records[i] as Rec);
    for (const c of sub.columns) {
      if (command.override || getRaw(records[i] as Rec, c) === undefined) row[c] = getRaw(extra, c) ?? null;
    }
    out[i] = row;
  }
  return { records: out, columns: sub.columns };
}

function prefixed(target: Rec, source: Rec, alias: string): void {
  for (const key in source) target[`${alias}.${key}`] = source[key];
}

function runJoin(command: Extract<Command, { kind: 'join' }>, records: Rec[]): Rec[] {
  const right = evaluate(command.query, [], context).records;
  const index = new Map<Value, Rec[]>();
  for (const r of right) {
    const k = getPath(r, command.rightKey);
    if (k === null) continue;
    const key = typeof k === 'string' ? asComparable(k) : k;
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  const out: Rec[] = [];
  for (const l of records) {
    const k = getPath(l, command.leftKey);
    const matches = k === null ? undefined : index.get(typeof k === 'string' ? asComparable(k) : k);
    if (!matches?.length) {
      if (command.type === 'left') {
        const row: Rec = Object.create(l);
        prefixed(row, l, command.left);
        out.push(row);
      }
      continue;
    }
    for (const m of matches) {
      const row: Rec = Object.create(l);
      prefixed(row, l, command.left);
      prefixed(row, m, command.right);
      out.push(row);
    }
  }
  return out;
}

function runAccum(command: Extract<Command, { kind: 'accum' }>, records: Rec[]): Rec[] {
  const f = compile(command.field);
  let sum = 0;
  return records.map((r) => {
    sum += toNumber(f(r)) ?? 0;
    const out: Rec = Object.create(r);
    out[command.alias] = sum;
    return out;
  });
}

function autoregressNames(command: Extract<Command, { kind: 'autoregress' }>): string[] {
  if (command.alias !== undefined && command.from === command.to) return [command.alias];
  const base = command.alias ?? command.name;
  const names: string[] = [];
  for (let p = command.from; p <= command.to; p++) names.push(`${base}_p${p}`);
  return names;
}

function runAutoregress(command: Extract<Command, { kind: 'autoregress' }>, records: Rec[]): Rec[] {
  const f = compile(command.field);
  const values = records.map(f);
  const names = autoregressNames(command);
  return records.map((r, i) => {
    const out: Rec = Object.create(r);
    names.forEach((name, k) => {
      out[name] = values[i - (command.from + k)] ?? null;
    });
    return out;
  });
}

function runFilldown(command: Extract<Command, { kind: 'filldown' }>, records: Rec[], columns: string[]): Rec[] {
  const names = new Set(columns);
  for (const r of records.slice(0, 1000)) for (const k in r) names.add(k);
  const wanted = [...names].filter(
    (n) =>
      n !== '@timestamp' &&
      n !== '@message' &&
      (command.patterns.length === 0 ||
        command.patterns.some((p) => (p.endsWith('*') ? n.startsWith(p.slice(0, -1)) : n === p))),
  );
  const last = new Map<string, unknown>();
  return records.map((r) => {
    let out: Rec | null = null;
    for (const n of wanted) {
      const v = getRaw(r, n);
      if (v !== undefined && v !== null && v !== '') last.set(n, v);
      else if (last.has(n)) {
        out ??= Object.create(r) as Rec;
        out[n] = last.get(n);
      }
    }
    return out ?? r;
  });
}

function runFillmissing(
  command: Extract<Command, { kind: 'fillmissing' }>,
  records: Rec[],
  stats: Extract<Command, { kind: 'stats' }> | null,
  columns: string[],
): Rec[] {
  const binItem = stats?.by.find((p) => p.expr.kind === 'call' && p.expr.name === 'bin');
  if (!stats || !binItem || binItem.expr.kind !== 'call' || binItem.expr.args[0]?.kind !== 'period') {
    throw new EvaluationError(
      'fillmissing inserts rows for empty bins: it must follow stats … by bin(period)',
      command,
    );
  }
  const { ms, months } = binItem.expr.args[0];
  const binColumn = columnName(binItem);
  const others = stats.by.filter((p) => p !== binItem).map(columnName);
  const groups = new Map<string, { keys: Rec; bins: Set<number> }>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of records) {
    const t = toNumber(getPath(r, binColumn));
    if (t === null) continue;
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
    const keys: Rec = {};
    for (const o of others) keys[o] = getRaw(r, o) ?? null;
    const id = JSON.stringify(keys);
    const g = groups.get(id) ?? { keys, bins: new Set<number>() };
    g.bins.add(t);
    groups.set(id, g);
  }
  const step = (t: number) => (months > 0 ? floorToPeriod(t + 32 * 86_400_000 * months, ms, months) : t + ms);
  const out = records.slice();
  for (const g of groups.values()) {
    for (let t = lo; t <= hi; t = step(t)) {
      if (g.bins.has(t)) continue;
      const row: Rec = Object.create(null);
      for (const c of columns) row[c] = null;
      Object.assign(row, g.keys);
      row[binColumn] = t;
      for (const fill of command.fills) row[fill.field] = fill.value;
      out.push(row);
    }
  }
  // Newest bin first, as stats groups come out.
  return out.sort((a, b) => (toNumber(getPath(b, binColumn)) ?? 0) - (toNumber(getPath(a, binColumn)) ?? 0));
}

function runCountFrequent(command: Extract<Command, { kind: 'countFrequent' }>, records: Rec[]): Rec[] {
  const fns = command.fields.map((f) => compile(f));
  const names = command.fields.map((f) => (f.kind === 'field' ? f.name : ''));
  const groups = new Map<string, { keys: Value[]; n: number }>();
  for (const r of records) {
    const keys = fns.map((f) => f(r));
    const id = JSON.stringify(keys);
    const g = groups.get(id);
    if (g) g.n++;
    else groups.set(id, { keys, n: 1 });
  }
  // Exact counts: a paste is small enough that CloudWatch's approximation is not needed.
  return [...groups.values()]
    .sort((a, b) => b.n - a.n)
    .map((g) => {
      const row: Rec = Object.create(null);
      names.forEach((n, i) => {
        row[n] = g.keys[i] ?? null;
      });
      row._approxcount = g.n;
      return row;
    });
}

function runExpand(command: Extract<Command, { kind: 'expand' }>, records: Rec[]): Rec[] {
  const field = compileRaw(command.field);
  const name = command.field.kind === 'field' ? command.field.name : '';
  const out: Rec[] = [];
  for (const r of records) {
    let v = field(r);
    if (v === null || v === undefined) {
      // A JSON array in the event is discovered flattened (items.0, items.1 …): gather it back.
      const items: unknown[] = [];
      for (let i = 0; ; i++) {
        const item = getRaw(r, `${name}.${i}`);
        if (item === undefined) break;
        items.push(item);
      }
      if (items.length) v = items;
    }
    if (typeof v === 'string' && v.trim().startsWith('[')) {
      try {
        v = JSON.parse(v);
      } catch {
        // Not JSON: the value stays a single item.
      }
    }
    if (!Array.isArray(v)) {
      out.push(r);
      continue;
    }
    for (const item of v) {
      const row: Rec = Object.create(r);
      row[name] = item;
      out.push(row);
    }
  }
  return out;
}

function runAddtotals(
  command: Extract<Command, { kind: 'addtotals' }>,
  records: Rec[],
  columns: string[],
): { records: Rec[]; added: string[] } {
  const fields = command.fields.length
    ? command.fields
    : columns.filter((c) => c !== '@timestamp' && records.some((r) => typeof getPath(r, c) === 'number'));
  let out = records;
  if (command.row) {
    out = out.map((r) => {
      const row: Rec = Object.create(r);
      let total = 0;
      for (const f of fields) total += toNumber(getPath(r, f)) ?? 0;
      row[command.fieldname] = total;
      return row;
    });
  }
  if (command.col) {
    const summary: Rec = Object.create(null);
    for (const c of columns) summary[c] = null;
    for (const f of fields) {
      let sum = 0;
      for (const r of records) sum += toNumber(getPath(r, f)) ?? 0;
      summary[f] = sum;
    }
    if (command.row) summary[command.fieldname] = fields.reduce((t, f) => t + (toNumber(getPath(summary, f)) ?? 0), 0);
    out = [...out, summary];
  }
  return { records: out, added: command.row ? [command.fieldname] : [] };
}

function runSessionize(command: Extract<Command, { kind: 'sessionize' }>, records: Rec[]): Rec[] {
  const fns = command.fields.map((f) => compile(f));
  const order = records.map((r, i) => ({ r, i, t: timestampOf(r) ?? 0 })).sort((a, b) => a.t - b.t || b.i - a.i);
  const last = new Map<string, { t: number; id: number }>();
  const ids = new Array<number>(records.length);
  let next = 0;
  for (const { r, i, t } of order) {
    const key = JSON.stringify(fns.map((f) => f(r)));
    const open = last.get(key);
    const id = open && t - open.t <= command.maxspanMs ? open.id : ++next;
    last.set(key, { t, id });
    ids[i] = id;
  }
  return records.map((r, i) => {
    const row: Rec = Object.create(r);
    row[command.alias] = ids[i] ?? null;
    return row;
  });
}

function runOutlier(command: Extract<Command, { kind: 'outlier' }>, records: Rec[]): Rec[] {
  const bounds = command.fields.map((f) => {
    const fn = compile(f);
    const xs = records
      .map((r) => toNumber(fn(r)))
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    const q1 = nearestRank(xs, 25);
    const q3 = nearestRank(xs, 75);
    if (q1 === null || q3 === null) return { fn, name: '', lo: -Infinity, hi: Infinity };
    const spread = (q3 - q1) * command.param;
    return {
      fn,
      name: f.kind === 'field' ? f.name : '',
      lo: command.uselower ? q1 - spread : Number.NEGATIVE_INFINITY,
      hi: q3 + spread,
    };
  });
  const out: Rec[] = [];
  for (const r of records) {
    let outlying = false;
    const row: Rec = Object.create(r);
    for (const b of bounds) {
      const x = toNumber(b.fn(r));
      if (x === null || (x >= b.lo && x <= b.hi)) continue;
      outlying = true;
      if (command.action === 'transform' && b.name) row[b.name] = Math.min(b.hi, Math.max(b.lo, x));
    }
    if (outlying && command.action === 'remove') continue;
    if (command.mark) row._outlier = outlying ? 1 : 0;
    out.push(row);
  }
  return out;
}

/** A query that parses but cannot run on this data (fillmissing without bins …). */
class EvaluationError extends Error {
  readonly start: number;
  readonly end: number;
  constructor(message: string, at: { start: number; end: number }) {
    super(message);
    this.start = at.start;
    this.end = at.end;
  }
}

function outputValue(v: unknown): Value {
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return scalar(v);
}

export interface EvaluateOptions {
  /** Epoch milliseconds taken as the query's start, for now(); defaults to the clock. */
  now?: number;
}

/** Evaluates a parsed query over events; `parent` is set for subqueries, which read its events. */
export function evaluate(
  query: Query,
  events: readonly LogEvent[],
  parent?: Context,
  options: EvaluateOptions = {},
): { columns: string[]; rows: Row[]; matched: number; records: Rec[]; warnings: Diagnostic[]; stages: Stage[] } {
  const saved = context;
  try {
    if (parent) context = parent;
    else {
      const all = sortNewestFirst(toRecords(events));
      // Newest first, so the window is the last and first timed events (no extra pass over them).
      const firstTimed = all.find((r) => timestampOf(r) !== null);
      const lastTimed = all.findLast((r) => timestampOf(r) !== null);
      const end = (firstTimed && timestampOf(firstTimed)) ?? 0;
      const start = (lastTimed && timestampOf(lastTimed)) ?? 0;
      context = { now: options.now ?? Date.now(), start, end, events: all, warnings: [], text: query.text };
    }
    return run(query);
  } finally {
    context = saved;
  }
}

function run(query: Query): {
  columns: string[];
  rows: Row[];
  matched: number;
  records: Rec[];
  warnings: Diagnostic[];
  stages: Stage[];
} {
  let records = context.events.slice() as Rec[];
  const stages: Stage[] = [];
  const datetimeFields = new Set(['@timestamp', '@ingestionTime']);
  let fieldColumns: string[] = [];
  let statsColumns: string[] | null = null;
  let displayColumns: string[] | null = null;
  let lastStats: Extract<Command, { kind: 'stats' }> | null = null;
  let limit: number | null = null;
  let matched: number | null = null;
  const addColumns = (names: string[]) => {
    if (statsColumns) statsColumns = [...statsColumns, ...names];
    else fieldColumns = [...fieldColumns, ...names];
  };
  const currentColumns = () => displayColumns ?? [...(statsColumns ?? []), ...fieldColumns];

  for (const command of query.commands) {
    const before = records.length;
    let conditions: Stage['conditions'];
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
        const input = records;
        records = records.filter((r) => isTruthy(f(r)));
        // Nothing passed: count each `and` condition alone, so the reader learns which one removed every event.
        if (records.length === 0 && input.length > 0 && command.expr.kind === 'binary' && command.expr.op === 'and')
          conditions = conjuncts(command.expr).map((expr) => {
            const g = compile(expr);
            return {
              text: query.text.slice(expr.start, expr.end).trim(),
              matched: input.reduce((n, r) => n + (isTruthy(g(r)) ? 1 : 0), 0),
            };
          });
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
        lastStats = command;
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
        // `limit any N` stops CloudWatch's scan early; a paste is already in memory, so it is limit N.
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
      case 'source':
        records = runSource(command, records);
        break;
      case 'unnest':
        records = runUnnest(command, records);
        break;
      case 'pattern':
        if (matched === null) matched = records.length;
        records = runPattern(command, records);
        statsColumns = ['@pattern', '@ratio', '@sampleCount', '@severityLabel'];
        fieldColumns = [];
        datetimeFields.clear();
        break;
      case 'appendcols': {
        const appended = runAppendcols(command, records);
        records = appended.records;
        addColumns(appended.columns.filter((c) => !currentColumns().includes(c)));
        break;
      }
      case 'join':
        records = runJoin(command, records);
        break;
      case 'accum':
        records = runAccum(command, records);
        addColumns([command.alias]);
        break;
      case 'autoregress':
        records = runAutoregress(command, records);
        addColumns(autoregressNames(command));
        break;
      case 'filldown':
        records = runFilldown(command, records, currentColumns());
        break;
      case 'fillmissing':
        records = runFillmissing(command, records, lastStats, currentColumns());
        break;
      case 'countFrequent':
        records = runCountFrequent(command, records);
        statsColumns = [...command.fields.map((f) => (f.kind === 'field' ? f.name : '')), '_approxcount'];
        fieldColumns = [];
        break;
      case 'expand':
        records = runExpand(command, records);
        break;
      case 'addtotals': {
        const totals = runAddtotals(command, records, currentColumns());
        records = totals.records;
        addColumns(totals.added.filter((c) => !currentColumns().includes(c)));
        break;
      }
      case 'sessionize':
        records = runSessionize(command, records);
        addColumns([command.alias]);
        break;
      case 'outlier':
        records = runOutlier(command, records);
        if (command.mark) addColumns(['_outlier']);
        break;
    }
    const { kind, start, end } = command;
    const text = query.text.slice(start, end).trim();
    stages.push({ kind, text, start, end, before, after: records.length, ...(conditions ? { conditions } : {}) });
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
      const v = outputValue(getRaw(r, c));
      row[c] = v !== null && typeof v === 'number' && datetimeFields.has(c) ? formatTimestamp(v) : v;
    }
    return row;
  });
  return { columns, rows, matched: matched ?? records.length, records, warnings: context.warnings, stages };
}

/** Parses and runs a query. Never throws: an invalid query gives `{ ok: false, errors }`. */
export function runQuery(queryText: string, events: readonly LogEvent[], options: EvaluateOptions = {}): QueryResult {
  const parsed = parseQuery(queryText);
  if (!parsed.ok) return parsed;
  try {
    const list = Array.isArray(events) ? events : [];
    const { columns, rows, matched, warnings, stages } = evaluate(parsed.query, list, undefined, options);
    return {
      ok: true,
      columns,
      rows,
      statistics: { recordsScanned: list.length, recordsMatched: matched, stages },
      warnings: [...parsed.warnings, ...warnings],
    };
  } catch (error) {
    if (error instanceof EvaluationError) {
      const text = String(queryText);
      const before = text.slice(0, error.start);
      return {
        ok: false,
        errors: [
          {
            message: error.message,
            line: before.split('\n').length,
            column: error.start - before.lastIndexOf('\n'),
            start: error.start,
            end: error.end,
          },
        ],
      };
    }
    const message = `Internal evaluator error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ message, line: 1, column: 1, start: 0, end: 0 }] };
  }
}
