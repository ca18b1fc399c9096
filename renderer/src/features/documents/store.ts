import type { MethodInput } from '../../../../shared/contract';
import { api } from '../../api/client';

/** The meeting documents: read and made on demand, nothing kept. */
export const loadCapabilities = () => api().call('documents.capabilities', {});
export const loadPreview = (request: MethodInput<'documents.preview'>) => api().call('documents.preview', request);
export const makeDocument = (request: MethodInput<'documents.export'>) => api().call('documents.export', request);
