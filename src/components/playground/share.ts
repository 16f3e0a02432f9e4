/**
 * Share links, in the TypeScript playground's documented format: the code, compressed with
 * lz-string's compressToEncodedURIComponent, after `#code/`. Which example and side the code belongs
 * to travel as `?example=<id>&side=after` (before is the default), so a page that embeds several
 * playgrounds loads the code into the right one. A link only ever loads code; the page runs it when
 * the reader presses Run.
 */
import { compressToEncodedURIComponent } from 'lz-string';

export type Side = 'before' | 'after';

const PREFIX = '#code/';
/**
 * The longest compressed payload a link may carry, checked before anything is expanded. The largest
 * example compresses to about 1,000 characters; an LZ link this long can still expand a thousandfold,
 * which is why expansion has its own cap.
 */
export const MAX_SHARED_LINK_LENGTH = 30_000;
/** The most code a link may expand to; expansion stops as soon as it would pass this. */
export const MAX_SHARED_CODE_LENGTH = 100_000;

/** Why a link's code was not loaded. */
export type SharedCodeProblem = 'not-a-link' | 'link-too-long' | 'code-too-large' | 'unreadable';

export type SharedCode = { ok: true; code: string } | { ok: false; problem: SharedCodeProblem };

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const ALPHABET_INDEX = new Map([...URI_SAFE_ALPHABET].map((char, index) => [char, index]));

/**
 * lz-string's decompressFromEncodedURIComponent, with a cap on the output. lz-string has no such
 * option, and its format lets a few kilobytes expand to hundreds of megabytes (each dictionary entry
 * can be one character longer than the last), so the library's decoder would build the whole
 * output before we could measure it. This decoder reads the same format (LZW codes of growing bit
 * width, six bits per URL-safe character) and gives up the moment the output would pass
 * `maxLength`. Tested against lz-string's own encoder.
 */
export function expandCapped(payload: string, maxLength: number): string | 'too-large' | undefined {
  const input = payload.replace(/ /g, '+');
  if (input.length === 0) return undefined;
  let index = 0;
  let value = 0;
  let position = 0;
  const readBits = (count: number): number | undefined => {
    let bits = 0;
    for (let power = 0; power < count; power += 1) {
      if (position === 0) {
        if (index >= input.length) return undefined;
        const next = ALPHABET_INDEX.get(input.charAt(index++));
        if (next === undefined) return undefined;
        value = next;
        position = 32;
      }
      if (value & position) bits |= 1 << power;
      position >>= 1;
    }
    return bits;
  };
  const readLiteral = (code: number): string | undefined => {
    const bits = readBits(code === 0 ? 8 : 16);
    return bits === undefined ? undefined : String.fromCharCode(bits);
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = readBits(2);
  if (first === undefined || first === 2) return first === 2 ? '' : undefined;
  const literal = readLiteral(first);
  if (literal === undefined) return undefined;
  dictionary.push(literal);
  const result: string[] = [literal];
  let length = literal.length;
  let previous = literal;
  for (;;) {
    let code = readBits(numBits);
    if (code === undefined) return undefined;
    if (code === 2) return result.join('');
    if (code === 0 || code === 1) {
      const added = readLiteral(code);
      if (added === undefined) return undefined;
      dictionary.push(added);
      code = dictionary.length - 1;
      enlargeIn -= 1;
      if (enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits += 1;
      }
    }
    let entry: string;
    if (code < dictionary.length && code > 2) entry = dictionary[code] as string;
    else if (code === dictionary.length) entry = previous + previous.charAt(0);
    else return undefined;
    length += entry.length;
    if (length > maxLength) return 'too-large';
    result.push(entry);
    dictionary.push(previous + entry.charAt(0));
    enlargeIn -= 1;
    previous = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
}

export function buildShareUrl(pageUrl: string, example: string, side: Side, code: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('example', example);
  if (side === 'after') url.searchParams.set('side', 'after');
  else url.searchParams.delete('side');
  url.hash = `${PREFIX.slice(1)}${compressToEncodedURIComponent(code)}`;
  return url.toString();
}

/**
 * The code a link holds, checked before it is expanded: the compressed payload against
 * MAX_SHARED_LINK_LENGTH, then the expansion as it grows against MAX_SHARED_CODE_LENGTH.
 */
export function readSharedLink(hash: string): SharedCode {
  if (!hash.startsWith(PREFIX)) return { ok: false, problem: 'not-a-link' };
  const payload = hash.slice(PREFIX.length);
  if (payload.length > MAX_SHARED_LINK_LENGTH) return { ok: false, problem: 'link-too-long' };
  const code = expandCapped(payload, MAX_SHARED_CODE_LENGTH);
  if (code === 'too-large') return { ok: false, problem: 'code-too-large' };
  return code ? { ok: true, code } : { ok: false, problem: 'unreadable' };
}

/** The code a link holds, or undefined when the hash is not a (valid, small enough) share link. */
export function readSharedCode(hash: string): string | undefined {
  const read = readSharedLink(hash);
  return read.ok ? read.code : undefined;
}

/** What the page says when a link's code was not loaded. */
export function describeSharedCodeProblem(problem: SharedCodeProblem, payloadLength: number): string {
  switch (problem) {
    case 'link-too-long':
      return `This link is too long to be a playground link (${payloadLength.toLocaleString('en-US')} characters of code data; a link may carry ${MAX_SHARED_LINK_LENGTH.toLocaleString('en-US')}). It was not opened; showing the example.`;
    case 'code-too-large':
      return `This link's code would expand past ${MAX_SHARED_CODE_LENGTH.toLocaleString('en-US')} characters, more than any playground needs. It was not opened; showing the example.`;
    default:
      return 'The link holds no code this page can read; showing the example.';
  }
}

export function readSharedSide(search: string): Side {
  return new URLSearchParams(search).get('side') === 'after' ? 'after' : 'before';
}

/**
 * Whether a link's code is meant for the playground of `example`: the one it names, or, when it
 * names none (a hand-made link), the only playground on the page.
 */
export function isSharedFor(search: string, example: string, playgroundsOnPage: number): boolean {
  const named = new URLSearchParams(search).get('example');
  return named === null ? playgroundsOnPage === 1 : named === example;
}
