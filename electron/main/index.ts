/**
 * The Electron shell: one window on app://sekretariat, the backend in this process, IPC in between.
 * Everything that decides something lives in the small modules beside this file; this one only wires
 * them together in the right order.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { backupDirIn, databaseFileIn, openBackend, type Backend, type BackendOptions } from '../backend/backend';
import { broadcastEvent, registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, installNavigationGuards } from './security';
import { createMainWindow } from './window';
import { desktopPrinter, takePrintJob } from './print-window';
import { WINDOW_STATE_FILE } from './window-state';

export const STARTUP_ERROR_TITLE = 'Sekretariat kan ikke starte';

// Privileged schemes can only be registered before the app is ready, i.e. at load time.
registerAppScheme();

/** Where the built renderer and preload are, relative to the app (the asar when packaged). */
export function appPaths(appPath = app.getAppPath()) {
  return { rendererDir: join(appPath, 'out/renderer'), preloadPath: join(appPath, 'out/preload/index.cjs') };
}

/** The data folder: SEKRETARIAT_DATA_DIR (tests, portable use) or Electron's userData. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SEKRETARIAT_DATA_DIR || app.getPath('userData');
}

/**
 * Only one copy may run, since both would write the same database. A second launch quits at once
 * and the first one comes to the front instead.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

const describe = (error: unknown) =>
  error instanceof Error && error.message ? error.message : 'Der opstod en uventet fejl ved start af programmet.';

/**
 * Opens the database. If it cannot be used (not a Sekretariat database, made by a newer version, ...)
 * the backend's Danish explanation is shown and null returned; the file is never touched further.
 */
export async function openBackendOrExplain(options: BackendOptions): Promise<Backend | null> {
  try {
    return await openBackend(options);
  } catch (error) {
    dialog.showErrorBox(STARTUP_ERROR_TITLE, describe(error));
    return null;
  }
}

/** Closes the database before the process ends; will-quit is held back until that is done. */
function closeBackendOnQuit(backend: Backend, beforeClose: () => void): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    beforeClose();
    backend
      .close()
      .catch((error: unknown) => console.error('Databasen kunne ikke lukkes', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

export async function main(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  if (!claimSingleInstance(() => focusWindow(mainWindow))) return;

  app.enableSandbox();
  installNavigationGuards();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);

  const dir = dataDir();
  const backend = await openBackendOrExplain({
    databaseFile: databaseFileIn(dir),
    backupDir: backupDirIn(dir),
    appVersion: app.getVersion(),
    printer: desktopPrinter,
  });
  if (!backend) {
    app.quit();
    return;
  }

  const { rendererDir, preloadPath } = appPaths();
  registerAppProtocol(rendererDir, { backend, takePrintJob });
  const unregisterIpc = registerIpc(backend);
  const unsubscribe = backend.subscribe(broadcastEvent);
  closeBackendOnQuit(backend, () => {
    unsubscribe();
    unregisterIpc();
  });
  installApplicationMenu();

  const openWindow = () => {
    const window = createMainWindow({ preloadPath, stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE) });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  openWindow();
  // macOS keeps the app alive without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!process.env.VITEST) {
  main().catch((error: unknown) => {
    dialog.showErrorBox(STARTUP_ERROR_TITLE, describe(error));
    app.exit(1);
  });
}
