import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../electron/main/window';
import { saveWindowState } from '../../electron/main/window-state';
import { asFake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
let dir: string;
let stateFile: string;
beforeEach(() => {
  resetFakeElectron(fake);
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-window-'));
  stateFile = join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => createMainWindow({ preloadPath: '/app/out/preload/index.cjs', stateFile }) as unknown as FakeBrowserWindow;

describe('the main window', () => {
  it('is locked down: isolated, sandboxed, no Node, no webview, web security on', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });

  it('has no developer tools when packaged', () => {
    fake.app.isPackaged = true;
    expect(open().options.webPreferences?.devTools).toBe(false);
  });

  it('is titled, sized and hidden until its first paint', () => {
    const window = open();
    expect(window.options).toMatchObject({
      title: 'Sekretariat',
      width: 1280,
      height: 800,
      center: true,
      minWidth: 960,
      minHeight: 640,
      show: false,
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the app from app://sekretariat', () => {
    expect(open().loadURL).toHaveBeenCalledExactlyOnceWith('app://sekretariat/index.html');
  });

  it('shows itself anyway if the page cannot load, rather than stay invisible', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    FakeBrowserWindow.loadBehaviour = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    const window = open();
    await vi.waitFor(() => expect(window.show).toHaveBeenCalledOnce());
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('restores saved bounds and the maximized state', () => {
    saveWindowState(stateFile, { bounds: { x: 100, y: 50, width: 1500, height: 950 }, maximized: true });
    const window = open();
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1500, height: 950 });
    expect(window.options).not.toHaveProperty('center');
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it('ignores saved bounds that are off every screen', () => {
    saveWindowState(stateFile, { bounds: { x: 5000, y: 50, width: 1500, height: 950 }, maximized: false });
    expect(open().options).toMatchObject({ width: 1280, height: 800, center: true });
  });

  it('never restores a size below the minimum', () => {
    saveWindowState(stateFile, { bounds: { x: 0, y: 0, width: 400, height: 300 }, maximized: false });
    expect(open().options).toMatchObject({ width: 960, height: 640 });
  });
});
