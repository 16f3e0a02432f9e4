import { http } from 'lambda-playground';

// The lookups do not depend on each other: started together, they take as long as the slowest.
export const handler = async (event: { skus: string[] }) => {
  const prices = await Promise.all(
    event.skus.map(async (sku) => {
      const response = await http.get(`https://prices.example.com/${sku}`, { timeoutMs: 1000 });
      return ((await response.json()) as { price: number }).price;
    }),
  );
  return { total: prices.reduce((sum, price) => sum + price, 0) };
};
