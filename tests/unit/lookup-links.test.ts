import { describe, expect, it } from 'vitest';
import { lookupQuery } from '../../src/alarms/render';
import { diagnose } from '../../src/lookup/index';
import { loadIndex, loadValidEntries } from './support/lookup';

/**
 * The lookup links the site writes into alarm descriptions and runbooks are a public API: each
 * must land on the entry that wrote it. (The end-to-end test checks the same over the built site.)
 */
describe('alarm lookup links land on their entry', () => {
  const index = loadIndex();
  const withAlarms = loadValidEntries().entries.filter((entry) => (entry.alarms ?? []).length > 0);

  it.each(withAlarms.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    const query = lookupQuery(entry);
    const top = diagnose(query, index).matches[0];
    expect(top?.id, `?q=${query} → ${top?.id} (${top?.reasons.join(' ')})`).toBe(entry.id);
  });
});
