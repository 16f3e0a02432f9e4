import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Export the handler under the name the configuration says',
  pattern: 'matching the handler setting',
  explanation:
    'The handler setting names a file and an export (index.handler means the export `handler` of index.mjs). A renamed or default export leaves the runtime with nothing to call, and it fails every invocation with Runtime.HandlerNotFound. Export the function under the configured name, or change the setting to match.',
  relatedErrors: ['handler-not-found'],
  events: [{ name: 'Ada' }, { name: 'Grace' }],
  settings: { timeoutSeconds: 3, memoryMb: 128 },
  signature: {
    pattern: '"errorType":"Runtime\\.HandlerNotFound","errorMessage":"index\\.handler is undefined or not exported"',
    description: 'Runtime.HandlerNotFound: index.handler is undefined or not exported',
  },
} satisfies ExampleMeta;
