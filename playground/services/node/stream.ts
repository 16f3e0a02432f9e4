/**
 * A small `node:stream`: Readable.from (any iterable or async iterable, read with `for await` or
 * toArray), Writable (a `write(chunk, encoding, callback)` sink), and `pipeline` (also on
 * `node:stream/promises`) joining a source, async-generator transforms and a Writable or an async
 * function as the sink. No events, no backpressure, no pipe(): handlers that stream an S3 object
 * or a file line by line need no more, and the rest of Node's stream machinery is out of scope.
 */
type Source = Iterable<unknown> | AsyncIterable<unknown>;

export class Readable {
  readonly #source: Source;
  constructor(source: Source = []) {
    this.#source = source;
  }
  static from(source: Source): Readable {
    return new Readable(typeof source === 'string' ? [source] : source);
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<unknown> {
    for await (const chunk of this.#source) yield chunk;
  }
  async toArray(): Promise<unknown[]> {
    const chunks: unknown[] = [];
    for await (const chunk of this) chunks.push(chunk);
    return chunks;
  }
}

export class Writable {
  readonly #write: (chunk: unknown, encoding: string, callback: (error?: Error | null) => void) => void;
  constructor(options: {
    write?: (chunk: unknown, encoding: string, callback: (error?: Error | null) => void) => void;
  }) {
    this.#write = options.write ?? ((_chunk, _encoding, callback) => callback());
  }
  write(chunk: unknown): Promise<void> {
    return new Promise((resolve, reject) => this.#write(chunk, 'utf8', (error) => (error ? reject(error) : resolve())));
  }
}

type Step = ((source: AsyncIterable<unknown>) => AsyncIterable<unknown> | Promise<unknown>) | Writable;

/** Runs source → transforms → sink; settles when the sink has taken the last chunk. */
export async function pipeline(source: Source | Readable, ...steps: Step[]): Promise<void> {
  let current: AsyncIterable<unknown> = Readable.from(source as Source);
  for (const step of steps) {
    if (step instanceof Writable) {
      for await (const chunk of current) await step.write(chunk);
      return;
    }
    const next = step(current);
    if (next && typeof (next as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      current = next as AsyncIterable<unknown>;
    } else {
      await next;
      return;
    }
  }
  for await (const _ of current);
}

export const streamModule = { Readable, Writable, pipeline, promises: { pipeline } };
