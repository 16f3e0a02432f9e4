import { http } from 'lambda-playground';

// One attempt at the top level: when the configuration service answers 503 the module throws, and
// the init phase fails before any event is handled (and again when Lambda retries it).
const response = await http.get('https://config.example.com/settings');
if (!response.ok) throw new Error(`configuration unavailable: HTTP ${response.status}`);
const settings = (await response.json()) as { discount: number };

export const handler = async (event: { total: number }) => ({ charged: event.total * (1 - settings.discount) });
