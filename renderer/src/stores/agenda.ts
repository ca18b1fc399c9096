import { create } from 'zustand';
import type { AgendaItem, AgendaItemSummary, FollowUp } from '../../../shared/domain/agenda';
import { api } from '../api/client';

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
  const { selectedId, meetingId: before } = useAgenda.getState();
  const keep = before === meetingId && selectedId && items.some((i) => i.id === selectedId) ? selectedId : (items[0]?.id ?? null);
  useAgenda.setState({ meetingId, items, followUps });
  if (keep !== useAgenda.getState().selectedId || useAgenda.getState().selected?.id !== keep) await selectItem(keep);
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
