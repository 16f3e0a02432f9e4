/**
 * The catalogue of Logs Insights functions: spelling, arity, kind and, for scalars, the
 * implementation. Names follow AWS's function tables (see docs/reference/logs-insights.md §1.5).
 */

/** A value during evaluation. Datetimes are epoch milliseconds; Booleans are 1 and 0. */
export type Value = string | number | null;

export type FunctionKind = 'scalar' | 'aggregate';

export interface FunctionSpec {
  /** AWS's spelling, e.g. `count_distinct`, `fromMillis`. */
  name: string;
  kind: FunctionKind;
  minArgs: number;
  maxArgs: number;
  /** Argument names, for error messages. */
  signature: string;
  /** Indexes of arguments that must be time periods such as `5m`. */
  periodArgs?: readonly number[];
  /** True when the result is a datetime (shown as a date, not a number). */
  datetime?: boolean;
  /** Scalar implementation; absent for aggregates and `bin`, which the evaluator handles. */
  apply?: (args: Value[]) => Value;
}

export const toNumber = (v: Value): number | null => {
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  return null;
};

const toText = (v: Value): string | null => (v === null ? null : typeof v === 'number' ? String(v) : v);
const bool = (b: boolean): number => (b ? 1 : 0);

/** JavaScript's `Math` functions lifted over Value: null in, null out. */
const numeric =
  (f: (x: number) => number) =>
  ([a = null]: Value[]): Value => {
    const x = toNumber(a);
    return x === null ? null : f(x);
  };
const textual =
  (f: (s: string) => Value) =>
  ([a = null]: Value[]): Value => {
    const s = toText(a);
    return s === null ? null : f(s);
  };

/** Floors a datetime to a period; calendar units (months) align to UTC months. */
export function floorToPeriod(ms: number, periodMs: number, months: number): number {
  if (months > 0) {
    const d = new Date(ms);
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth();
    const floored = total - (((total % months) + months) % months);
    return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
  }
  return Math.floor(ms / periodMs) * periodMs;
}

function trimChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) return left && right ? s.trim() : left ? s.trimStart() : s.trimEnd();
  let a = 0;
  let b = s.length;
  while (left && a < b && chars.includes(s[a] as string)) a++;
  while (right && b > a && chars.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

const specs: FunctionSpec[] = [
  // Aggregates (stats only).
  { name: 'count', kind: 'aggregate', minArgs: 0, maxArgs: 1, signature: 'count(*) or count(field)' },
  { name: 'count_distinct', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'count_distinct(field)' },
  { name: 'sum', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'sum(expr)' },
  { name: 'avg', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'avg(expr)' },
  { name: 'min', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'min(expr)' },
  { name: 'max', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'max(expr)' },
  { name: 'stddev', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'stddev(expr)' },
  { name: 'pct', kind: 'aggregate', minArgs: 2, maxArgs: 2, signature: 'pct(expr, percentile)' },
  // `percentile` appears in AWS's published Lambda queries though not in the function table.
  { name: 'percentile', kind: 'aggregate', minArgs: 2, maxArgs: 2, signature: 'percentile(expr, percentile)' },
  { name: 'earliest', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'earliest(field)' },
  { name: 'latest', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'latest(field)' },
  { name: 'sortsFirst', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'sortsFirst(field)' },
  { name: 'sortsLast', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'sortsLast(field)' },

  // Datetime.
  { name: 'bin', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'bin(period)', periodArgs: [0], datetime: true },
  {
    name: 'datefloor',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'datefloor(timestamp, period)',
    periodArgs: [1],
    datetime: true,
  },
  {
    name: 'dateceil',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'dateceil(timestamp, period)',
    periodArgs: [1],
    datetime: true,
  },
  {
    name: 'fromMillis',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'fromMillis(number)',
    datetime: true,
    apply: numeric((x) => x),
  },
  {
    name: 'toMillis',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'toMillis(timestamp)',
    apply: numeric((x) => x),
  },

  // General.
  {
    name: 'ispresent',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'ispresent(field)',
    apply: ([a = null]) => bool(a !== null),
  },
  {
    name: 'coalesce',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 100,
    signature: 'coalesce(expr, …)',
    apply: (args) => args.find((a) => a !== null) ?? null,
  },
  {
    name: 'if',
    kind: 'scalar',
    minArgs: 3,
    maxArgs: 3,
    signature: 'if(condition, then, else)',
    apply: ([c = null, a = null, b = null]) => (isTruthy(c) ? a : b),
  },
  {
    name: 'isNumeric',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'isNumeric(field)',
    apply: ([a = null]) => bool(toNumber(a) !== null),
  },

  // Numeric.
  { name: 'abs', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'abs(number)', apply: numeric(Math.abs) },
  { name: 'ceil', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'ceil(number)', apply: numeric(Math.ceil) },
  { name: 'floor', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'floor(number)', apply: numeric(Math.floor) },
  { name: 'sqrt', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'sqrt(number)', apply: numeric(Math.sqrt) },
  { name: 'log', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'log(number)', apply: numeric(Math.log) },
  {
    name: 'round',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 2,
    signature: 'round(number[, digits])',
    apply: ([a = null, d = 0]) => {
      const x = toNumber(a);
      const f = 10 ** (toNumber(d) ?? 0);
      return x === null ? null : Math.round(x * f) / f;
    },
  },
  {
    name: 'greatest',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 100,
    signature: 'greatest(number, …)',
    apply: (args) => {
      const xs = args.map(toNumber).filter((x): x is number => x !== null);
      return xs.length ? Math.max(...xs) : null;
    },
  },
  {
    name: 'least',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 100,
    signature: 'least(number, …)',
    apply: (args) => {
      const xs = args.map(toNumber).filter((x): x is number => x !== null);
      return xs.length ? Math.min(...xs) : null;
    },
  },
  {
    name: 'toNumber',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'toNumber(value)',
    apply: ([a = null]) => toNumber(a),
  },

  // String.
  {
    name: 'isempty',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'isempty(field)',
    apply: ([a = null]) => bool(a === null || a === ''),
  },
  {
    name: 'isblank',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'isblank(field)',
    apply: ([a = null]) => bool(a === null || (typeof a === 'string' && a.trim() === '')),
  },
  {
    name: 'concat',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 100,
    signature: 'concat(string, …)',
    apply: (args) => args.map((a) => toText(a) ?? '').join(''),
  },
  {
    name: 'strlen',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'strlen(string)',
    apply: textual((s) => [...s].length),
  },
  {
    name: 'toupper',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'toupper(string)',
    apply: textual((s) => s.toUpperCase()),
  },
  {
    name: 'tolower',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'tolower(string)',
    apply: textual((s) => s.toLowerCase()),
  },
  {
    name: 'trim',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 2,
    signature: 'trim(string[, chars])',
    apply: ([a = null, c = null]) => (a === null ? null : trimChars(toText(a) ?? '', toText(c), true, true)),
  },
  {
    name: 'ltrim',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 2,
    signature: 'ltrim(string[, chars])',
    apply: ([a = null, c = null]) => (a === null ? null : trimChars(toText(a) ?? '', toText(c), true, false)),
  },
  {
    name: 'rtrim',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 2,
    signature: 'rtrim(string[, chars])',
    apply: ([a = null, c = null]) => (a === null ? null : trimChars(toText(a) ?? '', toText(c), false, true)),
  },
  {
    name: 'substr',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 3,
    signature: 'substr(string, start[, length])',
    apply: ([a = null, s = null, l = null]) => {
      const t = toText(a);
      const from = toNumber(s);
      if (t === null || from === null) return null;
      const len = toNumber(l);
      return len === null ? t.slice(from) : t.slice(from, from + len);
    },
  },
  {
    name: 'replace',
    kind: 'scalar',
    minArgs: 3,
    maxArgs: 3,
    signature: 'replace(string, search, replacement)',
    apply: ([a = null, s = null, r = null]) => {
      const t = toText(a);
      return t === null ? null : t.split(toText(s) ?? '').join(toText(r) ?? '');
    },
  },
  {
    name: 'strcontains',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'strcontains(string, search)',
    apply: ([a = null, s = null]) => {
      const t = toText(a);
      return t === null ? null : bool(t.includes(toText(s) ?? ''));
    },
  },
  {
    name: 'startsWith',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'startsWith(string, prefix)',
    apply: ([a = null, s = null]) => {
      const t = toText(a);
      return t === null ? null : bool(t.startsWith(toText(s) ?? ''));
    },
  },
  {
    name: 'endsWith',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'endsWith(string, suffix)',
    apply: ([a = null, s = null]) => {
      const t = toText(a);
      return t === null ? null : bool(t.endsWith(toText(s) ?? ''));
    },
  },
];

/** Functions AWS documents that this library recognises (for suggestions) but does not evaluate. */
export const unsupportedFunctions = [
  'haversine',
  'toInt',
  'toLong',
  'toDouble',
  'now',
  'parseDate',
  'formatDate',
  'strftime',
  'case',
  'messageSize',
  'queryStartTime',
  'queryEndTime',
  'queryTimeRange',
  'jsonParse',
  'jsonStringify',
  'jsonArraySize',
  'jsonArrayContains',
  'isValidIp',
  'isValidIpV4',
  'isValidIpV6',
  'isIpInSubnet',
  'isIpv4InSubnet',
  'isIpv6InSubnet',
  'regexReplace',
  'urlencode',
  'urldecode',
  'base64encode',
  'base64decode',
  'split',
  'md5',
  'sha256',
];

export function isTruthy(v: Value): boolean {
  return v !== null && v !== 0 && v !== '';
}

/** Every supported function by lower-case name (keywords and function names are case-insensitive). */
export const functionsByName: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((s) => [s.name.toLowerCase(), s]));

export const functionNames: readonly string[] = specs.map((s) => s.name);
