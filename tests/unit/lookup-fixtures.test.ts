import { describe, expect, it } from 'vitest';
import { type Diagnosis, diagnose } from '../../src/lookup/index';
import { loadIndex, loadValidEntries } from './support/lookup';
import { loadPastes, loadQueries } from './support/pastes';

/**
 * The lookup against real material: every pasted line in tests/fixtures/pastes/ and every typed
 * query in tests/fixtures/queries/, whoever collected it. Top-1 is reported per file and overall,
 * every miss is printed with why, and lines whose intended entry does not exist yet are skipped,
 * counted and named (entries are being written meanwhile).
 */
const index = loadIndex();
const ids = new Set(index.entries.map((entry) => entry.id));

interface Judged {
  file: string;
  line: number;
  intended: string;
  hit: boolean;
  reason: string;
}

function explain(diagnosis: Diagnosis, intended: string): string {
  const { matches } = diagnosis;
  const top = matches[0];
  if (!top) return `nothing matched (${diagnosis.notes.join(' ') || 'no note'})`;
  const rank = matches.findIndex((match) => match.id === intended) + 1;
  const describeMatch = (position: number) => {
    const match = matches[position];
    return match ? `${match.id} (${match.tier}, score ${match.score}: ${match.reasons.join(' ')})` : '';
  };
  return rank === 0
    ? `${describeMatch(0)} came first; nothing pointed to ${intended}`
    : `ranked ${rank}: ${describeMatch(0)} beat ${describeMatch(rank - 1)}`;
}

function summarise(kind: string, judged: Judged[], skipped: { file: string; line: number; intended: string }[]) {
  const files = [...new Set([...judged.map(({ file }) => file), ...skipped.map(({ file }) => file)])].sort();
  const rate = (list: Judged[]) => (list.length === 0 ? 1 : list.filter(({ hit }) => hit).length / list.length);
  const figure = (list: Judged[]) =>
    `${list.filter(({ hit }) => hit).length}/${list.length} = ${(rate(list) * 100).toFixed(1)}%`;
  const lines = [
    `${kind}: top-1 ${figure(judged)} overall`,
    ...files.map(
      (file) =>
        `  ${file}: ${figure(judged.filter((item) => item.file === file))}, ${skipped.filter((item) => item.file === file).length} skipped`,
    ),
    `  skipped for a missing entry: ${skipped.length}${skipped.length ? ` (${[...new Set(skipped.map(({ intended }) => intended))].join(', ')})` : ''}`,
    ...judged
      .filter(({ hit }) => !hit)
      .map((miss) => `  MISS ${miss.file}:${miss.line} → ${miss.intended}: ${miss.reason}`),
  ];
  console.log(lines.join('\n'));
  return rate(judged);
}

describe('real pastes land on their entry', () => {
  const pastes = loadPastes();
  const problems = pastes.filter((paste) => paste.entry !== null);
  const healthy = pastes.filter((paste) => paste.entry === null);

  it('ranks the intended entry first for at least 95% of the pasted lines whose entry exists', () => {
    const { invalid } = loadValidEntries();
    if (invalid.length > 0) console.log(`Entries left out because they do not validate: ${invalid.join(', ')}`);
    const judged: Judged[] = [];
    const skipped: { file: string; line: number; intended: string }[] = [];
    for (const paste of problems) {
      const intended = paste.entry ?? '';
      if (!ids.has(intended)) {
        skipped.push({ file: paste.file, line: paste.line, intended });
        continue;
      }
      const diagnosis = diagnose(paste.text, index);
      const hit = diagnosis.matches[0]?.id === intended;
      judged.push({
        file: paste.file,
        line: paste.line,
        intended,
        hit,
        reason: hit ? '' : explain(diagnosis, intended),
      });
    }
    const rate = summarise('Pastes', judged, skipped);
    expect(judged.length, 'no pasted line has an entry to land on').toBeGreaterThan(0);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('never raises a confident problem on healthy logs, and says they are healthy', () => {
    const raised = healthy.flatMap((paste) => {
      const diagnosis = diagnose(paste.text, index);
      return diagnosis.confident
        ? [
            `${paste.file}:${paste.line} [${paste.format}] → ${diagnosis.confident.id}: ${diagnosis.confident.reasons.join(' ')}`,
          ]
        : [];
    });
    console.log(`Healthy pastes: ${healthy.length}, confident problems raised: ${raised.length}`);
    expect(raised, raised.join('\n')).toEqual([]);
  });
});

describe('typed queries land on their entry', () => {
  it('ranks the intended entry first for at least 95% of the queries whose entry exists', () => {
    const judged: Judged[] = [];
    const skipped: { file: string; line: number; intended: string }[] = [];
    for (const query of loadQueries()) {
      if (!ids.has(query.entry)) {
        skipped.push({ file: query.file, line: query.line, intended: query.entry });
        continue;
      }
      const diagnosis = diagnose(query.q, index);
      const hit = diagnosis.matches[0]?.id === query.entry;
      judged.push({
        file: query.file,
        line: query.line,
        intended: query.entry,
        hit,
        reason: hit ? '' : `“${query.q}”: ${explain(diagnosis, query.entry)}`,
      });
    }
    const rate = summarise('Queries', judged, skipped);
    expect(judged.length, 'no query has an entry to land on').toBeGreaterThan(0);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});
