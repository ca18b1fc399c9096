/**
 * A stand-in for the `electron` module (the real one cannot load outside Electron). Each test file
 * installs it with `vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()))`
 * and reaches the same instance through `await import('electron')` cast with `asFake`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeWebContents extends EventEmitter {
  send = vi.fn();
  isDestroyed = vi.fn(() => false);
  setWindowOpenHandler = vi.fn();
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.7 fake'));
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => FakeBrowserWindow.instances.filter((w) => !w.destroyed));
  static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
  /** What loadURL does; a test may swap it to make loading fail. */
  static loadBehaviour = async (_url: string): Promise<void> => {};

  destroyed = false;
  minimized = false;
  visible = false;
  maximized = false;
  normalBounds: Rect;
  webContents = new FakeWebContents();
  loadURL = vi.fn((url: string) => FakeBrowserWindow.loadBehaviour(url));
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  isMinimized = vi.fn(() => this.minimized);
  isVisible = vi.fn(() => this.visible);
  isMaximized = vi.fn(() => this.maximized);
  isDestroyed = vi.fn(() => this.destroyed);
  getNormalBounds = vi.fn(() => this.normalBounds);
  destroy = vi.fn(() => {
    this.destroyed = true;
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    const o = options as Partial<Rect>;
    this.normalBounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getAppPath = vi.fn(() => '/opt/sekretariat/app');
  getPath = vi.fn((_name: string) => '/tmp/sekretariat-user-data');
  getVersion = vi.fn(() => '1.2.3');
  getName = vi.fn(() => 'Sekretariat');
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, data: null }));
}

export function createFakeElectron() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })), showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '' as string | undefined })) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: new FakeIpcRenderer(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** The mocked module as the fake it is. */
export const asFake = (module: unknown) => module as FakeElectron;

/** Clears recorded calls and listeners between tests; the objects themselves stay the same. */
export function resetFakeElectron(fake: FakeElectron): void {
  vi.clearAllMocks();
  fake.app.removeAllListeners();
  fake.app.isPackaged = false;
  fake.ipcRenderer.removeAllListeners();
  FakeBrowserWindow.instances.length = 0;
  FakeBrowserWindow.loadBehaviour = async () => {};
}
