import { z } from 'zod';
import { ClockTime, Id, IsoDate, RecordMeta, Revisioned } from './common';

export const ITEM_KINDS = ['beslutning', 'droeftelse', 'orientering'] as const;
export const ItemKind = z.enum(ITEM_KINDS, { error: 'Ukendt punkttype' });
export type ItemKind = z.infer<typeof ItemKind>;
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { beslutning: 'Beslutning', droeftelse: 'Drøftelse', orientering: 'Orientering' };

/** Standing items of an agenda (faste punkter), domain.md §1.3. */
export const STANDING_KINDS = ['godkendelse_dagsorden', 'godkendelse_referat', 'fu_orienterer', 'eventuelt', 'naeste_moede'] as const;
export const StandingKind = z.enum(STANDING_KINDS);
export type StandingKind = z.infer<typeof StandingKind>;
/** The usual title and kind of each standing item, as the DAS papers print them. */
export const STANDING_ITEMS: Record<StandingKind, { title: string; kind: 'beslutning' | 'droeftelse' | 'orientering' }> = {
  godkendelse_dagsorden: { title: 'Godkendelse af dagsorden', kind: 'beslutning' },
  godkendelse_referat: { title: 'Godkendelse af referat fra seneste møde', kind: 'beslutning' },
  fu_orienterer: { title: 'FU orienterer', kind: 'orientering' },
  eventuelt: { title: 'Eventuelt', kind: 'droeftelse' },
  naeste_moede: { title: 'Næste møde', kind: 'orientering' },
};

/** The item sections edited as rich text, in print order; Indstilling and Beslutning are structured apart. */
export const SECTION_KEYS = ['resume', 'caseText', 'economy', 'consultation'] as const;
export const SectionKey = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKey>;
export const SECTION_LABELS: Record<SectionKey, string> = {
  resume: 'Resumé',
  caseText: 'Sagsfremstilling',
  economy: 'Økonomi',
  consultation: 'Høring',
};

export const OUTCOMES = ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet', 'udsat'] as const;
export const Outcome = z.enum(OUTCOMES, { error: 'Ukendt udfald' });
export type Outcome = z.infer<typeof Outcome>;
export const OUTCOME_LABELS: Record<Outcome, string> = {
  godkendt: 'Godkendt',
  godkendt_med_aendringer: 'Godkendt med ændringer',
  ikke_godkendt: 'Ikke godkendt',
  taget_til_efterretning: 'Taget til efterretning',
  droeftet: 'Drøftet',
  udsat: 'Udsat',
};

/** Whether a decision approves what its item asks (a meeting's minutes, a proposal, the year's takstbilag). */
export const isApproving = (outcome: Outcome | null | undefined): outcome is 'godkendt' | 'godkendt_med_aendringer' =>
  outcome === 'godkendt' || outcome === 'godkendt_med_aendringer';

export const FOLLOW_UP_STATUSES = ['aaben', 'afsluttet', 'annulleret'] as const;
export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FOLLOW_UP_STATUS_LABELS: Readonly<Record<FollowUpStatus, string>> = { aaben: 'Åben', afsluttet: 'Afsluttet', annulleret: 'Annulleret' };

const Title = z.string().trim().min(1, { error: 'Punktet skal have en titel' }).max(2000, { error: 'Titlen må højst være 2.000 tegn' });
/** Rich text as HTML; the backend sanitises it before it is stored. */
const RichText = z.string().max(2_000_000, { error: 'Teksten er for lang' });

export const StandingItemTemplate = z.object({
  standing: StandingKind,
  title: Title,
  kind: ItemKind,
  /** The usual Indstilling, e.g. "DAS godkender dagsordenen". */
  recommendation: z.string().max(500).default(''),
});
export type StandingItemTemplate = z.infer<typeof StandingItemTemplate>;

export const Recommendation = z.object({ id: Id, text: z.string() });
export const Guest = z.object({ id: Id, name: z.string(), title: z.string(), organisation: z.string(), attended: z.boolean() });
export type Guest = z.infer<typeof Guest>;

export const Reservation = z.object({ id: Id, party: z.string(), organisationId: Id.nullable(), text: z.string() });

export const Decision = RecordMeta.extend({
  text: z.string(),
  outcome: Outcome.nullable(),
  /** Outcome per Indstilling point, keyed by recommendation id. */
  pointOutcomes: z.record(z.string(), Outcome),
  reservations: z.array(Reservation),
});
export type Decision = z.infer<typeof Decision>;

export const AttachmentSummary = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  fileName: z.string(),
  /** The stored file; null while the attachment is announced but not yet received ("eftersendes"). */
  sha256: z.string().nullable(),
  closed: z.boolean(),
  size: z.number().int().nullable(),
  revision: z.number().int(),
  version: z.number().int(),
});

/** An item as the agenda lists it. */
export const AgendaItemSummary = RecordMeta.extend({
  meetingId: Id,
  /** "Punkt N." – derived from the order, never stored. */
  number: z.number().int().positive(),
  title: z.string(),
  kind: ItemKind,
  standing: StandingKind.nullable(),
  closed: z.boolean(),
  closedTitleVisible: z.boolean(),
  hasDecision: z.boolean(),
});
export type AgendaItemSummary = z.infer<typeof AgendaItemSummary>;

