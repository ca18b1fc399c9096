import { create } from 'zustand';
import type { Attendee, Meeting, MeetingDraft, MeetingPatch, TrashEntry } from '../../../../shared/domain/meeting';
import { api, ApiError } from '../../api/client';
import { onChange, ownWrite, type Change } from '../../stores/changes';

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

const STORE = 'meetings';

/** Loads every meeting once; filtering happens in memory (ten years are a few thousand rows). */
export async function loadMeetings() {
  const items = await api().call('meetings.list', {});
  useMeetings.setState({ items, loaded: true });
}

export const setFilter = (filter: Partial<MeetingFilter>) => useMeetings.setState((s) => ({ filter: { ...s.filter, ...filter } }));
export const openMeeting = (openId: string | null) => useMeetings.setState({ openId });

/** The list's order, as meetings.list gives it: newest first. */
const newestFirst = (a: Meeting, b: Meeting) => b.date.localeCompare(a.date) || (b.startTime ?? '').localeCompare(a.startTime ?? '');

function put(meeting: Meeting) {
  useMeetings.setState((s) => ({ items: [...s.items.filter((m) => m.id !== meeting.id), meeting].sort(newestFirst) }));
}

const remove = (id: string) => useMeetings.setState((s) => ({ items: s.items.filter((m) => m.id !== id), openId: s.openId === id ? null : s.openId }));

/** Changed elsewhere: the named meetings when all are on the list (one read each), else the whole list. */
async function reloadMeetings({ ids }: Change) {
  const known = new Set(useMeetings.getState().items.map((m) => m.id));
  if (!ids || ids.length === 0 || ids.length > 5 || !ids.every((id) => known.has(id))) return loadMeetings();
  await Promise.all(
    ids.map((id) =>
      api().call('meetings.get', { id }).then(put, (error: unknown) => {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') remove(id);
        else throw error;
      }),
    ),
  );
}

onChange(STORE, ['meetings'], reloadMeetings);

export function createMeeting(draft: MeetingDraft): Promise<Meeting> {
  return ownWrite(STORE, ['meetings'], async () => {
    const created = await api().call('meetings.create', draft);
    put(created);
    return created;
  });
}

export function updateMeeting(id: string, revision: number, patch: MeetingPatch): Promise<Meeting> {
  return ownWrite(STORE, ['meetings'], async () => {
    const updated = await api().call('meetings.update', { id, revision, patch });
    put(updated);
    return updated;
  });
}

/** The meeting as it now is (after a conflict: another window's version), also taken into the list. */
export async function fetchMeeting(id: string): Promise<Meeting> {
  const fresh = await api().call('meetings.get', { id });
  put(fresh);
  return fresh;
}

export function deleteMeeting(id: string) {
  return ownWrite(STORE, ['meetings'], async () => {
    await api().call('meetings.delete', { id });
    remove(id);
  });
}

export function restoreMeeting(id: string) {
  return ownWrite(STORE, ['meetings'], async () => {
    await api().call('meetings.restore', { id });
    put(await api().call('meetings.get', { id }));
  });
}

type AttendeeRow = Omit<Attendee, 'id'>;

export const loadAttendance = (meetingId: string) => api().call('meetings.attendance', { meetingId });

/** The participant list changes no meeting on the list: the event it causes reloads nothing here. */
export const saveAttendance = (meetingId: string, attendees: AttendeeRow[]) => ownWrite(STORE, ['meetings'], () => api().call('meetings.setAttendance', { meetingId, attendees }));

export const attendanceFromMembers = (meetingId: string) => ownWrite(STORE, ['meetings'], () => api().call('meetings.attendanceFromMembers', { meetingId }));

export const loadTrash = (): Promise<TrashEntry[]> => api().call('meetings.trash', {});

/** Restores a meeting or an item from the trash; the agenda on screen hears of an item through its change event. */
export async function restoreFromTrash(entry: TrashEntry) {
  if (entry.kind === 'møde') await restoreMeeting(entry.id);
  else await api().call('agenda.restore', { id: entry.id });
}

export const loadMinutesVersions = (id: string) => api().call('meetings.minutesVersions', { id });

/** Reopens approved minutes as a new version; the meeting on the list shows it at once. */
export function correctMinutes(id: string, reason: string) {
  return ownWrite(STORE, ['meetings'], async () => {
    const meeting = await api().call('meetings.correctMinutes', { id, reason });
    put(meeting);
    return meeting;
  });
}
