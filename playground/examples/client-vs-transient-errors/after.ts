import { http, sleep } from 'lambda-playground';

const TRANSIENT = new Set([429, 500, 502, 503, 504]);

// Retries what may succeed next time (throttles, 5xx) with backoff; answers a client error at once,
// because sending the same bad request again cannot succeed.
export const handler = async (event: { amount?: number; invalid?: boolean }) => {
  for (let attempt = 1; ; attempt += 1) {
    const response = await http.post('https://billing.example.com/charges', event);
    if (response.ok) return { statusCode: 201, body: 'charged' };
    if (!TRANSIENT.has(response.status)) {
      console.warn('rejected by billing', { status: response.status });
      return { statusCode: 400, body: 'invalid charge request' };
    }
    if (attempt >= 6) throw new Error(`billing failed: HTTP ${response.status} after ${attempt} attempts`);
    await sleep(Math.random() * 50 * 2 ** attempt);
  }
};
