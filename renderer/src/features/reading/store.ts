import { create } from 'zustand';
import type { MethodOutput } from '../../../../shared/contract';
import type { DocumentEdition } from '../../../../shared/domain/documents';
import { api } from '../../api/client';
import { onChange } from '../../stores/changes';

export type ReadingKind = 'agenda' | 'minutes';
export type ReadingDocument = MethodOutput<'documents.preview'>;

interface ReadingState {
  meetingId: string | null;
  kind: ReadingKind;
  edition: DocumentEdition;
  /** The papers last read for this meeting, kind and edition; null while they are read. */
  document: ReadingDocument | null;
  error: unknown;
}

export const useReading = create<ReadingState>(() => ({ meetingId: null, kind: 'minutes', edition: 'internal', document: null, error: null }));

const STORE = 'reading';

/** Each read answers one choice: an answer to an earlier one (another kind or edition chosen since) is dropped. */
let request = 0;

async function read() {
  const { meetingId, kind, edition } = useReading.getState();
  if (!meetingId) return;
  const mine = ++request;
  try {
    const document = await api().call('documents.preview', { meetingId, kind, edition });
    if (mine === request) useReading.setState({ document, error: null });
  } catch (error) {
    if (mine === request) useReading.setState({ document: null, error });
  }
}

/** Opens a meeting's papers; a meeting opened again keeps the kind and edition chosen for it. */
export function openReading(meetingId: string, kind: ReadingKind) {
  if (useReading.getState().meetingId !== meetingId) useReading.setState({ meetingId, kind, edition: 'internal', document: null, error: null });
  return read();
}

export function chooseReading(choice: { kind?: ReadingKind; edition?: DocumentEdition }) {
  useReading.setState({ ...choice, document: null, error: null });
  return read();
}

// The papers show the meeting, its items, decisions, follow-ups and the organisations' names: any of them changed
// elsewhere is read again (the text on screen stays until the new one is there).
onChange(STORE, ['meetings', 'agenda', 'followUps', 'organisations', 'bodies', 'settings'], read);
