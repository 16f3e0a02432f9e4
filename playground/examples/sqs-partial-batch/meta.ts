import { buildSqsEvents } from '../../services/sqs.ts';
import type { ExampleMeta } from '../types.ts';

const orders = Array.from({ length: 10 }, (_, index) => ({ id: `o-${index + 1}`, quantity: index === 3 ? 0 : 2 }));

export default {
  title: 'Report partial batch failures from SQS',
  pattern: 'batch processing with partial failures',
  explanation:
    'With an SQS event source, a handler that throws fails the whole batch: every message returns to the queue and the good ones are processed again. Returning batchItemFailures (with ReportBatchItemFailures enabled on the event source mapping) names only the messages that failed, so the others are deleted and only the bad one is retried until it goes to the dead-letter queue.',
  relatedErrors: ['sqs-partial-batch-failures', 'sqs-visibility-timeout'],
  events: buildSqsEvents(
    orders.map((order) => JSON.stringify(order)),
    5,
  ),
  settings: { timeoutSeconds: 10, memoryMb: 256 },
  sqsRedrive: { maxReceiveCount: 3 },
  signature: { pattern: 'Invoke Error .*invalid order o-4', description: 'the whole batch fails on order o-4' },
} satisfies ExampleMeta;
