import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Stop before the deadline with getRemainingTimeInMillis()',
  pattern: 'stopping before the deadline',
  explanation:
    'A function that works until it is done gets stopped mid-item when it reaches its timeout, and whatever it had not saved is lost. context.getRemainingTimeInMillis() tells the handler how long it has left, so it can stop with a safety margin, save its place, and hand the rest to the next invocation (or to Step Functions) instead of timing out.',
  relatedErrors: ['task-timed-out'],
  events: [{ items: 60 }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  signature: {
    pattern: 'Duration: 3000\\.00 ms\\t.*Status: timeout',
    description: 'the REPORT line of a timed-out invocation (Status: timeout)',
  },
} satisfies ExampleMeta;
