import { describe, expect, it } from 'vitest';
import { loadFixtureMessages, loadIndex, loadTopics, loadValidEntries } from '../../tests/unit/support/lookup';
import { diagnose } from './index';

/**
 * The promise of the lookup: paste a real message, land on its entry. Entries are still being
 * written, so the rate is computed over the fixture lines whose intended entry exists today, and
 * the lines skipped for a missing entry are counted and printed.
 */
const index = loadIndex();
const ids = new Set(index.entries.map((entry) => entry.id));
const topics = loadTopics();
const messages = loadFixtureMessages();

interface Outcome {
  line: number;
  topic: string;
  intended: string;
  rank: number;
  reason: string;
}

function judge(): { outcomes: Outcome[]; skipped: { line: number; intended: string }[]; signalOnly: number } {
  const outcomes: Outcome[] = [];
  const skipped: { line: number; intended: string }[] = [];
  let signalOnly = 0;
  for (const message of messages) {
    const intended = topics[message.topic];
    if (intended === null) {
      signalOnly++;
      continue;
    }
    if (intended === undefined || !ids.has(intended)) {
      skipped.push({ line: message.line, intended: intended ?? `(topic ${message.topic} unmapped)` });
      continue;
    }
    const { matches } = diagnose(message.text, index);
    const rank = matches.findIndex((match) => match.id === intended) + 1;
    const top = matches[0];
    let reason = 'ranked first';
    if (!top) reason = `nothing matched; no pattern of ${intended} recognises the text`;
    else if (rank === 0)
      reason = `${top.id} (score ${top.score}: ${top.reasons.join(' ')}) matched, and no evidence points to ${intended}`;
    else if (rank > 1) {
      const mine = matches[rank - 1];
      reason = `ranked ${rank}: ${top.id} scored ${top.score} (${top.reasons.join(' ')}) against ${mine?.score} (${mine?.reasons.join(' ')})`;
    }
    outcomes.push({ line: message.line, topic: message.topic, intended, rank, reason });
  }
  return { outcomes, skipped, signalOnly };
}

describe('fixture messages land on their entry', () => {
  const { outcomes, skipped, signalOnly } = judge();
  const misses = outcomes.filter((outcome) => outcome.rank !== 1);
  const rate = outcomes.length === 0 ? 1 : (outcomes.length - misses.length) / outcomes.length;

  it('ranks the intended entry first for at least 95% of the lines whose entry exists', () => {
    const { invalid } = loadValidEntries();
    console.log(
      [
        `Lookup hit rate: ${outcomes.length - misses.length}/${outcomes.length} = ${(rate * 100).toFixed(1)}%`,
        `Skipped for a missing entry: ${skipped.length} lines (${[...new Set(skipped.map((skip) => skip.intended))].join(', ') || 'none'})`,
        `Signal-only lines (no entry expected): ${signalOnly}`,
        invalid.length > 0 ? `Entries left out because they do not validate: ${invalid.join(', ')}` : '',
        ...misses.map((miss) => `  MISS line ${miss.line} [${miss.topic} → ${miss.intended}]: ${miss.reason}`),
      ]
        .filter(Boolean)
        .join('\n'),
    );
    expect(rate, misses.map((miss) => `line ${miss.line}: ${miss.reason}`).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('has some lines to judge', () => {
    // The model entry (task-timed-out) exists from the start, so at least its four lines are judged.
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
  });
});
