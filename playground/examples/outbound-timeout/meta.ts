import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Give every outbound call a timeout',
  pattern: 'timeouts on outbound calls',
  explanation:
    'fetch has no timeout of its own. When a dependency accepts the connection but never answers, the handler waits until Lambda stops it at the function timeout, and the caller gets nothing useful. An AbortSignal.timeout shorter than the function timeout turns the hang into an error the code can handle: answer 503, log it, let the caller retry.',
  relatedErrors: ['task-timed-out', 'connection-refused-or-timed-out'],
  events: [{ orderId: 'o-1001' }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  services: { http: { 'payments.example.com': { hang: true } } },
  signature: {
    pattern: 'Duration: 3000\\.00 ms\\t.*Status: timeout',
    description: 'the REPORT line of a timed-out invocation (Status: timeout)',
  },
} satisfies ExampleMeta;
