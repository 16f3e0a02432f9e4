import { s3 } from 'lambda-playground';

// Streams the object line by line: memory stays at one chunk whatever the object's size.
export const handler = async (event: { bucket: string; key: string }) => {
  const object = await s3.getObject({ Bucket: event.bucket, Key: event.key });
  let refunds = 0;
  for await (const line of object.Body.lines()) {
    if (line.includes('"refund"')) refunds += 1;
  }
  return { refunds };
};
