import { http } from 'lambda-playground';

// Pushes every item of a burst straight to the inventory service, which accepts four calls at a time.
export const handler = async (event: { items: number }) => {
  const items = Array.from({ length: event.items }, (_, id) => ({ sku: `sku-${id}`, delta: -1 }));
  await Promise.all(
    items.map(async (item) => {
      const response = await http.post('https://inventory.example.com/adjust', item);
      if (!response.ok) throw new Error(`inventory update failed: HTTP ${response.status}`);
    }),
  );
  return { statusCode: 200, body: `${items.length} items adjusted` };
};
