/**
 * The shipped bundles (out/main/index.cjs, out/preload/index.cjs), booted in plain Node against the
 * fake electron: main opens a real database in a temp folder, the preload's bridge reaches it through
 * the rpc handler, and a push event travels back to the page. This is what the unit tests cannot show:
 * that the CommonJS bundles load and are wired together.
 */
import { isBuiltin } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBundles, MAIN_BUNDLE, PRELOAD_BUNDLE, ROOT } from './bundles';
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';

// Nothing here imports electron through Vite, but never let the real one load.
vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const require = createRequire(import.meta.url);
const fake = createFakeElectron();
const electronPath = require.resolve('electron', { paths: [ROOT] });
const trustedFrame = { url: 'app://sekretariat/index.html', parent: null };
const saved = { dataDir: process.env.SEKRETARIAT_DATA_DIR, vitest: process.env.VITEST };

interface Bridge {
  invoke(method: string, input?: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
let dataDir: string;
let bridge: Bridge;

beforeAll(async () => {
  ensureBundles();
  dataDir = mkdtempSync(join(tmpdir(), 'sekretariat-bundle-'));
  process.env.SEKRETARIAT_DATA_DIR = dataDir;
  fake.app.getAppPath.mockReturnValue(ROOT);
  fake.app.getPath.mockReturnValue(dataDir);
  // The bundles' require('electron') resolves to this cache entry instead of the binary's path stub.
  require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fake } as NodeJS.Module;

  // The bundle starts itself unless it sees it is under Vitest; here it should.
  delete process.env.VITEST;
  try {
    require(MAIN_BUNDLE);
  } finally {
    process.env.VITEST = saved.vitest;
  }
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 120_000 });

  // Wire the fake IPC both ways: renderer invoke -> rpc handler, webContents.send -> renderer 'event'.
  const rpc = fake.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
  fake.ipcRenderer.invoke.mockImplementation((_channel, ...args) => rpc({ senderFrame: trustedFrame }, ...args));
  FakeBrowserWindow.instances[0]!.webContents.send.mockImplementation((channel: string, ...args: unknown[]) =>
    fake.ipcRenderer.emit(channel, { sender: 'ipc' }, ...args),
  );
  require(PRELOAD_BUNDLE);
  bridge = fake.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as Bridge;
});

afterAll(async () => {
  fake.app.emit('will-quit', { preventDefault: () => {} });
  await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
  for (const path of [electronPath, MAIN_BUNDLE, PRELOAD_BUNDLE]) delete require.cache[path];
  if (saved.dataDir === undefined) delete process.env.SEKRETARIAT_DATA_DIR;
  else process.env.SEKRETARIAT_DATA_DIR = saved.dataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the built bundles', () => {
  it('leave only electron (and, in main, better-sqlite3 and Node built-ins) to require at run time', () => {
    const required = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    // A sandboxed preload can require little more than electron itself.
    expect(new Set(required(PRELOAD_BUNDLE))).toEqual(new Set(['electron']));
    for (const name of required(MAIN_BUNDLE)) expect(name === 'electron' || name === 'better-sqlite3' || isBuiltin(String(name))).toBe(true);
  });

  it('start without an error dialog and open a window on app://sekretariat with the built preload', () => {
    expect(fake.dialog.showErrorBox).not.toHaveBeenCalled();
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({ preload: PRELOAD_BUNDLE, contextIsolation: true, sandbox: true });
    expect(window.loadURL).toHaveBeenCalledWith('app://sekretariat/index.html');
  });

  it('serve the contract from the page through the preload to the database', async () => {
    const info = await bridge.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, data: { appVersion: '1.2.3', databaseFile: join(dataDir, 'sekretariat.db') } });
    expect(await bridge.invoke('app.quit', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('push data.changed back to the page, payload only', async () => {
    const listener = vi.fn();
    const unsubscribe = bridge.on('data.changed', listener);
    const created = (await bridge.invoke('bodies.create', { code: 'TST', name: 'Testudvalget' })) as { ok: true; data: { id: string } };
    expect(created).toMatchObject({ ok: true });
    // The event itself, not the IPC event object: what changed and which record.
    expect(listener).toHaveBeenCalledWith({ entities: ['bodies'], ids: [created.data.id] });
    unsubscribe();
  });

  it('refuse a call from a frame that is not our top frame', async () => {
    const rpc = fake.ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    expect(await rpc({ senderFrame: { url: 'app://sekretariat/index.html', parent: trustedFrame } }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
