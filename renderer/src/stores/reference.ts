import { create } from 'zustand';
import type { Body } from '../../../shared/domain/body';
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
