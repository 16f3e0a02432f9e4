import { http } from 'lambda-playground';

// Ten independent price lookups, one after another: their latencies add up past the timeout.
export const handler = async (event: { skus: string[] }) => {
  const prices: number[] = [];
  for (const sku of event.skus) {
    const response = await http.get(`https://prices.example.com/${sku}`, { timeoutMs: 1000 });
    prices.push(((await response.json()) as { price: number }).price);
  }
  return { total: prices.reduce((sum, price) => sum + price, 0) };
};
