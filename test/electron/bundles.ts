import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_BUNDLE = join(ROOT, 'out/main/index.cjs');
export const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');
export const HOST_START = join(ROOT, 'out/host/start.mjs');
export const HOST_CLI = join(ROOT, 'out/host/cli.mjs');
const LOCK = join(ROOT, 'out/.bundle-build-lock');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  // The bundles include shared/ and db/ as well as electron/.
  const sourcesChanged = Math.max(...['electron', 'shared', 'db'].map((dir) => newestMtime(join(ROOT, dir))));
  return [MAIN_BUNDLE, PRELOAD_BUNDLE, HOST_START, HOST_CLI].every((file) => existsSync(file) && statSync(file).mtimeMs >= sourcesChanged);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds out/main, out/preload and out/host (esbuild, a few seconds) if they are missing or older than their sources.
 * Test files run in parallel, so the build is serialised with a lock folder and nobody reads a bundle
 * while another worker is writing it.
 */
export function ensureBundles(): void {
  if (!existsSync(LOCK) && upToDate()) return;
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left behind by a killed run is taken over after a minute.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 60_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}`);
      sleep(100);
    }
  }
  try {
    if (!upToDate()) execFileSync(process.execPath, ['--import', 'tsx', 'esbuild.config.ts'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
