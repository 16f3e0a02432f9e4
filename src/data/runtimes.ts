import type { Runtime } from '../schema/errors';

/** How each runtime is named on pages and in filters. */
export const runtimeLabels: Record<Runtime, string> = {
  any: 'Any runtime',
  nodejs: 'Node.js',
  python: 'Python',
  java: 'Java',
  dotnet: '.NET',
  go: 'Go',
  ruby: 'Ruby',
  custom: 'Custom runtime',
};
