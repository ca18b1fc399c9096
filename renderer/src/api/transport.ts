import type { Result } from '../../../shared/contract';
import type { IncomingPackage } from '../../../shared/domain/exchange';
import type { ReceivedTemplate } from '../../../shared/domain/tariff-import';

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
  /** Streams an exchange package to the backend (PUT ./upload-package), reporting the fraction sent. */
  uploadPackage(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Result<IncomingPackage>>;
  /** Sends a filled operator template (.xlsx) to the backend (PUT ./upload-template). */
  uploadTemplate(file: File): Promise<Result<ReceivedTemplate>>;
  /**
   * Opens a stored file: the system viewer in the desktop app, a new tab in browser mode. Refused (FORBIDDEN) for a
   * program or script, which the system would run: saveFile is offered instead.
   */
  openFile(sha256: string, fileName: string): Promise<Result<null>>;
  /** Saves a copy of a stored file: a save dialog in the desktop app, a download in browser mode. False when cancelled. */
  saveFile(sha256: string, fileName: string): Promise<Result<{ saved: boolean }>>;
  /** Saves a finished export: a save dialog in the desktop app, a download in browser mode. False when cancelled. */
  saveExport(exportId: string): Promise<Result<{ saved: boolean }>>;
}

/** What the preload script exposes in the desktop app. */
export type Bridge = Pick<Transport, 'on'> & { invoke(method: string, input: unknown, origin?: string): Promise<Result<unknown>> };

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

/** PUT of a filled operator template (a few hundred kB) to the same origin's template route. */
export async function putTemplate(file: File, headers: Record<string, string>): Promise<Result<ReceivedTemplate>> {
  try {
    const response = await fetch(`./upload-template?name=${encodeURIComponent(file.name)}`, { method: 'PUT', headers, body: file });
    return (await response.json()) as Result<ReceivedTemplate>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Filen «${file.name}» kunne ikke overføres. Prøv igen.` } };
  }
}

/**
 * PUT of an exchange package to the same origin's package route. XMLHttpRequest rather than fetch: only it reports
 * how much of the body has been sent, and a package can be a gigabyte.
 */
export function putPackage(file: File, headers: Record<string, string>, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Result<IncomingPackage>> {
  const failed = (message: string): Result<IncomingPackage> => ({ ok: false, error: { code: 'INTERNAL', message } });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `./upload-package?name=${encodeURIComponent(file.name)}`);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      try {
        resolve(JSON.parse(request.responseText) as Result<IncomingPackage>);
      } catch {
        resolve(failed(`Filen «${file.name}» kunne ikke overføres. Prøv igen.`));
      }
    };
    request.onerror = () => resolve(failed(`Filen «${file.name}» kunne ikke overføres. Prøv igen.`));
    request.onabort = () => resolve({ ok: false, error: { code: 'INVALID_INPUT', message: 'Overførslen blev afbrudt. Intet er importeret.' } });
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
