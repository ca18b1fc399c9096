import { putUpload, type Transport } from './transport';

export function createIpcTransport(): Transport {
  const bridge = window.backend;
  if (!bridge) throw new Error('Forbindelsen til Sekretariats baggrundsproces mangler.');
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    on: (event, listener) => bridge.on(event, listener),
    // app:// serves the upload and open routes in the main process.
    upload: (file) => putUpload(file, {}),
    async openFile(sha256, fileName) {
      await fetch(`./open?sha256=${sha256}&name=${encodeURIComponent(fileName)}`);
    },
  };
}
