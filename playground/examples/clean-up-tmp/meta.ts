import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Delete what you write to /tmp',
  pattern: 'cleaning up /tmp',
  explanation:
    "/tmp is the function's only writable directory, and it is kept for the life of the execution environment: a file one invocation writes is still there for the next, on purpose (it is a cache). A handler that writes a temporary file and never deletes it fills the ephemeral storage (512 MB unless configured) a few warm invocations later, and the write fails with ENOSPC on an ordinary input. Delete the file in a finally block; raise the ephemeral storage only for files that really are that large.",
  relatedErrors: ['tmp-no-space-left'],
  events: Array.from({ length: 36 }, (_, index) => ({ accountId: `a-${index + 1}`, pages: 4 })),
  settings: { timeoutSeconds: 10, memoryMb: 512 },
  signature: {
    pattern: '"errorMessage":"ENOSPC: no space left on device, write"',
    description: 'the write fails with ENOSPC once /tmp is full',
  },
} satisfies ExampleMeta;
