import type { MethodInput } from '../../../../shared/contract';
import { api } from '../../api/client';

/** The takstbilag of a year as PDF or .xlsx (saved like every export) and on a DAS agenda (a job). */
export const makeTakstbilagExport = (input: MethodInput<'tariffAnnex.export'>) => api().call('tariffAnnex.export', input);
export const startTakstbilagOnAgenda = (input: MethodInput<'tariffAnnex.putOnAgenda'>) => api().call('tariffAnnex.putOnAgenda', input);
