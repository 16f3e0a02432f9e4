import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Stop calling a failing dependency with a circuit breaker',
  pattern: 'circuit breakers',
  explanation:
    'When a dependency is down, retrying it on every invocation spends each invocation\u2019s time (and your bill) waiting for failures, and piles more load on a service that is trying to recover. A circuit breaker counts consecutive failures and, past a threshold, skips the call for a while and answers with a degraded result at once. The state lives at module scope, so it carries across warm invocations.',
  relatedErrors: ['task-timed-out', 'high-lambda-cost'],
  events: [{ userId: 'u-1' }, { userId: 'u-2' }, { userId: 'u-3' }, { userId: 'u-4' }, { userId: 'u-5' }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  services: {
    http: {
      'recommendations.example.com': { failureRate: 1, failureStatus: 503, latencyMs: { median: 900, p99: 1500 } },
    },
  },
  signature: {
    pattern: 'Duration: 3000\\.00 ms\\t.*Status: timeout',
    description: 'the REPORT line of a timed-out invocation (Status: timeout)',
  },
} satisfies ExampleMeta;
