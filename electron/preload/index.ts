/**
 * The keyhole between the page and the main process. The page gets exactly one object,
 * `window.backend`, with two functions; it never sees ipcRenderer, channel names or IPC events.
 * Runs sandboxed, so it is bundled into one CommonJS file with only `electron` left external.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { fail, type Result } from '../../shared/contract/errors';
import { isEventName, isMethodName } from '../../shared/contract/names';

/** Must match electron/main/ipc.ts (the preload cannot import main-process code). */
const RPC_CHANNEL = 'rpc';
const EVENT_CHANNEL = 'event';

export interface BackendBridge {
  /** `origin`: the window's own id, so it can recognise the change events its calls cause. */
  invoke(method: string, input?: unknown, origin?: string): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Never calls into page objects (a toString of the page's could throw or lie). */
const nameOf = (name: unknown) => (typeof name === 'string' ? name.slice(0, 80) : typeof name);

type IpcPort = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBackendBridge(ipc: IpcPort): BackendBridge {
  return {
    invoke(method, input, origin) {
      // Unknown names never reach IPC; the reply has the same shape as the backend's own refusal.
      if (!isMethodName(method)) {
        return Promise.resolve(fail('UNKNOWN_METHOD', `Ukendt funktion: «${nameOf(method)}».`));
      }
      return ipc.invoke(RPC_CHANNEL, method, input, typeof origin === 'string' ? origin.slice(0, 64) : undefined) as Promise<Result<unknown>>;
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Ukendt hændelse: «${nameOf(event)}».`);
      if (typeof listener !== 'function') throw new Error('Der skal angives en funktion, der modtager hændelsen.');
      // Only the payload is passed on: the IPC event object would hand the page `sender` and `ports`.
      const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}

// contextBridge copies the object: the page gets proxies of these two functions and nothing else.
contextBridge.exposeInMainWorld('backend', createBackendBridge(ipcRenderer));
