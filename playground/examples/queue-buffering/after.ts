import { sqs } from 'lambda-playground';

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/inventory-adjustments';

// Accepts the burst into a queue, ten messages per call; a consumer with limited concurrency
// drains it at the pace the inventory service can take.
export const handler = async (event: { items: number }) => {
  const items = Array.from({ length: event.items }, (_, id) => ({ sku: `sku-${id}`, delta: -1 }));
  for (let start = 0; start < items.length; start += 10) {
    const Entries = items.slice(start, start + 10).map((item) => ({ Id: item.sku, MessageBody: JSON.stringify(item) }));
    await sqs.sendMessageBatch({ QueueUrl: QUEUE_URL, Entries });
  }
  return { statusCode: 202, body: `${sqs.depth(QUEUE_URL)} adjustments queued` };
};
