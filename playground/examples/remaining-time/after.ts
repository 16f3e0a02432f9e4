import type { Context } from 'aws-lambda';
import { sleep } from 'lambda-playground';

const SAFETY_MARGIN_MS = 500;

// Checks the time left before each item and stops with a margin, returning where to resume.
export const handler = async (event: { items: number; from?: number }, context: Context) => {
  let next = event.from ?? 0;
  while (next < event.items) {
    if (context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) {
      console.log('stopping early', { next, remainingMs: context.getRemainingTimeInMillis() });
      return { processed: next - (event.from ?? 0), resumeFrom: next };
    }
    await sleep(80);
    next += 1;
  }
  return { processed: next - (event.from ?? 0), resumeFrom: null };
};
