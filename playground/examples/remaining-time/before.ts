import { sleep } from 'lambda-playground';

// Works through every item, however long it takes: Lambda stops it mid-batch and the work done
// so far is lost with it.
export const handler = async (event: { items: number }) => {
  let processed = 0;
  for (let item = 0; item < event.items; item += 1) {
    await sleep(80);
    processed += 1;
  }
  return { processed };
};
