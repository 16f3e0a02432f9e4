/**
 * Share links, in the TypeScript playground's documented format: the code, compressed with
 * lz-string's compressToEncodedURIComponent, after `#code/`. Which example and side the code belongs
 * to travel as `?example=<id>&side=after` (before is the default), so a page that embeds several
 * playgrounds loads the code into the right one. A link only ever loads code; the page runs it when
 * the reader presses Run.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export type Side = 'before' | 'after';

const PREFIX = '#code/';
/** Longer code than this in a link is ignored: no example is near it, and decompression is not free. */
export const MAX_SHARED_CODE_LENGTH = 100_000;

export function buildShareUrl(pageUrl: string, example: string, side: Side, code: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('example', example);
  if (side === 'after') url.searchParams.set('side', 'after');
  else url.searchParams.delete('side');
  url.hash = `${PREFIX.slice(1)}${compressToEncodedURIComponent(code)}`;
  return url.toString();
}

/** The code a link holds, or undefined when the hash is not a (valid) share link. */
export function readSharedCode(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const payload = hash.slice(PREFIX.length);
  if (payload.length === 0 || payload.length > MAX_SHARED_CODE_LENGTH) return undefined;
  const code = decompressFromEncodedURIComponent(payload);
  return code && code.length <= MAX_SHARED_CODE_LENGTH ? code : undefined;
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
