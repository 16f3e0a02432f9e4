/**
 * Generates the query builder's sample logs (src/insights/sample-logs.generated.ts) from the
 * emulated Lambda runtime (playground/runtime) and the entries' own verbatim messages, so that every
 * Logs Insights query an entry publishes has something to find. Run `npm run sample-logs` after
 * adding or changing an entry; tests/unit/sample-logs.test.ts fails while the file is out of date.
 *
 * What goes in, in this order of time (each block is a log stream of its own):
 * - runs of real handler code in the emulator: healthy SQS batches with timeouts, thrown errors and
 *   an out-of-memory kill (today's text format, the legacy one with `Task timed out` lines, and
 *   the JSON format), a failing init, an init that hangs, a long invocation, a stream consumer that
 *   logs the shard and sequence number of a failing record;
 * - one invocation per entry whose handler logs each of the entry's messages with console.error
 *   (messages that Lambda itself prints, such as INIT_REPORT or REPORT lines, are written into the
 *   stream as they are instead);
 * - CloudTrail records for the messages that are an AWS API's refusal (an error code, an operation),
 *   each after a successful call of the same operation, as a trail delivered to CloudWatch Logs
 *   holds them.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulate, type InvocationOutcome, type LogFormat } from '../playground/runtime/index.ts';
import { seededRandom } from '../src/insights/sample.ts';
import { readEntryFiles } from '../src/schema/files.ts';

/** 2024-03-04T12:00:00Z, the origin the builder's sample has always had. */
const ORIGIN = Date.UTC(2024, 2, 4, 12, 0, 0);
const ACCOUNT = '123456789012';
export const sampleLogsFile = 'src/insights/sample-logs.generated.ts';

interface EntryMessages {
  id: string;
  messages: { text: string; errorType?: string }[];
}

/** A line Lambda itself writes to the function's log group, rather than the function's code. */
const platformLine = /^(INIT_START|INIT_REPORT|RESTORE_START|RESTORE_REPORT|START|END|REPORT|EXTENSION|TELEMETRY)\b/;

const healthyHandler = `
import { cpu, retain, release, sleep } from 'lambda-playground';
export const handler = async (event) => {
  for (const record of event.Records ?? []) {
    console.log(JSON.stringify({ level: 'INFO', message: 'processing record', messageId: record.messageId }));
    cpu(record.work ?? 20);
    retain(record.bytes ?? 0);
    if (record.hang) await new Promise(() => {});
    if (record.keep) { retain(record.keep); }
    if (record.bad) throw new TypeError("Cannot read properties of undefined (reading 'id')");
    await sleep(record.wait ?? 5);
    release(record.bytes ?? 0);
  }
  return { batchItemFailures: [] };
};`;

const streamHandler = `
export const handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    const { shardId, sequenceNumber } = record.kinesis;
    try {
      if (record.kinesis.data === 'bad') throw new SyntaxError('Unexpected token } in JSON at position 12');
    } catch (error) {
      console.error('Error processing record', JSON.stringify({ shardId, sequenceNumber, error: String(error) }));
      failures.push({ itemIdentifier: sequenceNumber });
    }
  }
  return { batchItemFailures: failures };
};`;

const initErrorHandler = `
throw new Error('Missing required environment variable TABLE_NAME');
export const handler = async () => 'never';`;

const initHangHandler = `
import { sleep } from 'lambda-playground';
await sleep(60_000);
export const handler = async () => 'never';`;

const longHandler = `
import { sleep } from 'lambda-playground';
export const handler = async (event) => { await sleep(event.ms); return 'done'; };`;

const messageHandler = `
export const handler = async (event) => {
  for (const line of event.lines) console.error(line);
  return 'logged';
};`;

