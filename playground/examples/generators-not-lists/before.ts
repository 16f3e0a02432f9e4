import { db } from 'lambda-playground';

const connection = await db.connect();

// Builds the full list of orders before summing: every row is in memory at once.
async function loadOrders() {
  return connection.scan('orders');
}

export const handler = async () => {
  const orders = await loadOrders();
  let revenue = 0;
  for (const order of orders) revenue += order.total;
  return { orders: orders.length, revenue };
};
