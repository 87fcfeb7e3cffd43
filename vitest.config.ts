import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nodejieba is a native addon with process-global dictionaries: forks keep each test file isolated.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
