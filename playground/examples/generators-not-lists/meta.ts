import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Yield rows with a generator instead of building a list',
  pattern: 'generators instead of lists',
  explanation:
    'A helper that returns a list has to hold every item before the caller sees the first one. With 120,000 orders of 2.5 KB the list alone is larger than the function. An async generator yields orders page by page, so the caller sums as it goes and memory stays at one page.',
  relatedErrors: ['out-of-memory'],
  events: [{}],
  settings: { timeoutSeconds: 60, memoryMb: 256 },
  services: { db: { connectionLimit: 10, tables: { orders: { rows: 120_000, rowBytes: 2560 } } } },
  signature: {
    pattern: 'Status: error\\tError Type: Runtime\\.OutOfMemory',
    description: 'the REPORT line of an out-of-memory kill (Error Type: Runtime.OutOfMemory)',
  },
} satisfies ExampleMeta;
