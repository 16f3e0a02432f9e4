import { open } from 'node:fs/promises';

// Writes each record of a batch to its own file. The handles are never closed: each invocation
// leaks 300 descriptors, and the process may hold 1,024 (stdin, stdout and stderr included), so
// the fourth batch fails with EMFILE.
export const handler = async (event: { batchId: string; records: number }) => {
  for (let index = 0; index < event.records; index += 1) {
    const file = await open(`/tmp/${event.batchId}-${index}.json`, 'w');
    await file.writeFile(JSON.stringify({ batch: event.batchId, record: index }));
  }
  console.log(`wrote ${event.records} records of ${event.batchId}`);
  return { written: event.records };
};
