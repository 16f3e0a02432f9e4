// Calls the payments API with no timeout. When the API accepts the connection and never answers,
// the function waits until Lambda kills it at its own timeout.
export const handler = async (event: { orderId: string }) => {
  const response = await fetch(`https://payments.example.com/orders/${event.orderId}/status`);
  const status = (await response.json()) as { state: string };
  return { orderId: event.orderId, state: status.state };
};
