import { http, sqs } from 'lambda-playground';

async function recordAudit(orderId: string): Promise<void> {
  const response = await http.post('https://audit.example.com/events', { orderId });
  if (!response.ok) throw new Error(`audit write failed: HTTP ${response.status}`);
}

// Every promise is awaited inside the invocation that started it, and its failure is handled
// there: the audit record goes to a queue to be written later instead of crashing the runtime.
export const handler = async (event: { orderId: string }) => {
  try {
    await recordAudit(event.orderId);
  } catch (error) {
    console.warn(
      JSON.stringify({ message: 'audit deferred to the outbox queue', orderId: event.orderId, error: String(error) }),
    );
    await sqs.sendMessage({ QueueUrl: 'audit-outbox', MessageBody: JSON.stringify({ orderId: event.orderId }) });
  }
  return { accepted: event.orderId };
};
