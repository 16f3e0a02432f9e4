import type { Category } from '../schema/errors.ts';

/** What each category covers; drives the index's grouping, the sidebar and the category pages. */
export interface CategoryInfo {
  id: Category;
  title: string;
  description: string;
}

export const categoryInfo: readonly CategoryInfo[] = [
  {
    id: 'timeouts',
    title: 'Timeouts',
    description: 'Invocations that run out of time, and the slow calls behind them.',
  },
  { id: 'memory', title: 'Memory', description: 'Functions that run out of memory or use far less than they pay for.' },
  {
    id: 'cold-starts',
    title: 'Cold starts',
    description: 'Slow or failing initialisation of new execution environments.',
  },
  {
    id: 'concurrency',
    title: 'Concurrency and throttling',
    description: 'Throttles, concurrency quotas and scaling limits.',
  },
  { id: 'cost', title: 'Cost', description: 'Bills that are higher than the work justifies.' },
  {
    id: 'deployment',
    title: 'Deployment',
    description: 'Packages, layers, configuration and updates that Lambda refuses.',
  },
  { id: 'permissions', title: 'Permissions', description: 'IAM, resource policies and KMS keys that deny an action.' },
  {
    id: 'networking',
    title: 'Networking',
    description: 'VPC, DNS and connection problems between a function and what it calls.',
  },
  {
    id: 'code-and-runtime',
    title: 'Code and runtime',
    description: 'Handlers, modules and runtimes that fail before or during your code.',
  },
  {
    id: 'event-sources',
    title: 'Event sources',
    description: 'SQS, streams and asynchronous invocations: batches, retries and failures.',
  },
  {
    id: 'integrations',
    title: 'Integrations',
    description: 'API Gateway, Step Functions, CloudFront and other services in front of Lambda.',
  },
];

export function getCategoryInfo(id: Category): CategoryInfo {
  const info = categoryInfo.find((category) => category.id === id);
  if (!info) throw new Error(`Unknown category "${id}"`);
  return info;
}
