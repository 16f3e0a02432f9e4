/**
 * The named tier: error names and codes found anywhere in a paste, inside whatever wrapping the SDK,
 * CLI or runtime put around them. The names come only from the entries: their messages' error
 * types and their `names` field. Nothing here keeps a list of its own.
 */
import type { IndexEntry } from './schema';

/** One entry answering to a name, and how to tell it apart when others do too. */
export interface NameOwner {
  entry: number;
  tell?: string;
}

export interface NameTable {
  /** Single-token names (`TooManyRequestsException`, `ENOTFOUND`, `Runtime.ExitError`) → owners. */
  tokens: ReadonlyMap<string, readonly NameOwner[]>;
  /** The lengths of the shortest and longest single-token names: other tokens are not looked up. */
  shortest: number;
  longest: number;
  /**
   * Any single-token name as a plain substring (one alternation): a line where none occurs has no
   * name token, so the token scan is skipped there. A name found as a token, whole or after leading
   * dotted segments, is always a substring of the line, so the gate never hides one.
   */
  anyToken?: RegExp;
  /**
   * Any phrase, in any case (one alternation under `i`), when every phrase is ASCII. On an ASCII
   * line `/i` and `toLowerCase()` fold case alike, so a line the gate rejects holds no phrase; a
   * line with other characters skips the gate and is searched as before.
   */
  anyPhrase?: RegExp;
  /** Names of several words (`502 Bad Gateway`), lower-cased → the name as written and its owners. */
  phrases: ReadonlyMap<string, { name: string; owners: readonly NameOwner[]; anchor?: string }>;
}

/**
 * Error types so common that finding them as a bare word says nothing (`Error`, `TypeError`): they
 * count only where a log states them as the error type (an `errorType` field, an `Error Type:`
 * label), never as a name found anywhere.
 */
export const genericErrorTypes: ReadonlySet<string> = new Set([
  'Error',
  'Exception',
  'TypeError',
  'ReferenceError',
  'SyntaxError',
  'RangeError',
  'ValueError',
  'KeyError',
  'RuntimeError',
  'AttributeError',
  'ClientError',
  'EC',
  // Node's wrapper for any rejected promise: it names how the error escaped, not what it was.
  'Runtime.UnhandledPromiseRejection',
]);

/** Builds the table of names from the entries' error types and `names`. */
export function buildNameTable(entries: readonly IndexEntry[]): NameTable {
  const tokens = new Map<string, NameOwner[]>();
  const phrases = new Map<string, { name: string; owners: NameOwner[]; anchor?: string }>();
  const add = (name: string, owner: NameOwner) => {
    if (name.includes(' ')) {
      const key = name.toLowerCase();
      const first = key.split(' ')[0] ?? '';
      const found = phrases.get(key) ?? { name, owners: [], ...(/^\d+$/.test(first) ? { anchor: first } : {}) };
      const existing = found.owners.find((other) => other.entry === owner.entry);
      if (existing) {
        if (owner.tell && !existing.tell) existing.tell = owner.tell;
      } else found.owners.push(owner);
      phrases.set(key, found);
      return;
    }
    const owners = tokens.get(name) ?? [];
    const existing = owners.find((other) => other.entry === owner.entry);
    if (existing) {
      if (owner.tell && !existing.tell) existing.tell = owner.tell;
    } else owners.push(owner);
    tokens.set(name, owners);
  };
  entries.forEach((entry, position) => {
    for (const { name, tell } of entry.names ?? []) add(name, tell ? { entry: position, tell } : { entry: position });
    for (const type of entry.errorTypes ?? []) if (!genericErrorTypes.has(type)) add(type, { entry: position });
  });
  const lengths = [...tokens.keys()].map((name) => name.length);
  const table: NameTable = {
    tokens,
    phrases,
    shortest: Math.min(...lengths, Infinity),
    longest: Math.max(...lengths, 0),
  };
  if (tokens.size > 0) table.anyToken = alternation([...tokens.keys()], '');
  const keys = [...phrases.keys()];
  if (keys.length > 0 && keys.every((key) => !nonAscii.test(key))) table.anyPhrase = alternation(keys, 'i');
  return table;
}

