import type { MethodInput } from '../../../../shared/contract';
import type { Body } from '../../../../shared/domain/body';
import { api } from '../../api/client';

/**
 * Indstillinger's own reads and jobs. Bodies, organisations and settings are the reference data every area shows:
 * their writes are actions of stores/reference.
 */
export const loadBackups = () => api().call('backups.list', {});
export const startBackup = () => api().call('backups.create', {});
export const startRestore = (fileName: string) => api().call('backups.restore', { fileName });

/** What the body form edits besides its fields: members, relations to other bodies, its standing items. */
export const loadBodyDetails = (body: Body) => Promise.all([api().call('bodies.members', { bodyId: body.id }), api().call('bodies.relations', {}), api().call('bodies.template', { bodyId: body.id })]);

// Collecting the year's tariff sheets from the operators: the template out, filled files in (checked, then imported).
export const makeTariffTemplate = (operatorName: string, year: number) => api().call('tariffs.template', { operatorName, year });
export const uploadTariffTemplate = (file: File) => api().uploadTemplate(file);
export const startTariffPreview = (input: MethodInput<'tariffs.previewImport'>) => api().call('tariffs.previewImport', input);
export const startTariffImport = (input: MethodInput<'tariffs.applyImport'>) => api().call('tariffs.applyImport', input);
export const discardTariffFiles = (fileIds: string[]) => api().call('tariffs.discardImport', { fileIds });
