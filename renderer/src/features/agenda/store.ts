import { create } from 'zustand';
import type { MethodInput } from '../../../../shared/contract';
import type { AgendaItem, AgendaItemSummary, FollowUp, SearchHit } from '../../../../shared/domain/agenda';
import { api } from '../../api/client';
import { uploadFile } from '../../lib/files';
import { onChange, ownWrite } from '../../stores/changes';
import { openMeetingPage } from '../../stores/navigation';
import { updateMerging, type ItemFields } from './concurrent-edits';

interface AgendaState {
  meetingId: string | null;
  items: AgendaItemSummary[];
  /** Open follow-ups of the body from earlier meetings. */
  followUps: FollowUp[];
  selectedId: string | null;
  selected: AgendaItem | null;
  /** A search hit to show in the item it opened: the query's folded terms and where the hit was found. */
  hit: SearchHitTarget | null;
}

export interface SearchHitTarget {
  itemId: string;
  terms: string[];
  entity: SearchHit['entity'];
}

/** The agenda of the meeting on screen, and the item being edited. */
export const useAgenda = create<AgendaState>(() => ({ meetingId: null, items: [], followUps: [], selectedId: null, selected: null, hit: null }));

const STORE = 'agenda';

/** Shows a meeting's items; an item of this agenda stays selected, else the first is. */
async function showItems(meetingId: string, items: AgendaItemSummary[], followUps?: FollowUp[]) {
  // An item chosen before the agenda was loaded stays selected too: a link from the register opens the meeting with
  // that item selected.
  const { selectedId } = useAgenda.getState();
  const keep = selectedId && items.some((i) => i.id === selectedId) ? selectedId : (items[0]?.id ?? null);
  useAgenda.setState(followUps ? { meetingId, items, followUps } : { meetingId, items });
  const { selectedId: current, selected } = useAgenda.getState();
  if (keep !== current || selected?.id !== keep || (selected && selected.meetingId !== meetingId)) await selectItem(keep);
}

export async function loadAgenda(meetingId: string) {
  const [items, followUps] = await Promise.all([api().call('agenda.list', { meetingId }), api().call('followUps.forMeeting', { meetingId })]);
  await showItems(meetingId, items, followUps);
}

/** The items alone (their numbers, titles, marks) after a write that leaves the follow-ups of earlier meetings be. */
async function loadItems(meetingId: string) {
  await showItems(meetingId, await api().call('agenda.list', { meetingId }));
}

async function reloadAgenda() {
  const { meetingId } = useAgenda.getState();
  if (meetingId) await loadAgenda(meetingId);
}

// Items carry no meeting in their ids, so another window's change reads the agenda on screen again.
onChange(STORE, ['agenda', 'followUps'], reloadAgenda);

/**
 * Opens a meeting's agenda on one item (from the register, a search hit, a proposal's approval route); a search hit's
 * words are then shown in the item (search-hit.ts).
 */
export async function openAgendaItem(meetingId: string, itemId: string, hit?: Omit<SearchHitTarget, 'itemId'>) {
  useAgenda.setState({ hit: hit ? { itemId, ...hit } : null });
  openMeetingPage(meetingId);
  await selectItem(itemId);
}

/** The hit has been shown (or the user moved on): it is not shown again. */
export const clearSearchHit = () => useAgenda.setState({ hit: null });

export async function selectItem(id: string | null) {
  useAgenda.setState({ selectedId: id, selected: id ? await api().call('agenda.get', { id }) : null });
}

export async function refreshSelected() {
  const { selectedId } = useAgenda.getState();
  if (selectedId) useAgenda.setState({ selected: await api().call('agenda.get', { id: selectedId }) });
}

/** Takes a saved item into the editor and its row. */
function applyItem(item: AgendaItem) {
  useAgenda.setState((s) => ({
    selected: s.selectedId === item.id ? { ...item } : s.selected,
    items: s.items.map((i) => (i.id === item.id ? { ...i, title: item.title, kind: item.kind, closed: item.closed, revision: item.revision } : i)),
  }));
}

/**
 * An item's autosave, merged with changes made elsewhere since `base` (concurrent-edits.ts): its answer is shown, and
 * its change event skipped.
 */
export async function saveItem(id: string, base: { fields: ItemFields; revision: number }, patch: Partial<ItemFields>, onClash: (theirs: Partial<ItemFields>) => void): Promise<AgendaItem> {
  const saved = await ownWrite(STORE, ['agenda'], () => updateMerging(api(), id, base, patch, onClash));
  applyItem(saved);
  return saved;
}

