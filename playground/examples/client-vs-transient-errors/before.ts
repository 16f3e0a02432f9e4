import { http } from 'lambda-playground';

// Treats every failed call alike: a passing 503 fails the invocation just as a bad request does.
export const handler = async (event: { amount?: number; invalid?: boolean }) => {
  const response = await http.post('https://billing.example.com/charges', event);
  if (!response.ok) throw new Error(`billing failed: HTTP ${response.status}`);
  return { statusCode: 201, body: 'charged' };
};
