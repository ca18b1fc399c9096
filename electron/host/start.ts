/**
 * `npm start`: the desktop app where the Electron runtime can be had, otherwise the same UI in browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runCli } from './cli';
import { PROJECT_ROOT } from './paths';

/** Asks the electron package for its binary in a child process: that may try (and fail) to download it. */
function findElectronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = probe.status === 0 ? probe.stdout.trim() : '';
  return path && existsSync(path) ? path : null;
}

const electron = process.env.SEKRETARIAT_BROWSER_MODE ? null : findElectronBinary();
if (electron) {
  const child = spawn(electron, ['.'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron kan ikke hentes her – starter browsertilstand i stedet / Electron runtime unavailable – serving browser mode instead.');
  process.exitCode = await runCli(['serve', ...process.argv.slice(2)]);
}
