import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Initialise clients outside the handler',
  pattern: 'initialisation outside the handler',
  explanation:
    'Code at the top level of the module runs once per execution environment, during init; the handler runs on every invocation. Connecting inside the handler pays the connection latency every time and, if the connection is never closed, leaks one per invocation until the database refuses more. Connect at the top level and every warm invocation reuses the same connection.',
  relatedErrors: ['slow-cold-starts', 'connection-refused-or-timed-out'],
  events: [{ customerId: 'c-1' }, { customerId: 'c-2' }, { customerId: 'c-3' }, { customerId: 'c-4' }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  services: { db: { connectionLimit: 3 } },
  signature: { pattern: 'Too many connections', description: 'the database refuses the fourth connection' },
} satisfies ExampleMeta;
