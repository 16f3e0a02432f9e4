/**
 * An S3-like object store. `getObject` returns a Body that can be read whole (the whole object is
 * counted against memory while it downloads) or streamed line by line (one 64 KB chunk at a time).
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { S3Config, S3ObjectConfig } from './config.ts';
import { delay, type ServiceContext, stall } from './context.ts';

const STREAM_CHUNK_BYTES = 64 * 1024;
const LINES_PER_TICK = 500;

export class NoSuchKey extends Error {
  override name = 'NoSuchKey';
}

/** The synthesized text of line `index`: a small JSON record, the same for every run. */
function synthesizeLine(index: number): string {
  return JSON.stringify({ id: index, amount: (index * 37) % 1000, status: index % 97 === 0 ? 'refund' : 'paid' });
}

export function createS3(context: ServiceContext, config: S3Config = { objects: {} }) {
  const random = context.random('s3');
  const bytesPerMs = ((config.throughputMbPerSecond ?? 200) * 1024 * 1024) / 1000;

  function createBody(object: S3ObjectConfig) {
    const bytesPerLine = object.sizeBytes / Math.max(1, object.lines);
    return {
      /** Downloads the whole object into one string: memory grows with every byte. */
      async transformToString(): Promise<string> {
        const headroom = context.memory.headroom();
        if (object.sizeBytes > headroom) {
          await delay(context, headroom / bytesPerMs);
          context.memory.chargeTransient(object.sizeBytes);
          return stall();
        }
        await delay(context, object.sizeBytes / bytesPerMs);
        context.memory.chargeTransient(object.sizeBytes);
        return Array.from({ length: object.lines }, (_, index) => synthesizeLine(index)).join('\n');
      },
      /** Streams the object line by line; only the chunk being read is held in memory. */
      async *lines(): AsyncGenerator<string> {
        if (!context.memory.chargeTransient(STREAM_CHUNK_BYTES)) await stall();
        try {
          for (let index = 0; index < object.lines; index += 1) {
            if (index % LINES_PER_TICK === 0) await delay(context, (bytesPerLine * LINES_PER_TICK) / bytesPerMs);
            yield synthesizeLine(index);
          }
        } finally {
          context.memory.releaseTransient(STREAM_CHUNK_BYTES);
        }
      },
    };
  }

  return {
    async getObject(input: { Bucket: string; Key: string }) {
      await delay(context, sampleLatency(random, 25, 120));
      const object = config.objects[`${input.Bucket}/${input.Key}`];
      if (!object) throw new NoSuchKey('The specified key does not exist.');
      return { ContentLength: object.sizeBytes, Body: createBody(object) };
    },
  };
}
