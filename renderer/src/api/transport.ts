import type { Result } from '../../../shared/contract';

export interface UploadedFile {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

/** How the UI reaches the backend: IPC in the desktop app, HTTP + server-sent events in browser mode. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Streams a file into the file store (PUT ./upload on either origin). */
  upload(file: File): Promise<Result<UploadedFile>>;
  /** Opens a stored file: the system viewer in the desktop app, a new tab in browser mode. */
  openFile(sha256: string, fileName: string): Promise<void>;
  /** Saves a finished export: a save dialog in the desktop app, a download in browser mode. False when cancelled. */
  saveExport(exportId: string): Promise<Result<{ saved: boolean }>>;
}

/** What the preload script exposes in the desktop app. */
export type Bridge = Pick<Transport, 'invoke' | 'on'>;

declare global {
  interface Window {
    backend?: Bridge;
  }
}

/** PUT to the same origin's upload route; the body streams, nothing is read into memory here. */
export async function putUpload(file: File, headers: Record<string, string>): Promise<Result<UploadedFile>> {
  try {
    const response = await fetch(`./upload?name=${encodeURIComponent(file.name)}`, { method: 'PUT', headers, body: file });
    return (await response.json()) as Result<UploadedFile>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Filen «${file.name}» kunne ikke overføres. Prøv igen.` } };
  }
}
