/**
 * The run's simulated time, as rows a page can draw and read out: one per invocation (a retried
 * SQS batch is one row per attempt), with its init, its duration, the idle wait before it, the
 * deadline it ran against and the moments it logged. Pure data, so it is tested in Node.
 */
import type { EmulationResult, InvocationOutcome } from '../../../playground/runtime/index.ts';

export interface TimelineRow {
  /** Virtual milliseconds from the start of the run. */
  startMs: number;
  initMs: number;
  durationMs: number;
  /** Where the function timeout falls, from the start of the run. */
  deadlineMs: number;
  /** Idle virtual time between the previous invocation's end and this one's start. */
  waitMs: number;
  kind: InvocationOutcome['kind'];
  /**
   * The lines this invocation logged, aggregated: at most MAX_LOG_MARKS marks, each at the first
   * line of its slice of the row, with how many lines fell in the slice. A run that logs thousands
   * of lines draws a few dozen marks, not a node per line.
   */
  logMarks: LogMark[];
  /** Lines this invocation logged (of those the run forwarded). */
  logCount: number;
  /** The row in words: the timeline's text alternative. */
  text: string;
}

export interface LogMark {
  /** Offset from the start of the run. */
  atMs: number;
  count: number;
}

/** Marks one row draws at most. */
export const MAX_LOG_MARKS = 40;

/** Groups sorted offsets in [from, to] into at most MAX_LOG_MARKS slices of equal span. */
export function aggregateLogMarks(offsets: number[], from: number, to: number): LogMark[] {
  const span = Math.max(to - from, 1e-9);
  const marks: LogMark[] = [];
  let slice = -1;
  for (const at of offsets) {
    const index = Math.min(MAX_LOG_MARKS - 1, Math.max(0, Math.floor(((at - from) / span) * MAX_LOG_MARKS)));
    const last = marks.at(-1);
    if (last && index === slice) last.count += 1;
    else {
      marks.push({ atMs: at, count: 1 });
      slice = index;
    }
  }
  return marks;
}

export interface Timeline {
  rows: TimelineRow[];
  /** The run's span in virtual ms, to the end of the last invocation (deadlines past it are not drawn). */
  totalMs: number;
}

const OUTCOME_WORDS: Record<InvocationOutcome['kind'], string> = {
  success: 'succeeded',
  error: 'failed with an error',
  timeout: 'timed out',
  'out-of-memory': 'ran out of memory and was killed',
  crash: 'crashed',
};

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** A text line's leading timestamp, or an application line's in the JSON log format. */
const TIMESTAMP =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t|^\{"timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/;

export function buildTimeline(result: EmulationResult, timeoutSeconds: number): Timeline {
  const first = result.outcomes[0]?.startEpochMs ?? 0;
  const stamps = result.logs.flatMap((line) => {
    const match = TIMESTAMP.exec(line);
    const stamp = match?.[1] ?? match?.[2];
    return stamp ? [Date.parse(stamp) - first] : [];
  });
  let previousEnd: number | undefined;
  const rows = result.outcomes.map((outcome, index): TimelineRow => {
    const startMs = outcome.startEpochMs - first;
    const initMs = outcome.initDurationMs ?? 0;
    const invokeStart = startMs + initMs;
    const end = invokeStart + outcome.durationMs;
    const waitMs = previousEnd === undefined ? 0 : Math.max(0, startMs - previousEnd);
    previousEnd = end;
    const logged = stamps.filter((at) => at >= startMs && at <= end + 10);
    const parts = [
      `Invocation ${index + 1}${outcome.coldStart ? ' (cold start)' : ''} at ${formatMs(startMs)}`,
      waitMs > 0 ? `after waiting ${formatMs(waitMs)}` : '',
      initMs > 0 ? `init ${formatMs(initMs)}` : '',
      `ran ${formatMs(outcome.durationMs)} of its ${formatMs(timeoutSeconds * 1000)} timeout`,
      logged.length > 0 ? `logged ${logged.length} line${logged.length === 1 ? '' : 's'}` : '',
      OUTCOME_WORDS[outcome.kind],
    ].filter(Boolean);
    return {
      startMs,
      initMs,
      durationMs: outcome.durationMs,
      deadlineMs: invokeStart + timeoutSeconds * 1000,
      waitMs,
      kind: outcome.kind,
      logMarks: aggregateLogMarks(logged, startMs, end + 10),
      logCount: logged.length,
      text: `${parts.join(', ')}.`,
    };
  });
  // The chart spans what happened; a deadline far beyond a quick invocation would shrink it to a dot.
  const totalMs = Math.max(1, ...rows.map((row) => row.startMs + row.initMs + row.durationMs));
  return { rows, totalMs };
}
