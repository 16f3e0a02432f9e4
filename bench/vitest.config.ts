import { defineConfig } from 'vitest/config';

/** Node-side benchmarks: figures, never pass/fail. Run through `npm run bench`. */
export default defineConfig({
  test: {
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
});
