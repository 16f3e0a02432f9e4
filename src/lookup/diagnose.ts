import {
  buildLiteralScan,
  countLiteralCharacters,
  extractPrefilter,
  type LiteralScan,
  type Prefilter,
} from './literals';
import { buildNameTable, findNames, genericErrorTypes, type NameTable, ownersOf } from './names';
import { normaliseLine } from './normalise';
import { type LogRecord, type ParsedPaste, parsePaste } from './parse';
import { type ReportLine, type ReportSummary, summariseReports } from './report';
import type { ErrorIndex, IndexEntry } from './schema';
import { buildTextSearch, maxTextQuery, searchText, type TextSearch } from './text';

/* ------------------------------------------------------------------------------------------------
 * Compiling the index
 * ---------------------------------------------------------------------------------------------- */

interface CompiledPattern {
  entry: number;
  /** `source` as written in the entry, for reasons and failures. */
  source: string;
  regex: RegExp;
  prefilter: Prefilter | undefined;
  /** How much a match counts: 2 for a bare word, up to 6 for a long specific message. */
  weight: number;
  /** A general form (a wrapper, a bare denial): steps aside for another entry's match in the same event. */
  yields: boolean;
}

/** An index made ready for matching: regexes compiled once, prefilters extracted, error types mapped. */
export interface CompiledIndex {
  readonly index: ErrorIndex;
  readonly entries: readonly IndexEntry[];
  readonly byId: ReadonlyMap<string, number>;
  readonly patterns: readonly CompiledPattern[];
  /** The patterns' prefilters checked together, once per record (see literals.ts). */
  readonly scan: LiteralScan;
  /** The patterns without a prefilter, in order: the only ones to run where no literal occurs. */
  readonly unfiltered: readonly CompiledPattern[];
  /** Error type → the entries whose messages carry it. */
  readonly errorTypes: ReadonlyMap<string, readonly number[]>;
  /** The named tier: error types and `names` of the entries, found as whole tokens anywhere. */
  readonly names: NameTable;
  /** The text tier, built on first use. */
  readonly text: () => TextSearch;
  /** Patterns that did not compile, named; they are left out and reported in every Diagnosis. */
  readonly problems: readonly string[];
}

const compiled = new WeakMap<ErrorIndex, CompiledIndex>();

/** The weight of a pattern match, from the number of literal characters its source spells out. */
export function patternWeight(source: string): number {
  return 2 + Math.min(countLiteralCharacters(source), 48) / 12;
}

/** Compiles an index for `diagnose`. Cached per index object, so calling it again is free. */
export function compileIndex(index: ErrorIndex): CompiledIndex {
  const cached = compiled.get(index);
  if (cached) return cached;
  const entries = Array.isArray(index?.entries) ? index.entries : [];
  const patterns: CompiledPattern[] = [];
  const problems: string[] = [];
  const errorTypes = new Map<string, number[]>();
  let textSearch: TextSearch | undefined;
  entries.forEach((entry, position) => {
    for (const { source, flags, yields } of entry.patterns ?? []) {
      try {
        const regex = new RegExp(source, (flags ?? '').replace(/[gy]/g, ''));
        patterns.push({
          entry: position,
          source,
          regex,
          prefilter: extractPrefilter(source, flags),
          weight: patternWeight(source),
          yields: yields === true,
        });
      } catch (error) {
        problems.push(`Entry "${entry.id}": pattern /${source}/ does not compile (${(error as Error).message}).`);
      }
    }
    for (const type of entry.errorTypes ?? []) {
      const owners = errorTypes.get(type) ?? [];
      owners.push(position);
      errorTypes.set(type, owners);
    }
  });
  const result: CompiledIndex = {
    index,
    entries,
    byId: new Map(entries.map((entry, position) => [entry.id, position])),
    patterns,
    scan: buildLiteralScan(patterns.map((pattern) => pattern.prefilter)),
    unfiltered: patterns.filter((pattern) => pattern.prefilter === undefined),
    errorTypes,
    names: buildNameTable(entries),
    text: () => {
      textSearch ??= buildTextSearch(entries);
      return textSearch;
    },
    problems,
  };
  compiled.set(index, result);
  return result;
}

/* ------------------------------------------------------------------------------------------------
 * The Diagnosis
 * ---------------------------------------------------------------------------------------------- */

