// Every outbound call gets a timeout well inside the function's: a hung dependency becomes a fast,
// explicit answer the caller can retry, instead of a Task timed out.
export const handler = async (event: { orderId: string }) => {
  try {
    const response = await fetch(`https://payments.example.com/orders/${event.orderId}/status`, {
      signal: AbortSignal.timeout(1000),
    });
    const status = (await response.json()) as { state: string };
    return { orderId: event.orderId, state: status.state };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      console.warn('payments API did not answer within 1 s', { orderId: event.orderId });
      return { statusCode: 503, body: 'Payments are slow to answer; please retry.' };
    }
    throw error;
  }
};
