import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'playground/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
