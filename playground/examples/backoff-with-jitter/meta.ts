import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Retry throttled calls with exponential backoff and jitter',
  pattern: 'exponential backoff with jitter',
  explanation:
    'A throttle means "not now", and an immediate retry asks again at the same moment, together with every other throttled caller. Waiting longer after each failure (exponential backoff) and picking a random point in that wait (jitter) spreads the retries out, so they fit under the concurrency limit. Here twenty invocations meet a limit of five.',
  relatedErrors: ['throttling-rate-exceeded', 'concurrency-quota'],
  events: [{ jobs: 20 }],
  settings: { timeoutSeconds: 30, memoryMb: 256 },
  services: { lambda: { concurrencyLimit: 5, latencyMs: { median: 200, p99: 600 } } },
  signature: {
    pattern: '"errorType":"TooManyRequestsException","errorMessage":"Rate Exceeded\\."',
    description: 'TooManyRequestsException: Rate Exceeded. after the retries ran out',
  },
} satisfies ExampleMeta;
