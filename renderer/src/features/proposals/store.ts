import { create } from 'zustand';
import type { Proposal, ProposalDraft, ProposalSummary, ProposalVersion } from '../../../../shared/domain/proposal';
import { api } from '../../api/client';
import { onChange } from '../../stores/changes';
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

export async function createProposal(draft: ProposalDraft): Promise<Proposal> {
  const created = await api().call('proposals.create', draft);
  await loadProposals();
  return created;
}

export async function updateProposal(proposal: Proposal, patch: { code?: string; title?: string; establishedOn?: string | null }): Promise<Proposal> {
  const saved = await api().call('proposals.update', { id: proposal.id, revision: proposal.revision, patch });
  useProposals.setState((s) => ({ open: s.open?.id === saved.id ? saved : s.open }));
  await loadProposals();
  return saved;
}

export async function deleteProposal(id: string) {
  await api().call('proposals.delete', { id });
  await loadProposals();
}

export async function restoreProposal(id: string) {
  await api().call('proposals.restore', { id });
  await loadProposals();
}

/** A new version as a copy of the latest; it is shown at once. */
export async function reviseProposal(id: string): Promise<Proposal> {
  const revised = await api().call('proposals.revise', { proposalId: id, note: '' });
  useProposals.setState({ open: revised, versionNumber: revised.versions.at(-1)?.number ?? null });
  await loadProposals();
  return revised;
}

/** Takes a saved version into the open proposal (the answer of an autosave). */
export function replaceVersion(version: ProposalVersion) {
  useProposals.setState((s) => {
    if (!s.open || s.open.id !== version.proposalId) return s;
    return { open: { ...s.open, versions: s.open.versions.map((v) => (v.id === version.id ? version : v)) } };
  });
}

export async function refreshOpenProposal() {
  const id = openId();
  if (id) await loadOpenProposal(id);
}
