/**
 * The registry of facts (src/data/facts.ts) is the only place a limit, default, price or dated change
 * is written down. This test reads all content and names the file and line of every registered value
 * stated by hand; state it with `:fact[id]` (entry frontmatter) or `<Fact id="…" />` (MDX) instead.
 */
import { describe, expect, it } from 'vitest';
import { renderFactTokens } from '../../src/components/facts/html';
import {
  type Fact,
  factIds,
  facts,
  factText,
  factTokensToText,
  findHandStatedFacts,
  formatFactDate,
  getFact,
} from '../../src/data/facts';
import { scanContent, scanSource } from './support/fact-scan';

describe('fact registry', () => {
  it('gives every fact a source, a checked date and a mention its own text matches', () => {
    for (const id of factIds) {
      const fact: Fact = facts[id];
      expect(fact.source.url, id).toMatch(/^https:\/\//);
      expect(fact.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(fact.checked)), id).toBe(false);
      for (const change of fact.history ?? []) expect(change.source.url, id).toMatch(/^https:\/\//);
      // The statement says the value, so a reader of the title sees the same figure as the page.
      const stated = fact.mentions.some((mention) =>
        new RegExp(mention.pattern.source, mention.pattern.flags).test(fact.statement),
      );
      expect(stated, `${id}: its statement "${fact.statement}" should contain its value`).toBe(true);
    }
  });

  it('renders forms, the previous value and the since date, and refuses unknown ids and forms', () => {
    expect(factText('timeout-max')).toBe('900 seconds (15 minutes)');
    expect(factText('timeout-max', 'minutes')).toBe('15 minutes');
    expect(factText('timeout-max', 'previous')).toBe('300 seconds (5 minutes)');
    expect(factText('memory-max', 'since')).toBe('1 December 2020');
    expect(factText('payload-async', 'previous-2')).toBe('128 KB');
    expect(() => factText('timeout-max', 'hours')).toThrow(/no form "hours"/);
    expect(() => getFact('payload-synch')).toThrow(/Unknown fact "payload-synch"/);
    expect(formatFactDate('2025-10')).toBe('October 2025');
  });

  it('expands tokens to plain text', () => {
    expect(factTokensToText('Up to :fact[payload-sync] each way, :fact[timeout-max]{form=minutes} at most.')).toBe(
      'Up to 6 MB each way, 15 minutes at most.',
    );
  });

  it('renders a token as the value linked to its source, and an earlier value to its own source', () => {
    const html = renderFactTokens(
      'At most :fact[timeout-max]{form=seconds}; it was :fact[timeout-max]{form=previous}.',
    );
    expect(html).toContain(`<a class="lfg-fact" href="${facts['timeout-max'].source.url}"`);
    expect(html).toContain('>900 seconds</a>;');
    expect(html).toContain(`href="${facts['timeout-max'].history[0].source.url}"`);
    expect(html).toContain('>300 seconds (5 minutes)</a>.');
    expect(() => renderFactTokens(':fact[no-such-fact]')).toThrow(/Unknown fact/);
  });

  it('recognises a value by its unit and the words around it, not the bare number', () => {
    const ids = (text: string) => findHandStatedFacts(text).map((hit) => hit.id);
    expect(ids('The response payload is limited to 6 MB.')).toEqual(['payload-sync']);
    expect(ids('The layer weighs 6 MB on disk. The request failed.')).toEqual([]);
    expect(ids('Set the timeout to 900 seconds.')).toEqual(['timeout-max']);
    expect(ids('We waited 900 ms.')).toEqual([]);
    expect(ids('Each Region allows 1,000 concurrent executions by default (concurrency).')).toEqual([
      'concurrency-default',
    ]);
    expect(ids('The table has 1,000 rows.')).toEqual([]);
    expect(ids('Functions scale by 1,000 execution environments every 10 seconds.')).toEqual(['scaling-rate']);
    expect(ids('A NAT gateway drops a connection that is idle for 350 seconds.')).toEqual(['nat-idle-timeout']);
    expect(ids('Cognito retries a trigger that did not answer in 5 seconds.')).toEqual(['cognito-trigger-timeout']);
    expect(ids('The SDK gives up after three attempts.')).toEqual(['sdk-standard-max-attempts']);
    expect(ids('After three attempts the event is discarded.')).toEqual([]);
    expect(ids('Lambda stops the loop once the event has invoked the function 16 times.')).toEqual([
      'recursion-max-invocations',
    ]);
    expect(ids('Provisioned concurrency is billed in steps of 5 minutes.')).toEqual([
      'provisioned-concurrency-billing-increment',
    ]);
    expect(ids('| provisioned concurrency | billed | alarm when errors exceed 1% over 5 minutes |')).toEqual([]);
  });

  it('names file and line of a hand-stated value in frontmatter prose and MDX bodies, not in quotes or code', () => {
    const source = [
      '---',
      'id: example',
      'messages:',
      '  - text: "Response payload size exceeded maximum allowed payload size (6291556 bytes), 6 MB"',
      'cause: |',
      '  The synchronous response is limited to 6 MB,',
      '  and :fact[payload-sync] is fine.',
      'scenarios:',
      '  - "A guide says \\"the response payload is 6 MB\\" but the synchronous response was 7 MB."',
      'fixes:',
      '  - title: Shrink it',
      '    body: Keep the response below `6 MB`.',
      '    code:',
      '      typescript: "// 6 MB response"',
      '---',
      '',
      'The default timeout is 3 seconds.',
      'You will often read that a "6 MB response is the default" limit.',
      '```ts',
      'const timeout = 900; // 900 seconds',
      '```',
    ].join('\n');
    expect(scanSource('x.mdx', source, 'entry')).toEqual([
      { file: 'x.mdx', line: 6, id: 'payload-sync', match: '6 MB' },
      { file: 'x.mdx', line: 17, id: 'timeout-default', match: '3 seconds' },
    ]);
  });
});

describe('content', () => {
  it('states no registered value by hand', () => {
    const hits = scanContent().map(
      (hit) =>
        `${hit.file}:${hit.line} states ${hit.id} by hand ("${hit.match}"): use :fact[${hit.id}] or <Fact id="${hit.id}" />`,
    );
    expect(hits).toEqual([]);
  });
});