/** An entry the paste points to, with what pointed there. */
export interface Match {
  id: string;
  title: string;
  /** The entry's absolute URL, from errors.json. */
  url: string;
  /** Higher is better; see src/lookup/README.md for how it is computed. Comparable within one Diagnosis. */
  score: number;
  /** The pasted lines that matched, as pasted; repeats (same line but for ids, times and numbers) shown once. */
  evidence: string[];
  /** What the patterns' named groups captured (`seconds`, `module`…) and figures the signals read. */
  values: Record<string, string>;
  /** How many log events (records) pointed to this entry. */
  occurrences: number;
  /** Request ids of those events, first ones first (at most 20). */
  requestIds: string[];
  /** Why the entry matched, one short sentence per kind of evidence. */
  reasons: string[];
  /**
   * The strongest kind of evidence: `exact` (a pattern of the entry matched, or the REPORT figures
   * show its problem), `named` (an error name or code the entry answers to), `text` (text
   * relevance only: a candidate, never a certainty).
   */
  tier: Tier;
  /** For a name other entries answer to as well: how to tell whether this entry is the one. */
  tells: string[];
}

export type Tier = 'exact' | 'named' | 'text';

export type SignalKind = 'out-of-memory' | 'timeout' | 'cold-start' | 'over-provisioned';

/** Something the REPORT figures show, independently of any message. */
export interface Signal {
  kind: SignalKind;
  /** The entry that explains it. */
  entryId: string;
  /** The entry's title and URL, when the index has it. */
  entry?: { id: string; title: string; url: string };
  /** One sentence a reader can act on. */
  message: string;
  /** Invocations showing it. */
  count: number;
  /** Set when another line of the paste explains it (the init timed out first): it then weighs less. */
  consequence?: boolean;
  evidence: string[];
  values: Record<string, string>;
}

/** The REPORT figures of the paste and what they show. */
export interface ReportAnalysis extends ReportSummary {
  signals: Signal[];
}

export interface Diagnosis {
  /** Entries best first. Empty when nothing matched. */
  matches: Match[];
  /** The tier of the best match, or `none`. */
  tier: Tier | 'none';
  /**
   * The best match, when the evidence is strong enough to send the reader straight there: exact or
   * named evidence, not only a name several entries share, not only an advisory figure (cold
   * starts, over-provisioned memory), and at least twice the score of the next match.
   */
  confident?: Match;
  /** The paste is Lambda's own log lines and none shows a problem: the figures are the answer. */
  healthy: boolean;
  /** Present when the paste had REPORT lines (text or JSON platform.report). */
  report?: ReportAnalysis;
  /** What the engine could not do or chose not to: caps reached, binary input, broken patterns. */
  notes: string[];
  stats: { lines: number; records: number; requests: number };
}

/* ------------------------------------------------------------------------------------------------
 * Matching and scoring
 * ---------------------------------------------------------------------------------------------- */

/** Evidence weights; see README.md. */
export const weights = {
  errorType: 4,
  /** An error type that every runtime uses for everything (`Error`) says little. */
  genericErrorType: 1,
  outOfMemory: 7,
  timeout: 7,
  /** Cold starts: 2 plus 2 × their share of invocations. */
  coldStartBase: 2,
  coldStartShare: 2,
  overProvisioned: 2.5,
  /** A failure explained by another line of the paste (an invocation timed out because its init did). */
  consequence: 3,
  /**
   * Node.js's `Uncaught Exception` logged with the request id `undefined`: the module's top level
   * threw during init. Below an error type of its own (Runtime.ImportModuleError names its entry),
   * above a generic one (`Error`, `TypeError`).
   */
  initUncaught: 3,
  /** The best text-relevance candidate; the others in proportion to their relevance. Below any name. */
  text: 1.5,
} as const;

/**
 * When REPORT figures are a problem rather than a fact of life (README.md says why):
 * - an Init Duration of 1 s or more: AWS describes cold starts as taking from under 100 ms to over 1 s;
 * - memory over-provisioned: peak use under 30% of a Memory Size above the 128 MB minimum.
 */
export const thresholds = {
  slowInitMs: 1000,
  overProvisionedShare: 0.3,
  smallestMemoryMB: 128,
} as const;

/** How many text-relevance candidates a diagnosis offers. */
const maxTextCandidates = 8;

/** How much repeats add: ×(1 + 0.125·log2 n), at most ×1.5 (from 16 repeats on). */
export function repeatFactor(count: number): number {
  return 1 + 0.125 * Math.min(Math.log2(Math.max(count, 1)), 4);
}

