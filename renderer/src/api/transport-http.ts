import { CALL_ORIGIN_HEADER, fail, type Result } from '../../../shared/contract';
import { WINDOW_ORIGIN } from './origin';
import { putPackage, putTemplate, putUpload, type Transport } from './transport';

const TOKEN_KEY = 'sekretariat.token';

/**
 * The token arrives once in the address fragment (#token=…) printed by the host; it is kept for the tab's
 * session and removed from the address bar so it is not bookmarked or shared by accident.
 */
export function takeToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}#/moeder`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createHttpTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureSource(event: string) {
    source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`);
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
    return listeners.get(event)!;
  }

  return {
    async invoke(method, input): Promise<Result<unknown>> {
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, [CALL_ORIGIN_HEADER]: WINDOW_ORIGIN },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return fail('INTERNAL', 'Forbindelsen til Sekretariat er afbrudt. Kører programmet stadig i terminalen?');
      }
    },
    on(event, listener) {
      const set = ensureSource(event);
      set.add(listener);
      return () => set.delete(listener);
    },
    upload: (file) => putUpload(file, { Authorization: `Bearer ${token}` }),
    uploadPackage: (file, onProgress, signal) => putPackage(file, { Authorization: `Bearer ${token}` }, onProgress, signal),
    uploadTemplate: (file) => putTemplate(file, { Authorization: `Bearer ${token}` }),
    async openFile(sha256, fileName) {
      // The host sends anything but a PDF, an image or text as a download in a sandbox: a browser runs nothing.
      window.open(`/files/${sha256}?token=${encodeURIComponent(token)}&name=${encodeURIComponent(fileName)}`, '_blank', 'noopener');
      return { ok: true, data: null };
    },
    async saveFile(sha256, fileName) {
      const link = document.createElement('a');
      link.href = `/files/${sha256}?token=${encodeURIComponent(token)}&name=${encodeURIComponent(fileName)}&download=1`;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      return { ok: true, data: { saved: true } };
    },
    async saveExport(exportId) {
      // The host answers with Content-Disposition: attachment, so the browser saves it under the export's name.
      const link = document.createElement('a');
      link.href = `/exports/${encodeURIComponent(exportId)}?token=${encodeURIComponent(token)}`;
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
      return { ok: true, data: { saved: true } };
    },
  };
}
