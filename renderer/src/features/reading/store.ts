import { create } from 'zustand';
import type { MethodOutput } from '../../../../shared/contract';
import type { DocumentEdition } from '../../../../shared/domain/documents';
import type { MeetingStatus } from '../../../../shared/domain/meeting';
import { readingKindFor } from '../../../../shared/logic/meeting-view';
import { api } from '../../api/client';
import { onChange } from '../../stores/changes';
import { openMeetingPage, openMeetingReading } from '../../stores/navigation';

export type ReadingKind = 'agenda' | 'minutes';
export type ReadingDocument = MethodOutput<'documents.preview'>;

interface ReadingState {
  meetingId: string | null;
  kind: ReadingKind;
  edition: DocumentEdition;
  /** The papers read for this meeting, kind and edition; null while they are read. */
  document: ReadingDocument | null;
  error: unknown;
}

export const useReading = create<ReadingState>(() => ({ meetingId: null, kind: 'minutes', edition: 'internal', document: null, error: null }));

const STORE = 'reading';

/** Each read answers one choice: an answer to an earlier one (another kind or edition chosen since) is dropped. */
let request = 0;
let reading = false;
/** Whether the view is on screen; papers changed while it is not are read when it opens again, not at every save. */
let shown = false;
let stale = false;

async function read() {
  const { meetingId, kind, edition } = useReading.getState();
  if (!meetingId) return;
  const mine = ++request;
  reading = true;
  stale = false;
  try {
    const document = await api().call('documents.preview', { meetingId, kind, edition });
    if (mine === request) useReading.setState({ document, error: null });
  } catch (error) {
    if (mine === request) useReading.setState({ document: null, error });
  } finally {
    if (mine === request) reading = false;
  }
}

/** Opens a meeting's papers; a meeting opened again keeps the kind and edition chosen for it, and its papers if current. */
export function openReading(meetingId: string, kind: ReadingKind) {
  const state = useReading.getState();
  if (state.meetingId !== meetingId) useReading.setState({ meetingId, kind, edition: 'internal', document: null, error: null });
  else if (stale) useReading.setState({ document: null, error: null });
  else if (state.document || reading) return Promise.resolve();
  return read();
}

/**
 * A meeting chosen from the list: sent and approved papers open to be read (their reading starts with the click, not
 * after the view is drawn), a meeting in preparation in the editor.
 */
export function openMeetingFromList(meeting: { id: string; status: MeetingStatus }) {
  const kind = readingKindFor(meeting.status);
  if (!kind) return openMeetingPage(meeting.id);
  void openReading(meeting.id, kind);
  openMeetingReading(meeting.id);
}

export function chooseReading(choice: { kind?: ReadingKind; edition?: DocumentEdition }) {
  useReading.setState({ ...choice, document: null, error: null });
  return read();
}

export const setReadingShown = (value: boolean) => (shown = value);

// The papers show the meeting, its items, decisions, follow-ups and the organisations' names: any of them changed
// elsewhere is read again (the text on screen stays until the new one is there).
onChange(STORE, ['meetings', 'agenda', 'followUps', 'organisations', 'bodies', 'settings'], () => {
  if (shown) return read();
  stale = true;
  return Promise.resolve();
});
