import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Log structured JSON, not concatenated strings',
  pattern: 'structured logging',
  explanation:
    'String concatenation loses information (an object becomes [object Object]) and leaves fields buried in prose that Logs Insights can only reach with parse and a regex. Logging one JSON object per line keeps every field, and Logs Insights discovers JSON fields automatically, so "all errors for customer c-7" is a filter rather than a parsing exercise.',
  relatedErrors: ['task-timed-out'],
  events: [{ orderId: 'o-42', customer: { id: 'c-7', tier: 'gold' } }],
  settings: { timeoutSeconds: 3, memoryMb: 128 },
  signature: { pattern: '\\[object Object\\]', description: 'an object printed as [object Object]' },
} satisfies ExampleMeta;
