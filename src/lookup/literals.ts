/**
 * A cheap prefilter for a regular expression: literal strings of which at least one must appear
 * in any text the expression matches. Testing `text.includes(literal)` first lets the lookup skip
 * most expressions on most lines without running them.
 *
 * The extraction is deliberately conservative: it reads only top-level literal characters, skips
 * groups, classes and escapes it does not understand, and gives up (returns `undefined`, meaning
 * "always run the expression") whenever an alternative has no literal worth checking. A wrong
 * prefilter would hide a match, so soundness beats cleverness here.
 */
export interface Prefilter {
  /** At least one of these appears in every match (lower-cased when `caseInsensitive`). */
  anyOf: string[];
  /** Compare against the lower-cased text. */
  caseInsensitive: boolean;
}

/** Literals shorter than this are not worth a check: they appear almost everywhere. */
const minimumLiteralLength = 3;

/** Escapes that stand for one literal character when followed by punctuation. */
const classEscapes = new Set('dDwWsSbBnrtfv'.split(''));

/** Splits a source at its top-level `|`, outside groups and classes. */
function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    } else if (ch === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The index just past the group or class that starts at `start`. */
function skipBracketed(source: string, start: number): number {
  const open = source[start];
  if (open === '[') {
    for (let i = start + 1; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === ']') return i + 1;
    }
    return source.length;
  }
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return source.length;
}

/** Reads a quantifier at `i`; returns its end and whether it allows zero repetitions. */
function readQuantifier(source: string, i: number): { end: number; optional: boolean } | undefined {
  const ch = source[i];
  let end: number;
  let optional: boolean;
  if (ch === '?' || ch === '*') {
    end = i + 1;
    optional = true;
  } else if (ch === '+') {
    end = i + 1;
    optional = false;
  } else if (ch === '{') {
    const match = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i, i + 24));
    if (!match) return undefined;
    end = i + match[0].length;
    optional = Number(match[1]) === 0;
  } else {
    return undefined;
  }
  if (source[end] === '?') end++;
  return { end, optional };
}

/** The longest run of literal characters that every match of this alternative contains. */
function longestRequiredLiteral(source: string): string {
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    let literal: string | undefined;
    let next = i + 1;
    if (ch === '\\') {
      const escaped = source[i + 1] ?? '';
      next = i + 2;
      if (/[a-zA-Z0-9]/.test(escaped)) {
        // A class, an anchor, a code point or a back-reference: not a literal we can check.
        if (escaped === 'x') next += 2;
        else if (escaped === 'u')
          next = source[next] === '{' ? source.indexOf('}', next) + 1 || source.length : next + 4;
        else if (escaped === 'c') next += 1;
        else if ((escaped === 'p' || escaped === 'P') && source[next] === '{')
          next = source.indexOf('}', next) + 1 || source.length;
        else if (escaped === 'k' && source[next] === '<') next = source.indexOf('>', next) + 1 || source.length;
        else if (/[0-9]/.test(escaped)) while (/[0-9]/.test(source[next] ?? '')) next++;
        else if (!classEscapes.has(escaped)) {
          // An unknown letter escape is a syntax error under `u` and the letter itself otherwise; stay safe.
        }
      } else {
        literal = escaped;
      }
    } else if (ch === '[' || ch === '(') {
      next = skipBracketed(source, i);
    } else if (ch === '.' || ch === '^' || ch === '$' || ch === '|') {
      // Not literal.
    } else if (ch === '{' && readQuantifier(source, i)) {
      // A quantifier with nothing before it cannot happen in a valid source; treat as a break.
    } else {
      literal = ch;
    }

    const quantifier = readQuantifier(source, next);
    if (literal !== undefined) {
      if (quantifier?.optional) {
        endRun();
      } else {
        run += literal;
        if (quantifier) endRun();
      }
    } else {
      endRun();
    }
    i = quantifier ? quantifier.end : next;
  }
  endRun();
  return best;
}

/** The prefilter for a pattern, or `undefined` when the pattern must always run. */
export function extractPrefilter(source: string, flags = ''): Prefilter | undefined {
  const caseInsensitive = flags.includes('i');
  // Unicode case folding (`iu`) maps characters that toLowerCase() does not (ſ → s); stay exact.
  if (caseInsensitive && flags.includes('u')) return undefined;
  const anyOf: string[] = [];
  for (const alternative of splitAlternatives(source)) {
    const literal = longestRequiredLiteral(alternative);
    if (literal.length < minimumLiteralLength) return undefined;
    // toLowerCase() is only a safe stand-in for case-insensitive matching on ASCII.
    if (caseInsensitive && /[^\x20-\x7e]/.test(literal)) return undefined;
    anyOf.push(caseInsensitive ? literal.toLowerCase() : literal);
  }
  return { anyOf: [...new Set(anyOf)], caseInsensitive };
}

