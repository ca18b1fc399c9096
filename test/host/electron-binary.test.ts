import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/host/electron-binary';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project folder with the electron package as `npm ci` leaves it: path.txt, and the binary where it names it. */
function project(options: { pathTxt?: string; binary?: boolean }) {
  root = mkdtempSync(join(tmpdir(), 'sekretariat-electron-binary-'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  // The package's index.js downloads the binary when it is loaded and missing: it must never be loaded.
  writeFileSync(join(electron, 'index.js'), "throw new Error('index.js was loaded');");
  if (options.pathTxt !== undefined) writeFileSync(join(electron, 'path.txt'), options.pathTxt);
  if (options.binary) writeFileSync(join(electron, 'dist', 'electron'), '');
  return root;
}

describe('npm start finds the Electron runtime without loading the electron package', () => {
  it('names the installed binary', () => {
    expect(findElectronBinary(project({ pathTxt: 'electron', binary: true }), {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('answers null, for browser mode, when the download never happened or the binary is gone', () => {
    expect(findElectronBinary(project({}), {})).toBeNull();
    rmSync(root, { recursive: true, force: true });
    expect(findElectronBinary(project({ pathTxt: 'electron' }), {})).toBeNull();
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH as the package does', () => {
    const dir = project({ pathTxt: 'electron' });
    mkdirSync(join(dir, 'custom'));
    writeFileSync(join(dir, 'custom', 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'custom') })).toBe(join(dir, 'custom', 'electron'));
  });
});
