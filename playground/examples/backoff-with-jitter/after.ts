import { lambda, sleep, TooManyRequestsException } from 'lambda-playground';

const BASE_MS = 100;
const CAP_MS = 5000;
const MAX_ATTEMPTS = 10;

// Exponential backoff with full jitter: each retry waits a random time up to base * 2^attempt,
// so throttled callers spread out instead of retrying in lockstep.
async function invokeWorker(job: number) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await lambda.invoke({ FunctionName: 'resize-image', Payload: JSON.stringify({ job }) });
    } catch (error) {
      if (!(error instanceof TooManyRequestsException) || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempt));
    }
  }
}

export const handler = async (event: { jobs: number }) => {
  const jobs = Array.from({ length: event.jobs }, (_, job) => job);
  await Promise.all(jobs.map(invokeWorker));
  return { done: jobs.length };
};
