/**
 * Node's built-ins and the AWS SDK as handler code imports them, run through emulate() (so the
 * module resolution is the one the Worker uses), with Node's own error shapes.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emulate } from '../../runtime/index.ts';
import { createFs } from './fs.ts';

const run = async (
  code: string,
  events: unknown[] = [{}],
  extra: Parameters<typeof emulate>[0] extends infer O ? Partial<O> : never = {},
) => emulate({ code, events, seed: 3, watchdogMs: 20_000, ...extra });
const results = (outcomes: Awaited<ReturnType<typeof emulate>>['outcomes']) =>
  outcomes.map((outcome) =>
    outcome.kind === 'success'
      ? outcome.result
      : `${outcome.kind}: ${'errorMessage' in outcome ? outcome.errorMessage : ''}`,
  );

describe('node:crypto', () => {
  it('hashes and signs as Node does, and draws UUIDs from the seed', async () => {
    const code = `import { createHash, createHmac, randomUUID } from 'node:crypto';
import crypto from 'crypto';
export const handler = async () => ({
  sha256: createHash('sha256').update('order-').update('42').digest('hex'),
  md5: crypto.createHash('md5').update('abc').digest('base64'),
  hmac: createHmac('sha512', 'secret').update('payload').digest('hex'),
  raw: createHash('sha1').update('x').digest().length,
  uuid: randomUUID(),
});`;
    const first = await run(code);
    const [result] = results(first.outcomes) as Record<string, unknown>[];
    expect(result).toMatchObject({
      sha256: createHash('sha256').update('order-42').digest('hex'),
      md5: createHash('md5').update('abc').digest('base64'),
      hmac: createHmac('sha512', 'secret').update('payload').digest('hex'),
      raw: 20,
    });
    expect(result?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(results((await run(code)).outcomes)).toEqual(results(first.outcomes));
  });
});

describe('node:fs with /tmp as Lambda has it', () => {
  it('keeps files in /tmp across warm invocations and refuses writes elsewhere with EROFS', async () => {
    const code = `import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
export const handler = async (event) => {
  appendFileSync('/tmp/seen.log', event.id + '\\n');
  try { writeFileSync('config.json', '{}'); } catch (error) { return { seen: readFileSync('/tmp/seen.log', 'utf8'), files: await readdir('/tmp'), error: error.message, code: error.code, errno: error.errno }; }
};`;
    const { outcomes } = await run(code, [{ id: 'a' }, { id: 'b' }]);
    expect(results(outcomes)[1]).toEqual({
      seen: 'a\nb\n',
      files: ['seen.log'],
      error: "EROFS: read-only file system, open '/var/task/config.json'",
      code: 'EROFS',
      errno: -30,
    });
  });

  it('fills the ephemeral storage and then fails with ENOSPC as Node prints it', async () => {
    const code = `import { writeFileSync } from 'node:fs';
export const handler = async (event) => { writeFileSync('/tmp/report-' + event.n + '.bin', Buffer.alloc(300 * 1024 * 1024)); return event.n; };`;
    const { outcomes, logs } = await run(code, [{ n: 1 }, { n: 2 }]);
    expect(results(outcomes)).toEqual([1, 'error: ENOSPC: no space left on device, write']);
    expect(logs.join('\n')).toMatch(
      /Invoke Error \t\{"errorType":"Error","errorMessage":"ENOSPC: no space left on device, write","errno":-28,"code":"ENOSPC","syscall":"write"/,
    );
    // A larger ephemeral storage setting holds both.
    const roomy = await run(code, [{ n: 1 }, { n: 2 }], { services: { ephemeralStorageMb: 1024 } });
    expect(results(roomy.outcomes)).toEqual([1, 2]);
  });

  it('limits open descriptors to 1,024, stdio included: a leak ends in EMFILE', () => {
    const { fs } = createFs({ capacityBytes: 1024, maxOpenFiles: 1024 });
    const fds: number[] = [];
    expect(() => {
      for (let index = 0; index < 2000; index += 1) fds.push(fs.openSync(`/tmp/f-${index}`, 'w'));
    }).toThrow("EMFILE: too many open files, open '/tmp/f-1021'");
    expect(fds).toHaveLength(1021);
    for (const fd of fds) fs.closeSync(fd);
    expect(() => fs.openSync('/tmp/again', 'w')).not.toThrow();
    expect(() => fs.readFileSync('/tmp/missing')).toThrow("ENOENT: no such file or directory, open '/tmp/missing'");
  });
});

describe('node:buffer and node:stream', () => {
  it('encodes with Buffer and pipes an async source through a transform', async () => {
    const code = `import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
export const handler = async () => {
  const seen = [];
  await pipeline(Readable.from(['a', 'b']), async function* (source) { for await (const chunk of source) yield chunk.toUpperCase(); }, async (source) => { for await (const chunk of source) seen.push(chunk); });
  return { hex: Buffer.from('hi').toString('hex'), b64: Buffer.from('aGk=', 'base64').toString(), seen, global: typeof Buffer.concat };
};`;
    expect(results((await run(code)).outcomes)).toEqual([
      { hex: '6869', b64: 'hi', seen: ['A', 'B'], global: 'function' },
    ]);
  });
});

describe('AWS SDK v3 clients on the emulated services', () => {
  it('sends SQS messages and makes a conditional DynamoDB put fail the second time', async () => {
    const code = `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBClient, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
const sqs = new SQSClient({});
const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders', MessageBody: event.id }));
  try {
    await ddb.send(new PutCommand({ TableName: 'processed', Item: { pk: event.id }, ConditionExpression: 'attribute_not_exists(pk)' }));
  } catch (error) {
    return { duplicate: error instanceof ConditionalCheckFailedException, name: error.name, message: error.message };
  }
  const { Item } = await ddb.send(new GetCommand({ TableName: 'processed', Key: { pk: event.id } }));
  return { id: sent.MessageId, status: sent.$metadata.httpStatusCode, item: Item };
};`;
    const { outcomes } = await run(code, [{ id: 'o-1' }, { id: 'o-1' }], {
      services: { dynamodb: { tables: { processed: { partitionKey: 'pk' } } } },
    });
    expect(results(outcomes)).toEqual([
      { id: 'msg-000001', status: 200, item: { pk: 'o-1' } },
      { duplicate: true, name: 'ConditionalCheckFailedException', message: 'The conditional request failed' },
    ]);
  });

  it('invokes another function and reads an object through the SDK', async () => {
    const code = `import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const lambda = new LambdaClient({});
const s3 = new S3Client({});
export const handler = async () => {
  const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'thumbnail', Payload: JSON.stringify({ a: 1 }) }));
  const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  return { status: invoked.StatusCode, payload: JSON.parse(new TextDecoder().decode(invoked.Payload)), lines: (await object.Body.transformToString()).split('\\n').length };
};`;
    const { outcomes } = await run(code, [{}], {
      memoryMb: 256,
      services: { s3: { objects: { 'b/k': { sizeBytes: 1000, lines: 3 } } } },
    });
    expect(results(outcomes)).toEqual([{ status: 200, payload: { ok: true, function: 'thumbnail' }, lines: 3 }]);
  });
});

describe('imports that do not resolve fail as Node.js reports them, as Runtime.ImportModuleError', () => {
  it.each([
    ['uuid', "Error: Cannot find package 'uuid' imported from /var/task/index.mjs"],
    ['./lib/db.mjs', "Error: Cannot find module '/var/task/lib/db.mjs' imported from /var/task/index.mjs"],
    ['node:nope', 'Error: No such built-in module: node:nope'],
    ['node:net', "Error: The playground does not emulate 'node:net'"],
  ])('%s', async (specifier, message) => {
    const { outcomes } = await run(`import x from '${specifier}';\nexport const handler = async () => x;`);
    expect(outcomes[0]).toMatchObject({
      kind: 'error',
      phase: 'init',
      errorType: 'Runtime.ImportModuleError',
      errorMessage: message,
    });
  });
});

describe('the /tmp store', () => {
  it('stores runs of zeros by length, and reads back exactly what was written, at any alignment', () => {
    const { fs, usedBytes } = createFs({ capacityBytes: 1024 * 1024, maxOpenFiles: 1024 });
    const backing = new Uint8Array(20_003);
    backing[10_001] = 7;
    fs.writeFileSync('/tmp/mixed', backing.subarray(1)); // offset 1: not aligned, one non-zero byte
    fs.appendFileSync('/tmp/mixed', new Uint8Array(8_192)); // all zeros
    const read = fs.readFileSync('/tmp/mixed') as Uint8Array;
    expect(read.length).toBe(20_002 + 8_192);
    expect(read[10_000]).toBe(7);
    expect(read.reduce((sum, byte) => sum + byte, 0)).toBe(7);
    expect(usedBytes()).toBe(20_002 + 8_192);
    fs.rmSync('/tmp/mixed');
    expect(usedBytes()).toBe(0);
  });
});