/** An entry's score from its evidence contributions: the best, plus half the second, plus a quarter of the third. */
export function combineContributions(contributions: readonly number[]): number {
  const [first = 0, second = 0, third = 0] = [...contributions].sort((a, b) => b - a);
  return first + 0.5 * second + 0.25 * third;
}

const maxEvidenceLines = 5;
const maxRequestIds = 20;
const maxEvidenceChars = 500;

interface EvidenceItem {
  reason: (count: number) => string;
  weight: number;
  records: number;
}

class EntryTally {
  readonly items = new Map<string, EvidenceItem>();
  readonly evidence = new Map<string, string>();
  readonly values: Record<string, string> = {};
  readonly requestIds = new Set<string>();
  readonly records = new Set<number>();
  readonly tells = new Set<string>();
  /** Evidence kinds seen: a pattern or a problem signal (exact), a name, advisory figures. */
  exact = false;
  /** A pattern, or a signal that something failed (not an advisory figure). */
  problem = false;
  named = false;
  /** Named evidence that no other entry shares. */
  ownName = false;
  textScore = 0;
  /** The most this entry may score, when another entry explains its evidence (see explainInitReports). */
  ceiling = Number.POSITIVE_INFINITY;

  add(key: string, weight: number, reason: (count: number) => string): void {
    const item = this.items.get(key);
    if (item) item.records++;
    else this.items.set(key, { reason, weight, records: 1 });
  }

  addLine(raw: string): void {
    if (this.evidence.size >= maxEvidenceLines * 4) return;
    const key = normaliseLine(raw);
    if (!this.evidence.has(key))
      this.evidence.set(key, raw.length > maxEvidenceChars ? `${raw.slice(0, maxEvidenceChars)}…` : raw);
  }

  addValues(values: Record<string, string | undefined> | undefined): void {
    if (!values) return;
    for (const [name, value] of Object.entries(values))
      if (value !== undefined && !(name in this.values)) this.values[name] = value;
  }

  addRecord(position: number, requestId: string | undefined): void {
    this.records.add(position);
    if (requestId && this.requestIds.size < maxRequestIds) this.requestIds.add(requestId);
  }

  score(): number {
    const score = combineContributions(
      [...this.items.values()].map((item) => item.weight * repeatFactor(item.records)),
    );
    return Math.min(score, this.ceiling);
  }
}

/** The line of a record a match starts on. */
function lineAt(record: LogRecord, index: number): string {
  let line = 0;
  for (let i = record.text.indexOf('\n'); i !== -1 && i < index; i = record.text.indexOf('\n', i + 1)) line++;
  return record.lines[line]?.raw ?? record.lines[0]?.raw ?? '';
}

const errorTypeFields = /"(?:errorType|error|error_type|Error)"\s{0,4}:\s{0,4}"([A-Za-z][\w.$]{0,127})"/g;
const errorTypeLabels = /(?:Error Type:|errorType=)\s{0,4}([A-Za-z][\w.$]{0,127})/g;
const pythonErrorLine = /^\[ERROR\]\s{1,8}([A-Za-z][\w.]{0,127})(?::|\s*$)/gm;

/**
 * The names a record carries: error types stated as such (an `errorType` field, an `Error Type:`
 * label, a Python `[ERROR] X:` line), generic ones included; and every name or code of the entries
 * found as a whole token anywhere, inside whatever the SDK or tool wrapped it in.
 */
function findRecordNames(text: string, compiledIndex: CompiledIndex): Map<string, number> {
  const found = findNames(text, compiledIndex.names);
  if (text.includes('rror')) {
    for (const pattern of [errorTypeFields, errorTypeLabels, pythonErrorLine]) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const type = match[1] ?? '';
        if (compiledIndex.errorTypes.has(type) && !found.has(type)) found.set(type, match.index);
      }
    }
  }
  return found;
}