function sqsBatches(seed: number, count: number, failures: boolean): unknown[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const roll = next();
    const size = 1 + Math.floor(next() * 3);
    return {
      Records: Array.from({ length: size }, (_, i) => ({
        messageId: `${(seed + n * 7 + i).toString(16).padStart(8, '0')}-4b2c-4d1e-9f00-${String(n * 10 + i).padStart(12, '0')}`,
        work: Math.round(5 + next() ** 3 * 900),
        wait: Math.round(next() * 300),
        bytes: Math.round(next() ** 2 * 150) * 1024 * 1024,
        hang: failures && i === 0 && roll < 0.06,
        bad: failures && i === 0 && roll >= 0.06 && roll < 0.14,
        keep: failures && i === 0 && roll >= 0.14 && roll < 0.17 ? 400 * 1024 * 1024 : 0,
      })),
    };
  });
}

interface Block {
  stream: string;
  lines: { time: number; message: string }[];
}

const streamName = (time: number, n: number) =>
  `${new Date(time).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${n.toString(16).padStart(32, '0')}`;

/**
 * Times each line of a run: lines that carry a time keep it, START/END/REPORT take their
 * invocation's start and end, and the others (INIT_START, INIT_REPORT) the next known time.
 */
function timeLines(logs: string[], outcomes: InvocationOutcome[]): { time: number; message: string }[] {
  const byId = new Map(outcomes.map((o) => [o.requestId, o]));
  const times: (number | undefined)[] = logs.map((line) => {
    const iso = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)/.exec(line)?.[1];
    if (iso) return Date.parse(iso);
    if (line.startsWith('{')) {
      const json = JSON.parse(line) as { time?: string; timestamp?: string };
      const stamp = json.time ?? json.timestamp;
      if (stamp) return Date.parse(stamp);
    }
    const id = /RequestId: ([0-9a-f-]{36})/.exec(line)?.[1];
    const outcome = id ? byId.get(id) : undefined;
    if (!outcome) return undefined;
    const start = outcome.startEpochMs + (outcome.initDurationMs ?? 0);
    return line.startsWith('START') ? start : start + outcome.durationMs;
  });
  // INIT_START and INIT_REPORT belong to the next invocation: its start (init included) or, failing that, its first line.
  let nextStart: number | undefined;
  for (let i = times.length - 1; i >= 0; i--) {
    const id = /RequestId: ([0-9a-f-]{36})/.exec(logs[i] ?? '')?.[1];
    const outcome = id ? byId.get(id) : undefined;
    if (outcome) nextStart = outcome.startEpochMs;
    times[i] ??= logs[i]?.startsWith('INIT_START') ? nextStart : (times[i + 1] ?? nextStart);
  }
  let last = outcomes[0]?.startEpochMs ?? ORIGIN;
  return logs.map((message, i) => {
    last = Math.max(last, Math.round(times[i] ?? last));
    return { time: last, message };
  });
}

async function run(
  name: string,
  code: string,
  events: unknown[],
  start: number,
  options: { logFormat?: LogFormat; timeoutSeconds?: number; memoryMb?: number; seed: number; idleMs?: number },
): Promise<Block[]> {
  const result = await emulate({
    code,
    events,
    startEpochMs: start,
    seed: options.seed,
    functionName: name,
    timeoutSeconds: options.timeoutSeconds ?? 6,
    memoryMb: options.memoryMb ?? 512,
    idleMsBetweenInvocations: options.idleMs ?? 20_000,
    // Real time is not what the emulator measures; a generous watchdog keeps a busy machine's
    // slow Worker start from turning into a timeout that a quiet machine would not produce.
    watchdogMs: 20_000,
    ...(options.logFormat ? { logFormat: options.logFormat } : {}),
  });
  // A new execution environment (INIT_START, or the first line) opens a new log stream, as in Lambda.
  const blocks: Block[] = [];
  for (const line of timeLines(result.logs, result.outcomes)) {
    const opens =
      blocks.length === 0 || line.message.startsWith('INIT_START') || line.message.includes('"platform.initStart"');
    if (opens) blocks.push({ stream: streamName(line.time, options.seed * 100 + blocks.length), lines: [] });
    blocks.at(-1)?.lines.push(line);
  }
  return blocks;
}

