import { lambda } from 'lambda-playground';

// Fans out twenty jobs at once and retries a throttled call immediately: every retry lands while
// the same calls are still in flight, so it is throttled again.
async function invokeWorker(job: number) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await lambda.invoke({ FunctionName: 'resize-image', Payload: JSON.stringify({ job }) });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export const handler = async (event: { jobs: number }) => {
  const jobs = Array.from({ length: event.jobs }, (_, job) => job);
  await Promise.all(jobs.map(invokeWorker));
  return { done: jobs.length };
};
