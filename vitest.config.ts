import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['src/test-support/build-pages.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
