import { http } from 'lambda-playground';

async function recordAudit(orderId: string): Promise<void> {
  const response = await http.post('https://audit.example.com/events', { orderId });
  if (!response.ok) throw new Error(`audit write failed: HTTP ${response.status}`);
}

// Fire-and-forget: the audit call is started and never awaited. The handler answers at once, the
// call fails later (in the next invocation, once the environment thaws), and nothing handles the
// rejection: the Node.js runtime reports it and exits.
export const handler = async (event: { orderId: string }) => {
  void recordAudit(event.orderId);
  return { accepted: event.orderId };
};
