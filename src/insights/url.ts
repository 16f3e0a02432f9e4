/**
 * Deep links into the CloudWatch Logs Insights console (docs/reference/logs-insights.md §3).
 *
 * The console serialises its state with JSURL v1. The npm `jsurl` package is unmaintained,
 * CommonJS-only and untyped; the encoder side is twenty lines, so it is written here and pinned by
 * the reference's console-verified example in url.test.ts.
 */

type Jsurl = string | number | boolean | null | readonly Jsurl[] | { readonly [key: string]: Jsurl | undefined };

/** Escapes a string as JSURL does: `$` → `!`, other non-word characters → `*hh` or `**hhhh` (UTF-16 units). */
function escapeJsurl(s: string): string {
  return s.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSURL v1 `stringify`; keys whose value is `undefined` are skipped, as JSURL does. */
export function toJsurl(value: Jsurl): string {
  if (value === null) return '~null';
  if (typeof value === 'number') return `~${Number.isFinite(value) ? value : 'null'}`;
  if (typeof value === 'boolean') return `~${value}`;
  if (typeof value === 'string') return `~'${escapeJsurl(value)}`;
  if (Array.isArray(value)) return `~(${value.map((v: Jsurl) => toJsurl(v)).join('') || '~'})`;
  const entries = Object.entries(value).filter((e): e is [string, Jsurl] => e[1] !== undefined);
  return `~(${entries.map(([k, v]) => escapeJsurl(k) + toJsurl(v)).join('~')})`;
}

export type TimeRange =
  /** The last `seconds` seconds, as the console's relative ranges ("1h" is 3600). */
  | { relativeSeconds: number }
  /** An absolute range; strings must be ISO 8601. */
  | { start: Date | string; end: Date | string };

export interface ConsoleUrlOptions {
  region: string;
  /** Log group names or ARNs; a trailing `:*` on an ARN is dropped, as the console expects. */
  logGroups: readonly string[];
  query: string;
  range: TimeRange;
  /** How the console shows absolute times; omitted from the link when not given. */
  timezone?: 'UTC' | 'LOCAL';
  /** An existing console query id, when reproducing a link. */
  queryId?: string;
  /** The query language; omitted unless given (the console defaults to Logs Insights QL, `CWLI`). */
  language?: 'CWLI';
  /** The console host: `region` (the default, `us-east-1.console…`) or `global` (`console.aws.amazon.com`). */
  host?: 'region' | 'global';
}

const iso = (d: Date | string): string => (typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

/** The console URL that opens Logs Insights with the query, log groups and time range filled in. */
export function consoleUrl(options: ConsoleUrlOptions): string {
  const { region, range } = options;
  const time =
    'relativeSeconds' in range
      ? { end: 0, start: -Math.abs(range.relativeSeconds), timeType: 'RELATIVE', unit: 'seconds' }
      : { end: iso(range.end), start: iso(range.start), timeType: 'ABSOLUTE' };
  const detail = {
    ...time,
    tz: options.timezone,
    editorString: options.query,
    queryId: options.queryId,
    source: options.logGroups.map((g) => g.replace(/:\*$/, '')),
    lang: options.language,
  };
  const host = options.host === 'global' ? 'console.aws.amazon.com' : `${region}.console.aws.amazon.com`;
  return `https://${host}/cloudwatch/home?region=${region}#logsV2:logs-insights$3FqueryDetail$3D${toJsurl(detail)}`;
}
