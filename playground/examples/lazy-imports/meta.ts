import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Import heavy libraries lazily',
  pattern: 'lazy imports',
  explanation:
    'Everything imported at the top level is evaluated during init, before the first event is handled, and init time is billed and felt as cold-start latency. A library that only some events need can be loaded on first use instead: the common path gets a short Init Duration, and the rare path pays once per execution environment.',
  relatedErrors: ['slow-cold-starts', 'high-lambda-cost'],
  events: [{ type: 'ping' }, { type: 'ping' }, { type: 'ping' }],
  settings: { timeoutSeconds: 10, memoryMb: 512 },
  services: { libraries: { 'pdf-renderer': { cpuMs: 900, memoryMb: 60 } } },
  signature: {
    pattern: 'Init Duration: \\d{4,}\\.\\d{2} ms',
    description: 'an Init Duration of a second or more in REPORT',
  },
} satisfies ExampleMeta;
