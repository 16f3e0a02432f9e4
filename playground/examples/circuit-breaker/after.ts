import { http } from 'lambda-playground';

const FAILURES_TO_OPEN = 3;
const OPEN_FOR_MS = 30_000;

// Module scope outlives invocations, so the breaker's state carries over on a warm environment.
let consecutiveFailures = 0;
let openUntil = 0;

async function getRecommendations(userId: string): Promise<unknown[] | undefined> {
  if (Date.now() < openUntil) return undefined;
  try {
    const response = await http.get(`https://recommendations.example.com/users/${userId}`, { timeoutMs: 1200 });
    if (response.ok) {
      consecutiveFailures = 0;
      return (await response.json()) as unknown[];
    }
  } catch {
    // A timeout counts as a failure like a 5xx.
  }
  consecutiveFailures += 1;
  if (consecutiveFailures >= FAILURES_TO_OPEN) {
    openUntil = Date.now() + OPEN_FOR_MS;
    console.warn('circuit open: recommendations skipped for 30 s');
  }
  return undefined;
}

export const handler = async (event: { userId: string }) => {
  const recommendations = await getRecommendations(event.userId);
  return recommendations ? { recommendations } : { recommendations: [], degraded: true };
};
