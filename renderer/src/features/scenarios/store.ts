import { create } from 'zustand';
import type { Scenario, ScenarioDraft, ScenarioInput, ScenarioOverrides, ScenarioSummary } from '../../../../shared/domain/scenario';
import { api } from '../../api/client';
import { onChange, ownWrite } from '../../stores/changes';

interface ScenariosState {
  items: ScenarioSummary[];
  loaded: boolean;
  /** The open scenario, and for a variant its base (whose inputs the variant's overrides are laid over). */
  open: Scenario | null;
  base: Scenario | null;
  /** Scenarios ticked for comparison (2–4), in the order ticked: the first is the base of the differences. */
  compared: string[];
}

export const useScenarios = create<ScenariosState>(() => ({ items: [], loaded: false, open: null, base: null, compared: [] }));

export async function loadScenarios() {
  const items = await api().call('scenarios.list', {});
  useScenarios.setState((s) => ({ items, loaded: true, compared: s.compared.filter((id) => items.some((i) => i.id === id)) }));
}

export async function loadOpenScenario(id: string | null) {
  if (!id) {
    useScenarios.setState({ open: null, base: null });
    return;
  }
  const open = await api().call('scenarios.get', { id });
  const base = open.baseId ? await api().call('scenarios.get', { id: open.baseId }) : null;
  useScenarios.setState({ open, base });
}

const STORE = 'scenarios';

// A proposal linking or unlinking a scenario changes who uses it.
onChange(STORE, ['scenarios', 'proposals'], ({ entities }) => Promise.all([entities.includes('scenarios') && loadScenarios(), refreshOpenUsage()]));

export function createScenario(draft: ScenarioDraft): Promise<Scenario> {
  return ownWrite(STORE, ['scenarios'], async () => {
    const created = await api().call('scenarios.create', draft);
    await loadScenarios();
    return created;
  });
}

/** A scenario read on its own (to compare, to copy from), not the open one. */
export const fetchScenario = (id: string) => api().call('scenarios.get', { id });

/**
 * Autosave: a base saves its whole input, a variant only what differs from its base. `confirmedUses` names the proposal
 * versions the user has agreed may change with it.
 */
export async function saveScenario(scenario: Scenario, patch: { name?: string; input?: ScenarioInput; overrides?: ScenarioOverrides }, confirmedUses: string[] = []): Promise<Scenario> {
  const saved = await ownWrite(STORE, ['scenarios'], () => api().call('scenarios.update', { id: scenario.id, revision: scenario.revision, patch, confirmedUses }));
  useScenarios.setState((s) => ({
    open: s.open?.id === saved.id ? saved : s.open,
    items: s.items.map((i) => (i.id === saved.id ? { ...i, name: saved.name, revision: saved.revision, updatedAt: saved.updatedAt } : i)),
  }));
  return saved;
}

/**
 * Who uses the open scenario, read again after a change elsewhere (a proposal linked it, a variant went): only that,
 * so the figures being typed and the revision they are saved against stay as they are.
 */
export async function refreshOpenUsage() {
  const id = useScenarios.getState().open?.id;
  if (!id) return;
  const { usedBy } = await api().call('scenarios.get', { id });
  useScenarios.setState((s) => (s.open?.id === id ? { open: { ...s.open, usedBy } } : s));
}

export function deleteScenario(id: string) {
  return ownWrite(STORE, ['scenarios'], async () => {
    await api().call('scenarios.delete', { id });
    useScenarios.setState((s) => ({ compared: s.compared.filter((c) => c !== id) }));
    await loadScenarios();
  });
}

export function restoreScenario(id: string) {
  return ownWrite(STORE, ['scenarios'], async () => {
    await api().call('scenarios.restore', { id });
    await loadScenarios();
  });
}

/** Freezes the open scenario as a numbered version, shown at once in its list of versions. */
export function freezeScenario(id: string, note: string) {
  return ownWrite(STORE, ['scenarios'], async () => {
    await api().call('scenarios.freeze', { id, note });
    await Promise.all([loadOpenScenario(id), loadScenarios()]);
  });
}

/** Makes the workbook or PDF annex of one scenario or a comparison; saving it is lib/files' saveExport. */
export const makeScenarioExport = (ids: string[], format: 'xlsx' | 'pdf') => api().call('scenarios.export', { ids, format });

export function toggleCompared(id: string) {
  useScenarios.setState((s) => ({
    compared: s.compared.includes(id) ? s.compared.filter((c) => c !== id) : s.compared.length >= 4 ? s.compared : [...s.compared, id],
  }));
}

export const clearCompared = () => useScenarios.setState({ compared: [] });
