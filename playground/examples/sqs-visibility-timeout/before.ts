import type { SQSEvent } from 'aws-lambda';
import { http } from 'lambda-playground';

// Ships each order of a batch; the shipping API takes about 12 s a call, so a batch of three takes
// over 30 s. The function's timeout was raised to 60 s, but the queue's visibility timeout is
// still SQS's default of 30 s: the messages become visible again while this invocation is still
// shipping them, and they are delivered and shipped a second time.
export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as { id: string };
    const response = await http.post('https://shipping.example.com/shipments', order);
    if (!response.ok) throw new Error(`shipping failed for ${order.id}: HTTP ${response.status}`);
    console.log(`shipped ${order.id} (delivery ${record.attributes.ApproximateReceiveCount})`);
  }
};
