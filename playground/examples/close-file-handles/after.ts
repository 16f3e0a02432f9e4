import { open, rm } from 'node:fs/promises';

// Every handle is closed in a finally block, so a batch holds one descriptor at a time whatever
// fails; the files are removed once the batch is done, so /tmp does not fill up either.
export const handler = async (event: { batchId: string; records: number }) => {
  const paths: string[] = [];
  try {
    for (let index = 0; index < event.records; index += 1) {
      const path = `/tmp/${event.batchId}-${index}.json`;
      paths.push(path);
      const file = await open(path, 'w');
      try {
        await file.writeFile(JSON.stringify({ batch: event.batchId, record: index }));
      } finally {
        await file.close();
      }
    }
    console.log(`wrote ${event.records} records of ${event.batchId}`);
    return { written: event.records };
  } finally {
    await Promise.all(paths.map((path) => rm(path, { force: true })));
  }
};
