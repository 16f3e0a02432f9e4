import type { SQSEvent } from 'aws-lambda';

// Throws on the first bad message: the whole batch fails and returns to the queue, so the good
// messages in it are processed again with it, until the bad one reaches the dead-letter queue.
export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as { id: string; quantity: number };
    if (order.quantity <= 0) throw new Error(`invalid order ${order.id}: quantity ${order.quantity}`);
    console.log('processed', order.id);
  }
};
