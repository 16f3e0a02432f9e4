import { createHighlighterCore, type LanguageRegistration } from 'shiki/core';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { describe, expect, it } from 'vitest';
import { cwlInsightsGrammar } from './index.ts';

// The core highlighter with the Oniguruma engine: the same regex engine as vscode-textmate.
const highlighter = await createHighlighterCore({
  // The grammar is a plain JSON-compatible object; Shiki's type adds optional fields it does not use.
  langs: [cwlInsightsGrammar as unknown as LanguageRegistration],
  themes: [import('shiki/themes/github-dark.mjs')],
  engine: createOnigurumaEngine(import('shiki/wasm')),
});

/** The innermost scope of each non-blank token, keyed by token text. */
function scopesOf(query: string): Map<string, string> {
  const lines = highlighter.codeToTokens(query, { lang: 'insights', theme: 'github-dark', includeExplanation: true });
  const out = new Map<string, string>();
  for (const line of lines.tokens) {
    for (const token of line) {
      for (const part of token.explanation ?? []) {
        const text = part.content.trim();
        const scope = part.scopes.at(-1)?.scopeName;
        if (text && scope && !out.has(text)) out.set(text, scope);
      }
    }
  }
  return out;
}

describe('TextMate grammar', () => {
  it('registers as source.cwl-insights with the language id insights', () => {
    expect(cwlInsightsGrammar.scopeName).toBe('source.cwl-insights');
    expect(highlighter.getLoadedLanguages()).toContain('insights');
  });

  it('gives commands, keywords, functions, strings, regexes, fields, numbers and comments distinct scopes', () => {
    const s = scopesOf(
      [
        '# cold starts per hour',
        'filter @type = "REPORT" and @message like /Init Duration/',
        "| parse @message /(?<ms>\\d+) ms/ | filter `user-agent` = 'x'",
        '| stats count(*) as n, avg(@maxMemoryUsed / @memorySize * 100) by bin(1h)',
        '| sort n desc | limit 20',
      ].join('\n'),
    );
    expect(s.get('# cold starts per hour')).toBe('comment.line.number-sign.cwl-insights');
    expect(s.get('filter')).toBe('keyword.control.command.cwl-insights');
    expect(s.get('stats')).toBe('keyword.control.command.cwl-insights');
    expect(s.get('and')).toBe('keyword.operator.word.cwl-insights');
    expect(s.get('by')).toBe('keyword.operator.word.cwl-insights');
    expect(s.get('count')).toBe('support.function.cwl-insights');
    expect(s.get('bin')).toBe('support.function.cwl-insights');
    expect(s.get('REPORT')).toBe('string.quoted.double.cwl-insights');
    expect(s.get('/Init Duration/')).toBe('string.regexp.cwl-insights');
    expect(s.get('/(?<ms>\\d+) ms/')).toBe('string.regexp.cwl-insights');
    expect(s.get('@type')).toBe('variable.language.field.cwl-insights');
    expect(s.get('`user-agent`')).toBe('variable.other.field.quoted.cwl-insights');
    expect(s.get('n')).toBe('variable.other.field.cwl-insights');
    expect(s.get('1h')).toBe('constant.numeric.period.cwl-insights');
    expect(s.get('20')).toBe('constant.numeric.cwl-insights');
    const distinct = new Set(
      ['#', 'filter', 'and', 'count', 'REPORT', '/Init Duration/', '@type', '20'].map((k) =>
        k === '#' ? s.get('# cold starts per hour') : s.get(k),
      ),
    );
    expect(distinct.size).toBe(8);
  });

  it('highlights every documented command and function (generated from the catalogue)', () => {
    const s = scopesOf(
      "SOURCE logGroups(namePrefix: ['/aws/lambda/x']) | fields ipv4ToNumber(ip) as n, isPrivateIP(ip) as p\n| countFrequent n | appendcols ( stats countOverTime(n) )",
    );
    expect(s.get('SOURCE')).toBe('keyword.control.command.cwl-insights');
    expect(s.get('countFrequent')).toBe('keyword.control.command.cwl-insights');
    expect(s.get('appendcols')).toBe('keyword.control.command.cwl-insights');
    expect(s.get('ipv4ToNumber')).toBe('support.function.cwl-insights');
    expect(s.get('isPrivateIP')).toBe('support.function.cwl-insights');
    expect(s.get('countOverTime')).toBe('support.function.cwl-insights');
  });

  it('keeps division as an operator, not a regex', () => {
    const s = scopesOf('fields @maxMemoryUsed / @memorySize / 2 as ratio');
    expect(s.get('/')).toBe('keyword.operator.cwl-insights');
    expect(s.get('@memorySize')).toBe('variable.language.field.cwl-insights');
  });
});
