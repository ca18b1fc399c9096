import type { MethodInput } from '../../../../shared/contract';
import type { FollowUp } from '../../../../shared/domain/agenda';
import { api } from '../../api/client';

/** Beslutninger's reads and its one write; the register and the search are read page by page, never kept here. */
export const search = (query: MethodInput<'search.query'>) => api().call('search.query', query);
export const loadRegisterPage = (query: MethodInput<'decisions.register'>) => api().call('decisions.register', query);
export const makeRegisterExport = (request: MethodInput<'decisions.export'>) => api().call('decisions.export', request);
export const loadFollowUps = (filter: MethodInput<'followUps.list'>) => api().call('followUps.list', filter);

/** «Afslut»: an agenda open in Møder hears of it through the change event. */
export const closeFollowUp = (f: FollowUp) => api().call('followUps.update', { id: f.id, revision: f.revision, patch: { status: 'afsluttet' } });
