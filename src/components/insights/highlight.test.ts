import { describe, expect, it } from 'vitest';
import { templates } from '../../insights';
import { highlightQuery, type Segment } from './highlight';

const kinds = (segments: Segment[]) => segments.filter((s) => s.kind !== 'plain').map((s) => [s.kind, s.text]);

describe('highlightQuery', () => {
  it('gives back the query text exactly, for every template and odd input', () => {
    const inputs = [
      ...templates.map((t) => t.render()),
      '',
      '   ',
      'filter x = "unterminated',
      'fields @a # trailing comment\n| limit 5',
      'filter $$$ weird ¿ chars',
      'parse @message /(?<a>\\d+)/ | stats count(*) by a',
    ];
    for (const input of inputs) {
      expect(
        highlightQuery(input)
          .map((s) => s.text)
          .join(''),
      ).toBe(input);
    }
  });

  it('tells commands, functions, keywords, fields, literals and comments apart', () => {
    const query = 'filter @type = "REPORT" and x like /time(d|out)/ # note\n| stats count(*) as n by bin(5m)';
    expect(kinds(highlightQuery(query))).toEqual([
      ['command', 'filter'],
      ['system-field', '@type'],
      ['operator', '='],
      ['string', '"REPORT"'],
      ['keyword', 'and'],
      ['field', 'x'],
      ['keyword', 'like'],
      ['regex', '/time(d|out)/'],
      ['comment', '# note'],
      ['punctuation', '|'],
      ['command', 'stats'],
      ['function', 'count'],
      ['punctuation', '('],
      ['operator', '*'],
      ['punctuation', ')'],
      ['keyword', 'as'],
      ['field', 'n'],
      ['keyword', 'by'],
      ['function', 'bin'],
      ['punctuation', '('],
      ['number', '5m'],
      ['punctuation', ')'],
    ]);
  });

  it('reads / as the parser does: division after an operand, a regex where one is expected', () => {
    const segments = kinds(highlightQuery('fields @maxMemoryUsed / @memorySize as ratio'));
    expect(segments).toContainEqual(['operator', '/']);
    expect(segments.some(([kind]) => kind === 'regex')).toBe(false);
  });

  it('marks the characters of a problem, splitting the segments it crosses', () => {
    const query = 'fliter @type = 1';
    const marked = highlightQuery(query, { start: 0, end: 6 });
    expect(marked.filter((s) => s.problem).map((s) => s.text)).toEqual(['fliter']);
    const middle = highlightQuery(query, { start: 2, end: 9 });
    expect(middle.filter((s) => s.problem).map((s) => s.text)).toEqual(['iter', ' ', '@t']);
    expect(middle.map((s) => s.text).join('')).toBe(query);
    // An error at the end of the query (an empty range) still marks something when there is text.
    expect(highlightQuery('filter', { start: 5, end: 5 }).filter((s) => s.problem)).toHaveLength(1);
  });
});
