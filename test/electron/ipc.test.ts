import * as electron from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MESSAGES } from '../../shared/contract';
import { broadcastEvent, createRpcHandler, isTrustedSender, registerIpc } from '../../electron/main/ipc';
import { asFake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
beforeEach(() => resetFakeElectron(fake));

interface FrameLike {
  url: string;
  parent: FrameLike | null;
}
const mainFrame = (url = 'app://sekretariat/index.html'): FrameLike => ({ url, parent: null });
const subFrame = (url = 'app://sekretariat/index.html'): FrameLike => ({ url, parent: mainFrame() });
const eventFrom = (frame: FrameLike | null) => ({ senderFrame: frame as unknown as electron.WebFrameMain | null });

function fakeBackend() {
  return { call: vi.fn(async (_method: unknown, _input: unknown) => ({ ok: true as const, data: { version: '1.2.3' } })) };
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: DEFAULT_MESSAGES.FORBIDDEN } };

describe('IPC sender validation', () => {
  it.each([
    ['no frame (navigated away or destroyed)', null],
    ['a subframe of our own page', subFrame()],
    ['a subframe showing a blob preview', subFrame('blob:app://sekretariat/1234')],
    ['a main frame on https', mainFrame('https://evil.example/')],
    ['a main frame on file://', mainFrame('file:///home/user/evil.html')],
    ['a main frame on http://localhost', mainFrame('http://127.0.0.1:5173/')],
    ['a main frame on another app:// host', mainFrame('app://evil/index.html')],
    ['a main frame on about:blank', mainFrame('about:blank')],
  ])('refuses %s without calling the backend', async (_label, frame) => {
    const backend = fakeBackend();
    const result = await createRpcHandler(backend)(eventFrom(frame), 'app.info', {});
    expect(result).toEqual(forbidden);
    expect(backend.call).not.toHaveBeenCalled();
  });

  it('refuses a frame whose properties throw (destroyed while the call was in flight)', async () => {
    const backend = fakeBackend();
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(destroyed as unknown as electron.WebFrameMain)).toBe(false);
    expect(await createRpcHandler(backend)(eventFrom(destroyed as unknown as FrameLike), 'app.info', {})).toEqual(forbidden);
    expect(backend.call).not.toHaveBeenCalled();
  });

  it("passes our main frame's call to the backend unchanged and returns its envelope", async () => {
    const backend = fakeBackend();
    const input = { id: '00000000-0000-4000-8000-000000000001' };
    const result = await createRpcHandler(backend)(eventFrom(mainFrame('app://sekretariat/index.html#/moeder')), 'meetings.get', input, 'window-7');
    expect(backend.call).toHaveBeenCalledExactlyOnceWith('meetings.get', input, 'window-7');
    expect(result).toEqual({ ok: true, data: { version: '1.2.3' } });
  });

  it('turns a thrown backend error into an INTERNAL envelope', async () => {
    const backend = { call: vi.fn(async () => Promise.reject(new Error('boom'))) };
    const result = await createRpcHandler(backend)(eventFrom(mainFrame()), 'app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
  });

  it('registers exactly one handler, on the rpc channel, and can remove it', async () => {
    const backend = fakeBackend();
    const unregister = registerIpc(backend);
    expect(fake.ipcMain.handle).toHaveBeenCalledOnce();
    const [channel, handler] = fake.ipcMain.handle.mock.calls[0] as [string, ReturnType<typeof createRpcHandler>];
    expect(channel).toBe('rpc');
    expect(await handler(eventFrom(subFrame()), 'app.info', {})).toEqual(forbidden);
    await handler(eventFrom(mainFrame()), 'app.info', {});
    expect(backend.call).toHaveBeenCalledOnce();
    unregister();
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith('rpc');
  });
});

describe('push events', () => {
  it('are sent to every live window on the event channel', () => {
    const a = new FakeBrowserWindow({});
    const b = new FakeBrowserWindow({});
    const gone = new FakeBrowserWindow({});
    gone.destroyed = true;
    broadcastEvent('data.changed', { entities: ['meetings'] });
    for (const window of [a, b]) {
      expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('event', 'data.changed', { entities: ['meetings'] });
    }
    expect(gone.webContents.send).not.toHaveBeenCalled();
  });
});
