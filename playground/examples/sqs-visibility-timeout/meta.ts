import { buildSqsEvents } from '../../services/sqs.ts';
import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Give SQS messages a visibility timeout longer than the function',
  pattern: 'sizing the visibility timeout',
  explanation:
    "When Lambda takes a batch from SQS, the messages are hidden for the queue's visibility timeout and deleted only after the function succeeds. If the invocation takes longer than that, the messages reappear before they are deleted and are delivered again (in Lambda, often to another execution environment at the same time): each order here is shipped twice, and after the third delivery healthy messages land in the dead-letter queue. Lambda refuses to create a mapping whose visibility timeout is shorter than the function timeout, but not a function timeout raised later. Set the visibility timeout to six times the function timeout.",
  relatedErrors: ['sqs-visibility-timeout'],
  events: buildSqsEvents(
    ['o-1', 'o-2', 'o-3', 'o-4', 'o-5', 'o-6'].map((id) => JSON.stringify({ id })),
    3,
  ),
  settings: { timeoutSeconds: 60, memoryMb: 256 },
  services: { http: { 'shipping.example.com': { latencyMs: { median: 12_000, p99: 13_500 } } } },
  sqsRedrive: { maxReceiveCount: 3, visibilityTimeoutSeconds: 30 },
  afterSqsRedrive: { visibilityTimeoutSeconds: 360 },
  signature: {
    pattern: 'shipped o-\\d+ \\(delivery 2\\)',
    description: 'an order shipped a second time, on its second delivery',
  },
} satisfies ExampleMeta;
