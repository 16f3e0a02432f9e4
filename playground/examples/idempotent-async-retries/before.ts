import { http } from 'lambda-playground';

// Invoked asynchronously (an S3 or EventBridge event, say): when the handler fails, Lambda runs it
// again with the same event one minute later, then two minutes after that. Here the receipt
// service fails now and then after the card was charged, so the retry charges the card again.
export const handler = async (event: { orderId: string; amount: number }) => {
  console.log(`charging card for order ${event.orderId}`);
  const charge = await http.post('https://payments.example.com/charges', event);
  if (!charge.ok) throw new Error(`payment failed: HTTP ${charge.status}`);

  const receipt = await http.post('https://receipts.example.com/receipts', { orderId: event.orderId });
  if (!receipt.ok) throw new Error(`receipt failed: HTTP ${receipt.status}`);
  return { charged: event.orderId };
};
