import type { MeetingStatus } from '../../../../shared/domain/meeting';

export const STATUS_COLORS: Record<MeetingStatus, string> = {
  planlagt: 'gray',
  dagsorden_udsendt: 'blue',
  afholdt: 'indigo',
  referat_udsendt: 'orange',
  referat_godkendt: 'teal',
};

export const TEXTS = {
  title: 'Møder',
  description: 'Møder i DAS og de øvrige organer – planlagte og afholdte.',
  newMeeting: 'Nyt møde',
  noMembers: 'Organet har ingen medlemmer endnu, så der er ingen at hente. Tilføj dem under Indstillinger → Organer, eller tilføj deltagerne her med «Tilføj deltager».',
  allBodies: 'Alle organer',
  allYears: 'Alle år',
  upcoming: 'Kommende møder',
  past: 'Tidligere møder',
  emptyTitle: 'Ingen møder endnu',
  emptyText: 'Opret det første møde, eller indlæs demodata under Indstillinger.',
  noMatch: 'Ingen møder passer til filteret.',
  locationPlaceholder: 'fx Teams eller Aalborg Rådhus',
  deleted: (what: string) => `Mødet ${what} er slettet.`,
  created: (what: string) => `Mødet ${what} er oprettet.`,
};

/** Approved minutes are locked; «Ret referatet» opens them as a new version (MinutesCorrection). */
export const LOCKED = {
  correct: 'Ret referatet',
  reason: 'Referatet er godkendt og låst – vælg «Ret referatet» for at åbne en ny version.',
  detail: 'Mødets oplysninger, deltagere, punkter, beslutninger, bilag og aftalte opfølgninger kan læses, men ikke ændres.',
  short: 'Låst – referatet er godkendt',
};

export const isLocked = (status: MeetingStatus) => status === 'referat_godkendt';
