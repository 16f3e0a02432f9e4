import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Load configuration with retries, not in one shot at init',
  pattern: 'retrying what init depends on',
  explanation:
    'Code at the top level runs once per execution environment, during init. If it calls a dependency once and that call fails, the whole init fails: Lambda reports INIT_REPORT … Status: error, retries the init inside the invocation, and every invocation on that environment fails the same way. Load what the handler needs on first use, retry transient failures, and keep the result.',
  relatedErrors: ['init-phase-error'],
  events: [{ total: 100 }, { total: 40 }, { total: 75 }],
  settings: { timeoutSeconds: 5, memoryMb: 256 },
  services: {
    http: {
      'config.example.com': {
        failureRate: 0.75,
        failureStatus: 503,
        latencyMs: { median: 30, p99: 80 },
        body: { discount: 0.1 },
      },
    },
  },
  signature: {
    pattern: 'INIT_REPORT Init Duration: \\d+\\.\\d{2} ms\\tPhase: init\\tStatus: error',
    description: 'INIT_REPORT … Phase: init, Status: error',
  },
} satisfies ExampleMeta;
