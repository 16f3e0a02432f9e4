/**
 * Seeded randomness. The emulator must print the same logs for the same seed, so nothing in it may
 * read real entropy. sfc32 is a five-line, well-studied 128-bit generator: small enough that a
 * dependency would cost more than it saves, and fast enough to stand in for Math.random.
 */
export type RandomSource = () => number;

/** Hashes a string into a 32-bit seed, so that each consumer ("user", "http", …) gets its own stream. */
function hashString(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  }
  return hash >>> 0;
}

/** A uniform [0, 1) generator for `seed`, independent of every other `stream` name. */
export function createRandom(seed: number, stream: string): RandomSource {
  let a = hashString(`${stream}:a`) ^ seed;
  let b = hashString(`${stream}:b`) ^ Math.imul(seed, 0x9e3779b1);
  let c = hashString(`${stream}:c`);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let warmUp = 0; warmUp < 12; warmUp += 1) next();
  return next;
}

/** A version-4 UUID drawn from `random`, shaped like Lambda's request ids. */
export function createUuid(random: RandomSource): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * A log-normal sample with the given median and 99th percentile: the usual shape of network latency
 * (most calls near the median, a long tail).
 */
export function sampleLatency(random: RandomSource, medianMs: number, p99Ms: number): number {
  const sigma = Math.log(Math.max(p99Ms, medianMs) / medianMs) / 2.326;
  const u1 = Math.max(random(), Number.EPSILON);
  const u2 = random();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return medianMs * Math.exp(sigma * normal);
}
