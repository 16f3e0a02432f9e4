import type { Context } from 'aws-lambda';

// One JSON object per line: Logs Insights discovers the fields, so you can filter and aggregate
// by orderId, customerId or tier without parsing text.
function log(level: 'INFO' | 'WARN' | 'ERROR', message: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ level, message, ...fields }));
}

export const handler = async (event: { orderId: string; customer: { id: string; tier: string } }, context: Context) => {
  log('INFO', 'processing order', {
    orderId: event.orderId,
    customerId: event.customer.id,
    tier: event.customer.tier,
    requestId: context.awsRequestId,
  });
  return { orderId: event.orderId };
};
