import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { http } from 'lambda-playground';

const table = DynamoDBDocumentClient.from(new DynamoDBClient({}));

// Charges an order at most once: a conditional write claims the order first, so a retried event
// (or a duplicate delivery) finds the claim and skips the charge. If the charge itself fails, the
// claim is removed so that the retry can charge.
async function chargeOnce(orderId: string, amount: number): Promise<void> {
  try {
    await table.send(
      new PutCommand({
        TableName: 'payments',
        Item: { orderId, amount },
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    console.log(`order ${orderId} is already charged: not charging again`);
    return;
  }
  console.log(`charging card for order ${orderId}`);
  const charge = await http.post('https://payments.example.com/charges', { orderId, amount });
  if (!charge.ok) {
    await table.send(new DeleteCommand({ TableName: 'payments', Key: { orderId } }));
    throw new Error(`payment failed: HTTP ${charge.status}`);
  }
}

export const handler = async (event: { orderId: string; amount: number }) => {
  await chargeOnce(event.orderId, event.amount);
  const receipt = await http.post('https://receipts.example.com/receipts', { orderId: event.orderId });
  if (!receipt.ok) throw new Error(`receipt failed: HTTP ${receipt.status}`);
  return { charged: event.orderId };
};
