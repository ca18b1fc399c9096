import type { AttachmentNumbering, ItemBreak, PaperLayout } from '../domain/body';
import type { ItemKind, Outcome } from '../domain/agenda';

/** What the agenda and minutes are printed from. Rich text fields hold HTML already sanitised by the backend. */
export interface DocumentModel {
  kind: 'agenda' | 'minutes';
  edition: 'internal' | 'public';
  body: { code: string; name: string };
  meeting: { date: string; startTime: string | null; endTime: string | null; location: string };
  /** Minutes not yet approved are printed as a draft for comments. */
  minutesApproved: boolean;
  /** Attachments numbered across the meeting ("Bilag 1–N") or from 1 in each item, as the body does. */
  attachmentNumbering: AttachmentNumbering;
  /** The body's layout (shared/documents/layout.ts) and whether each item starts on a new page. */
  layout: PaperLayout;
  itemBreak: ItemBreak;
  participants: { name: string; organisation: string; present: boolean }[];
  items: DocumentItem[];
}

export interface DocumentItem {
  id: string;
  number: number;
  title: string;
  kind: ItemKind;
  closed: boolean;
  closedTitleVisible: boolean;
  caseNumber: string;
  caseOfficer: string;
  guests: { name: string; title: string; organisation: string; attended: boolean }[];
  resume: string;
  recommendations: string[];
  caseText: string;
  economy: string;
  consultation: string;
  decision: {
    text: string;
    outcome: Outcome | null;
    /** The outcome of each Indstilling point, by its index in `recommendations`; null where none is recorded. */
    pointOutcomes?: (Outcome | null)[];
    reservations: { party: string; text: string }[];
  } | null;
  /** What was agreed to follow up at the item (minutes only; cancelled ones are left out). */
  followUps: DocumentFollowUp[];
  attachments: DocumentAttachment[];
}

export interface DocumentFollowUp {
  action: string;
  owner: string;
  /** The deadline as printed: a da-DK date or the meeting it is due at; '' without one. */
  due: string;
}

export interface DocumentAttachment {
  number: number;
  title: string;
  closed: boolean;
  /** The stored file (null while announced but not received) and its detected type; only the agenda pack uses them. */
  sha256: string | null;
  mediaType: string | null;
  /** The extracted text of a closed attachment (or one of a closed item), for the leak check; null otherwise. */
  text?: string | null;
}

export const CLOSED_ITEM_TITLE = 'Lukket punkt';
