import { http, sleep } from 'lambda-playground';

// Retries a failing recommendations service on every invocation: each one spends its whole time
// budget waiting on a dependency that is down.
export const handler = async (event: { userId: string }) => {
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    const response = await http.get(`https://recommendations.example.com/users/${event.userId}`);
    if (response.ok) return { recommendations: await response.json() };
    await sleep(200);
  }
  return { recommendations: [] };
};
