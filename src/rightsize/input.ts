/**
 * What the calculator measures from: pasted REPORT lines (text or JSON `platform.report`, in any
 * of the wrappings the lookup engine unwraps) or typed figures. Never throws; a problem comes
 * back as a sentence the page can show.
 */
import { parsePaste } from '../lookup/parse';
import type { ReportLine } from '../lookup/report';
import { type Measurement, maxMemoryMB, minMemoryMB, type Outcome } from './model';

/** The 15-minute maximum timeout: no invocation lasts longer. */
const maxDurationMs = 900_000;

const formatNumber = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

/**
 * Reads the REPORT lines in a paste into one measurement. Lines that ran with several memory sizes
 * are measured at `memorySizeMB` when given (the reader's choice), else at the size most lines ran
 * with; `memorySizes` then lists the choices.
 */
export function measureFromReports(text: string, memorySizeMB?: number): Outcome<Measurement> {
  if (typeof text !== 'string' || text.trim() === '')
    return { ok: false, error: 'Paste at least one REPORT line, or type the duration and memory size.' };
  const paste = parsePaste(text);
  const reports = paste.records.flatMap((record) => (record.report ? [record.report] : []));
  if (reports.length === 0) {
    return {
      ok: false,
      error:
        'No REPORT line found. A REPORT line starts with "REPORT RequestId:" and carries Duration, Memory Size and Max Memory Used; JSON platform.report records work too.',
    };
  }
  return { ok: true, value: summarise(reports, paste.notes, memorySizeMB) };
}

function summarise(reports: readonly ReportLine[], parseNotes: readonly string[], chosenMB?: number): Measurement {
  const notes = [...parseNotes];
  // The estimate starts from one memory size: the reader's choice, else the one most lines ran with.
  const bySize = new Map<number, ReportLine[]>();
  for (const report of reports) bySize.set(report.memorySizeMB, [...(bySize.get(report.memorySizeMB) ?? []), report]);
  const sizes = [...bySize].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
  if (chosenMB !== undefined && !bySize.has(chosenMB)) {
    notes.push(`No line ran with ${formatNumber(chosenMB)} MB, so the size most lines ran with is analysed.`);
  }
  const [memorySizeMB, lines] = sizes.find(([size]) => size === chosenMB) ?? sizes[0] ?? [0, []];
  if (bySize.size > 1) {
    const counts = sizes.map(([size, group]) => `${formatNumber(size)} MB: ${group.length}`).join(', ');
    notes.push(
      `The lines ran with ${bySize.size} memory sizes (${counts}); the durations of the ${lines.length} at ${formatNumber(memorySizeMB)} MB are analysed. Choose another size under "Memory size to analyse".`,
    );
  }
  const durationMs = lines.reduce((sum, line) => sum + line.durationMs, 0) / lines.length;
  const maxMemoryUsedMB = Math.max(...reports.map((report) => report.maxMemoryUsedMB));
  const inits = lines.flatMap((line) => (line.initDurationMs === undefined ? [] : [line.initDurationMs]));
  const measurement: Measurement = {
    durationMs,
    memorySizeMB,
    maxMemoryUsedMB,
    invocations: lines.length,
    coldStarts: inits.length,
    notes,
  };
  if (bySize.size > 1) {
    measurement.memorySizes = sizes.map(([size, group]) => ({ memorySizeMB: size, invocations: group.length }));
  }
  if (inits.length > 0) measurement.initDurationMs = inits.reduce((sum, value) => sum + value, 0) / inits.length;

  const full = reports.filter((report) => report.maxMemoryUsedMB >= report.memorySizeMB);
  if (full.length > 0) {
    notes.push(
      `${full.length} of ${reports.length} invocations used all their memory (Max Memory Used ≥ Memory Size): they probably ran out of it, so the real need is higher than the ${formatNumber(maxMemoryUsedMB)} MB observed.`,
    );
  }
  const failed = lines.filter((line) => line.status !== undefined && line.status !== 'success');
  if (failed.length > 0) {
    notes.push(
      `${failed.length} of ${lines.length} invocations ended with a status other than success (timeout or error); their durations may not be what a successful run takes.`,
    );
  }
  if (memorySizeMB < minMemoryMB || memorySizeMB > maxMemoryMB) {
    notes.push(
      `A memory size of ${formatNumber(memorySizeMB)} MB is outside Lambda's 128–10,240 MB range; check the paste.`,
    );
  }
  return measurement;
}

/** Typed figures, as read from form fields: empty strings mean "not given". */
export interface TypedFigures {
  durationMs: string;
  memorySizeMB: string;
  maxMemoryUsedMB?: string;
}

function readNumberField(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value.trim().replace(/,/g, ''));
  return Number.isFinite(number) ? number : Number.NaN;
}

/** Reads typed figures into a measurement, checking each against Lambda's limits. */
export function measureFromFigures(figures: TypedFigures): Outcome<Measurement> {
  const durationMs = readNumberField(figures.durationMs);
  const memorySizeMB = readNumberField(figures.memorySizeMB);
  const maxMemoryUsedMB = readNumberField(figures.maxMemoryUsedMB);
  if (durationMs === undefined || memorySizeMB === undefined)
    return { ok: false, error: 'Type both the duration (ms) and the memory size (MB), or paste REPORT lines.' };
  if (Number.isNaN(durationMs) || durationMs <= 0 || durationMs > maxDurationMs)
    return {
      ok: false,
      error:
        'The duration must be a number of milliseconds above 0 and at most 900,000 (the 15-minute maximum timeout).',
    };
  if (Number.isNaN(memorySizeMB) || memorySizeMB < minMemoryMB || memorySizeMB > maxMemoryMB)
    return { ok: false, error: 'The memory size must be a number of MB from 128 to 10,240.' };
  if (maxMemoryUsedMB !== undefined && (Number.isNaN(maxMemoryUsedMB) || maxMemoryUsedMB <= 0))
    return { ok: false, error: 'Max Memory Used must be a positive number of MB, or left empty.' };
  const measurement: Measurement = { durationMs, memorySizeMB, invocations: 0, coldStarts: 0, notes: [] };
  if (maxMemoryUsedMB !== undefined) {
    measurement.maxMemoryUsedMB = maxMemoryUsedMB;
    if (maxMemoryUsedMB >= memorySizeMB)
      measurement.notes.push(
        'Max Memory Used is at or above the memory size: the function probably ran out of memory, so it needs more than that.',
      );
  } else {
    measurement.notes.push('Without Max Memory Used, no setting can be marked unsafe: every one is assumed to fit.');
  }
  return { ok: true, value: measurement };
}
