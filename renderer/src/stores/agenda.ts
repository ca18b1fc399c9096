import { create } from 'zustand';
import type { AgendaItem, AgendaItemSummary, FollowUp } from '../../../shared/domain/agenda';
import { api } from '../api/client';
import { openMeetingPage } from './navigation';

interface AgendaState {
  meetingId: string | null;
  items: AgendaItemSummary[];
  /** Open follow-ups of the body from earlier meetings. */
  followUps: FollowUp[];
  selectedId: string | null;
  selected: AgendaItem | null;
}

/** The agenda of the meeting on screen, and the item being edited. */
export const useAgenda = create<AgendaState>(() => ({ meetingId: null, items: [], followUps: [], selectedId: null, selected: null }));

export async function loadAgenda(meetingId: string) {
  const [items, followUps] = await Promise.all([api().call('agenda.list', { meetingId }), api().call('followUps.forMeeting', { meetingId })]);
  // An item of this agenda stays selected, also one chosen before the agenda was loaded: a link from the register
  // opens the meeting with that item selected.
  const { selectedId } = useAgenda.getState();
  const keep = selectedId && items.some((i) => i.id === selectedId) ? selectedId : (items[0]?.id ?? null);
  useAgenda.setState({ meetingId, items, followUps });
  const { selectedId: current, selected } = useAgenda.getState();
  if (keep !== current || selected?.id !== keep || (selected && selected.meetingId !== meetingId)) await selectItem(keep);
}

/** Opens a meeting's agenda on one item (from the register, a search hit, a proposal's approval route). */
export async function openAgendaItem(meetingId: string, itemId: string) {
  openMeetingPage(meetingId);
  await selectItem(itemId);
}

export async function selectItem(id: string | null) {
  useAgenda.setState({ selectedId: id, selected: id ? await api().call('agenda.get', { id }) : null });
}

export async function refreshSelected() {
  const { selectedId } = useAgenda.getState();
  if (selectedId) useAgenda.setState({ selected: await api().call('agenda.get', { id: selectedId }) });
}

export async function moveItem(id: string, to: number) {
  // Show the new order at once; the backend's answer confirms it.
  useAgenda.setState((s) => {
    const items = [...s.items];
    const from = items.findIndex((i) => i.id === id);
    const [moved] = items.splice(from, 1);
    items.splice(to - 1, 0, moved!);
    return { items: items.map((i, n) => ({ ...i, number: n + 1 })) };
  });
  useAgenda.setState({ items: await api().call('agenda.move', { id, to }) });
}
