import { DOCUMENT_KIND_LABELS } from '../domain/documents';
import { formatLongDate, formatWeekday } from '../format';
import { OUTCOME_LABELS } from '../domain/agenda';
import type { DocumentFollowUp, DocumentItem, DocumentModel } from './model';

/**
 * The Danish wording of the agenda and minutes, shared by the HTML/PDF renderer and the .docx export so the two
 * formats cannot drift apart. Everything here is plain text; each renderer escapes it its own way.
 */

export const KIND_TITLES = { agenda: DOCUMENT_KIND_LABELS.agenda, minutes: DOCUMENT_KIND_LABELS.minutes };

export const EDITION_LABELS = {
  public: 'Offentlig udgave – lukkede punkter er udeladt',
  internal: 'Intern udgave – indeholder lukkede punkter',
} as const;

/** Minutes are a draft for comments until the meeting's status says they are approved (issue: meetings). */
export const isDraftMinutes = (model: Pick<DocumentModel, 'kind' | 'minutesApproved'>) => model.kind === 'minutes' && !model.minutesApproved;
export const DRAFT_LABEL = 'Udkast til referat – til kommentering, ikke godkendt';

export const CONTENTS_TITLE = 'Indholdsfortegnelse';
export const RECOMMENDATION_INTRO = 'Det indstilles, at';
export const DECISION_LABEL = 'Beslutning';
/** A closed item with nothing left to show (as in the public edition). */
export const CLOSED_ITEM_EMPTY = 'Punktet er lukket.';
/** A closed item shown with its content (internal edition). */
export const CLOSED_ITEM_NOTICE = 'Lukket punkt – fortroligt.';
/** The public edition's preview marks a closed item whose title was chosen to be shown (never printed). */
export const PUBLIC_TITLE_BADGE = 'Titel vises offentligt';

export const SECTION_LABELS = {
  resume: 'Resumé',
  recommendations: 'Indstilling',
  caseText: 'Sagsfremstilling',
  economy: 'Økonomi',
  consultation: 'Høring',
  attachments: 'Bilag',
} as const;

export const FRONT_LABELS = { date: 'Dato', time: 'Tidspunkt', location: 'Sted', present: 'Deltagere', absent: 'Afbud' } as const;

export const itemNumberLabel = (number: number) => `Punkt ${number}.`;
export const attachmentLabel = (a: { number: number; title: string }) => `Bilag ${a.number}: ${a.title}`;

/** "DAS · dagsorden · 27. maj 2021", plus " · offentlig udgave" for the public edition: the header of every page but the first. */
export function runningHeader(model: Pick<DocumentModel, 'kind' | 'edition' | 'body' | 'meeting' | 'minutesApproved'>): string {
  const draftSuffix = isDraftMinutes(model) ? ' · udkast' : '';
  const publicSuffix = model.edition === 'public' ? ' · offentlig udgave' : '';
  return `${model.body.code} · ${KIND_TITLES[model.kind].toLowerCase()} · ${formatLongDate(model.meeting.date)}${draftSuffix}${publicSuffix}`;
}

/** "Torsdag den 27. maj 2021". */
export function meetingDateLine(date: string): string {
  const weekday = formatWeekday(date);
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} den ${formatLongDate(date)}`;
}

export const personLine = (p: { name: string; organisation: string }) => (p.organisation ? `${p.name}, ${p.organisation}` : p.name);

/** "Sagsnr. …" and "Sagsbehandler: …", those that are filled in. */
export function metaParts(item: Pick<DocumentItem, 'caseNumber' | 'caseOfficer'>): string[] {
  return [item.caseNumber && `Sagsnr. ${item.caseNumber}`, item.caseOfficer && `Sagsbehandler: ${item.caseOfficer}`].filter((m): m is string => Boolean(m));
}

/**
 * The guests of an item as one sentence: in the agenda those announced ("deltager"), in the minutes those who came
 * ("deltog"). Empty when there is no one to name.
 */
export function guestSentence(guests: DocumentItem['guests'], kind: DocumentModel['kind']): string {
  const guest = (g: DocumentItem['guests'][number]) => [g.title, g.name, g.organisation && `(${g.organisation})`].filter(Boolean).join(' ');
  if (kind === 'agenda') return guests.length ? `${guests.map(guest).join(' og ')} deltager under punktet.` : '';
  const attended = guests.filter((g) => g.attended);
  return attended.length ? `${attended.map(guest).join(' og ')} deltog under punktet.` : '';
}

/** A closed item of which nothing but the number and title is left (always so in the public edition). */
export const isEmptyClosedItem = (item: DocumentItem) =>
  item.closed && !item.resume && !item.caseText && item.recommendations.length === 0 && !item.decision;

export const RESERVATIONS_LABEL = 'Forbehold';
export const FOLLOW_UPS_LABEL = 'Opfølgning';

/** One reservation of a list: "Læsø Kommune: forbehold for finansieringen", or only the party. */
export const reservationLine = (r: { party: string; text: string }) => (r.text.trim() ? `${r.party}: ${r.text.trim()}` : r.party);

/** Who and when of a follow-up: "Ansvarlig: Sekretariatet · Frist: 26. august 2021", those that are filled in. */
export function followUpMeta(f: DocumentFollowUp): string {
  return [f.owner && `Ansvarlig: ${f.owner}`, f.due && `Frist: ${f.due}`].filter(Boolean).join(' · ');
}

/** The Indstilling points with the outcome recorded for each (minutes), empty points left out. */
export function recommendationPoints(item: Pick<DocumentItem, 'recommendations' | 'decision'>, kind: DocumentModel['kind']): { text: string; outcome: string }[] {
  return item.recommendations.flatMap((text, i) => {
    if (!text.trim()) return [];
    const outcome = kind === 'minutes' ? item.decision?.pointOutcomes?.[i] : null;
    return [{ text, outcome: outcome ? OUTCOME_LABELS[outcome] : '' }];
  });
}
