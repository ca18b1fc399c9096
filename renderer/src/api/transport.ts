import type { Result } from '../../../shared/contract';

/** How the UI reaches the backend: IPC in the desktop app, HTTP + server-sent events in browser mode. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** What the preload script exposes in the desktop app. */
declare global {
  interface Window {
    backend?: Transport;
  }
}
