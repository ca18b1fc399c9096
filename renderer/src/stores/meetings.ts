import { create } from 'zustand';
import type { Meeting, MeetingDraft, MeetingPatch } from '../../../shared/domain/meeting';
import { api } from '../api/client';

export interface MeetingFilter {
  bodyId: string | null;
  year: number | null;
}

interface MeetingsState {
  items: Meeting[];
  loaded: boolean;
  filter: MeetingFilter;
  /** The meeting open in the editor. */
  openId: string | null;
}

export const useMeetings = create<MeetingsState>(() => ({
  items: [],
  loaded: false,
  filter: { bodyId: null, year: null },
  openId: null,
}));

/** Loads every meeting once; filtering happens in memory (ten years are a few thousand rows). */
export async function loadMeetings() {
  const items = await api().call('meetings.list', {});
  useMeetings.setState({ items, loaded: true });
}

export const setFilter = (filter: Partial<MeetingFilter>) => useMeetings.setState((s) => ({ filter: { ...s.filter, ...filter } }));
export const openMeeting = (openId: string | null) => useMeetings.setState({ openId });

function replace(meeting: Meeting) {
  useMeetings.setState((s) => ({ items: s.items.map((m) => (m.id === meeting.id ? meeting : m)) }));
}

export async function createMeeting(draft: MeetingDraft): Promise<Meeting> {
  const created = await api().call('meetings.create', draft);
  await loadMeetings();
  return created;
}

export async function updateMeeting(id: string, revision: number, patch: MeetingPatch): Promise<Meeting> {
  const updated = await api().call('meetings.update', { id, revision, patch });
  replace(updated);
  return updated;
}

export async function deleteMeeting(id: string) {
  await api().call('meetings.delete', { id });
  useMeetings.setState((s) => ({ items: s.items.filter((m) => m.id !== id), openId: s.openId === id ? null : s.openId }));
}

export async function restoreMeeting(id: string) {
  await api().call('meetings.restore', { id });
  await loadMeetings();
}
