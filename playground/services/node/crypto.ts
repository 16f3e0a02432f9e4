/**
 * `node:crypto`'s everyday part: createHash and createHmac (md5, sha1, sha256, sha384, sha512, by
 * @noble/hashes, which runs the same in Node and the browser Worker), randomUUID, randomBytes and
 * randomInt (from the environment's seeded stream, so the same seed prints the same ids), and
 * timingSafeEqual. Digests come back as a Buffer or in the encoding asked for, as in Node.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';
import { createUuid, type RandomSource } from '../../runtime/prng.ts';

const ALGORITHMS = { md5, sha1, sha256, sha384, sha512 } as const;
type Algorithm = keyof typeof ALGORITHMS;
type Input = string | Uint8Array;

const toBytes = (data: Input, encoding?: string): Uint8Array =>
  typeof data === 'string' ? Buffer.from(data, (encoding ?? 'utf8') as 'utf8') : data;

function pickAlgorithm(name: string): (typeof ALGORITHMS)[Algorithm] {
  const hash = ALGORITHMS[name.toLowerCase().replace('-', '') as Algorithm];
  // Node's message for an algorithm OpenSSL does not know.
  if (!hash) throw new Error('Digest method not supported');
  return hash;
}

function digestOf(bytes: Uint8Array, encoding?: string): string | Uint8Array {
  const buffer = Buffer.from(bytes);
  return encoding ? buffer.toString(encoding as 'hex') : buffer;
}

/** Node's Hash/Hmac surface over a @noble/hashes state: chainable update(), then digest(). */
function streamingDigest(state: { update(bytes: Uint8Array): unknown; digest(): Uint8Array }) {
  const stream = {
    update(data: Input, encoding?: string) {
      state.update(toBytes(data, encoding));
      return stream;
    },
    digest: (encoding?: string) => digestOf(state.digest(), encoding),
  };
  return stream;
}

export function createCrypto(random: RandomSource) {
  const randomBytes = (size: number) => {
    const bytes = Buffer.alloc(size);
    for (let index = 0; index < size; index += 1) bytes[index] = Math.floor(random() * 256);
    return bytes;
  };
  return {
    createHash: (algorithm: string) => streamingDigest(pickAlgorithm(algorithm).create()),
    createHmac: (algorithm: string, key: Input) => streamingDigest(hmac.create(pickAlgorithm(algorithm), toBytes(key))),
    randomUUID: () => createUuid(random),
    randomBytes,
    randomInt(min: number, max?: number) {
      const [low, high] = max === undefined ? [0, min] : [min, max];
      return low + Math.floor(random() * (high - low));
    },
    timingSafeEqual(a: Uint8Array, b: Uint8Array) {
      if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
      let difference = 0;
      for (let index = 0; index < a.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
      return difference === 0;
    },
  };
}
