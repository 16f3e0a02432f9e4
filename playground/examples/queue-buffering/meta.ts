import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Buffer bursts through a queue',
  pattern: 'buffering through a queue',
  explanation:
    'Lambda scales to a burst faster than most downstream services can. Calling the downstream directly passes the burst on, and it answers 429 Too Many Requests. Writing the work to an SQS queue accepts the burst at once; a consumer with a small reserved concurrency then drains the queue at a rate the service can take.',
  relatedErrors: ['throttling-rate-exceeded', 'concurrency-quota'],
  events: [{ items: 40 }],
  settings: { timeoutSeconds: 10, memoryMb: 256 },
  services: { http: { 'inventory.example.com': { maxConcurrent: 4, latencyMs: { median: 150, p99: 400 } } } },
  signature: {
    pattern: 'inventory update failed: HTTP 429',
    description: 'the inventory service answers 429 Too Many Requests',
  },
} satisfies ExampleMeta;
