import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asFake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';
import { desktopPrinter } from '../../electron/main/print-window';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

// The real backend opens SQLite; here only its outcome matters.
const backendModule = vi.hoisted(() => ({ openBackend: vi.fn() }));
// The data folder's paths are the real ones (backend.ts passes them on from data-dir.ts).
vi.mock('../../electron/backend/backend', async () => ({ ...(await vi.importActual('../../electron/backend/data-dir')), ...backendModule }));

const fake = asFake(electron);
const { main, STARTUP_ERROR_TITLE } = await import('../../electron/main/index');
// Captured before any reset: this call happens once, when the module is loaded.
const schemeRegistrations = [...fake.protocol.registerSchemesAsPrivileged.mock.calls];

const DATA_DIR = '/tmp/sekretariat-test-data';
const savedDataDir = process.env.SEKRETARIAT_DATA_DIR;
afterAll(() => {
  if (savedDataDir === undefined) delete process.env.SEKRETARIAT_DATA_DIR;
  else process.env.SEKRETARIAT_DATA_DIR = savedDataDir;
});

function fakeBackend() {
  const listeners: Array<(event: string, payload: unknown) => void> = [];
  return {
    listeners,
    call: vi.fn(async () => ({ ok: true, data: null })),
    subscribe: vi.fn((listener: (event: string, payload: unknown) => void) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    }),
    close: vi.fn(async () => {}),
  };
}

beforeEach(() => {
  resetFakeElectron(fake);
  fake.app.requestSingleInstanceLock.mockReturnValue(true);
  backendModule.openBackend.mockReset();
  process.env.SEKRETARIAT_DATA_DIR = DATA_DIR;
});

describe('start-up', () => {
  it('registers app:// as a privileged scheme when the module loads (before ready)', () => {
    expect(schemeRegistrations).toEqual([[[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]]);
  });

  it('opens the backend in the data folder and wires protocol, IPC, menu, guards and the window', async () => {
    const backend = fakeBackend();
    backendModule.openBackend.mockResolvedValue(backend);
    await main();

    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(backendModule.openBackend).toHaveBeenCalledExactlyOnceWith({
      databaseFile: join(DATA_DIR, 'sekretariat.db'),
      backupDir: join(DATA_DIR, 'backups'),
      appVersion: '1.2.3',
      printer: desktopPrinter,
    });
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.ipcMain.handle).toHaveBeenCalledWith('rpc', expect.any(Function));
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledOnce();

    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences?.preload).toBe(join('/opt/sekretariat/app', 'out/preload/index.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://sekretariat/index.html');
  });

  it('forwards backend events to the windows', async () => {
    const backend = fakeBackend();
    backendModule.openBackend.mockResolvedValue(backend);
    await main();
    for (const listener of backend.listeners) listener('data.changed', { entities: ['bodies'] });
    expect(FakeBrowserWindow.instances[0]!.webContents.send).toHaveBeenCalledWith('event', 'data.changed', { entities: ['bodies'] });
  });

  it('falls back to userData when SEKRETARIAT_DATA_DIR is not set', async () => {
    delete process.env.SEKRETARIAT_DATA_DIR;
    backendModule.openBackend.mockResolvedValue(fakeBackend());
    await main();
    expect(fake.app.getPath).toHaveBeenCalledWith('userData');
    expect(backendModule.openBackend).toHaveBeenCalledWith(
      expect.objectContaining({ databaseFile: join('/tmp/sekretariat-user-data', 'sekretariat.db') }),
    );
  });
});

describe('single instance', () => {
  it('quits at once when another copy is already running', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    await main();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(backendModule.openBackend).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('brings the existing window forward when a second copy is started', async () => {
    backendModule.openBackend.mockResolvedValue(fakeBackend());
    await main();
    const window = FakeBrowserWindow.instances[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['sekretariat'], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });
});

describe('a database that cannot be used', () => {
  it('shows the Danish reason, opens no window and quits', async () => {
    const reason = 'Databasen er lavet af en nyere version af Sekretariat (skema 9). Opdater programmet.';
    backendModule.openBackend.mockRejectedValue(new Error(reason));
    await main();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(STARTUP_ERROR_TITLE, reason);
    expect(STARTUP_ERROR_TITLE).toBe('Sekretariat kan ikke starte');
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.protocol.handle).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('still explains in Danish when the error has no message', async () => {
    backendModule.openBackend.mockRejectedValue('kaput');
    await main();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, expect.stringMatching(/uventet fejl/));
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });
});

describe('shutting down', () => {
  it('quits when the last window closes, except on macOS', async () => {
    backendModule.openBackend.mockResolvedValue(fakeBackend());
    await main();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).not.toHaveBeenCalled();
      Object.defineProperty(process, 'platform', { value: 'win32' });
      fake.app.emit('window-all-closed');
      expect(fake.app.quit).toHaveBeenCalledOnce();
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('closes the database before letting the app quit', async () => {
    const backend = fakeBackend();
    backendModule.openBackend.mockResolvedValue(backend);
    await main();

    const first = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(backend.close).toHaveBeenCalledOnce();
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith('rpc');
    expect(backend.listeners).toHaveLength(0);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());

    // The second will-quit (from that app.quit) goes through.
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(backend.close).toHaveBeenCalledOnce();
  });
});