/** Anything but printable ASCII, tab and line breaks (on which toLowerCase() and /i agree). */
const nonAscii = /[^\t\n\r -~]/;

/** One expression matching any of `literals` as written (longest first). */
function alternation(literals: readonly string[], flags: string): RegExp {
  return new RegExp(
    [...literals]
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
      .map((literal) => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
      .join('|'),
    flags,
  );
}

const phraseBoundary = /[A-Za-z0-9_]/;

/** Characters a token is made of: letters, digits, `_`, `$`, and inside it `.`, `:` and `-`. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36
  );
}
function isInnerCode(code: number): boolean {
  return code === 46 || code === 58 || code === 45; // . : -
}

/** Looks a token up whole, then without each leading dotted segment; the longest known name wins. */
function lookUp(candidate: string, table: NameTable): string | undefined {
  let rest = candidate;
  for (;;) {
    if (table.tokens.has(rest)) return rest;
    const dot = rest.indexOf('.');
    if (dot === -1) return undefined;
    rest = rest.slice(dot + 1);
  }
}

/**
 * The names of the table that occur in `text` as whole tokens, each with the offset of its first
 * occurrence. A dotted token (`Amazon.Lambda.Model.TooManyRequestsException`,
 * `com.amazonaws.services.lambda.model.ResourceNotFoundException`) is tried whole, then without each
 * leading segment in turn; the longest known name wins, so `Lambda.TooManyRequestsException` (a
 * Step Functions error) is not also read as the bare Lambda exception. A token ends before a colon
 * (`TooManyRequestsException: Rate exceeded`). The scan is a character loop rather than a regular
 * expression: it runs on every line of a pasted log, and only tokens as long as some name are cut out.
 */
export function findNames(text: string, table: NameTable): Map<string, number> {
  const found = new Map<string, number>();
  if (table.tokens.size > 0 && (table.anyToken === undefined || table.anyToken.test(text))) {
    const { shortest, longest } = table;
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (!isWordCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      let end = i + 1; // end of the token without trailing . : -
      let colon = -1;
      let dotted = false;
      for (i = start + 1; i < length; i++) {
        const code = text.charCodeAt(i);
        if (isWordCode(code)) end = i + 1;
        else if (isInnerCode(code)) {
          if (code === 58 && colon === -1) colon = i;
          if (code === 46) dotted = true;
        } else break;
      }
      const stop = colon !== -1 && colon < end ? colon : end;
      const size = stop - start;
      if (size < shortest || (size > longest && !dotted)) continue;
      const name = lookUp(text.slice(start, stop), table);
      if (name !== undefined && !found.has(name)) found.set(name, start);
    }
  }
  if (table.phrases.size > 0 && (table.anyPhrase === undefined || nonAscii.test(text) || table.anyPhrase.test(text))) {
    let lower: string | undefined;
    for (const [key, { name, anchor }] of table.phrases) {
      // A phrase starting with a number (`502 Bad Gateway`) is looked for only where the number is.
      if (anchor !== undefined && !text.includes(anchor)) continue;
      lower ??= text.toLowerCase();
      let at = lower.indexOf(key);
      while (at !== -1) {
        const before = lower[at - 1] ?? ' ';
        const after = lower[at + key.length] ?? ' ';
        if (!phraseBoundary.test(before) && !phraseBoundary.test(after)) {
          if (!found.has(name)) found.set(name, at);
          break;
        }
        at = lower.indexOf(key, at + 1);
      }
    }
  }
  return found;
}

/** The owners of a name found by `findNames`. */
export function ownersOf(name: string, table: NameTable): readonly NameOwner[] {
  return table.tokens.get(name) ?? table.phrases.get(name.toLowerCase())?.owners ?? [];
}
