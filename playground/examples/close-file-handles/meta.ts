import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Close every file handle',
  pattern: 'closing file handles',
  explanation:
    'An execution environment may hold 1,024 open file descriptors, and it keeps them from one invocation to the next, like everything else in the process. A handle that is opened and never closed (a file, as here, or a socket that is never released) is a leak that no single invocation notices; some warm invocations later, open() fails with EMFILE: too many open files. Close handles in a finally block, and reuse clients rather than creating one per call.',
  relatedErrors: ['emfile-too-many-open-files'],
  events: [
    { batchId: 'b-1', records: 300 },
    { batchId: 'b-2', records: 300 },
    { batchId: 'b-3', records: 300 },
    { batchId: 'b-4', records: 300 },
  ],
  settings: { timeoutSeconds: 10, memoryMb: 256 },
  signature: {
    pattern: "EMFILE: too many open files, open '/tmp/",
    description: 'open() fails with EMFILE once the descriptors are used up',
  },
} satisfies ExampleMeta;
