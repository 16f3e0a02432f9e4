import type { ExampleMeta } from '../types.ts';

export default {
  title: 'Keep init under its 10-second limit',
  pattern: 'keeping init within its limit',
  explanation:
    'On demand, Lambda gives the init phase (everything at the top level of the module) 10 seconds. Past that it reports INIT_REPORT … Status: timeout and retries the init inside the first invocation, where it must also fit in the function timeout. Work that takes longer belongs in the handler, loaded on first use and kept, or in a bigger memory size that gives it more CPU.',
  relatedErrors: ['init-phase-timeout'],
  events: [{ claimId: 'c-1' }, { claimId: 'c-2' }],
  settings: { timeoutSeconds: 30, memoryMb: 1024 },
  services: { libraries: { 'rules-engine': { cpuMs: 7000, memoryMb: 120 } } },
  signature: {
    pattern: 'INIT_REPORT Init Duration: \\d+\\.\\d{2} ms\\tPhase: init\\tStatus: timeout',
    description: 'INIT_REPORT … Phase: init, Status: timeout',
  },
} satisfies ExampleMeta;
