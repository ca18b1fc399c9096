import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { openBackend } from '../../electron/backend/backend';
import { extractPendingText } from '../../electron/backend/command-line';
import { backupDirIn, databaseFileIn } from '../../electron/backend/data-dir';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder with the demo loaded and its annexes' text extracted, for tests to start from a copy of. */
    e2eDemoDataDir: string;
  }
}

/**
 * The tests drive the built UI, exactly as browser mode serves it (`npm test` has built it already). The demo is loaded
 * once here: loading it for each test of a file that starts from it cost five seconds a test.
 */
export default async function setup(project: TestProject) {
  if (process.env.SEKRETARIAT_UI_BUILT !== '1') await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'sekretariat-e2e-demo-'));
  const backend = await openBackend({ databaseFile: databaseFileIn(dir), backupDir: backupDirIn(dir), appVersion: '0.0.0-e2e' });
  try {
    const loaded = await backend.call('demo.load', {});
    if (!loaded.ok) throw new Error(`The demo could not be loaded: ${loaded.error.message}`);
    await extractPendingText(backend);
  } finally {
    await backend.close();
  }
  project.provide('e2eDemoDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
