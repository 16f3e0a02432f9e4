import type { Context } from 'aws-lambda';

// Builds log messages by concatenating strings: objects print as [object Object] and nothing can
// be filtered by field in Logs Insights.
export const handler = async (event: { orderId: string; customer: { id: string; tier: string } }, context: Context) => {
  // biome-ignore lint/style/useTemplate: the concatenation is the anti-pattern this example shows.
  console.log('processing order ' + event.orderId + ' for ' + event.customer + ' in ' + context.functionName);
  return { orderId: event.orderId };
};
