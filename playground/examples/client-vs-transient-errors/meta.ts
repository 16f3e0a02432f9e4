import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Retry transient errors, not client errors',
  pattern: 'telling client errors from transient ones',
  explanation:
    'A 503 or a throttle says "try again later"; a 400 says "this request is wrong". Failing the invocation on a transient error turns a blip into an error for the caller, and retrying a client error wastes time and money on an answer that will not change. Classify the failure first: retry transient ones with backoff, return client errors straight away.',
  relatedErrors: ['throttling-rate-exceeded', 'connection-refused-or-timed-out'],
  events: [{ amount: 10 }, { amount: 20 }, { invalid: true }, { amount: 30 }, { amount: 40 }],
  settings: { timeoutSeconds: 5, memoryMb: 256 },
  services: {
    http: {
      'billing.example.com': {
        failureRate: 0.5,
        failureStatus: 503,
        invalidRequestStatus: 400,
        latencyMs: { median: 80, p99: 300 },
      },
    },
  },
  signature: { pattern: 'billing failed: HTTP 503', description: 'a transient 503 fails the invocation' },
} satisfies ExampleMeta;
