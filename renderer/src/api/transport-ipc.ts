import type { Transport } from './transport';

export function createIpcTransport(): Transport {
  const bridge = window.backend;
  if (!bridge) throw new Error('Forbindelsen til Sekretariats baggrundsproces mangler.');
  return bridge;
}