export function moveItem(id: string, to: number) {
  // Show the new order at once; the backend's answer confirms it.
  useAgenda.setState((s) => {
    const items = [...s.items];
    const from = items.findIndex((i) => i.id === id);
    const [moved] = items.splice(from, 1);
    items.splice(to - 1, 0, moved!);
    return { items: items.map((i, n) => ({ ...i, number: n + 1 })) };
  });
  return ownWrite(STORE, ['agenda'], async () => {
    useAgenda.setState({ items: await api().call('agenda.move', { id, to }) });
  });
}

/** A new item, shown selected. */
export function createItem(draft: MethodInput<'agenda.create'>): Promise<AgendaItem> {
  return ownWrite(STORE, ['agenda'], async () => {
    const item = await api().call('agenda.create', draft);
    useAgenda.setState({ selectedId: item.id, selected: item });
    await loadItems(item.meetingId);
    return item;
  });
}

export function deleteItem(item: AgendaItem) {
  return ownWrite(STORE, ['agenda'], async () => {
    await api().call('agenda.delete', { id: item.id });
    await loadItems(item.meetingId);
  });
}

export function restoreItem(item: AgendaItem) {
  return ownWrite(STORE, ['agenda'], async () => {
    await api().call('agenda.restore', { id: item.id });
    await loadItems(item.meetingId);
  });
}

export function applyTemplate(meetingId: string) {
  return ownWrite(STORE, ['agenda'], async () => showItems(meetingId, await api().call('agenda.applyTemplate', { meetingId })));
}

/** «Udsæt»: moves or copies the item to a later meeting of the same body. */
export function postponeItem(item: AgendaItem, toMeetingId: string, mode: 'flyt' | 'kopier') {
  return ownWrite(STORE, ['agenda'], async () => {
    await api().call('agenda.postpone', { id: item.id, toMeetingId, mode });
    await loadItems(item.meetingId);
    if (mode === 'kopier') await refreshSelected();
  });
}

export const loadHistory = (id: string) => api().call('agenda.history', { id });

/**
 * Saves an item's decision; the agenda shows the item as decided. Approving minutes changes the meeting too: the
 * meetings store reads that from the change event.
 */
export function saveDecision(input: MethodInput<'decisions.save'>, meetingId: string) {
  return ownWrite(STORE, ['agenda'], async () => {
    const saved = await api().call('decisions.save', input);
    await loadItems(meetingId);
    return saved;
  });
}

export async function addAttachments(item: AgendaItem, files: File[], onFile: (name: string) => void, onError: (error: unknown) => void) {
  await ownWrite(STORE, ['agenda'], async () => {
    for (const file of files) {
      onFile(file.name);
      try {
        const stored = await uploadFile(file);
        await api().call('attachments.add', { itemId: item.id, sha256: stored.sha256, fileName: stored.fileName, closed: item.closed });
      } catch (error) {
        onError(error);
      }
    }
    await refreshSelected();
    await loadItems(item.meetingId);
  });
}

/** The attachment writes change the open item only: it is read again. */
const attachmentWrite = (write: () => Promise<unknown>) =>
  ownWrite(STORE, ['agenda'], async () => {
    await write();
    await refreshSelected();
  });

export const replaceAttachment = (id: string, file: File) =>
  attachmentWrite(async () => {
    const stored = await uploadFile(file);
    await api().call('attachments.replace', { id, sha256: stored.sha256, fileName: stored.fileName });
  });
export const deleteAttachment = (id: string) => attachmentWrite(() => api().call('attachments.delete', { id }));
export const restoreAttachment = (id: string) => attachmentWrite(() => api().call('attachments.restore', { id }));
export const setAttachmentClosed = (id: string, revision: number, closed: boolean) => attachmentWrite(() => api().call('attachments.update', { id, revision, patch: { closed } }));

/** Closes a follow-up from an earlier meeting («Afslut»). */
export function closeFollowUp(f: FollowUp, meetingId: string) {
  return ownWrite(STORE, ['followUps', 'agenda'], async () => {
    await api().call('followUps.update', { id: f.id, revision: f.revision, patch: { status: 'afsluttet' } });
    await loadAgenda(meetingId);
  });
}

/** Takes a follow-up up as a new item of this meeting, shown selected. */
export const takeUpFollowUp = (f: FollowUp, meetingId: string) => createItem({ meetingId, title: `Opfølgning: ${f.action}`, kind: 'orientering' });

export const loadItemFollowUps = (itemId: string) => api().call('followUps.list', { itemId });

/** A follow-up agreed under an item: neither the items nor the follow-ups of earlier meetings change. */
export const createFollowUp = (draft: MethodInput<'followUps.create'>) => ownWrite(STORE, ['followUps', 'agenda'], () => api().call('followUps.create', draft));
