import { defineConfig } from 'vitest/config';
import { BENCH_DIR, E2E_DIR, INTEGRATION, RENDERER_DIR, SLOW_DIRS, SLOW_FILES, testsIn } from './test/tiers.ts';

const SLOW = [...SLOW_FILES, ...SLOW_DIRS.map(testsIn)];

// A busy two-core machine (other suites running) slows file, database and process work many times over: no test may
// fail for a default of 5 seconds, and a test that starts processes gets minutes.
const IN_PROCESS = { testTimeout: 180_000, hookTimeout: 300_000 };
// Vitest runs files on all cores but one by default: on two cores, one at a time. In-process files use both.
const BOTH_CORES = { maxWorkers: 2 };
const PROCESSES = { testTimeout: 300_000, hookTimeout: 600_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...INTEGRATION, ...SLOW, testsIn(RENDERER_DIR), testsIn(E2E_DIR), `${BENCH_DIR}/**`],
          environment: 'node',
          ...IN_PROCESS,
          ...BOTH_CORES,
        },
      },
      {
        test: {
          name: 'integration',
          include: INTEGRATION,
          environment: 'node',
          ...PROCESSES,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          environment: 'node',
          // Each file keeps both cores busy for minutes: one at a time.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: [testsIn(RENDERER_DIR)],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
          ...IN_PROCESS,
          ...BOTH_CORES,
        },
      },
      {
        test: {
          name: 'e2e',
          include: [testsIn(E2E_DIR)],
          environment: 'node',
          // One Chromium at a time on a two-core machine.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // UI updates after a backend call can take more than a second on a busy two-core machine.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
