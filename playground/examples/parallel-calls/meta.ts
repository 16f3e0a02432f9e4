import type { ExampleMeta } from '../types.ts';

const skus = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9', 'j10'];

export default {
  title: 'Make independent calls concurrently',
  pattern: 'running independent calls concurrently',
  explanation:
    'Awaiting calls one after another adds their latencies: ten calls of 350 ms each need three and a half seconds, past a 3-second timeout, although none of them is slow. When the calls do not depend on each other, start them together and await them together: the invocation takes about as long as the slowest call.',
  relatedErrors: ['task-timed-out'],
  events: [{ skus }, { skus }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  services: { http: { 'prices.example.com': { latencyMs: { median: 350, p99: 600 }, body: { price: 5 } } } },
  signature: {
    pattern: 'Duration: 3000\\.00 ms\\t.*Status: timeout',
    description: 'the REPORT line of a timed-out invocation (Status: timeout)',
  },
} satisfies ExampleMeta;
