import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Ship every package the code imports',
  pattern: 'bundling every dependency',
  explanation:
    'A package that is installed locally but missing from the deployment package (a devDependency, a package left out of the zip or the layer) fails the import during init: the Node.js runtime reports Runtime.ImportModuleError and no invocation can run. Bundle the code with its dependencies, or use what the runtime already provides.',
  relatedErrors: ['import-module-error'],
  events: [{ items: ['a', 'b'] }, { items: ['c'] }],
  settings: { timeoutSeconds: 3, memoryMb: 256 },
  signature: {
    pattern: '"errorType":"Runtime\\.ImportModuleError","errorMessage":"Error: Cannot find package \'uuid\'',
    description: "Runtime.ImportModuleError: Cannot find package 'uuid'",
  },
} satisfies ExampleMeta;
