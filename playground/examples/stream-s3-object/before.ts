import { s3 } from 'lambda-playground';

// Reads a 600 MB export into one string to count refunds: the whole object has to fit in memory.
export const handler = async (event: { bucket: string; key: string }) => {
  const object = await s3.getObject({ Bucket: event.bucket, Key: event.key });
  const text = await object.Body.transformToString();
  const refunds = text.split('\n').filter((line) => line.includes('"refund"')).length;
  return { refunds };
};
