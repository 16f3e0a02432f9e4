/**
 * `npm run stale`: what needs a fresh look, oldest first — error entries not reviewed for 180 days
 * (their `reviewed` date) and registered facts not checked against their source for a year (their
 * `checked` date in src/data/facts.ts, and the runtime calendar's). `--today=YYYY-MM-DD` pretends
 * another day; `--fail` exits with status 1 when anything is listed (for a scheduled CI job).
 */
import { facts } from '../src/data/facts.ts';
import { runtimeCalendarSource } from '../src/data/runtime-calendar.ts';
import { readEntryFiles } from '../src/schema/files.ts';

export interface Dated {
  kind: 'entry' | 'fact';
  /** The entry's file or the fact's id. */
  name: string;
  /** The day it was last reviewed or checked (ISO date). */
  date: string;
}

export interface StaleItem extends Dated {
  ageDays: number;
}

export const limits = { entry: 180, fact: 365 } as const;

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** The items older than their kind's limit on `today`, oldest first (then by name). */
export function findStale(items: readonly Dated[], today: string, maxAge = limits): StaleItem[] {
  const now = toDay(today);
  return items
    .map((item) => ({ ...item, ageDays: Math.floor((now - toDay(item.date)) / dayMs) }))
    .filter((item) => item.ageDays > maxAge[item.kind])
    .sort((a, b) => b.ageDays - a.ageDays || a.name.localeCompare(b.name));
}

/** Every entry's reviewed date and every fact's checked date, read from the repository. */
export function collectDated(root = process.cwd()): Dated[] {
  const entries = readEntryFiles(root).map(({ file, data }) => {
    const reviewed = (data as { reviewed?: unknown } | undefined)?.reviewed;
    const date = reviewed instanceof Date ? reviewed.toISOString() : String(reviewed ?? '1970-01-01');
    return { kind: 'entry' as const, name: file, date: date.slice(0, 10) };
  });
  const registered = Object.entries(facts).map(([id, fact]) => ({
    kind: 'fact' as const,
    name: id,
    date: fact.checked,
  }));
  const calendar = { kind: 'fact' as const, name: 'runtime-calendar', date: runtimeCalendarSource.checked };
  return [...entries, ...registered, calendar];
}

export function formatStale(items: readonly StaleItem[], today: string): string {
  if (items.length === 0) {
    return `Nothing stale on ${today}: every entry was reviewed within ${limits.entry} days and every fact checked within ${limits.fact}.`;
  }
  const lines = items.map(
    (item) => `${item.date}  ${String(item.ageDays).padStart(4)} days  ${item.kind.padEnd(5)}  ${item.name}`,
  );
  return [
    `${items.length} stale on ${today} (entries after ${limits.entry} days, facts after ${limits.fact}), oldest first:`,
    ...lines,
  ].join('\n');
}

if (import.meta.main) {
  const todayArgument = process.argv.find((argument) => argument.startsWith('--today='))?.slice('--today='.length);
  const today = todayArgument ?? new Date().toISOString().slice(0, 10);
  if (Number.isNaN(toDay(today))) {
    console.error(`--today must be a date such as 2026-11-30, got "${today}"`);
    process.exit(2);
  }
  const stale = findStale(collectDated(), today);
  console.log(formatStale(stale, today));
  if (process.argv.includes('--fail') && stale.length > 0) process.exitCode = 1;
}
