import * as electron from 'electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract';
import { asFake } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);

interface ExposedBackend {
  invoke(method: unknown, input?: unknown, origin?: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}

let exposed: Record<string, unknown>;
let backend: ExposedBackend;

beforeAll(async () => {
  // Loading the preload is what exposes the API, exactly as in the sandboxed renderer.
  await import('../../electron/preload/index');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  exposed = { [key]: api };
  backend = api as unknown as ExposedBackend;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
});

describe('the preload', () => {
  it('exposes one object, backend, with only invoke and on', () => {
    expect(Object.keys(exposed)).toEqual(['backend']);
    expect(Object.keys(backend).sort()).toEqual(['invoke', 'on']);
    expect(typeof backend.invoke).toBe('function');
    expect(typeof backend.on).toBe('function');
    // Nothing that leads back to IPC.
    expect(Object.values(backend)).not.toContain(fake.ipcRenderer);
  });

  it('sends a listed method over the rpc channel and returns the reply', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: { version: '1.2.3' } });
    const reply = await backend.invoke('app.info', {}, 'window-7');
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('rpc', 'app.info', {}, 'window-7');
    expect(reply).toEqual({ ok: true, data: { version: '1.2.3' } });
  });

  it('knows every method of the contract', async () => {
    for (const method of METHOD_NAMES) await backend.invoke(method, {});
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it.each([['meetings.drop'], ['__proto__'], ['constructor'], ['toString'], [''], [42], [null], [{ toString: () => 'app.info' }]])(
    'refuses %j without touching IPC',
    async (method) => {
      const reply = await backend.invoke(method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect((reply as { error: { message: string } }).error.message).toMatch(/^Ukendt funktion/);
      expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses unknown event names and non-function listeners', () => {
    expect(() => backend.on('ipc-message', () => {})).toThrow(/Ukendt hændelse/);
    expect(() => backend.on('__proto__', () => {})).toThrow(/Ukendt hændelse/);
    expect(() => backend.on(EVENT_NAMES[0], 'not a function')).toThrow();
    expect(fake.ipcRenderer.listenerCount('event')).toBe(0);
  });

  it('passes only the payload of the named event to the listener, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = backend.on('data.changed', listener);
    const ipcEvent = { sender: fake.ipcRenderer, ports: [] };

    fake.ipcRenderer.emit('event', ipcEvent, 'data.changed', { entities: ['meetings'] });
    fake.ipcRenderer.emit('event', ipcEvent, 'other.event', { entities: ['bodies'] });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ entities: ['meetings'] });

    unsubscribe();
    unsubscribe();
    fake.ipcRenderer.emit('event', ipcEvent, 'data.changed', { entities: ['settings'] });
    expect(listener).toHaveBeenCalledOnce();
    expect(fake.ipcRenderer.listenerCount('event')).toBe(0);
  });
});
