/**
 * A hostile share link for tests: an lz-string payload (compressToEncodedURIComponent's format)
 * that expands to `'a'` repeated ever longer. Each LZW code names the entry one character longer
 * than the last, so the output grows with the square of the payload: about 75,000 characters of
 * payload expand to about 450 million characters. Built bit by bit, so making it costs nothing.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function buildLzBomb(payloadLength: number): string {
  const out: string[] = [];
  let value = 0;
  let filled = 0;
  const writeBits = (bits: number, count: number) => {
    for (let power = 0; power < count; power += 1) {
      value = (value << 1) | ((bits >> power) & 1);
      filled += 1;
      if (filled === 6) {
        out.push(ALPHABET.charAt(value));
        value = 0;
        filled = 0;
      }
    }
  };
  // A literal (code 0, then 8 bits of 'a'), then codes 4, 5, 6, …: each the entry not yet defined.
  writeBits(0, 2);
  writeBits('a'.charCodeAt(0), 8);
  let numBits = 3;
  let enlargeIn = 4;
  let dictSize = 4;
  while (out.length < payloadLength - 4) {
    writeBits(dictSize, numBits);
    dictSize += 1;
    enlargeIn -= 1;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
  writeBits(2, numBits);
  if (filled > 0) writeBits(0, 6 - filled);
  return out.join('');
}