export const AgendaItem = AgendaItemSummary.extend({
  caseNumber: z.string(),
  caseOfficer: z.string(),
  resume: z.string(),
  caseText: z.string(),
  economy: z.string(),
  consultation: z.string(),
  recommendations: z.array(Recommendation),
  guests: z.array(Guest),
  decision: Decision.nullable(),
  attachments: z.array(AttachmentSummary),
  approvesMeetingId: Id.nullable(),
  postponedFromItemId: Id.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaItemDraft = z.object({
  meetingId: Id,
  title: Title,
  kind: ItemKind.default('beslutning'),
  closed: z.boolean().default(false),
  /** Insert before this position (1-based); at the end if left out. */
  at: z.number().int().positive().optional(),
});

export const AgendaItemPatch = z.object({
  title: Title,
  kind: ItemKind,
  closed: z.boolean(),
  closedTitleVisible: z.boolean(),
  caseNumber: z.string().trim().max(100),
  caseOfficer: z.string().trim().max(200),
  resume: RichText,
  caseText: RichText,
  economy: RichText,
  consultation: RichText,
  recommendations: z.array(z.string().trim().max(2000)).max(50),
  guests: z.array(z.object({ name: z.string().trim().min(1, { error: 'Gæsten skal have et navn' }).max(200), title: z.string().trim().max(200).default(''), organisation: z.string().trim().max(200).default(''), attended: z.boolean().default(false) })).max(30),
}).partial();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;
export const AgendaItemUpdate = Revisioned.extend({ patch: AgendaItemPatch });

export const DecisionInput = z.object({
  itemId: Id,
  /** The revision of the decision the user edited; null when it is the first. */
  revision: z.number().int().positive().nullable(),
  text: RichText,
  outcome: Outcome.nullable(),
  pointOutcomes: z.record(Id, Outcome).default({}),
  reservations: z.array(z.object({ party: z.string().trim().min(1, { error: 'Angiv hvem forbeholdet er fra' }).max(200), organisationId: Id.nullable().default(null), text: z.string().trim().max(2000).default('') })).max(20).default([]),
});

export const FollowUp = RecordMeta.extend({
  itemId: Id,
  bodyId: Id,
  action: z.string(),
  owner: z.string(),
  dueDate: IsoDate.nullable(),
  dueMeetingId: Id.nullable(),
  status: FollowUpStatus,
  treatedInItemId: Id.nullable(),
  /** Where it was agreed: "DAS 27. maj 2021, punkt 7". */
  origin: z.object({ meetingId: Id, meetingDate: IsoDate, bodyCode: z.string(), itemNumber: z.number().int(), itemTitle: z.string() }),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpDraft = z.object({
  itemId: Id,
  action: z.string().trim().min(1, { error: 'Beskriv opfølgningen' }).max(2000),
  owner: z.string().trim().max(200).default(''),
  dueDate: IsoDate.nullable().default(null),
  dueMeetingId: Id.nullable().default(null),
});
export const FollowUpUpdate = Revisioned.extend({
  patch: z.object({ action: z.string().trim().min(1).max(2000), owner: z.string().trim().max(200), dueDate: IsoDate.nullable(), status: FollowUpStatus }).partial(),
});

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string(),
  entity: z.string(),
  action: z.enum(['oprettet', 'aendret', 'slettet', 'gendannet']),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

export const SearchQuery = z.object({
  query: z.string().max(500, { error: 'Søgningen er for lang' }),
  bodyId: Id.optional(),
  year: z.number().int().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const SearchHit = z.object({
  entity: z.enum(['item', 'decision', 'attachment']),
  entityId: Id,
  meetingId: Id,
  itemId: Id,
  meetingDate: IsoDate,
  bodyCode: z.string(),
  itemNumber: z.number().int(),
  itemTitle: z.string(),
  title: z.string(),
  /** Plain text with the matched words between \u0002 and \u0003, for the UI to highlight. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const DecisionRegisterQuery = z.object({
  bodyId: Id.optional(),
  year: z.number().int().optional(),
  kind: ItemKind.optional(),
  outcome: Outcome.optional(),
  organisationId: Id.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
/** The register's filters without paging: what an export of the whole register takes. */
export const DecisionRegisterFilter = DecisionRegisterQuery.omit({ offset: true, limit: true });
export type DecisionRegisterFilter = z.infer<typeof DecisionRegisterFilter>;
export const DecisionRegisterRow = z.object({
  decisionId: Id,
  itemId: Id,
  meetingId: Id,
  meetingDate: IsoDate,
  startTime: ClockTime.nullable(),
  bodyCode: z.string(),
  itemNumber: z.number().int(),
  itemTitle: z.string(),
  kind: ItemKind,
  outcome: Outcome.nullable(),
  text: z.string(),
  reservations: z.array(z.string()),
});
export type DecisionRegisterRow = z.infer<typeof DecisionRegisterRow>;

/**
 * An agenda item as another record cites it ("DAS 14.12.2022, punkt 5: …"): what a picker of the deciding item lists
 * and what a category change or a sheet version shows of the item that approved it.
 */
export const ItemReference = z.object({
  itemId: Id,
  meetingId: Id,
  meetingDate: IsoDate,
  bodyCode: z.string(),
  itemNumber: z.number().int(),
  itemTitle: z.string(),
  closed: z.boolean(),
  /** A decision is recorded: a text or an outcome. */
  hasDecision: z.boolean(),
  outcome: Outcome.nullable(),
});
export type ItemReference = z.infer<typeof ItemReference>;

/** The live items of the bodies' meetings (newest first, at most `limit`), and the items asked for by id. */
export const ItemReferenceQuery = z.object({
  bodyCodes: z.array(z.string().max(20)).max(10).default([]),
  ids: z.array(Id).max(200).default([]),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type ItemReferenceQuery = z.infer<typeof ItemReferenceQuery>;
