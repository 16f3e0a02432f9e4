/**
 * An SQS-like queue: a client to send messages (the buffering pattern), and the event source side
 * that builds SQS batch events and decides, from an invocation's outcome, which records come back.
 * A failed invocation returns the whole batch to the queue; a successful one returns only the
 * records named in `batchItemFailures`. A record received `maxReceiveCount` times goes to the DLQ.
 */
import { sampleLatency } from '../runtime/prng.ts';
import type { SqsConfig } from './config.ts';
import { delay, type ServiceContext } from './context.ts';

export class SqsError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}

export function createSqs(context: ServiceContext, config: SqsConfig = {}) {
  const random = context.random('sqs');
  const latency = config.sendLatencyMs ?? { median: 12, p99: 45 };
  const queues = new Map<string, string[]>();
  let sequence = 0;

  const enqueue = (queueUrl: string, body: string) => {
    const messages = queues.get(queueUrl) ?? [];
    messages.push(body);
    queues.set(queueUrl, messages);
    sequence += 1;
    return `msg-${sequence.toString().padStart(6, '0')}`;
  };

  return {
    async sendMessage(input: { QueueUrl: string; MessageBody: string }) {
      await delay(context, sampleLatency(random, latency.median, latency.p99));
      return { MessageId: enqueue(input.QueueUrl, input.MessageBody) };
    },
    async sendMessageBatch(input: { QueueUrl: string; Entries: { Id: string; MessageBody: string }[] }) {
      if (input.Entries.length > 10) {
        throw new SqsError(
          `Maximum number of entries per request are 10. You have sent ${input.Entries.length}.`,
          'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
        );
      }
      await delay(context, sampleLatency(random, latency.median, latency.p99));
      return {
        Successful: input.Entries.map((entry) => ({
          Id: entry.Id,
          MessageId: enqueue(input.QueueUrl, entry.MessageBody),
        })),
        Failed: [],
      };
    },
    /** Messages sent so far to `queueUrl`. */
    depth: (queueUrl: string) => queues.get(queueUrl)?.length ?? 0,
  };
}

export interface SqsRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: { ApproximateReceiveCount: string; SentTimestamp: string };
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
}

export interface SqsEvent {
  Records: SqsRecord[];
}

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:123456789012:orders';

/** Splits message bodies into SQS batch events of `batchSize`, with stable message ids. */
export function buildSqsEvents(bodies: string[], batchSize = 10, sentTimestamp = 0): SqsEvent[] {
  const records = bodies.map(
    (body, index): SqsRecord => ({
      messageId: `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`,
      receiptHandle: `handle-${index}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(sentTimestamp) },
      eventSource: 'aws:sqs',
      eventSourceARN: QUEUE_ARN,
      awsRegion: 'us-east-1',
    }),
  );
  const events: SqsEvent[] = [];
  for (let start = 0; start < records.length; start += batchSize) {
    events.push({ Records: records.slice(start, start + batchSize) });
  }
  return events;
}

export function isSqsEvent(event: unknown): event is SqsEvent {
  const records = (event as { Records?: unknown } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && records.every((record) => record?.eventSource === 'aws:sqs');
}

/**
 * The records an invocation hands back to the queue. `failedIds` is undefined when the whole
 * invocation failed, or the `itemIdentifier`s of a successful partial-batch response.
 */
export function settleBatch(
  event: SqsEvent,
  failedIds: string[] | undefined,
  maxReceiveCount: number,
): { redeliver: SqsEvent | undefined; deadLetters: SqsRecord[] } {
  const failed = failedIds === undefined ? event.Records : event.Records.filter((r) => failedIds.includes(r.messageId));
  const redeliver: SqsRecord[] = [];
  const deadLetters: SqsRecord[] = [];
  for (const record of failed) {
    const received = Number(record.attributes.ApproximateReceiveCount);
    if (received >= maxReceiveCount) deadLetters.push(record);
    else
      redeliver.push({
        ...record,
        attributes: { ...record.attributes, ApproximateReceiveCount: String(received + 1) },
      });
  }
  return { redeliver: redeliver.length > 0 ? { Records: redeliver } : undefined, deadLetters };
}

/** The itemIdentifiers of a partial batch response, or undefined if the result is not one. */
export function readBatchItemFailures(result: unknown): string[] | undefined {
  const failures = (result as { batchItemFailures?: unknown } | null)?.batchItemFailures;
  if (!Array.isArray(failures)) return undefined;
  return failures.map((failure) => String((failure as { itemIdentifier?: unknown })?.itemIdentifier));
}

/**
 * The records of `event` that a successful invocation's response reports as failed, by Lambda's
 * rules for partial batch responses (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html):
 * no response, no `batchItemFailures` or an empty list mean the whole batch succeeded; an
 * `itemIdentifier` that is missing, null, empty or not a message of the batch (or a list that is
 * not a list) makes Lambda treat the whole batch as failed (`undefined` here, as for a failed
 * invocation).
 */
export function failedRecordIds(event: SqsEvent, result: unknown): string[] | undefined {
  if (result === null || result === undefined || typeof result !== 'object') return [];
  const failures = (result as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) return undefined;
  const ids = new Set(event.Records.map((record) => record.messageId));
  const failed: string[] = [];
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !ids.has(id)) return undefined;
    failed.push(id);
  }
  return failed;
}
