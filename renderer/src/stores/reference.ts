import { create } from 'zustand';
import type { MethodInput } from '../../../shared/contract';
import type { Body, BodyDraft } from '../../../shared/domain/body';
import type { Organisation } from '../../../shared/domain/organisation';
import type { AppInfo, Settings } from '../../../shared/domain/settings';
import { api } from '../api/client';
import { onChange, ownWrite } from './changes';

interface ReferenceState {
  info: AppInfo | null;
  settings: Settings | null;
  bodies: Body[];
  organisations: Organisation[];
}

/** Cached views of the reference data; SQLite stays the only source of truth. */
export const useReference = create<ReferenceState>(() => ({ info: null, settings: null, bodies: [], organisations: [] }));

export async function loadInfo() {
  const [info, settings] = await Promise.all([api().call('app.info', {}), api().call('settings.get', {})]);
  useReference.setState({ info, settings });
}

export async function loadBodies() {
  useReference.setState({ bodies: await api().call('bodies.list', {}) });
}

export async function loadOrganisations() {
  useReference.setState({ organisations: await api().call('organisations.list', {}) });
}

export const loadReference = () => Promise.all([loadInfo(), loadBodies(), loadOrganisations()]);

const STORE = 'reference';
onChange(STORE, ['bodies'], loadBodies);
onChange(STORE, ['organisations'], loadOrganisations);
onChange(STORE, ['settings'], loadInfo);

export function updateSettings(patch: Partial<Settings>) {
  return ownWrite(STORE, ['settings'], async () => {
    useReference.setState({ settings: await api().call('settings.update', patch) });
  });
}

/** Writes of bodies, answered by reading the list again once (its change event then reads nothing more here). */
const bodiesWrite = async (write: () => Promise<unknown>) => {
  await ownWrite(STORE, ['bodies'], write);
  await loadBodies();
};

export const createBody = (draft: BodyDraft) => bodiesWrite(() => api().call('bodies.create', draft));
export const deleteBody = (id: string) => bodiesWrite(() => api().call('bodies.delete', { id }));
export const restoreBody = (id: string) => bodiesWrite(() => api().call('bodies.restore', { id }));

/** A body's fields and, when the form loaded them, its members, relations, hidden sections and standing items. */
export interface BodyDetails {
  members: MethodInput<'bodies.setMembers'>['members'];
  relations: MethodInput<'bodies.setRelations'>['relations'];
  hidden: MethodInput<'bodies.setHiddenSections'>['hidden'];
  template: MethodInput<'bodies.setTemplate'>['template'];
}

export const updateBody = (body: Body, patch: BodyDraft, details: BodyDetails | null) =>
  bodiesWrite(async () => {
    await api().call('bodies.update', { id: body.id, revision: body.revision, patch });
    if (!details) return;
    // Each call announces its own change, and each is this store's own.
    await ownWrite(STORE, ['bodies'], () => api().call('bodies.setMembers', { bodyId: body.id, members: details.members }));
    await ownWrite(STORE, ['bodies'], () => api().call('bodies.setRelations', { fromBodyId: body.id, relations: details.relations }));
    await ownWrite(STORE, ['bodies'], () => api().call('bodies.setHiddenSections', { bodyId: body.id, hidden: details.hidden }));
    await ownWrite(STORE, ['bodies'], () => api().call('bodies.setTemplate', { bodyId: body.id, template: details.template }));
  });

/** Also after a refusal the list is read again, so a figure typed but not saved shows as it is stored. */
const organisationsWrite = async (write: () => Promise<unknown>) => {
  try {
    await ownWrite(STORE, ['organisations'], write);
  } finally {
    await loadOrganisations();
  }
};

export const updateOrganisation = (input: MethodInput<'organisations.update'>) => organisationsWrite(() => api().call('organisations.update', input));
export const importPopulation = (input: MethodInput<'organisations.importPopulation'>) => organisationsWrite(() => api().call('organisations.importPopulation', input));

/** A body's members: the people a meeting's participants and reservations are usually chosen from. */
export const loadMembers = (bodyId: string) => api().call('bodies.members', { bodyId });
