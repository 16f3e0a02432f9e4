/**
 * A deterministic generator of realistic Lambda logs, in `aws logs tail` format, for the builder's
 * "try it" mode, tests and benchmarks. Every query template returns rows on its output: it has
 * cold starts, timeouts, errors, crashes at 100% memory and JSON-format application lines.
 */

/** mulberry32: a tiny seeded PRNG, so that a seed always yields the same logs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 2024-03-04T12:00:00Z: a fixed origin keeps the output identical across runs. */
const ORIGIN = Date.UTC(2024, 2, 4, 12, 0, 0);
const MEMORY_MB = 512;
const TIMEOUT_SECONDS = 3;

const uuid = (next: () => number): string => {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
};

const iso = (ms: number) => new Date(ms).toISOString();
const fixed = (n: number) => n.toFixed(2);

/**
 * `count` invocations (each gives 3 to 7 log events) from one function spread over a few
 * execution environments; the same `seed` always produces the same text.
 */
export function generateSampleLogs(seed: number, count: number): string {
  const next = seededRandom(seed);
  const lines: string[] = [];
  const streams: { name: string; warm: boolean; uses: number }[] = [];
  let now = ORIGIN;
  const total = Math.max(0, Math.floor(count));
  for (let n = 0; n < total; n++) {
    now += Math.floor(next() * 1500);
    // A new environment (cold start) for about 1 invocation in 12, or when none is idle.
    if (streams.length === 0 || next() < 1 / 12) {
      const day = iso(now).slice(0, 10).replaceAll('-', '/');
      streams.push({ name: `${day}/[$LATEST]${uuid(next).replaceAll('-', '').slice(0, 32)}`, warm: false, uses: 0 });
      if (streams.length > 6) streams.shift();
    }
    const stream = streams[Math.floor(next() * streams.length)] ?? (streams[0] as (typeof streams)[number]);
    const out = (ms: number, message: string) => lines.push(`${iso(ms)} ${stream.name} ${message}`);
    const id = uuid(next);
    let t = now;
    let init: number | undefined;
    if (!stream.warm) {
      init = 150 + next() * 900;
      out(
        t,
        'INIT_START Runtime Version: nodejs:20.v22\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:0c1b5e',
      );
      t += Math.round(init);
      stream.warm = true;
    }
    stream.uses++;
    out(t, `START RequestId: ${id} Version: $LATEST`);
    const roll = next();
    const kind = roll < 0.03 ? 'timeout' : roll < 0.04 ? 'crash' : roll < 0.1 ? 'error' : 'ok';
    let duration = kind === 'timeout' ? TIMEOUT_SECONDS * 1000 + next() * 5 : 20 + next() ** 3 * 1200;
    let used = Math.round(70 + next() * 120 + stream.uses * 0.5);
    if (next() < 0.5) {
      out(t + 1, `${iso(t + 1)}\t${id}\tINFO\tProcessing order o-${Math.floor(next() * 100000)}`);
    } else {
      const body = {
        timestamp: iso(t + 1),
        level: 'INFO',
        requestId: id,
        message: 'order received',
        orderId: `o-${Math.floor(next() * 100000)}`,
        items: 1 + Math.floor(next() * 5),
      };
      out(t + 1, JSON.stringify(body));
    }
    if (kind === 'error') {
      const type = next() < 0.6 ? 'TypeError' : 'ValidationError';
      const error = {
        errorType: type,
        errorMessage:
          type === 'TypeError' ? "Cannot read properties of undefined (reading 'id')" : 'order total must be positive',
        stack: [`${type}: failed`, '    at Runtime.handler (file:///var/task/index.mjs:12:20)'],
      };
      out(
        t + Math.round(duration),
        `${iso(t + Math.round(duration))}\t${id}\tERROR\tInvoke Error \t${JSON.stringify(error)}`,
      );
    }
    if (kind === 'timeout') {
      out(
        t + Math.round(duration),
        `${iso(t + Math.round(duration))} ${id} Task timed out after ${fixed(duration / 1000)} seconds`,
      );
      stream.warm = false; // Lambda resets the environment after a timeout.
    }
    if (kind === 'crash') {
      used = MEMORY_MB;
      duration = 200 + next() * 800;
      out(t + Math.round(duration), `RequestId: ${id} Error: Runtime exited with error: signal: killed`);
      out(t + Math.round(duration), `RequestId: ${id} Process exited before completing request`);
      stream.warm = false;
    }
    const end = t + Math.round(duration) + 1;
    out(end, `END RequestId: ${id}`);
    const billed = Math.ceil(duration);
    let report = `REPORT RequestId: ${id}\tDuration: ${fixed(duration)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${MEMORY_MB} MB\tMax Memory Used: ${Math.min(used, MEMORY_MB)} MB\t`;
    if (init !== undefined) report += `Init Duration: ${fixed(init)} ms\t`;
    if (kind === 'timeout') report += 'Status: timeout';
    if (kind === 'crash') report += 'Status: error\tError Type: Runtime.ExitError';
    out(end, report);
    now = end;
  }
  return lines.join('\n');
}
