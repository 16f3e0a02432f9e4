import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Right-size memory: it buys CPU too',
  pattern: 'right-sizing memory',
  explanation:
    'Lambda allocates CPU in proportion to memory: 1,769 MB is one vCPU, 128 MB is about a fourteenth of one. CPU-bound code at the minimum size runs slowly, may time out, and can cost more than at a larger size, because the bill is memory times duration. Raising memory here cuts the duration eightfold; measure a few sizes and keep the cheapest that meets your latency.',
  relatedErrors: ['task-timed-out', 'high-lambda-cost'],
  events: [{ image: 'cat.jpg' }, { image: 'dog.jpg' }],
  settings: { timeoutSeconds: 6, memoryMb: 128 },
  afterSettings: { memoryMb: 1024 },
  signature: {
    pattern: 'Duration: 6000\\.00 ms\\t.*Status: timeout',
    description: 'the REPORT line of a timed-out invocation (Status: timeout)',
  },
} satisfies ExampleMeta;
