/**
 * The catalogue of Logs Insights functions: spelling, arity, kind and, for scalars, the
 * implementation. Every name is one of catalogue.ts, which lists AWS's function pages.
 */

import {
  base64Decode,
  base64Encode,
  hexToAscii,
  ipInSubnet,
  isPrivateIp,
  isPublicIp,
  isReservedIp,
  isValidIp,
  md5,
  parseIpv4,
  parseIpv6,
  parseJavaDate,
  sha256,
  strftime,
} from './builtins.ts';
import { compileRegex } from './regex.ts';

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
  /**
   * For functions that take or make maps and lists (jsonParse, split …): arguments arrive as they
   * are stored (objects and arrays included) and the result may be a structure.
   */
  applyRaw?: (args: unknown[]) => unknown;
  /** Reads the query context (now, query window) rather than the event: the evaluator supplies it. */
  context?: boolean;
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

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** A list from a structure or from JSON text holding an array. */
function asList(a: unknown): unknown[] | null {
  if (Array.isArray(a)) return a;
  if (typeof a !== 'string') return null;
  try {
    const v: unknown = JSON.parse(a);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

const regexes = new Map<string, RegExp | null>();
function regexCache(source: string): RegExp | null {
  let re = regexes.get(source);
  if (re === undefined) {
    const compiled = compileRegex(source);
    re = typeof compiled === 'string' ? null : new RegExp(compiled.source, `${compiled.flags.replace('g', '')}g`);
    if (regexes.size > 200) regexes.clear();
    regexes.set(source, re);
  }
  return re;
}

function ipTest(name: string, test: (s: string) => boolean): FunctionSpec {
  return {
    name,
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: `${name}(field)`,
    apply: textual((s) => bool(test(s.trim()))),
  };
}

function subnetTest(name: string, family: 4 | 6 | 'any'): FunctionSpec {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: `${name}(field, "cidr")`,
    apply: ([a = null, c = null]) => {
      const ip = toText(a);
      const cidr = toText(c);
      return ip === null || cidr === null ? null : bool(ipInSubnet(ip.trim(), cidr.trim(), family));
    },
  };
}

function formatDate(name: string): FunctionSpec {
  return {
    name,
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 3,
    signature: `${name}(timestamp, "%Y-%m-%d"[, timezone])`,
    apply: ([t = null, f = null, z = null]) => {
      const ms = toNumber(t);
      const format = toText(f);
      return ms === null || format === null ? null : strftime(ms, format, toText(z));
    },
  };
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
  // Time-series functions (CWL_QuerySyntax-timeseries-functions.html), also used in stats.
  {
    name: 'rate',
    kind: 'aggregate',
    minArgs: 2,
    maxArgs: 2,
    signature: 'rate(field, interval)',
    periodArgs: [1],
  },
  { name: 'count_over_time', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'count_over_time(field)' },
  { name: 'sum_over_time', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'sum_over_time(field)' },
  // The page's markdown copy spells them in camel case; both spellings are accepted.
  { name: 'countOverTime', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'countOverTime(field)' },
  { name: 'sumOverTime', kind: 'aggregate', minArgs: 1, maxArgs: 1, signature: 'sumOverTime(field)' },
  { name: 'histogram', kind: 'aggregate', minArgs: 2, maxArgs: 2, signature: 'histogram(field, buckets)' },

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
    maxArgs: 3,
    signature: 'strcontains(string, search[, caseInsensitive])',
    apply: ([a = null, s = null, i = null]) => {
      const t = toText(a);
      if (t === null) return null;
      const needle = toText(s) ?? '';
      const fold = i === 'true' || (typeof i === 'number' && i !== 0);
      return bool(fold ? t.toLowerCase().includes(needle.toLowerCase()) : t.includes(needle));
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
  // Numeric conversions and geography.
  {
    name: 'haversine',
    kind: 'scalar',
    minArgs: 4,
    maxArgs: 4,
    signature: 'haversine(lat1, lon1, lat2, lon2)',
    apply: (args) => {
      const [la1, lo1, la2, lo2] = args.map(toNumber);
      if (la1 == null || lo1 == null || la2 == null || lo2 == null) return null;
      // Mean Earth radius 6371.0088 km (IUGG); AWS does not state the radius it uses.
      const rad = Math.PI / 180;
      const h =
        Math.sin(((la2 - la1) * rad) / 2) ** 2 +
        Math.cos(la1 * rad) * Math.cos(la2 * rad) * Math.sin(((lo2 - lo1) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    },
  },
  {
    name: 'toInt',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'toInt(value)',
    apply: numeric((x) => Math.trunc(x) | 0),
  },
  {
    name: 'toLong',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'toLong(value)',
    apply: numeric((x) => Math.trunc(x)),
  },
  { name: 'toDouble', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'toDouble(value)', apply: numeric((x) => x) },

  // Datetime with patterns, and the query context.
  { name: 'now', kind: 'scalar', minArgs: 0, maxArgs: 0, signature: 'now()', context: true },
  { name: 'queryStartTime', kind: 'scalar', minArgs: 0, maxArgs: 0, signature: 'queryStartTime()', context: true },
  { name: 'queryEndTime', kind: 'scalar', minArgs: 0, maxArgs: 0, signature: 'queryEndTime()', context: true },
  { name: 'queryTimeRange', kind: 'scalar', minArgs: 0, maxArgs: 0, signature: 'queryTimeRange()', context: true },
  {
    name: 'parseDate',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 3,
    signature: 'parseDate(field, "yyyy-MM-dd"[, timezone])',
    apply: ([a = null, f = null, z = null]) => {
      const s = toText(a);
      const pattern = toText(f);
      return s === null || pattern === null ? null : parseJavaDate(s, pattern, toText(z));
    },
  },
  formatDate('formatDate'),
  formatDate('strftime'),

  // General.
  {
    name: 'case',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 21,
    signature: 'case(condition1, value1, …[, default])',
    apply: (args) => {
      for (let i = 0; i + 1 < args.length; i += 2) if (isTruthy(args[i] ?? null)) return args[i + 1] ?? null;
      return args.length % 2 === 1 ? (args[args.length - 1] ?? null) : null;
    },
  },
  {
    name: 'messageSize',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'messageSize(field)',
    apply: textual((s) => utf8Length(s)),
  },

  // JSON.
  {
    name: 'jsonParse',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'jsonParse(field)',
    applyRaw: ([a]) => {
      if (typeof a !== 'string') return a !== null && typeof a === 'object' ? a : null;
      const t = a.trim();
      if (!t.startsWith('{') && !t.startsWith('[')) return null;
      try {
        const v: unknown = JSON.parse(t);
        return v !== null && typeof v === 'object' ? v : null;
      } catch {
        return null;
      }
    },
  },
  {
    name: 'jsonStringify',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'jsonStringify(map or list)',
    applyRaw: ([a]) => (a !== null && typeof a === 'object' ? JSON.stringify(a) : null),
  },
  {
    name: 'jsonArraySize',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'jsonArraySize(field)',
    applyRaw: ([a]) => {
      const list = asList(a);
      return list ? list.length : null;
    },
  },
  {
    name: 'jsonArrayContains',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'jsonArrayContains(field, value)',
    applyRaw: ([a, v]) => {
      const list = asList(a);
      if (!list || list.length === 0) return 0;
      const wanted = typeof v === 'number' || typeof v === 'string' ? v : null;
      return bool(list.some((x) => x === wanted || (typeof x === 'number' && String(x) === wanted)));
    },
  },

  // IP addresses.
  ipTest('isValidIp', (s) => isValidIp(s)),
  ipTest('isValidIpV4', (s) => parseIpv4(s) !== null),
  ipTest('isValidIpV6', (s) => parseIpv6(s) !== null),
  subnetTest('isIpInSubnet', 'any'),
  subnetTest('isIpv4InSubnet', 4),
  subnetTest('isIpv6InSubnet', 6),
  {
    name: 'ipv4ToNumber',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'ipv4ToNumber(field)',
    apply: textual((s) => parseIpv4(s.trim())),
  },
  ipTest('isPrivateIP', (s) => isPrivateIp(s)),
  ipTest('isPublicIP', (s) => isPublicIp(s)),
  ipTest('isReservedIP', (s) => isReservedIp(s)),

  // More strings.
  {
    name: 'regexReplace',
    kind: 'scalar',
    minArgs: 3,
    maxArgs: 3,
    signature: 'regexReplace(field, "regex", replacement)',
    apply: ([a = null, p = null, r = null]) => {
      const t = toText(a);
      const source = toText(p);
      if (t === null || source === null) return null;
      const re = regexCache(source);
      // RE2 writes group references as \1 or $1; JavaScript as $1.
      return re ? t.replace(re, (toText(r) ?? '').replace(/\\(\d)/g, '$$$1')) : null;
    },
  },
  {
    name: 'urlencode',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'urlencode(string)',
    apply: textual((s) => encodeURIComponent(s)),
  },
  {
    name: 'urldecode',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'urldecode(string)',
    apply: textual((s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    }),
  },
  {
    name: 'base64encode',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'base64encode(string)',
    apply: textual(base64Encode),
  },
  {
    name: 'base64decode',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'base64decode(string)',
    apply: textual(base64Decode),
  },
  {
    name: 'split',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    signature: 'split(string, delimiter)',
    applyRaw: ([a, d]) => {
      const t = typeof a === 'number' ? String(a) : typeof a === 'string' ? a : null;
      const sep = typeof d === 'number' ? String(d) : typeof d === 'string' ? d : null;
      return t === null || sep === null ? null : t.split(sep);
    },
  },
  {
    name: 'hexToAscii',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'hexToAscii(value)',
    apply: textual(hexToAscii),
  },
  {
    name: 'hexToDec',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'hexToDec(value)',
    apply: textual((s) => {
      const m = /^\s*(-?)(?:0x)?([0-9a-fA-F]+)\s*$/i.exec(s);
      return m ? (m[1] ? -1 : 1) * Number.parseInt(m[2] as string, 16) : null;
    }),
  },
  {
    name: 'decToHex',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    signature: 'decToHex(value)',
    apply: ([a = null]) => {
      const x = toNumber(a);
      if (x === null) return null;
      const n = Math.trunc(x);
      return `${n < 0 ? '-' : ''}0x${Math.abs(n).toString(16)}`;
    },
  },
  { name: 'md5', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'md5(field)', apply: textual(md5) },
  { name: 'sha256', kind: 'scalar', minArgs: 1, maxArgs: 1, signature: 'sha256(field)', apply: textual(sha256) },
];

export function isTruthy(v: Value): boolean {
  return v !== null && v !== 0 && v !== '';
}

/** Every supported function by lower-case name (keywords and function names are case-insensitive). */
export const functionsByName: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((s) => [s.name.toLowerCase(), s]));

export const functionNames: readonly string[] = specs.map((s) => s.name);
