import { db, type Row } from 'lambda-playground';

const connection = await db.connect();

// An async generator hands out one order at a time; only the current page is in memory.
async function* orders(): AsyncGenerator<Row> {
  for await (const page of connection.scanPages('orders', 5000)) yield* page;
}

export const handler = async () => {
  let count = 0;
  let revenue = 0;
  for await (const order of orders()) {
    count += 1;
    revenue += order.total;
  }
  return { orders: count, revenue };
};
