import { app, BrowserWindow, screen } from 'electron';
import { APP_START_URL } from './protocol';
import { loadWindowState, trackWindowState } from './window-state';

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;

export interface MainWindowOptions {
  /** The bundled preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Where the window's size and place are remembered (<userData>/window-state.json). */
  stateFile: string;
}

/**
 * The one application window. The page gets no Node, runs sandboxed and isolated from the preload,
 * and reaches the backend only through the preload's `backend` object. It stays hidden until its
 * first paint, so the user never sees a blank white frame.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFile, screen.getAllDisplays());
  const place = saved
    ? {
        x: saved.bounds.x,
        y: saved.bounds.y,
        width: Math.max(saved.bounds.width, MIN_SIZE.width),
        height: Math.max(saved.bounds.height, MIN_SIZE.height),
      }
    : { ...DEFAULT_SIZE, center: true };

  const window = new BrowserWindow({
    title: 'Sekretariat',
    ...place,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
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
      // Middle-click would otherwise try to open links in a new window (which the guards refuse anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });

  if (saved?.maximized) window.maximize();
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    // A failed load never paints, so show the window anyway rather than leave the app invisible.
    console.error('Kunne ikke indlæse brugerfladen', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
