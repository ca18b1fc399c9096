import { create } from 'zustand';
import type { MethodInput } from '../../../../shared/contract';
import type { Proposal, ProposalDraft, ProposalSummary, ProposalVersion } from '../../../../shared/domain/proposal';
import { api } from '../../api/client';
import { onChange, ownWrite } from '../../stores/changes';
import { openProposal, useNavigation } from '../../stores/navigation';

interface ProposalsState {
  items: ProposalSummary[];
  loaded: boolean;
  /** The proposal the address names (stores/navigation), once loaded. */
  open: Proposal | null;
  /** The version on screen; the latest when a proposal is opened. */
  versionNumber: number | null;
  /** The tab on screen; kept when another version or proposal is opened. */
  tab: ProposalTab;
}

export type ProposalTab = 'content' | 'economy' | 'consultation' | 'treatment' | 'compare';

/** The list of proposals and the open one; SQLite stays the only source of truth. */
export const useProposals = create<ProposalsState>(() => ({ items: [], loaded: false, open: null, versionNumber: null, tab: 'content' }));

const openId = () => useNavigation.getState().proposalId;

export const selectTab = (tab: ProposalTab) => useProposals.setState({ tab });
export const selectVersion = (versionNumber: number) => useProposals.setState({ versionNumber });

export async function loadProposals() {
  useProposals.setState({ items: await api().call('proposals.list', {}), loaded: true });
}

/** A version asked for from another area (a scenario's «Bruges af …»), shown when its proposal has loaded. */
let wanted: { id: string; versionNumber: number } | null = null;

/** Opens one version of a proposal on the given tab. */
export function openProposalVersion(proposalId: string, versionNumber: number, tab: ProposalTab) {
  wanted = { id: proposalId, versionNumber };
  useProposals.setState({ tab });
  openProposal(proposalId);
}

/** Loads the open proposal; shows the version asked for, else keeps the one on screen when it still exists, else the latest. */
export async function loadOpenProposal(id: string | null) {
  if (!id) {
    useProposals.setState({ open: null, versionNumber: null });
    return;
  }
  const open = await api().call('proposals.get', { id });
  if (openId() !== id) return;
  const asked = wanted?.id === id ? wanted.versionNumber : null;
  wanted = null;
  const exists = (number: number | null) => number !== null && open.versions.some((v) => v.number === number);
  const { open: before, versionNumber } = useProposals.getState();
  const keep = before?.id === id && exists(versionNumber);
  useProposals.setState({ open, versionNumber: exists(asked) ? asked : keep ? versionNumber : (open.versions.at(-1)?.number ?? null) });
}

/** After a change elsewhere (another window, the agenda's decisions): the list's statuses and the open proposal. */
export async function reloadProposals() {
  await loadProposals();
  const id = openId();
  if (id) await loadOpenProposal(id).catch(() => useProposals.setState({ open: null }));
}

const STORE = 'proposals';
onChange(STORE, ['proposals'], reloadProposals);

/** A proposal as a write answered it: the open one, and its line in the list (status, versions, title). */
function putProposal(proposal: Proposal) {
  const { versions: _versions, steps: _steps, ...summary } = proposal;
  useProposals.setState((s) => ({
    open: s.open?.id === proposal.id ? proposal : s.open,
    items: s.items.map((i) => (i.id === proposal.id ? { ...i, ...summary } : i)),
  }));
}

export function createProposal(draft: ProposalDraft): Promise<Proposal> {
  return ownWrite(STORE, ['proposals'], async () => {
    const created = await api().call('proposals.create', draft);
    await loadProposals();
    return created;
  });
}

export function updateProposal(proposal: Proposal, patch: { code?: string; title?: string; establishedOn?: string | null }): Promise<Proposal> {
  return ownWrite(STORE, ['proposals'], async () => {
    const saved = await api().call('proposals.update', { id: proposal.id, revision: proposal.revision, patch });
    putProposal(saved);
    return saved;
  });
}

