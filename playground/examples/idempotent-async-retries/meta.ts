import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Make asynchronous handlers idempotent before Lambda retries them',
  pattern: 'idempotency under retries',
  explanation:
    'Lambda retries a failed asynchronous invocation twice by default, one minute and then two minutes later, with the same event, and may deliver an event more than once even without an error. A handler that fails after a side effect repeats the side effect on the retry: here a receipt service that fails now and then makes a customer pay twice. Record that the work was done under a key of the event (a conditional write to DynamoDB), skip it when the record exists, and configure an on-failure destination for events that fail every attempt.',
  relatedErrors: ['async-invocation-failures'],
  events: [
    { orderId: 'o-1', amount: 40 },
    { orderId: 'o-2', amount: 15 },
    { orderId: 'o-3', amount: 99 },
    { orderId: 'o-4', amount: 23 },
  ],
  settings: { timeoutSeconds: 10, memoryMb: 256 },
  services: {
    http: {
      'payments.example.com': { latencyMs: { median: 150, p99: 400 } },
      'receipts.example.com': { failureRate: 0.4, failureStatus: 503, latencyMs: { median: 60, p99: 200 } },
    },
    dynamodb: { tables: { payments: { partitionKey: 'orderId' } } },
  },
  asyncInvocation: { onFailure: 'arn:aws:sqs:us-east-1:123456789012:payments-failed' },
  signature: {
    pattern: 'charging card for order (o-\\d+)\\n[\\s\\S]*charging card for order \\1\\n',
    description: 'the same order charged a second time by the retry',
  },
} satisfies ExampleMeta;
