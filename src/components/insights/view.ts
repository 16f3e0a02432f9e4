/**
 * What the builder shows, computed without the DOM so it is tested in Node: which column a
 * `stats … by bin()` query groups on, and the chart of a numeric column over those bins.
 */
import type { Query, Row, Stage, Value } from '../../insights';

/** The column a query's last `stats` groups by with `bin()`, when that is its only group. */
export function binColumn(query: Query): { column: string; period: string } | undefined {
  const stats = query.commands.filter((command) => command.kind === 'stats').at(-1);
  if (stats?.kind !== 'stats' || stats.by.length !== 1) return undefined;
  const [by] = stats.by;
  if (by?.expr.kind !== 'call' || by.expr.name !== 'bin') return undefined;
  const [period] = by.expr.args;
  return { column: by.alias ?? by.text, period: period?.kind === 'period' ? period.text : '' };
}

const asNumber = (value: Value): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
};

/** Columns other than `except` with at least one number and nothing but numbers or nulls. */
export function numericColumns(columns: readonly string[], rows: readonly Row[], except: string): string[] {
  return columns.filter((column) => {
    if (column === except) return false;
    let numbers = 0;
    for (const row of rows) {
      const value = row[column] ?? null;
      if (value === null) continue;
      if (asNumber(value) === null) return false;
      numbers += 1;
    }
    return numbers > 0;
  });
}

/** Reads the evaluator's `YYYY-MM-DD HH:mm:ss.SSS` (UTC) datetimes. */
export function parseResultTime(value: Value): number | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)Z?$/.exec(value.trim());
  if (!match) return null;
  const ms = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(ms) ? null : ms;
}

export interface ChartPoint {
  time: number;
  value: number;
  x: number;
  y: number;
  /** The bin's start as the table shows it. */
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** Plot area. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  points: ChartPoint[];
  /** SVG path through the points in time order. */
  path: string;
  yTicks: { value: number; y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  /** A sentence describing the series, the chart's text alternative. */
  summary: string;
}

const formatNumber = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** A round number at or above `max`, so the axis reads 0, 50, 100 rather than 0, 47.3, 94.6. */
function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

/**
 * A line chart of `column` over the bins in `timeColumn`, oldest first (results come newest
 * first). Undefined when fewer than one bin has a time and a number.
 */
export function chartLayout(
  rows: readonly Row[],
  timeColumn: string,
  column: string,
  period: string,
  size = { width: 720, height: 260 },
): ChartLayout | undefined {
  const data = rows
    .map((row) => ({ time: parseResultTime(row[timeColumn] ?? null), value: asNumber(row[column] ?? null), row }))
    .filter((d): d is { time: number; value: number; row: Row } => d.time !== null && d.value !== null)
    .sort((a, b) => a.time - b.time);
  if (data.length === 0) return undefined;
  const [left, right, top, bottom] = [56, size.width - 16, 16, size.height - 40];
  const first = (data[0] as (typeof data)[number]).time;
  const last = (data.at(-1) as (typeof data)[number]).time;
  const minValue = Math.min(0, ...data.map((d) => d.value));
  const maxValue = niceCeiling(Math.max(...data.map((d) => d.value)));
  const x = (time: number) =>
    last === first ? (left + right) / 2 : left + ((time - first) / (last - first)) * (right - left);
  const y = (value: number) => bottom - ((value - minValue) / (maxValue - minValue || 1)) * (bottom - top);
  const points = data.map((d) => ({
    time: d.time,
    value: d.value,
    x: round(x(d.time)),
    y: round(y(d.value)),
    label: String(d.row[timeColumn]),
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const yTicks = [minValue, (minValue + maxValue) / 2, maxValue].map((value) => ({
    value,
    y: round(y(value)),
    label: formatNumber(value),
  }));
  const tickTimes = last === first ? [first] : [first, first + (last - first) / 2, last];
  const xTicks = tickTimes.map((time) => ({ x: round(x(time)), label: clock(time) }));
  const lowest = data.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = data.reduce((a, b) => (b.value > a.value ? b : a));
  const per = period ? ` per ${period} bin` : ' per bin';
  const summary =
    `Line chart of ${column}${per}: ${data.length} bin${data.length === 1 ? '' : 's'} from ${stamp(first)} to ` +
    `${stamp(last)} UTC; lowest ${formatNumber(lowest.value)} at ${stamp(lowest.time)}, highest ` +
    `${formatNumber(highest.value)} at ${stamp(highest.time)}.`;
  return { ...size, left, right, top, bottom, points, path, yTicks, xTicks, summary };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The console's relative ranges the builder offers, in seconds. */
export const relativeRanges: readonly { seconds: number; label: string }[] = [
  { seconds: 300, label: 'Last 5 minutes' },
  { seconds: 900, label: 'Last 15 minutes' },
  { seconds: 1800, label: 'Last 30 minutes' },
  { seconds: 3600, label: 'Last hour' },
  { seconds: 10_800, label: 'Last 3 hours' },
  { seconds: 43_200, label: 'Last 12 hours' },
  { seconds: 86_400, label: 'Last day' },
  { seconds: 259_200, label: 'Last 3 days' },
  { seconds: 604_800, label: 'Last week' },
];

/** A Region code such as `us-east-1` or `us-gov-west-1`. */
export const isRegion = (text: string): boolean => /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(text);

/** Log group names typed one per line (or separated by commas). */
export const splitLogGroups = (text: string): string[] =>
  text
    .split(/[\n,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why a run returned no rows, in a sentence: the command that removed every event and how many
 * it was given (for a filter of several `and` conditions, the ones that matched nothing), or that
 * the logs held no events. Undefined when no command emptied the results.
 */
export function explainEmpty(stages: readonly Stage[], scanned: number): string | undefined {
  if (scanned === 0) return 'The logs hold no events to query.';
  const stage = stages.find((s) => s.before > 0 && s.after === 0);
  if (!stage) return undefined;
  const first = stages.indexOf(stage) === 0;
  const unit = first ? 'event' : 'record';
  if (stage.kind === 'filter') {
    const failing = (stage.conditions ?? []).filter((c) => c.matched === 0);
    const detail =
      failing.length > 0
        ? ` The condition${failing.length === 1 ? '' : 's'} ${failing.map((c) => c.text).join(', ')} matched none on ${failing.length === 1 ? 'its' : 'their'} own.`
        : (stage.conditions?.length ?? 0) > 1
          ? ` Each condition matches some on its own (${stage.conditions?.map((c) => `${c.text}: ${c.matched}`).join('; ')}), but no ${unit} matches them all.`
          : '';
    const condition = stage.text.replace(/^(filterIndex|filter|where)\s+/i, '');
    return `The filter ${condition} matched 0 of ${plural(stage.before, unit)}.${detail}`;
  }
  return `The command ${stage.text} left 0 of ${plural(stage.before, unit)}.`;
}
