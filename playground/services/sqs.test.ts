import { describe, expect, it } from 'vitest';
import { buildSqsEvents, failedRecordIds, isSqsEvent, readBatchItemFailures, settleBatch } from './sqs.ts';

describe('the SQS event source', () => {
  const [batch] = buildSqsEvents(['a', 'b', 'c'], 10);
  if (!batch) throw new Error('no batch built');

  it('builds batches of the requested size with stable ids', () => {
    const events = buildSqsEvents(['1', '2', '3', '4', '5'], 2);
    expect(events.map((event) => event.Records.length)).toEqual([2, 2, 1]);
    expect(events.every(isSqsEvent)).toBe(true);
    expect(isSqsEvent({ Records: [{ eventSource: 'aws:s3' }] })).toBe(false);
  });

  it('returns the whole batch after a failed invocation, with the receive count raised', () => {
    const { redeliver, deadLetters } = settleBatch(batch, undefined, 3);
    expect(redeliver?.Records.map((r) => r.body)).toEqual(['a', 'b', 'c']);
    expect(redeliver?.Records.every((r) => r.attributes.ApproximateReceiveCount === '2')).toBe(true);
    expect(deadLetters).toEqual([]);
  });

  it('returns only the records named in batchItemFailures', () => {
    const failed = readBatchItemFailures({ batchItemFailures: [{ itemIdentifier: batch.Records[1]?.messageId }] });
    const { redeliver } = settleBatch(batch, failed, 3);
    expect(redeliver?.Records.map((r) => r.body)).toEqual(['b']);
    expect(settleBatch(batch, [], 3).redeliver).toBeUndefined();
    expect(readBatchItemFailures({ statusCode: 200 })).toBeUndefined();
  });

  it('moves a record to the dead-letter queue at maxReceiveCount', () => {
    const third = {
      Records: batch.Records.map((r) => ({ ...r, attributes: { ...r.attributes, ApproximateReceiveCount: '3' } })),
    };
    const { redeliver, deadLetters } = settleBatch(third, undefined, 3);
    expect(redeliver).toBeUndefined();
    expect(deadLetters).toHaveLength(3);
  });

  it("reads a partial batch response by Lambda's rules: malformed fails the whole batch", () => {
    const [first, second] = batch.Records.map((record) => record.messageId);
    expect(failedRecordIds(batch, null)).toEqual([]);
    expect(failedRecordIds(batch, { statusCode: 200 })).toEqual([]);
    expect(failedRecordIds(batch, { batchItemFailures: [] })).toEqual([]);
    expect(failedRecordIds(batch, { batchItemFailures: null })).toEqual([]);
    expect(failedRecordIds(batch, { batchItemFailures: [{ itemIdentifier: second }] })).toEqual([second]);
    for (const malformed of [
      { batchItemFailures: [{ itemIdentifier: '' }] },
      { batchItemFailures: [{ itemIdentifier: null }] },
      { batchItemFailures: [{ id: first }] },
      { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] },
      { batchItemFailures: 'all of them' },
    ]) {
      expect(failedRecordIds(batch, malformed)).toBeUndefined();
    }
  });
});
