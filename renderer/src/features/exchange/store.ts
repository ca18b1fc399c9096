import type { MethodInput } from '../../../../shared/contract';
import type { ExchangeScope } from '../../../../shared/exchange/manifest';
import { api } from '../../api/client';

/**
 * Udveksling's actions. The package's own steps are jobs (followed by lib/jobs); what an import changes reaches every
 * store through its change event, which a job sends without origin.
 */
export const startExport = (scope: ExchangeScope) => api().call('exchange.export', { scope });
export const loadIncoming = () => api().call('exchange.incoming', {});
export const startPreview = (packageId: string) => api().call('exchange.preview', { packageId });
export const startImport = (input: MethodInput<'exchange.import'>) => api().call('exchange.import', input);
export const discardPackage = (packageId: string) => api().call('exchange.discard', { packageId });
export const loadTrusted = () => api().call('exchange.trusted', {});
/** Puts a laptop on the trusted list or takes it off; answers with the list. */
export const setTrusted = (input: MethodInput<'exchange.trust'>) => api().call('exchange.trust', input);
