import { cpu } from 'lambda-playground';

// Resizes an image: about 700 ms of CPU work on one full vCPU. At 128 MB the function gets
// 128/1769 of a vCPU, so the same work takes about 13 times longer.
export const handler = async (event: { image: string }) => {
  cpu(700);
  return { resized: event.image };
};
