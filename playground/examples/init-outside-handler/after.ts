import { db } from 'lambda-playground';

// Connects once, during init; every invocation on this execution environment reuses it.
const connection = await db.connect();

export const handler = async (event: { customerId: string }) => {
  const rows = await connection.query(`select * from orders where customer = '${event.customerId}'`);
  return { orders: rows.length };
};
