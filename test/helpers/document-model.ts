import type { DocumentAttachment, DocumentItem, DocumentModel } from '../../shared/documents';

/** An open item numbered `n` with every section empty; `patch` fills in what a test is about. */
export const documentItem = (n: number, patch: Partial<DocumentItem> = {}): DocumentItem => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  number: n,
  title: `Punkt om emne ${n}`,
  kind: 'beslutning',
  closed: false,
  closedTitleVisible: true,
  caseNumber: '',
  caseOfficer: '',
  guests: [],
  resume: '',
  recommendations: [],
  caseText: '',
  economy: '',
  consultation: '',
  decision: null,
  followUps: [],
  attachments: [],
  ...patch,
});

/** An attachment without a stored file (the renderers only show its number and title). */
export const documentAttachment = (number: number, title: string, closed: boolean): DocumentAttachment => ({ number, title, closed, sha256: null, mediaType: null });

/** The internal agenda of DAS 27 May 2021 with two participants, one of them absent. */
export const documentModel = (items: DocumentItem[], patch: Partial<DocumentModel> = {}): DocumentModel => ({
  kind: 'agenda',
  edition: 'internal',
  body: { code: 'DAS', name: 'Den Administrative Styregruppe (DAS Social)' },
  meeting: { date: '2021-05-27', startTime: '13:00', endTime: '16:00', location: 'Aalborg ÆH, Hammer Bakker' },
  minutesApproved: true,
  attachmentNumbering: 'item',
  layout: 'A',
  itemBreak: 'page',
  participants: [
    { name: 'Henrik Aarup-Kristensen', organisation: 'Aalborg Kommune', present: true },
    { name: 'Lone Jensen', organisation: 'Læsø Kommune', present: false },
  ],
  items,
  ...patch,
});
