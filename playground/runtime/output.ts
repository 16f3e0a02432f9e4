/**
 * Bounds on what a run may print, applied inside the Worker before anything crosses to the page:
 * one log event is cut at CloudWatch's event size, and a run forwards at most `lines` events and
 * `bytes` bytes; the rest are counted, not sent. Lines are sent in batches, so a loop that logs
 * millions of times costs the page a few hundred messages at most.
 */
import type { LogBudget, WorkerToHost } from './messages.ts';

/**
 * CloudWatch Logs' maximum log event size, 256 KB ("Each log event can be no larger than 256 KB",
 * PutLogEvents API reference, https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html;
 * "Event size: 256 KB (maximum)", CloudWatch Logs quotas,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html).
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/** The playground's own allowance per run (not an AWS limit): enough for every example many times over. */
export const DEFAULT_LOG_BUDGET: LogBudget = { lines: 2000, bytes: 1024 * 1024 };

/** What marks an event the playground cut at MAX_EVENT_BYTES. */
export const TRUNCATION_MARK = ' … [truncated at 256 KB]';

/** Lines sent per message at most. */
const BATCH_LINES = 200;
/**
 * While dropping, a progress message on the first dropped line and every this many after it, so a
 * Worker the watchdog kills mid-flood has already told (nearly) how much it dropped.
 */
const DROPPED_REPORT_EVERY = 1000;

const encoder = new TextEncoder();

/** UTF-8 length, without encoding short strings. */
export function utf8Length(text: string): number {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: short strings are measured exactly only when it matters.
  return encoder.encode(text).length;
}

/** `line`, cut so that it (with the mark) fits in one CloudWatch event, and its size in bytes. */
export function fitEvent(line: string): { line: string; bytes: number } {
  if (line.length * 3 <= MAX_EVENT_BYTES) return { line, bytes: utf8Length(line) };
  const bytes = encoder.encode(line);
  if (bytes.length <= MAX_EVENT_BYTES) return { line, bytes: bytes.length };
  const room = MAX_EVENT_BYTES - utf8Length(TRUNCATION_MARK);
  // Decoding a cut in the middle of a character leaves U+FFFD; drop it.
  const head = new TextDecoder().decode(bytes.subarray(0, room)).replace(/\uFFFD$/, '');
  const cut = head + TRUNCATION_MARK;
  return { line: cut, bytes: utf8Length(cut) };
}

/** The engine's side: counts against the allowance, batches what passes, counts what does not. */
export class OutputMeter {
  private budget: LogBudget = { lines: 0, bytes: 0 };
  private batch: string[] = [];
  private droppedLines = 0;
  /** Dropped lines since the meter started, for the progress messages. */
  private droppedTotal = 0;
  private droppedBytes = 0;
  private readonly post: (message: WorkerToHost) => void;

  constructor(post: (message: WorkerToHost) => void) {
    this.post = post;
  }

  /** A new allowance, from the host, at the start of an init or invocation. */
  reset(budget: LogBudget): void {
    this.flush();
    this.budget = { ...budget };
  }

  /** Whether another line can still be forwarded (when not, the caller need not even format it). */
  get open(): boolean {
    return this.budget.lines > 0 && this.budget.bytes > 0;
  }

  /** Counts a line that was not formatted because the allowance is spent. */
  drop(bytes = 0): void {
    this.droppedLines += 1;
    this.droppedBytes += bytes;
    this.droppedTotal += 1;
    if (this.droppedTotal === 1 || this.droppedTotal % DROPPED_REPORT_EVERY === 0) this.flush();
  }

  write(raw: string): void {
    if (!this.open) {
      this.drop(utf8Length(raw));
      return;
    }
    const { line, bytes } = fitEvent(raw);
    if (bytes > this.budget.bytes) {
      this.budget.bytes = 0;
      this.drop(bytes);
      return;
    }
    this.budget.lines -= 1;
    this.budget.bytes -= bytes;
    this.batch.push(line);
    if (this.batch.length >= BATCH_LINES) this.flush();
  }

  /** Sends what is batched (and the dropped count since the last message). */
  flush(): void {
    if (this.batch.length === 0 && this.droppedLines === 0 && this.droppedBytes === 0) return;
    this.post({ type: 'logs', lines: this.batch, droppedLines: this.droppedLines, droppedBytes: this.droppedBytes });
    this.batch = [];
    this.droppedLines = 0;
    this.droppedBytes = 0;
  }
}
