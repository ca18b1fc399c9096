import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/bench/**'],
          environment: 'node',
          // A busy two-core machine (other suites running) slows file, database and process work many times over:
          // no test may fail for a default of 5 seconds.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time on a two-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // UI updates after a backend call can take more than a second on a busy two-core machine.
          expect: { poll: { timeout: 10_000, interval: 100 } },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
