/**
 * The `lambda-playground` module that handler code imports: every emulated service plus the helpers
 * for time, CPU and memory. `SERVICE_EXPORTS` lists its names; the runtime builds the import shim
 * from it, and runtime/types.d.ts declares the same names for the editor.
 */

import { Buffer } from 'buffer';
import { facts } from '../../src/data/facts.ts';
import { createUuid } from '../runtime/prng.ts';
import { createAwsSdk } from './aws-sdk.ts';
import type { ServicesConfig } from './config.ts';
import { delay, type ServiceContext, stall } from './context.ts';
import { createDatabase, DatabaseError } from './db.ts';
import { createDynamoDb } from './dynamodb.ts';
import { createFetch, createHttp, TimeoutError } from './http.ts';
import { createLambda, TooManyRequestsException } from './lambda.ts';
import { createCrypto } from './node/crypto.ts';
import { createFs } from './node/fs.ts';
import { pipeline, streamModule } from './node/stream.ts';
import { createS3, NoSuchKey } from './s3.ts';
import { createSqs } from './sqs.ts';

/**
 * What `import` can load besides relative files, which a Lambda function has no more of: the
 * playground's own module, Node's built-ins it emulates (with and without `node:`), and the AWS SDK
 * clients, all bound to this environment's services. Any other specifier is an ImportModuleError.
 */
export const EMULATED_BUILTINS = ['crypto', 'fs', 'fs/promises', 'buffer', 'stream', 'stream/promises'] as const;
export const EMULATED_PACKAGES = [
  'lambda-playground',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-lambda',
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/lib-dynamodb',
] as const;

export const SERVICE_EXPORTS = [
  'http',
  's3',
  'lambda',
  'sqs',
  'db',
  'sleep',
  'cpu',
  'loadLibrary',
  'retain',
  'release',
  'TimeoutError',
  'TooManyRequestsException',
  'DatabaseError',
  'NoSuchKey',
] as const;

export function createServices(context: ServiceContext, config: ServicesConfig) {
  const loaded = new Set<string>();
  const http = createHttp(context, config.http);
  const services = {
    http,
    s3: createS3(context, config.s3),
    lambda: createLambda(context, config.lambda),
    sqs: createSqs(context, config.sqs),
    db: createDatabase(context, config.db),
    /** Waits `ms` of virtual time. */
    sleep: (ms: number) => delay(context, ms),
    /** Spends `ms` of CPU time as measured at one full vCPU; slower below 1,769 MB. Blocks, like real work. */
    cpu: (ms: number) => context.clock.advance(ms * context.cpuFactor),
    /** Imports a heavy library: CPU time to evaluate it, memory it keeps. Cached after the first call. */
    async loadLibrary(name: string): Promise<{ name: string }> {
      const library = config.libraries?.[name];
      if (!library) throw new Error(`Cannot find package '${name}' imported from /var/task/index.mjs`);
      if (!loaded.has(name)) {
        loaded.add(name);
        context.clock.advance(library.cpuMs * context.cpuFactor);
        if (!context.memory.retain(library.memoryMb * 1024 * 1024)) await stall();
      }
      return { name };
    },
    /** Declares that the code keeps `bytes` (a cache, a list) until `release`. */
    retain: (bytes: number) => {
      context.memory.retain(bytes);
    },
    release: (bytes: number) => context.memory.release(bytes),
    TimeoutError,
    TooManyRequestsException,
    DatabaseError,
    NoSuchKey,
  } satisfies Record<(typeof SERVICE_EXPORTS)[number], unknown>;
  const dynamodb = createDynamoDb(context, config.dynamodb);
  const storageMb = config.ephemeralStorageMb ?? facts['ephemeral-default'].value;
  const files = createFs({ capacityBytes: storageMb * 1024 * 1024, maxOpenFiles: facts['file-descriptors'].value });
  const crypto = createCrypto(context.random('crypto'));
  const sdkRequestIds = context.random('sdk-request-ids');
  const sdk = createAwsSdk({ sqs: services.sqs, s3: services.s3, lambda: services.lambda, dynamodb }, () =>
    createUuid(sdkRequestIds),
  );
  const builtins: Record<(typeof EMULATED_BUILTINS)[number], object> = {
    crypto,
    fs: files.fs,
    'fs/promises': files.promises,
    buffer: { Buffer },
    stream: streamModule,
    'stream/promises': { pipeline },
  };
  const modules: Record<string, object> = { 'lambda-playground': services, ...sdk };
  for (const [name, namespace] of Object.entries(builtins)) {
    modules[name] = namespace;
    modules[`node:${name}`] = namespace;
  }
  return { services, fetch: createFetch(http), modules };
}
