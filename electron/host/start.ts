/**
 * `npm start`: the desktop app where the Electron runtime can be had, otherwise the same UI in browser mode.
 */
import { spawn } from 'node:child_process';
import { runCli } from './cli';
import { findElectronBinary } from './electron-binary';
import { PROJECT_ROOT } from './paths';

const electron = process.env.SEKRETARIAT_BROWSER_MODE ? null : findElectronBinary(PROJECT_ROOT);
if (electron) {
  const child = spawn(electron, ['.'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron kan ikke hentes her – starter browsertilstand i stedet / Electron runtime unavailable – serving browser mode instead.');
  process.exitCode = await runCli(['serve', ...process.argv.slice(2)]);
}
