/**
 * Converts the RE2 regexes of Logs Insights to JavaScript ones. RE2 writes flags inline, `(?i)`,
 * anywhere in the pattern; JavaScript takes them once for the whole regex, so an inline flag here
 * applies to the whole pattern (a documented difference, see README.md).
 */

export interface ConvertedRegex {
  source: string;
  flags: string;
}

export function convertRegex(re2: string): ConvertedRegex {
  let flags = '';
  const source = re2
    .replace(/\(\?([imsU]+)\)/g, (_, f: string) => {
      for (const ch of f) if (ch !== 'U' && !flags.includes(ch)) flags += ch;
      return '';
    })
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  return { source, flags };
}

/** Compiles an RE2 pattern; returns the JavaScript error message when it is not valid. */
export function compileRegex(re2: string): RegExp | string {
  const { source, flags } = convertRegex(re2);
  try {
    return new RegExp(source, flags);
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
  }
}

/** The named capture groups of a pattern, in order. */
export function namedGroups(re2: string): string[] {
  return [...re2.matchAll(/\(\?P?<([A-Za-z_]\w*)>/g)].map((m) => m[1] as string);
}

/** The number of capturing groups, named or not (`(?:…)`, look-arounds and escaped parens excluded). */
export function countGroups(re2: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < re2.length; i++) {
    const c = re2[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (re2[i + 1] !== '?' || re2[i + 2] === '<' || re2[i + 2] === 'P')) {
      if (re2[i + 2] === '<' && (re2[i + 3] === '=' || re2[i + 3] === '!')) continue;
      n++;
    }
  }
  return n;
}