function describePattern(source: string): string {
  return source.length > 60 ? `${source.slice(0, 57)}…` : source;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/* ------------------------------------------------------------------------------------------------
 * Signals from REPORT lines
 * ---------------------------------------------------------------------------------------------- */

interface ReportSeen {
  report: ReportLine;
  raw: string;
}

/** The entry for an init that failed, and the Node.js runtime's label for an error outside any invocation. */
const initErrorEntryId = 'init-phase-error';
const uncaughtException = /^\s*Uncaught Exception\b/;

const initTimedOutAtInvoke =
  /INIT_REPORT[^\n]{0,200}Phase:\s{0,4}invoke[^\n]{0,100}Status:\s{0,4}timeout|"platform\.initReport"[^\n]{0,200}"phase":\s?"invoke"[^\n]{0,100}"status":\s?"timeout"/;
const taskTimedOut = /Task timed out after (\d{1,4}(?:\.\d{1,3})?) seconds/;

function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function formatMs(value: number): string {
  return `${round(value, value < 100 ? 2 : 0).toLocaleString('en')} ms`;
}

function findSignals(
  reports: readonly ReportSeen[],
  records: readonly LogRecord[],
  summary: ReportSummary,
): Omit<Signal, 'entry'>[] {
  const signals: Omit<Signal, 'entry'>[] = [];
  const evidenceOf = (seen: readonly ReportSeen[]) => {
    const lines = new Map<string, string>();
    for (const { raw } of seen) {
      if (lines.size >= 3) break;
      const key = normaliseLine(raw);
      if (!lines.has(key)) lines.set(key, raw);
    }
    return [...lines.values()];
  };

  const outOfMemory = reports.filter(
    ({ report }) => report.memorySizeMB > 0 && report.maxMemoryUsedMB >= report.memorySizeMB,
  );
  const first = outOfMemory[0]?.report;
  if (first) {
    signals.push({
      kind: 'out-of-memory',
      entryId: 'out-of-memory',
      message: `${plural(outOfMemory.length, 'invocation')} used all the memory configured (Max Memory Used ${first.maxMemoryUsedMB} MB of Memory Size ${first.memorySizeMB} MB): the function ran out of memory.`,
      count: outOfMemory.length,
      evidence: evidenceOf(outOfMemory),
      values: { memorySizeMB: String(first.memorySizeMB), maxMemoryUsedMB: String(first.maxMemoryUsedMB) },
    });
  }

  // Timeouts: a timeout status, or a duration at the value a "Task timed out" line gives.
  const timedOutSeconds = new Map<string, number>();
  let lowestTimeout: number | undefined;
  for (const record of records) {
    if (!record.text.includes('Task timed out')) continue;
    const seconds = Number(taskTimedOut.exec(record.text)?.[1]);
    if (!Number.isFinite(seconds)) continue;
    if (record.requestId) timedOutSeconds.set(record.requestId, seconds);
    lowestTimeout = Math.min(lowestTimeout ?? seconds, seconds);
  }
  const timeouts = reports.filter(({ report }) => {
    if (report.status === 'timeout') return true;
    const seconds = (report.requestId && timedOutSeconds.get(report.requestId)) || lowestTimeout;
    return seconds !== undefined && report.durationMs >= Math.floor(seconds) * 1000;
  });
  const timedOut = timeouts[0]?.report;
  if (timedOut) {
    const seconds = (timedOut.requestId && timedOutSeconds.get(timedOut.requestId)) || lowestTimeout;
    const values: Record<string, string> = { durationMs: String(timedOut.durationMs) };
    if (seconds !== undefined) values.timeoutSeconds = String(Math.floor(seconds));
    // A suppressed init that timed out (INIT_REPORT … Phase: invoke … Status: timeout) spends the
    // invocation's timeout: the invocation's timeout is its consequence, not a second finding.
    const afterInit = records.some((record) => initTimedOutAtInvoke.test(record.text));
    signals.push({
      kind: 'timeout',
      entryId: 'task-timed-out',
      ...(afterInit ? { consequence: true } : {}),
      message: `${plural(timeouts.length, 'invocation')} ran until the function's timeout${seconds !== undefined ? ` (${Math.floor(seconds)} s)` : ''} and ${timeouts.length === 1 ? 'was' : 'were'} stopped${afterInit ? ', after the init phase had timed out in the same invocation' : ''}.`,
      count: timeouts.length,
      evidence: evidenceOf(timeouts),
      values,
    });
  }

  // A timeout, an error status or exhausted memory outranks what the same invocation says about cold starts or cost.
  const failed = new Set([...outOfMemory, ...timeouts]);
  const fine = reports.filter((seen) => !failed.has(seen) && (seen.report.status ?? 'success') === 'success');
  const coldStarts = fine.filter(({ report }) => report.initDurationMs !== undefined);
  const slowestInit = Math.max(0, ...coldStarts.map(({ report }) => report.initDurationMs ?? 0));
  if (coldStarts.length > 0 && summary.initDurationMs && slowestInit >= thresholds.slowInitMs) {
    const share = `${round(summary.coldStartShare * 100)}%`;
    signals.push({
      kind: 'cold-start',
      entryId: 'slow-cold-starts',
      message: `${plural(coldStarts.length, 'invocation')} of ${summary.invocations.toLocaleString('en')} (${share}) ${coldStarts.length === 1 ? 'was a cold start' : 'were cold starts'}; Init Duration p50 ${formatMs(summary.initDurationMs.p50)}, max ${formatMs(summary.initDurationMs.max)}.`,
      count: coldStarts.length,
      evidence: evidenceOf(coldStarts),
      values: {
        coldStarts: String(coldStarts.length),
        invocations: String(summary.invocations),
        coldStartShare: share,
        initDurationP50Ms: String(summary.initDurationMs.p50),
        initDurationMaxMs: String(summary.initDurationMs.max),
      },
    });
  }

  if (
    fine.length === reports.length &&
    summary.memorySizeMB > thresholds.smallestMemoryMB &&
    summary.maxMemoryUsedShare < thresholds.overProvisionedShare
  ) {
    const peak = reports.reduce<ReportSeen | undefined>(
      (best, seen) =>
        !best ||
        seen.report.maxMemoryUsedMB / seen.report.memorySizeMB > best.report.maxMemoryUsedMB / best.report.memorySizeMB
          ? seen
          : best,
      undefined,
    );
    const share = `${round(summary.maxMemoryUsedShare * 100)}%`;
    signals.push({
      kind: 'over-provisioned',
      entryId: 'high-lambda-cost',
      message: `Max Memory Used never went above ${share} of Memory Size (${summary.maxMemoryUsedMB} MB of ${summary.memorySizeMB} MB) over ${plural(summary.invocations, 'invocation')}: memory, and so cost, is over-provisioned.`,
      count: summary.invocations,
      evidence: peak ? [peak.raw] : [],
      values: {
        memorySizeMB: String(summary.memorySizeMB),
        maxMemoryUsedMB: String(summary.maxMemoryUsedMB),
        maxMemoryUsedShare: share,
      },
    });
  }
  return signals;
}

function signalWeight(signal: Omit<Signal, 'entry'>, summary: ReportSummary): number {
  switch (signal.kind) {
    case 'out-of-memory':
      return weights.outOfMemory;
    case 'timeout':
      return signal.consequence ? weights.consequence : weights.timeout;
    case 'cold-start':
      return weights.coldStartBase + weights.coldStartShare * summary.coldStartShare;
    case 'over-provisioned':
      return weights.overProvisioned;
  }
}

/* ------------------------------------------------------------------------------------------------
 * diagnose
 * ---------------------------------------------------------------------------------------------- */

/** Signals that say something could be better, not that something failed: they never make a match confident. */
const advisorySignals: ReadonlySet<SignalKind> = new Set(['cold-start', 'over-provisioned']);

/** The text a record offers the patterns: a REPORT line is read by the report reader, not by entry patterns. */
function patternText(record: LogRecord): string {
  if (!record.report) return record.text;
  const newline = record.text.indexOf('\n');
  return newline === -1 ? '' : record.text.slice(newline + 1);
}

const phaseReport = /^(INIT_REPORT|RESTORE_REPORT)\b.*?(?:Init|Restore) Duration:\s{0,4}(\d+(?:\.\d+)?) ms/;
const jsonPhaseReport =
  /"type"\s{0,4}:\s{0,4}"platform\.(initReport|restoreReport)"[^\n]{0,400}?"durationMs"\s{0,4}:\s{0,4}(\d+(?:\.\d+)?)/;

/** Says that Lambda's lines show no problem, with the figures they carry. */
function healthyNote(paste: ParsedPaste, report: ReportAnalysis | undefined): string {
  const figures: string[] = [];
  if (report) {
    figures.push(
      `${plural(report.invocations, 'invocation')}, duration p50 ${formatMs(report.durationMs.p50)} and max ${formatMs(report.durationMs.max)}, Max Memory Used ${report.maxMemoryUsedMB} MB of ${report.memorySizeMB} MB`,
    );
    if (report.initDurationMs)
      figures.push(
        `${plural(report.coldStarts, 'cold start')} with Init Duration up to ${formatMs(report.initDurationMs.max)}`,
      );
  }
  for (const record of paste.records) {
    const line = record.lines[0]?.body.trim() ?? '';
    const phase = phaseReport.exec(line) ?? jsonPhaseReport.exec(line);
    if (phase && figures.length < 6) {
      const name = phase[1]?.startsWith('INIT') || phase[1] === 'initReport' ? 'init' : 'restore';
      figures.push(`a successful ${name} phase of ${formatMs(Number(phase[2]))}`);
    }
  }
  return `These are Lambda's own log lines and none reports a problem${figures.length > 0 ? `: ${figures.join('; ')}` : ''}. Cold starts count as slow from an Init Duration of ${formatMs(thresholds.slowInitMs)}.`;
}

/** Whether two entries would show the same score (as rounded in the Diagnosis), so that their order needs a tie-break. */
function hasTiedScores(tallies: ReadonlyMap<number, EntryTally>): boolean {
  const seen = new Set<number>();
  for (const entryTally of tallies.values()) {
    const score = round(entryTally.score(), 2);
    if (seen.has(score)) return true;
    seen.add(score);
  }
  return false;
}

/** Matches one parsed paste against a compiled index. */
export function diagnoseParsed(paste: ParsedPaste, compiledIndex: CompiledIndex, query?: string): Diagnosis {
  const { entries, patterns } = compiledIndex;
  const tallies = new Map<number, EntryTally>();
  const tally = (entry: number) => {
    let found = tallies.get(entry);
    if (!found) {
      found = new EntryTally();
      tallies.set(entry, found);
    }
    return found;
  };

  const reports: ReportSeen[] = [];
  let loud = 0;
  const initErrorEntry = compiledIndex.byId.get(initErrorEntryId);
  paste.records.forEach((record, position) => {
    if (record.report) reports.push({ report: record.report, raw: record.lines[0]?.raw ?? '' });
    if (record.quiet) return;
    const { text } = record;
    const matchable = patternText(record);
    if (matchable.trim() !== '') loud++;
    // One scan of the record for every pattern's literals; then only the patterns whose literal occurs run.
    const passes = matchable === '' ? undefined : compiledIndex.scan(matchable);
    const candidates = matchable === '' ? [] : passes ? patterns : compiledIndex.unfiltered;
    const hits: { pattern: CompiledPattern; match: RegExpExecArray }[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const pattern = candidates[i] as CompiledPattern;
      if (passes && !passes(i)) continue;
      const match = pattern.regex.exec(matchable);
      if (match) hits.push({ pattern, match });
    }
    const names = [...findRecordNames(text, compiledIndex)].map(([name, index]) => {
      const owners = ownersOf(name, compiledIndex.names);
      return {
        name,
        index,
        owners: owners.length > 0 ? owners : (compiledIndex.errorTypes.get(name) ?? []).map((entry) => ({ entry })),
      };
    });
    // Entries whose match here is a general form (an unhandled rejection around its reason, a bare
    // "is not authorized to perform", a stack frame in the handler) in an event that another entry
    // names more precisely, by a pattern or by a name of its own that is not a catch-all: that
    // entry is the answer, and the general match (and its names, below) counts only as a consequence.
    const yieldingEntries = new Map<number, string>();
    for (const { pattern } of hits) {
      if (!pattern.yields || yieldingEntries.has(pattern.entry)) continue;
      const general = pattern.entry;
      const precise = hits.some((other) => !other.pattern.yields && other.pattern.entry !== general);
      // A name the general entry answers to as well points to it, not away from it.
      const preciseName = names.find(
        ({ name, owners }) =>
          !genericErrorTypes.has(name) && owners.length > 0 && !owners.some((owner) => owner.entry === general),
      );
      if (precise) yieldingEntries.set(general, 'another entry’s pattern names the problem more precisely');
      else if (preciseName) yieldingEntries.set(general, `${preciseName.name} names the problem more precisely`);
    }
    for (const { pattern, match } of hits) {
      const yielded = pattern.yields ? yieldingEntries.get(pattern.entry) : undefined;
      const entryTally = tally(pattern.entry);
      entryTally.exact = true;
      entryTally.problem = true;
      entryTally.add(
        `${yielded ? 'yielded' : 'pattern'}:${pattern.source}`,
        yielded ? Math.min(pattern.weight, weights.consequence) : pattern.weight,
        (count) =>
          `Pattern /${describePattern(pattern.source)}/ matched ${plural(count, 'log event')}${yielded ? `, in which ${yielded}` : ''}.`,
      );
      entryTally.addLine(lineAt(record, match.index + (text.length - matchable.length)));
      entryTally.addValues(match.groups);
      entryTally.addRecord(position, record.requestId);
    }
    for (const { name, index, owners: ownerIds } of names) {
      const weight =
        (genericErrorTypes.has(name) ? weights.genericErrorType : weights.errorType) / Math.max(ownerIds.length, 1);
      const others = ownerIds.length - 1;
      for (const owner of ownerIds) {
        if (yieldingEntries.has(owner.entry)) continue;
        const entryTally = tally(owner.entry);
        entryTally.named = true;
        if (others === 0 && !genericErrorTypes.has(name)) entryTally.ownName = true;
        if ('tell' in owner && owner.tell) entryTally.tells.add(owner.tell);
        entryTally.add(
          `name:${name}`,
          weight,
          (count) =>
            `${name} named in ${plural(count, 'log event')}${others > 0 ? ` (${plural(others, 'other entry', 'other entries')} answer${others === 1 ? 's' : ''} to it too)` : ''}.`,
        );
        entryTally.addLine(lineAt(record, index));
        entryTally.addValues({ errorType: name });
        entryTally.addRecord(position, record.requestId);
      }
    }
    if (initErrorEntry !== undefined && record.beforeInvocation && uncaughtException.test(text)) {
      const entryTally = tally(initErrorEntry);
      entryTally.exact = true;
      entryTally.problem = true;
      entryTally.add(
        'init:uncaught',
        weights.initUncaught,
        (count) =>
          `${plural(count, 'log event')} logged an Uncaught Exception with the request id undefined: code at the module's top level threw during init.`,
      );
      entryTally.addLine(lineAt(record, 0));
      entryTally.addRecord(position, record.requestId);
    }
  });

  const summary = summariseReports(reports.map(({ report }) => report));
  let report: ReportAnalysis | undefined;
  if (summary) {
    const signals: Signal[] = findSignals(reports, paste.records, summary).map((signal) => {
      const position = compiledIndex.byId.get(signal.entryId);
      const entry = position === undefined ? undefined : entries[position];
      if (!entry || position === undefined) return signal;
      const entryTally = tally(position);
      entryTally.exact = true;
      if (!advisorySignals.has(signal.kind)) entryTally.problem = true;
      const weight = signalWeight(signal, summary);
      entryTally.add(`signal:${signal.kind}`, weight, () => signal.message);
      // The signal counts once per invocation showing it, bounded like any repeat.
      const item = entryTally.items.get(`signal:${signal.kind}`);
      if (item) item.records = Math.max(item.records, signal.count);
      for (const line of signal.evidence) entryTally.addLine(line);
      entryTally.addValues(signal.values);
      return { ...signal, entry: { id: entry.id, title: entry.title, url: entry.url } };
    });
    report = { ...summary, signals };
  }

  explainInitReports(tallies, initErrorEntry, entries, paste.records);

  // The text tier: what a reader typed or a fragment of a message, when nothing above caught it,
  // or to order entries tied on a name they share. Never on Lambda's own log lines alone.
  const textQuery = query !== undefined && query.length <= maxTextQuery ? query : undefined;
  let usedText = false;
  // Where other evidence decided, the text's relevance only breaks ties between equal scores: with
  // no tie it would change nothing, so the search (and, on a first paste, building its index) is skipped.
  const candidatesOnly = tallies.size === 0 && !report;
  if (textQuery !== undefined && loud > 0 && (candidatesOnly || hasTiedScores(tallies))) {
    const hits = searchText(textQuery, compiledIndex.text());
    const best = hits[0]?.score ?? 0;
    if (candidatesOnly) {
      // Candidates only, within reach of the best one, scored below any named or exact evidence.
      for (const hit of hits.slice(0, maxTextCandidates)) {
        if (hit.score < best * 0.25) break;
        const entryTally = tally(hit.entry);
        entryTally.textScore = hit.score / best;
        entryTally.add(
          'text',
          weights.text * (hit.score / best),
          () => `The words ${hit.terms.map((term) => `“${term}”`).join(', ')} appear in the entry.`,
        );
        usedText = true;
      }
    } else {
      for (const hit of hits) {
        const entryTally = tallies.get(hit.entry);
        if (entryTally) entryTally.textScore = hit.score / best;
      }
    }
  }

  const matches: (Match & { textScore: number })[] = [];
  const confidentCandidates = new Set<string>();
  for (const [position, entryTally] of tallies) {
    const entry = entries[position];
    if (!entry) continue;
    const tier: Tier = entryTally.exact ? 'exact' : entryTally.named ? 'named' : 'text';
    if (entryTally.problem || entryTally.ownName) confidentCandidates.add(entry.id);
    matches.push({
      id: entry.id,
      title: entry.title,
      url: entry.url,
      score: round(entryTally.score(), 2),
      evidence: [...entryTally.evidence.values()].slice(0, maxEvidenceLines),
      values: entryTally.values,
      occurrences: Math.max(entryTally.records.size, ...[...entryTally.items.values()].map((item) => item.records)),
      requestIds: [...entryTally.requestIds],
      reasons: [...entryTally.items.values()]
        .sort((a, b) => b.weight * repeatFactor(b.records) - a.weight * repeatFactor(a.records))
        .map((item) => item.reason(item.records)),
      tier,
      tells: [...entryTally.tells],
      textScore: entryTally.textScore,
    });
  }
  // Equal scores (a name several entries share) are ordered by how well the words of the paste fit each entry.
  matches.sort((a, b) => b.score - a.score || b.textScore - a.textScore || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: Match[] = matches.map(({ textScore: _textScore, ...match }) => match);

  const notes = [...paste.notes, ...compiledIndex.problems];
  // Only Lambda's own lines, none reporting a failure: that is the answer.
  const healthy = ranked.length === 0 && loud === 0 && paste.records.length > 0;
  if (paste.lineCount === 0) notes.push('The paste is empty: paste an error message or some log lines.');
  else if (ranked.length === 0 && !report)
    notes.push(
      'Nothing in the paste matches a known error. Try pasting the full error message or the lines around it.',
    );

  if (healthy) notes.unshift(healthyNote(paste, report));

  const [first, second] = ranked;
  const diagnosis: Diagnosis = {
    matches: ranked,
    tier: usedText ? 'text' : (first?.tier ?? 'none'),
    healthy,
    notes,
    stats: { lines: paste.lineCount, records: paste.records.length, requests: paste.requestIds.size },
  };
  if (first && confidentCandidates.has(first.id) && (!second || first.score >= second.score * 2))
    diagnosis.confident = first;
  if (report) diagnosis.report = report;
  return diagnosis;
}

/**
 * A failed INIT_REPORT is Lambda's record that init failed, not why. When the paste also shows why,
 * in a log event outside any invocation (where init's own errors are logged) that an entry about
 * the init phase recognises (an import error, a missing handler, a syntax error), that entry is the
 * answer: the init-failure entry keeps its place in the list but scores no more than a consequence.
 */
function explainInitReports(
  tallies: ReadonlyMap<number, EntryTally>,
  initErrorEntry: number | undefined,
  entries: readonly IndexEntry[],
  records: readonly LogRecord[],
): void {
  const initTally = initErrorEntry === undefined ? undefined : tallies.get(initErrorEntry);
  if (!initTally) return;
  const outsideInvocations = (position: number) => {
    const record = records[position];
    return record !== undefined && (record.requestId === undefined || record.beforeInvocation === true);
  };
  const explained = [...tallies].some(
    ([position, other]) =>
      position !== initErrorEntry &&
      other.problem &&
      entries[position]?.phase === 'init' &&
      [...other.records].some(outsideInvocations),
  );
  if (!explained) return;
  initTally.ceiling = weights.consequence;
  initTally.add('init:explained', 0, () => 'The paste also shows what made init fail: see the entry ranked above.');
}

/**
 * Reads a pasted error or log and finds the entries that explain it, best first, with the REPORT
 * figures when there are any. Never throws: bad input gives an empty Diagnosis with `notes`.
 */
export function diagnose(text: string, index: ErrorIndex | CompiledIndex): Diagnosis {
  try {
    const compiledIndex = 'patterns' in index && 'byId' in index ? index : compileIndex(index);
    return diagnoseParsed(parsePaste(text), compiledIndex, typeof text === 'string' ? text : undefined);
  } catch (error) {
    // A bug must not take the page down with it: report it as a note instead.
    return {
      matches: [],
      tier: 'none',
      healthy: false,
      notes: [`The lookup failed on this paste: ${(error as Error)?.message ?? String(error)}`],
      stats: { lines: 0, records: 0, requests: 0 },
    };
  }
}
