import type { Result } from '../../../shared/contract';
import { WINDOW_ORIGIN } from './origin';
import { putPackage, putTemplate, putUpload, type Transport } from './transport';

export function createIpcTransport(): Transport {
  const bridge = window.backend;
  if (!bridge) throw new Error('Forbindelsen til Sekretariats baggrundsproces mangler.');
  return {
    invoke: (method, input) => bridge.invoke(method, input, WINDOW_ORIGIN),
    on: (event, listener) => bridge.on(event, listener),
    // app:// serves the upload and open routes in the main process.
    upload: (file) => putUpload(file, {}),
    uploadPackage: (file, onProgress, signal) => putPackage(file, {}, onProgress, signal),
    uploadTemplate: (file) => putTemplate(file, {}),
    async openFile(sha256, fileName) {
      try {
        const response = await fetch(`./open?sha256=${sha256}&name=${encodeURIComponent(fileName)}`);
        return response.status === 204 ? { ok: true, data: null } : ((await response.json()) as Result<null>);
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `Filen «${fileName}» kunne ikke åbnes. Prøv igen.` } };
      }
    },
    async saveFile(sha256, fileName) {
      try {
        const response = await fetch(`./save-file?sha256=${sha256}&name=${encodeURIComponent(fileName)}`);
        const result = (await response.json()) as Result<{ savedTo: string | null }>;
        return result.ok ? { ok: true, data: { saved: result.data.savedTo !== null } } : result;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `Filen «${fileName}» kunne ikke gemmes. Prøv igen.` } };
      }
    },
    async saveExport(exportId) {
      try {
        const response = await fetch(`./save-export?id=${encodeURIComponent(exportId)}`);
        const result = (await response.json()) as Result<{ savedTo: string | null }>;
        return result.ok ? { ok: true, data: { saved: result.data.savedTo !== null } } : result;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Filen kunne ikke gemmes. Prøv igen.' } };
      }
    },
  };
}
