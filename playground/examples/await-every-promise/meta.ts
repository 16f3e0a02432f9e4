import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Await every promise inside the invocation',
  pattern: 'awaiting every promise',
  explanation:
    'A promise that is started and not awaited outlives the invocation: Lambda freezes the environment once the handler answers, and the work resumes in whichever invocation comes next. When it then fails, no code is waiting for it, and the Node.js runtime reports Runtime.UnhandledPromiseRejection and exits, failing an invocation that did nothing wrong. Await the work, and handle its failure where it happens.',
  relatedErrors: ['runtime-exit-error'],
  events: [{ orderId: 'o-1' }, { orderId: 'o-2' }, { orderId: 'o-3' }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  services: {
    http: { 'audit.example.com': { failureRate: 1, failureStatus: 503, latencyMs: { median: 40, p99: 90 } } },
  },
  signature: {
    pattern: 'Unhandled Promise Rejection \\t\\{"errorType":"Runtime\\.UnhandledPromiseRejection"',
    description: 'the runtime reports Runtime.UnhandledPromiseRejection',
  },
} satisfies ExampleMeta;
