import { db } from 'lambda-playground';

// Opens a new connection on every invocation and never closes it: each warm invocation leaves
// one more connection open in the execution environment.
export const handler = async (event: { customerId: string }) => {
  const connection = await db.connect();
  const rows = await connection.query(`select * from orders where customer = '${event.customerId}'`);
  return { orders: rows.length };
};
