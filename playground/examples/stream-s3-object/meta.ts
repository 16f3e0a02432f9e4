import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Stream large objects instead of loading them whole',
  pattern: 'streaming instead of loading whole objects',
  explanation:
    'transformToString() buffers the entire object before your code sees a byte, so the memory you need grows with the file. A 600 MB export in a 256 MB function gets the runtime killed. Reading the body as a stream, one line at a time, keeps only the current chunk in memory, so the same function handles any size.',
  relatedErrors: ['out-of-memory'],
  events: [{ bucket: 'exports', key: 'orders-2025-06.jsonl' }],
  settings: { timeoutSeconds: 30, memoryMb: 256 },
  services: { s3: { objects: { 'exports/orders-2025-06.jsonl': { sizeBytes: 600 * 1024 * 1024, lines: 20_000 } } } },
  signature: {
    pattern: 'Status: error\\tError Type: Runtime\\.OutOfMemory',
    description: 'the REPORT line of an out-of-memory kill (Error Type: Runtime.OutOfMemory)',
  },
} satisfies ExampleMeta;