/** Whether `text` (and its lower-cased form) passes the prefilter. */
export function passesPrefilter(prefilter: Prefilter | undefined, text: string, lowerText: string): boolean {
  if (!prefilter) return true;
  const haystack = prefilter.caseInsensitive ? lowerText : text;
  for (const literal of prefilter.anyOf) if (haystack.includes(literal)) return true;
  return false;
}

/**
 * How specific a pattern is: the number of literal characters in its source (escaped punctuation
 * counts, classes, groups' syntax and quantifiers do not). `Task timed out after \d+ seconds`
 * scores 29, `timeout` 7. Used to rank specific evidence above generic words.
 */
export function countLiteralCharacters(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      const escaped = source[i + 1] ?? '';
      if (!/[a-zA-Z0-9]/.test(escaped)) count++;
      i++;
    } else if (ch === '[') {
      i = skipBracketed(source, i) - 1;
    } else if (ch === '(' && source[i + 1] === '?') {
      // Skip the group's syntax: (?: (?= (?! (?<= (?<! (?<name>
      const syntax = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 40));
      if (syntax) i += syntax[0].length - 1;
    } else if (!'()|.^$*+?{}'.includes(ch)) {
      count++;
    } else if (ch === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i, i + 24));
      if (quantifier) i += quantifier[0].length - 1;
      else count++;
    }
  }
  return count;
}

/**
 * The prefilters of many patterns checked together: each record is scanned once for all their
 * literals instead of once per pattern. Two combined regular expressions (one alternation of the
 * case-sensitive literals, one of the case-insensitive ones under the `i` flag) say first whether
 * any literal occurs at all — on most lines of a log none does, and the scan stops there. Only on
 * a line where one does are the distinct literals checked one by one, to learn which patterns to run.
 *
 * Sound by construction: the gate expression under `i` (without `u`) folds case exactly as the
 * patterns' own `i` flag does, so any text a pattern matches contains one of its literals under
 * that folding and passes the gate; behind the gate, each pattern's own literals are checked just
 * as `passesPrefilter` does.
 */
/**
 * `undefined` when no literal occurs in `text` (then only the prefilter-less patterns can match);
 * otherwise whether `text` passes the prefilter at `index` (an `undefined` prefilter always passes).
 */
export type LiteralScan = (text: string) => ((index: number) => boolean) | undefined;

function escapeLiteral(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A combined expression matching any of `literals`, or `undefined` when there are none. */
function alternation(literals: readonly string[], flags: string): RegExp | undefined {
  if (literals.length === 0) return undefined;
  // Longest first: the alternation stops at the first alternative that matches at a position.
  const sorted = [...literals].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(sorted.map(escapeLiteral).join('|'), flags);
}

/** Builds the shared scan for a list of prefilters (one per pattern, `undefined` for "always run"). */
export function buildLiteralScan(prefilters: readonly (Prefilter | undefined)[]): LiteralScan {
  const sensitive = new Map<string, number>();
  const insensitive = new Map<string, number>();
  const literalsOf: number[][] = prefilters.map((prefilter) => {
    if (!prefilter) return [];
    const table = prefilter.caseInsensitive ? insensitive : sensitive;
    return prefilter.anyOf.map((literal) => {
      let id = table.get(literal);
      if (id === undefined) {
        id = sensitive.size + insensitive.size;
        table.set(literal, id);
      }
      return id;
    });
  });
  const literalCount = sensitive.size + insensitive.size;
  const sensitiveGate = alternation([...sensitive.keys()], '');
  const insensitiveGate = alternation([...insensitive.keys()], 'i');
  return (text: string) => {
    const sensitiveHit = sensitiveGate?.test(text) ?? false;
    const insensitiveHit = insensitiveGate?.test(text) ?? false;
    if (!sensitiveHit && !insensitiveHit) return undefined;
    const found = new Uint8Array(literalCount);
    if (sensitiveHit) for (const [literal, id] of sensitive) if (text.includes(literal)) found[id] = 1;
    if (insensitiveHit) {
      const lower = text.toLowerCase();
      for (const [literal, id] of insensitive) if (lower.includes(literal)) found[id] = 1;
    }
    return (index: number) => {
      const ids = literalsOf[index];
      if (prefilters[index] === undefined || ids === undefined) return true;
      for (const id of ids) if (found[id] === 1) return true;
      return false;
    };
  };
}