/** The parts of an AWS API refusal a CloudTrail record carries, when the message is one. */
export function apiError(
  text: string,
  errorType?: string,
): { code: string; operation?: string; message: string } | undefined {
  const operation =
    /when calling the (\w+) operation/.exec(text)?.[1] ??
    /for the (\w+) operation/.exec(text)?.[1] ??
    /perform: lambda:(\w+)/.exec(text)?.[1];
  const code =
    /An error occurred \((\w+)\)/.exec(text)?.[1] ??
    /[;(] ?Error Code: (\w+)/.exec(text)?.[1] ??
    (errorType && /^[A-Z]\w+(Exception|Error|Fault)$/.test(errorType) ? errorType : undefined) ??
    /\b([A-Z]\w+Exception)\b/.exec(text)?.[1];
  if (!code && !operation) return undefined;
  const message = (/operation: (.*)$/s.exec(text)?.[1] ?? /Exception: (.*)$/s.exec(text)?.[1] ?? text).trim();
  return { code: code ?? 'ValidationException', ...(operation ? { operation } : {}), message };
}

function cloudTrail(entries: EntryMessages[], start: number): Block {
  const lines: { time: number; message: string }[] = [];
  let time = start;
  const record = (fields: Record<string, unknown>) => {
    time += 7_000;
    lines.push({
      time,
      message: JSON.stringify({
        eventVersion: '1.09',
        eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        eventSource: 'lambda.amazonaws.com',
        awsRegion: 'us-east-1',
        userIdentity: { invokedBy: 'cloudformation.amazonaws.com' },
        ...fields,
      }),
    });
  };
  // What a deployment leaves in the trail before any function fails: its role, then its event
  // source mapping, later switched off by an operator (the records entries query around refusals).
  const deployer = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci`, invokedBy: 'cloudformation.amazonaws.com' };
  for (const eventName of ['CreateRole', 'AttachRolePolicy']) {
    record({
      eventSource: 'iam.amazonaws.com',
      eventName,
      userIdentity: deployer,
      requestParameters: { roleName: 'orders-fn-role' },
    });
  }
  const mapping = { uUID: '6d4f1c2e-0b1a-4c55-9e7a-2f1f0d9c8b31', functionName: 'orders-fn' };
  record({
    eventName: 'CreateEventSourceMapping20150331',
    userIdentity: deployer,
    requestParameters: { ...mapping, enabled: true },
  });
  record({
    eventName: 'UpdateEventSourceMapping20150331',
    userIdentity: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/operator/alice` },
    requestParameters: { ...mapping, enabled: false },
  });
  for (const entry of entries) {
    const functionName = `${entry.id}-fn`;
    for (const message of entry.messages) {
      const error = apiError(message.text, message.errorType);
      if (!error) continue;
      // CloudFront's refusals (Lambda@Edge associations) are recorded by CloudFront, not Lambda.
      const service = /CloudFront|InvalidLambdaFunctionAssociation/.test(message.text)
        ? {
            eventSource: 'cloudfront.amazonaws.com',
            requestParameters: { distributionConfig: { comment: functionName } },
          }
        : { requestParameters: { functionName, statementId: `${entry.id}-permission` } };
      const base = { ...(error.operation ? { eventName: error.operation } : {}), ...service };
      // The failing call follows a successful one of the same operation, as in any trail.
      if (error.operation) record(base);
      // A refusal Lambda passes on from EC2 follows EC2's own refusal of the call Lambda made.
      const ec2Code = /EC2 Error Code:\s*(\w+)/.exec(message.text)?.[1];
      if (ec2Code)
        record({
          eventSource: 'ec2.amazonaws.com',
          eventName: 'CreateNetworkInterface',
          userIdentity: {
            arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${functionName}-role/${functionName}`,
            invokedBy: 'lambda.amazonaws.com',
          },
          errorCode: ec2Code,
          errorMessage: /EC2 Error Message:\s*([^.]*)/.exec(message.text)?.[1] ?? ec2Code,
        });
      record({ ...base, errorCode: error.code, errorMessage: error.message });
    }
  }
  return { stream: `${ACCOUNT}_CloudTrail_us-east-1`, lines };
}

/** The sample logs, one `aws logs tail` line per event (`<time> <stream> <message>`). */
export async function generateSampleLogLines(entries: EntryMessages[] = readEntries()): Promise<string[]> {
  const minute = 60_000;
  const blocks: Block[] = [
    ...(await run('orders', healthyHandler, sqsBatches(1, 60, true), ORIGIN, { seed: 1, idleMs: 60_000 })),
    ...(await run('orders-legacy', healthyHandler, sqsBatches(2, 30, true), ORIGIN + 2 * minute, {
      seed: 2,
      logFormat: 'text-legacy',
    })),
    ...(await run('orders-json', healthyHandler, sqsBatches(3, 20, true), ORIGIN + 4 * minute, {
      seed: 3,
      logFormat: 'json',
    })),
    ...(await run('config-loader', initErrorHandler, [{}, {}], ORIGIN + 6 * minute, { seed: 4 })),
    ...(await run('config-loader-hang', initHangHandler, [{}], ORIGIN + 8 * minute, { seed: 5 })),
    ...(await run('report-export', longHandler, [{ ms: 75_000 }, { ms: 4_000 }], ORIGIN + 10 * minute, {
      seed: 6,
      timeoutSeconds: 900,
    })),
    ...(await run(
      'stream-consumer',
      streamHandler,
      [1, 2, 3].map((batch) => ({
        Records: ['ok', batch === 2 ? 'bad' : 'ok'].map((data, i) => ({
          kinesis: {
            data,
            shardId: `shardId-00000000000${i}`,
            sequenceNumber: `4959${batch}${i}00000000000000000000000000000000000000000000000`,
          },
        })),
      })),
      ORIGIN + 12 * minute,
      { seed: 7 },
    )),
  ];
  // One invocation per entry: its messages as the function's own log lines, Lambda's lines as they are.
  const logged = entries.map((entry) => ({
    lines: entry.messages.map((m) => m.text).filter((text) => !platformLine.test(text)),
  }));
  const messageBlocks = await run('field-guide-messages', messageHandler, logged, ORIGIN + 20 * minute, {
    seed: 8,
    idleMs: 5_000,
  });
  const platform = entries.flatMap((entry) => entry.messages.map((m) => m.text).filter((t) => platformLine.test(t)));
  const last = messageBlocks.at(-1);
  if (last) {
    let time = last.lines.at(-1)?.time ?? ORIGIN;
    for (const text of platform) {
      time += 1_000;
      last.lines.push({ time, message: text });
    }
  }
  blocks.push(...messageBlocks, cloudTrail(entries, ORIGIN + 40 * minute));

  const events = blocks.flatMap((block) => block.lines.map((line) => ({ ...line, stream: block.stream })));
  events.sort((a, b) => a.time - b.time);
  return events.map(({ time, stream, message }) => {
    // An event's later lines are indented, which the reader of pasted logs takes as its continuation.
    const text = message.replaceAll('\r', '\n').replaceAll('\n', '\n    ');
    return `${new Date(time).toISOString()} ${stream} ${text}`;
  });
}

function readEntries(): EntryMessages[] {
  return readEntryFiles().map(({ file, data }) => {
    const d = data as { id?: string; messages?: { text?: unknown; errorType?: unknown }[] };
    return {
      id: String(d.id ?? file),
      messages: (d.messages ?? []).map((m) => ({
        text: String(m.text ?? ''),
        ...(typeof m.errorType === 'string' ? { errorType: m.errorType } : {}),
      })),
    };
  });
}

export function renderModule(lines: readonly string[]): string {
  return [
    '// Generated by scripts/sample-logs.ts (npm run sample-logs): do not edit.',
    "// The query builder's sample logs, one `aws logs tail` line per event.",
    `export const sampleLogLines: readonly string[] = ${JSON.stringify(lines, null, 2)};`,
    '',
  ].join('\n');
}

if (import.meta.main) {
  const lines = await generateSampleLogLines();
  const path = join(process.cwd(), sampleLogsFile);
  writeFileSync(path, renderModule(lines));
  execFileSync('npx', ['biome', 'format', '--write', sampleLogsFile], { stdio: 'inherit' });
  console.log(`${sampleLogsFile}: ${lines.length} lines`);
}
