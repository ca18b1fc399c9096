import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { DEFAULT_MESSAGES, fail, type EventName, type Result } from '../../shared/contract';
import type { Backend } from '../backend/backend';
import { isAppUrl } from './protocol';

/** The one request channel (renderer -> main) and the one push channel (main -> renderer). */
export const RPC_CHANNEL = 'rpc';
export const EVENT_CHANNEL = 'event';

/**
 * Only our own page's top frame may call the backend: an iframe (the document preview) or anything
 * that got loaded from elsewhere is refused. A frame that has gone away is refused too.
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  try {
    return frame != null && frame.parent === null && isAppUrl(frame.url);
  } catch {
    // Reading a destroyed frame's properties throws.
    return false;
  }
}

/** The handler behind `rpc`, separate from ipcMain so it can be tested directly. */
export function createRpcHandler(backend: Pick<Backend, 'call'>) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown, origin?: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return fail('FORBIDDEN', DEFAULT_MESSAGES.FORBIDDEN);
    try {
      // The backend checks the method name and parses the input against the contract.
      return await backend.call(method, input, typeof origin === 'string' ? origin : undefined);
    } catch {
      return fail('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
    }
  };
}

/** Serves the contract over IPC. Returns a function that removes the handler again. */
export function registerIpc(backend: Pick<Backend, 'call'>): () => void {
  ipcMain.handle(RPC_CHANNEL, createRpcHandler(backend));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

/** Pushes a backend event to every open window; the preload passes on only the payload. */
export function broadcastEvent(name: EventName, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  }
}
