import { describe, expect, it } from 'vitest';
import type { ErrorEntry } from '../../src/schema/errors';
import { readEntryFiles } from '../../src/schema/files';
import { loadFixtureMessages, loadTopicMap } from './support/fixtures';

/**
 * Every entry's patterns must recognise the real messages of its topic, wrapped however logs wrap
 * them, and must not claim the messages of unrelated topics.
 */
const entries = readEntryFiles().map(({ data }) => data as ErrorEntry);
const byId = new Map(entries.map((entry) => [entry.id, entry]));
const { topics, ambiguous } = loadTopicMap();
const messages = loadFixtureMessages();

/**
 * Pairs of entries whose patterns may both match one line, because the line really is evidence
 * of both problems. Keep this short, and give the reason.
 */
const allowedOverlaps: Record<string, { entry: string; reason: string }[]> = {};

function matches(entry: ErrorEntry, text: string, { includeYielding = true } = {}): boolean {
  return entry.patterns.some(
    (pattern) => (includeYielding || !pattern.yields) && new RegExp(pattern.source, pattern.flags).test(text),
  );
}

const missingTopics = Object.entries(topics).filter(([, id]) => id !== null && !byId.has(id));

describe('fixture topics', () => {
  it('maps every topic in the fixtures file', () => {
    const unmapped = [...new Set(messages.map((message) => message.topic))].filter((topic) => !(topic in topics));
    expect(unmapped).toEqual([]);
  });

  it('explains every topic that no entry answers', () => {
    const unexplained = Object.entries(topics)
      .filter(([topic, id]) => id === null && !(topic in ambiguous))
      .map(([topic]) => topic);
    expect(unexplained).toEqual([]);
  });

  // Topics whose entry is not written yet stay visible as todos until it is.
  for (const [topic, id] of missingTopics) it.todo(`has an entry "${id}" for topic "${topic}"`);
});

describe.each(messages.map((message) => [`${message.topic} (line ${message.line})`, message] as const))(
  '%s',
  (_name, message) => {
    const intended = topics[message.topic];
    const entry = intended ? byId.get(intended) : undefined;

    it.skipIf(intended !== null && !entry)('is recognised by its entry and no unrelated one', () => {
      if (entry) expect(matches(entry, message.text), `${entry.id} should match:\n${message.text}`).toBe(true);
      const allowed = new Set((allowedOverlaps[intended ?? ''] ?? []).map((overlap) => overlap.entry));
      // A pattern marked `yields` (a general form, such as a traceback frame in the function's
      // code) steps aside when a precise pattern matches the same event, so it claims nothing
      // here as long as the intended entry's own, non-yielding pattern matches.
      const precise = entry !== undefined && matches(entry, message.text, { includeYielding: false });
      const intruders = entries
        .filter(
          (other) =>
            other.id !== intended &&
            !allowed.has(other.id) &&
            matches(other, message.text, { includeYielding: !precise }),
        )
        .map((other) => other.id);
      expect(intruders, `unrelated entries match:\n${message.text}`).toEqual([]);
    });
  },
);