export function deleteProposal(id: string) {
  return ownWrite(STORE, ['proposals'], async () => {
    await api().call('proposals.delete', { id });
    await loadProposals();
  });
}

export function restoreProposal(id: string) {
  return ownWrite(STORE, ['proposals'], async () => {
    await api().call('proposals.restore', { id });
    await loadProposals();
  });
}

/** A new version as a copy of the latest; it is shown at once. */
export function reviseProposal(id: string): Promise<Proposal> {
  return ownWrite(STORE, ['proposals'], async () => {
    const revised = await api().call('proposals.revise', { proposalId: id, note: '' });
    useProposals.setState({ versionNumber: revised.versions.at(-1)?.number ?? null });
    putProposal(revised);
    return revised;
  });
}

/** A version's autosave: `save` writes it (merging with changes made elsewhere) and answers with the version as saved. */
export async function saveVersion(save: () => Promise<ProposalVersion>): Promise<ProposalVersion> {
  const saved = await ownWrite(STORE, ['proposals'], save);
  replaceVersion(saved);
  return saved;
}

export const updateVersion = (input: MethodInput<'proposals.updateVersion'>) => api().call('proposals.updateVersion', input);

/** A proposal read on its own, not taken into the store (to merge a version changed elsewhere). */
export const fetchProposal = (id: string) => api().call('proposals.get', { id });

/** Writes that change the open proposal only: it is read again once, not again on its change event. */
const openProposalWrite = <T>(write: () => Promise<T>, onWritten?: (result: T) => void) =>
  ownWrite(STORE, ['proposals'], async () => {
    const result = await write();
    onWritten?.(result);
    await refreshOpenProposal();
    return result;
  });

export const saveResponse = (input: MethodInput<'proposals.saveResponse'>) => openProposalWrite(() => api().call('proposals.saveResponse', input));
export const deleteResponse = (id: string) => openProposalWrite(() => api().call('proposals.deleteResponse', { id }));
export const restoreResponse = (id: string) => openProposalWrite(() => api().call('proposals.restoreResponse', { id }));
/** `onSaved` runs once the steps are stored, before the proposal is read again. */
export const setApprovalSteps = (input: MethodInput<'proposals.setSteps'>, onSaved: () => void) => openProposalWrite(() => api().call('proposals.setSteps', input), onSaved);

/** Starts the job that puts a version on a meeting's agenda; its change event reaches every window (jobs have no origin). */
export const startPutOnAgenda = (request: MethodInput<'proposals.putOnAgenda'>) => api().call('proposals.putOnAgenda', request);

export const loadEconomy = (proposalId: string, versionNumber: number) => api().call('proposals.economy', { proposalId, versionNumber });
export const loadDiff = (proposalId: string, from: number, to: number) => api().call('proposals.diff', { proposalId, from, to });
export const loadConsultationSummary = (proposalId: string, versionNumber: number) => api().call('proposals.consultationSummary', { proposalId, versionNumber });
export const loadMunicipalities = (input: MethodInput<'proposals.municipalities'>) => api().call('proposals.municipalities', input);
/** Makes one municipality's statement; saving it is lib/files' saveExport. */
export const makeMunicipalityExport = (input: MethodInput<'proposals.exportMunicipality'>) => api().call('proposals.exportMunicipality', input);

/** Takes a saved version into the open proposal (the answer of an autosave). */
export function replaceVersion(version: ProposalVersion) {
  useProposals.setState((s) => {
    if (!s.open || s.open.id !== version.proposalId) return s;
    return { open: { ...s.open, versions: s.open.versions.map((v) => (v.id === version.id ? version : v)) } };
  });
}

export async function refreshOpenProposal() {
  const id = openId();
  if (!id) return;
  await loadOpenProposal(id);
  // Its line in the list follows (a response or the approval route can change its status).
  const { open } = useProposals.getState();
  if (open?.id === id) putProposal(open);
}
