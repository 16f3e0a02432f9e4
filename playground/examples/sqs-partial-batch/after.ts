import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

// Reports only the failed messages (ReportBatchItemFailures): the rest of the batch is deleted,
// and only the bad message comes back, until it reaches the dead-letter queue.
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as { id: string; quantity: number };
    if (order.quantity <= 0) {
      console.error('rejected order', order.id, 'receive count', record.attributes.ApproximateReceiveCount);
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    console.log('processed', order.id);
  }
  return { batchItemFailures };
};
