import { http, sleep } from 'lambda-playground';

// The configuration is loaded on first use, with a few retries for transient errors, and kept for
// the environment's lifetime. A failure now fails one invocation, with a clear message, not init.
async function loadSettings(): Promise<{ discount: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await http.get('https://config.example.com/settings', { timeoutMs: 1000 });
    if (response.ok) return (await response.json()) as { discount: number };
    if (attempt === 6) throw new Error(`configuration unavailable: HTTP ${response.status}`);
    await sleep(100 * 2 ** attempt * Math.random());
  }
}

let settings: Promise<{ discount: number }> | undefined;

export const handler = async (event: { total: number }) => {
  settings ??= loadSettings().catch((error: unknown) => {
    settings = undefined;
    throw error;
  });
  const { discount } = await settings;
  return { charged: event.total * (1 - discount) };
};
