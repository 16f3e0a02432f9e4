import type { SQSEvent } from 'aws-lambda';
import { http } from 'lambda-playground';

// The same code: the fix is the queue's configuration. Its visibility timeout is now 360 s, six
// times the function's timeout as AWS recommends, so a batch stays hidden for as long as an
// invocation can take and each order is shipped once.
export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as { id: string };
    const response = await http.post('https://shipping.example.com/shipments', order);
    if (!response.ok) throw new Error(`shipping failed for ${order.id}: HTTP ${response.status}`);
    console.log(`shipped ${order.id} (delivery ${record.attributes.ApproximateReceiveCount})`);
  }
};
