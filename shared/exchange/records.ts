/**
 * The records of an exchange package (docs/exchange-format.md): one JSON object per line in `records/<entity>.jsonl`,
 * one entity per synchronisable table. A record is its table row with the column names in camelCase, 0/1 flags as
 * booleans and JSON columns embedded as JSON values; deleted rows travel as tombstones (`deletedAt` set, every field
 * kept). Field rules are the domain's where it has them, so that whatever passes here can be stored as it is.
 */
import { z } from 'zod';
import { FollowUpStatus, ItemKind, Outcome, StandingItemTemplate, StandingKind } from '../domain/agenda';
import { RelationKind } from '../domain/body';
import { ClockTime, Id, IsoDate } from '../domain/common';
import { formatNumericDate } from '../format';
import { MeetingStatus } from '../domain/meeting';
import { OrganisationKind, Quarter } from '../domain/organisation';
import { Consultation, ProposalContent, ScenarioRef, Stance } from '../domain/proposal';
import { ScenarioInput } from '../domain/scenario';
import { ATTACHMENT_NUMBERINGS, ITEM_BREAKS, PAPER_LAYOUTS } from '../domain/body';
import { RuleSetParams } from '../domain/rule-sets';
import { LegalBasis, OfferCategory, OfferStatus, SheetStatus, TariffSheetContent, TariffUnit, TariffYear } from '../domain/tariff-year';

/** Rich text (HTML) as the item editor stores it; the domain's limit (shared/domain/agenda.ts). */
export const MAX_RICH_TEXT_CHARS = 2_000_000;
/** One record's line in a .jsonl entry, in bytes; a longer line is refused before it is parsed (see the reader). */
export const MAX_RECORD_LINE_BYTES = 16 * 1024 * 1024;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ugyldig SHA-256 (forventet 64 små hex-tegn)' });
export const Timestamp = z.iso.datetime({ offset: true, error: 'Ugyldigt tidspunkt (forventet ISO 8601, fx 2026-11-22T09:00:00.000Z)' });

const text = (max: number) => z.string({ error: 'Skal være en tekst' }).max(max, { error: `Teksten må højst være ${max.toLocaleString('da-DK')} tegn` });
const required = (max: number, what: string) => text(max).min(1, { error: `${what} mangler` });
const richText = text(MAX_RICH_TEXT_CHARS);
const int = z.number({ error: 'Skal være et tal' }).int({ error: 'Skal være et helt tal' });
const flag = z.boolean({ error: 'Skal være true eller false' });
const ref = Id;
const optionalRef = Id.nullable();
const jsonObject = z.record(z.string(), z.unknown(), { error: 'Skal være et JSON-objekt' });

/**
 * A JSON value checked by a domain schema but passed on unchanged: no defaults added, nothing trimmed, so the record
 * is stored (and hashed) as it was written. A value an older build wrote, lacking fields added since, passes, as it
 * does when the app reads it (the domain's defaults fill them in then).
 */
function checkedBy<T extends z.ZodType>(shape: T, domain: z.ZodType): T {
  return shape.superRefine((value, ctx) => {
    const checked = domain.safeParse(value);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.filter((p): p is string | number => typeof p !== 'symbol') });
    }
  });
}

/** A scenario input as the modeller stores it (shared/domain/scenario.ts). */
const scenarioInput = checkedBy(jsonObject, ScenarioInput);
const agendaTemplate = checkedBy(z.array(z.unknown()).max(50), StandingItemTemplate.array());
/** A proposal version's qualitative content, its start-up scenarios and its consultation (shared/domain/proposal.ts). */
const proposalContent = checkedBy(jsonObject, ProposalContent);
const scenarioRefs = checkedBy(z.array(z.unknown(), { error: 'Skal være en JSON-liste' }).max(8, { error: 'Højst otte scenarier pr. version' }), ScenarioRef.array());
const consultation = checkedBy(jsonObject, Consultation);
/** A rule set's parameters and a tariff sheet's content (shared/domain/rule-sets.ts, tariff-year.ts). */
const ruleSetParams = checkedBy(jsonObject, RuleSetParams);
const sheetContent = checkedBy(jsonObject, TariffSheetContent);

/** A long text cut for a sentence. */
export const shorten = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** The strings of a list (the ids of an embedded reference); nothing for anything else. */
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** How a reference that points at nothing (neither in the package nor in the receiving database) is treated. */
export type OnMissing =
  /** The package is refused. */
  | 'error'
  /** A link across the scope (to another meeting, an earlier attachment version …): the importer clears it. */
  | 'clear';

export interface ReferenceSpec {
  field: string;
  entity: EntityName;
  onMissing: OnMissing;
}

/**
 * References inside a JSON field (a proposal version's scenarios, the municipalities its consultation expects): the
 * ids it names, each of which must resolve like a reference with onMissing 'error' (a JSON value is never cleared).
 */
export interface EmbeddedReferenceSpec {
  field: string;
  entity: EntityName;
  /** The ids named by the field's (validated) value. */
  ids: (value: unknown) => string[];
}

interface EntityDefinition<F extends z.ZodRawShape> {
  /** Danish, singular: used in messages ("punkt", "beslutning"). */
  label: string;
  /** Danish, plural, for summaries ("12 punkter"). */
  plural: string;
  fields: F;
  /** Danish labels of its own fields, where the common ones (conflict-text.ts) do not fit or have none. */
  fieldLabels?: Partial<Record<keyof F & string, string>>;
  /**
   * The reference to the record it lives under (an item's meeting, a decision's item): a meeting's package carries
   * everything under the meeting, and a record kept both ways («Behold begge») is copied with everything under it.
   */
  parent?: keyof F & string;
  /** False: not copied with its parent by «Behold begge» (what is fixed to the original: approved minutes, frozen versions). */
  copiedWithParent?: boolean;
  /** Scopes besides «all» that carry every record of the entity (docs/exchange-format.md §3). */
  scopes?: readonly ('decisions')[];
  /** «Behold begge» may add the package's record as a copy with a new id (see COPYABLE in merge.ts). */
  copyable?: boolean;
  /** Part of its item's search document: an import that writes it reindexes the item (through its parent). */
  searched?: boolean;
  /** A unique key besides the id (db/migrations): see {@link UniqueKey}. */
  unique?: UniqueKey<keyof F & string>;
  /** How a sentence names a record of this entity: «Punktet «…»»; `definite` when the record is not known here. */
  named?: { definite: string; of: (record: Record<string, unknown>) => string };
  /** Its short Danish label in lists (the conflicts); by default the label with its title, name, text … */
  labelOf?: (record: Record<string, unknown>) => string;
  /** Fields stored as 0/1 in SQLite, booleans in the file. */
  flags?: readonly (keyof F & string)[];
  /** Fields stored as JSON text in SQLite, embedded JSON values in the file. */
  json?: readonly (keyof F & string)[];
  /** HTML fields that the importer sanitises (electron/backend/services/rich-text.ts). */
  richText?: readonly (keyof F & string)[];
  references?: readonly { field: keyof F & string; entity: EntityName; onMissing?: OnMissing }[];
  /** References inside JSON fields. */
  embedded?: readonly (EmbeddedReferenceSpec & { field: keyof F & string })[];
  /** Rules across fields (the table's CHECK constraints and the domain's), run once the fields are valid. */
  check?: RecordCheck;
}

/**
 * A unique key besides the id. Two records of one package with the same key are refused (`inPackage`, Danish); a new
 * record whose key another record here holds is a clash (`clash`): `resolvable`, the user chooses which to keep and
 * both laptops end with one record under the package's id; otherwise the import is refused until one is changed.
 */
export interface UniqueKey<Field extends string = string> {
  fields: readonly Field[];
  /** Only live records hold the key (tombstones do not). */
  liveOnly: boolean;
  inPackage: string;
  clash?: {
    /** The reference whose record names the clash's sentence (`what`); none: `what` is empty. */
    owner?: Field;
    explain: (record: Record<string, unknown>, what: string) => string;
    resolvable?: boolean;
    /** Replaces the usual «Slet eller ret den ene …». */
    advice?: string;
  };
}

/** A rule across fields: the field it concerns and a Danish message when broken, else null. */
export type RecordCheck = (record: Record<string, unknown>) => { field: string; message: string } | null;

/** What every definition is, its field names widened to strings. */
interface LooseDefinition {
  label: string;
  plural: string;
  fields: z.ZodRawShape;
  fieldLabels?: Partial<Record<string, string>>;
  parent?: string;
  copiedWithParent?: boolean;
  scopes?: readonly 'decisions'[];
  copyable?: boolean;
  searched?: boolean;
  unique?: UniqueKey;
  named?: { definite: string; of: (record: Record<string, unknown>) => string };
  labelOf?: (record: Record<string, unknown>) => string;
  flags?: readonly string[];
  json?: readonly string[];
  richText?: readonly string[];
  references?: readonly { field: string; entity: EntityName; onMissing?: OnMissing }[];
  embedded?: readonly EmbeddedReferenceSpec[];
  check?: RecordCheck;
}

const define = <F extends z.ZodRawShape>(definition: EntityDefinition<F>) => definition;

/** In dependency order: referenced entities before those that refer to them (self-references aside). */
export const ENTITY_NAMES = [
  'organisations',
  'population_figures',
  'bodies',
  'body_members',
  'body_relations',
  'meetings',
  'meeting_attendance',
  'minutes_versions',
  'agenda_items',
  'recommendations',
  'item_guests',
  'decisions',
  'recommendation_outcomes',
  'reservations',
  'follow_ups',
  'attachments',
  'scenarios',
  'scenario_versions',
  'proposals',
  'proposal_versions',
  'approval_steps',
  'consultation_responses',
  'rule_sets',
  'offers',
  'offer_categories',
  'tariff_sheets',
  'offer_results',
  'set_aside_uses',
  'tariff_annexes',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];
export const EntityName = z.enum(ENTITY_NAMES);

const DEFINITIONS = {
  organisations: define({
    label: 'organisation',
    plural: 'organisationer',
    unique: {
      fields: ['name'],
      liveOnly: true,
      inPackage: 'To kommuner eller regioner har samme navn; et navn må kun bruges af én',
      clash: { explain: (r) => `Navnet «${r.name as string}» bruges her af en anden kommune eller region end i pakken` },
    },
    fields: { name: required(100, 'Navnet'), kind: OrganisationKind, sortOrder: int },
  }),
  population_figures: define({
    label: 'befolkningstal',
    plural: 'befolkningstal',
    unique: { fields: ['organisationId', 'quarter', 'ageGroup'], liveOnly: false, inPackage: 'Samme kommune, kvartal og aldersgruppe står to gange i befolkningstallene' },
    fields: { organisationId: ref, quarter: Quarter, ageGroup: z.enum(['i_alt', '0-17']), count: int.nonnegative() },
    references: [{ field: 'organisationId', entity: 'organisations' }],
  }),
  bodies: define({
    label: 'organ',
    plural: 'organer',
    scopes: ['decisions'],
    unique: {
      fields: ['code'],
      liveOnly: true,
      inPackage: 'To organer har samme forkortelse; en forkortelse må kun bruges af ét organ',
      clash: { explain: (r) => `Forkortelsen «${r.code as string}» bruges her af et andet organ end i pakken` },
    },
    fields: {
      code: required(20, 'Forkortelsen'),
      name: required(200, 'Navnet'),
      description: text(2000),
      agendaTemplate,
      hiddenSections: z.array(text(50)).max(20),
      // Packages written before the setting existed number across the meeting, as every body did then.
      attachmentNumbering: z.enum(ATTACHMENT_NUMBERINGS).default('meeting'),
      // Likewise printed in layout A with a page per item.
      paperLayout: z.enum(PAPER_LAYOUTS).default('A'),
      itemBreak: z.enum(ITEM_BREAKS).default('page'),
    },
    json: ['agendaTemplate', 'hiddenSections'],
  }),
  body_members: define({
    label: 'medlem',
    plural: 'medlemmer',
    fields: { bodyId: ref, name: required(200, 'Navnet'), organisation: text(200), role: text(100), position: int },
    references: [{ field: 'bodyId', entity: 'bodies' }],
  }),
  body_relations: define({
    label: 'relation mellem organer',
    plural: 'relationer mellem organer',
    fields: { fromBodyId: ref, toBodyId: ref, kind: RelationKind },
    references: [
      { field: 'fromBodyId', entity: 'bodies' },
      { field: 'toBodyId', entity: 'bodies' },
    ],
    check: (r) => (r.fromBodyId === r.toBodyId ? { field: 'toBodyId', message: 'Et organ kan ikke have en relation til sig selv' } : null),
  }),
  meetings: define({
    label: 'møde',
    plural: 'møder',
    scopes: ['decisions'],
    copyable: true,
    named: { definite: 'Mødet', of: (r) => `Mødet ${formatNumericDate(r.date as string)}` },
    labelOf: (r) => `møde ${formatNumericDate(r.date as string)}`,
    fields: {
      bodyId: ref,
      date: IsoDate,
      startTime: ClockTime.nullable(),
      endTime: ClockTime.nullable(),
      location: text(200),
      status: MeetingStatus,
      note: text(5000),
    },
    references: [{ field: 'bodyId', entity: 'bodies' }],
    check: (r) =>
      typeof r.startTime === 'string' && typeof r.endTime === 'string' && r.endTime <= r.startTime
        ? { field: 'endTime', message: 'Sluttidspunktet skal ligge efter starttidspunktet' }
        : null,
  }),
  meeting_attendance: define({
    label: 'mødedeltager',
    plural: 'mødedeltagere',
    parent: 'meetingId',
    fields: { meetingId: ref, name: required(200, 'Navnet'), organisation: text(200), present: flag },
    flags: ['present'],
    references: [{ field: 'meetingId', entity: 'meetings' }],
  }),
  minutes_versions: define({
    label: 'referatversion',
    plural: 'referatversioner',
    parent: 'meetingId',
    copiedWithParent: false,
    unique: {
      fields: ['meetingId', 'version'],
      liveOnly: false,
      inPackage: 'Samme møde har to referatversioner med samme nummer',
      clash: { owner: 'meetingId', explain: (r, what) => `${what} har allerede en referatversion ${r.version as number} her, og pakken har en anden` },
    },
    fields: { meetingId: ref, version: int.positive(), reason: text(2000), approvedSnapshot: z.union([jsonObject, z.array(z.unknown())], { error: 'Skal være et JSON-objekt eller en JSON-liste' }) },
    json: ['approvedSnapshot'],
    references: [{ field: 'meetingId', entity: 'meetings' }],
  }),
  agenda_items: define({
    label: 'punkt',
    plural: 'punkter',
    parent: 'meetingId',
    scopes: ['decisions'],
    copyable: true,
    named: { definite: 'Punktet', of: (r) => `Punktet «${r.title as string}»` },
    fields: {
      meetingId: ref,
      position: int,
      title: required(2000, 'Titlen'),
      kind: ItemKind,
      standing: StandingKind.nullable(),
      closed: flag,
      closedTitleVisible: flag,
      caseNumber: text(100),
      caseOfficer: text(200),
      resume: richText,
      caseText: richText,
      economy: richText,
      consultation: richText,
      approvesMeetingId: optionalRef,
      postponedFromItemId: optionalRef,
    },
    flags: ['closed', 'closedTitleVisible'],
    richText: ['resume', 'caseText', 'economy', 'consultation'],
    references: [
      { field: 'meetingId', entity: 'meetings' },
      { field: 'approvesMeetingId', entity: 'meetings', onMissing: 'clear' },
      { field: 'postponedFromItemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
  }),
  recommendations: define({
    label: 'indstilling',
    plural: 'indstillinger',
    parent: 'itemId',
    scopes: ['decisions'],
    searched: true,
    named: { definite: 'Indstillingen', of: (r) => `Indstillingen «${shorten(r.text as string)}»` },
    fields: { itemId: ref, position: int, text: text(2000) },
    references: [{ field: 'itemId', entity: 'agenda_items' }],
  }),
  item_guests: define({
    label: 'gæst',
    plural: 'gæster',
    parent: 'itemId',
    searched: true,
    fields: { itemId: ref, name: required(200, 'Navnet'), title: text(200), organisation: text(200), attended: flag },
    flags: ['attended'],
    references: [{ field: 'itemId', entity: 'agenda_items' }],
  }),
  decisions: define({
    label: 'beslutning',
    plural: 'beslutninger',
    parent: 'itemId',
    scopes: ['decisions'],
    searched: true,
    unique: {
      fields: ['itemId'],
      liveOnly: false,
      inPackage: 'Samme punkt har to beslutninger; et punkt har højst én',
      clash: { owner: 'itemId', resolvable: true, explain: (_r, what) => `${what} har en beslutning her, og pakken har en anden beslutning for samme punkt` },
    },
    fields: { itemId: ref, text: richText, outcome: Outcome.nullable() },
    richText: ['text'],
    references: [{ field: 'itemId', entity: 'agenda_items' }],
  }),
  recommendation_outcomes: define({
    label: 'udfald af indstilling',
    plural: 'udfald af indstillinger',
    parent: 'decisionId',
    scopes: ['decisions'],
    searched: true,
    unique: {
      fields: ['decisionId', 'recommendationId'],
      liveOnly: false,
      inPackage: 'Samme indstilling har to udfald i samme beslutning',
      clash: { owner: 'recommendationId', resolvable: true, explain: (_r, what) => `${what} har ét udfald her og et andet i pakken` },
    },
    fields: { decisionId: ref, recommendationId: ref, outcome: Outcome },
    references: [
      { field: 'decisionId', entity: 'decisions' },
      { field: 'recommendationId', entity: 'recommendations' },
    ],
  }),
  reservations: define({
    label: 'forbehold',
    plural: 'forbehold',
    parent: 'decisionId',
    scopes: ['decisions'],
    searched: true,
    fields: { decisionId: ref, organisationId: optionalRef, party: required(200, 'Hvem forbeholdet er fra'), text: text(2000) },
    references: [
      { field: 'decisionId', entity: 'decisions' },
      { field: 'organisationId', entity: 'organisations' },
    ],
  }),
  follow_ups: define({
    label: 'opfølgning',
    plural: 'opfølgninger',
    parent: 'itemId',
    scopes: ['decisions'],
    fields: {
      itemId: ref,
      bodyId: ref,
      action: required(2000, 'Beskrivelsen'),
      owner: text(200),
      dueDate: IsoDate.nullable(),
      dueMeetingId: optionalRef,
      status: FollowUpStatus,
      treatedInItemId: optionalRef,
    },
    references: [
      { field: 'itemId', entity: 'agenda_items' },
      { field: 'bodyId', entity: 'bodies' },
      { field: 'dueMeetingId', entity: 'meetings', onMissing: 'clear' },
      { field: 'treatedInItemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
  }),
  attachments: define({
    label: 'bilag',
    plural: 'bilag',
    parent: 'itemId',
    searched: true,
    fields: {
      itemId: ref,
      position: int,
      title: required(500, 'Titlen'),
      fileName: text(255),
      sha256: Sha256.nullable(),
      closed: flag,
      version: int.positive(),
      replacesId: optionalRef,
    },
    flags: ['closed'],
    references: [
      { field: 'itemId', entity: 'agenda_items' },
      { field: 'replacesId', entity: 'attachments', onMissing: 'clear' },
    ],
  }),
  scenarios: define({
    label: 'takstscenarie',
    plural: 'takstscenarier',
    copyable: true,
    named: { definite: 'Takstscenariet', of: (r) => `Takstscenariet «${r.name as string}»` },
    fields: { name: required(200, 'Navnet'), baseId: optionalRef, input: scenarioInput.nullable(), overrides: jsonObject },
    json: ['input', 'overrides'],
    references: [{ field: 'baseId', entity: 'scenarios' }],
    check: (r) => {
      if ((r.baseId === null) !== (r.input !== null)) return { field: 'input', message: 'Et grundscenarie har sine tal (input), en variant har dem ikke' };
      if (r.baseId === null && Object.keys(r.overrides as object).length > 0) return { field: 'overrides', message: 'Et grundscenarie kan ikke have ændringer (overrides)' };
      if (r.baseId === r.id) return { field: 'baseId', message: 'Et scenarie kan ikke være variant af sig selv' };
      return null;
    },
  }),
  scenario_versions: define({
    label: 'frosset scenarieversion',
    plural: 'frosne scenarieversioner',
    parent: 'scenarioId',
    copiedWithParent: false,
    unique: {
      fields: ['scenarioId', 'number'],
      liveOnly: false,
      inPackage: 'Samme takstscenarie har to frosne versioner med samme nummer',
      clash: { owner: 'scenarioId', explain: (r, what) => `${what} har allerede en frossen version ${r.number as number} her, og pakken har en anden` },
    },
    fields: { scenarioId: ref, number: int.positive(), hash: Sha256, input: scenarioInput, note: text(500), frozenBy: text(100) },
    json: ['input'],
    references: [{ field: 'scenarioId', entity: 'scenarios' }],
  }),
  proposals: define({
    label: 'forslag',
    plural: 'forslag',
    named: { definite: 'Forslaget', of: (r) => `Forslaget «${r.code as string} ${r.title as string}»` },
    fields: { code: required(30, 'Betegnelsen'), title: required(500, 'Titlen'), establishedOn: IsoDate.nullable() },
  }),
  proposal_versions: define({
    label: 'forslagsversion',
    labelOf: (r) => {
      const content = r.content as { documentTitle?: unknown; agendaTitle?: unknown } | null;
      const title = [content?.documentTitle, content?.agendaTitle].find((t): t is string => typeof t === 'string' && t.trim() !== '');
      return `forslagsversion ${r.number as number}${title ? ` «${shorten(title.trim())}»` : ''}`;
    },
    plural: 'forslagsversioner',
    parent: 'proposalId',
    unique: {
      fields: ['proposalId', 'number'],
      liveOnly: false,
      inPackage: 'Samme forslag har to versioner med samme nummer',
      // Both laptops made a new version of the same proposal («Ny version») since they last exchanged.
      clash: {
        owner: 'proposalId',
        explain: (r, what) => `${what} har allerede en version ${r.number as number} her, og pakken har en anden version ${r.number as number}: forslaget er revideret på begge bærbare`,
        advice: 'En version kan ikke slettes, så aftal, hvilken bærbar der fører forslaget videre, og indlæs pakken der; intet er importeret.',
      },
    },
    fields: {
      proposalId: ref,
      number: int.positive(),
      content: proposalContent,
      scenarios: scenarioRefs,
      chosenScenarioId: optionalRef,
      consultation,
      lockedAt: Timestamp.nullable(),
      note: text(2000),
    },
    json: ['content', 'scenarios', 'consultation'],
    references: [
      { field: 'proposalId', entity: 'proposals' },
      // Not cleared: a version's money lives in its scenarios, and a version without them is useless. Proposals travel
      // only in the whole database, which has every scenario; a narrower scope carrying versions would have to carry
      // their scenarios (with bases and frozen versions) as the scenarios scope carries a variant's base.
      { field: 'chosenScenarioId', entity: 'scenarios' },
    ],
    // Ids inside the JSON, checked like references (the JSON's shape is the domain's, checked above).
    embedded: [
      { field: 'scenarios', entity: 'scenarios', ids: (value) => strings((value as { scenarioId?: unknown }[]).map((s) => s.scenarioId)) },
      { field: 'consultation', entity: 'organisations', ids: (value) => strings((value as { expectedOrganisationIds?: unknown }).expectedOrganisationIds) },
    ],
    check: (r) => {
      const ids = (r.scenarios as { scenarioId: string }[]).map((s) => s.scenarioId);
      if (new Set(ids).size !== ids.length) return { field: 'scenarios', message: 'Det samme scenarie står to gange' };
      if (r.chosenScenarioId !== null && !ids.includes(r.chosenScenarioId as string)) return { field: 'chosenScenarioId', message: 'Det valgte scenarie skal være et af versionens scenarier' };
      return null;
    },
  }),
  approval_steps: define({
    label: 'trin i godkendelsesvejen',
    labelOf: (r) => `trin ${r.position as number} i godkendelsesvejen`,
    plural: 'trin i godkendelsesvejen',
    parent: 'proposalId',
    fields: {
      proposalId: ref,
      position: int.positive(),
      bodyId: ref,
      plannedDate: IsoDate.nullable(),
      versionNumber: int.positive().nullable(),
      itemId: optionalRef,
      manualOutcome: Outcome.nullable(),
      note: text(2000),
    },
    references: [
      { field: 'proposalId', entity: 'proposals' },
      { field: 'bodyId', entity: 'bodies' },
      // The item where the step is treated, at a meeting the package may not carry.
      { field: 'itemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
    check: (r) =>
      r.itemId !== null && r.manualOutcome !== null
        ? { field: 'manualOutcome', message: 'Et trin med et dagsordenspunkt får sit udfald fra beslutningen på punktet; det kan ikke også angives i hånden' }
        : null,
  }),
  consultation_responses: define({
    label: 'høringssvar',
    labelOf: (r) => `høringssvar fra ${r.respondent as string}`,
    plural: 'høringssvar',
    parent: 'versionId',
    fields: {
      versionId: ref,
      organisationId: optionalRef,
      respondent: required(300, 'Hvem høringssvaret er fra'),
      receivedOn: IsoDate.nullable(),
      stance: Stance,
      text: required(50_000, 'Høringssvarets tekst'),
      itemId: optionalRef,
    },
    references: [
      { field: 'versionId', entity: 'proposal_versions' },
      { field: 'organisationId', entity: 'organisations' },
      // The item the response was annexed to, at a meeting the package may not carry.
      { field: 'itemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
  }),
  // The tariff year (docs/exchange-format.md §4). Like the proposals it travels with the whole database only; an
  // approved rule set or sheet carries its approval (approvedAt) and is locked wherever it arrives.
  rule_sets: define({
    label: 'regelsæt',
    plural: 'regelsæt',
    labelOf: (r) => `regelsæt ${r.year as number}`,
    named: { definite: 'Regelsættet', of: (r) => `Regelsættet for ${r.year as number}` },
    unique: {
      fields: ['region', 'year'],
      liveOnly: false,
      inPackage: 'Samme år har to regelsæt',
      clash: { explain: (r) => `Der er allerede et andet regelsæt for ${r.year as number} her end i pakken: det er oprettet på begge bærbare` },
    },
    fields: { region: required(50, 'Regionen'), year: TariffYear, source: text(500), params: ruleSetParams, approvedAt: Timestamp.nullable() },
    json: ['params'],
  }),
  offers: define({
    label: 'tilbud',
    plural: 'tilbud',
    named: { definite: 'Tilbuddet', of: (r) => `Tilbuddet «${r.name as string}»` },
    fields: {
      name: required(300, 'Navnet'),
      operatorId: ref,
      address: text(500),
      legalBasis: LegalBasis,
      targetGroup: text(2000),
      offerKind: z.enum(['normal', 'short-stay']),
      tariffUnit: TariffUnit,
      portalNumber: text(50),
      status: OfferStatus,
      firstYear: TariffYear.nullable(),
      notes: text(10_000),
    },
    references: [{ field: 'operatorId', entity: 'organisations' }],
  }),
  offer_categories: define({
    label: 'kategori for et tilbud',
    plural: 'kategorier for tilbud',
    labelOf: (r) => `kategori ${r.category as number} fra ${r.fromYear as number}`,
    parent: 'offerId',
    unique: {
      fields: ['offerId', 'fromYear'],
      liveOnly: false,
      inPackage: 'Samme tilbud har to kategorier fra samme år',
      clash: { owner: 'offerId', explain: (r, what) => `${what} har allerede en kategori fra ${r.fromYear as number} her, og pakken har en anden` },
    },
    fields: { offerId: ref, fromYear: TariffYear, category: OfferCategory, reason: text(2000), decisionItemId: optionalRef, decidedBy: text(200) },
    references: [
      { field: 'offerId', entity: 'offers' },
      // The item whose decision approved the change, at a meeting the package may not carry.
      { field: 'decisionItemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
  }),
  tariff_sheets: define({
    label: 'takstberegningsskema',
    plural: 'takstberegningsskemaer',
    labelOf: (r) => `takstberegningsskema ${r.year as number}, version ${r.version as number}`,
    parent: 'offerId',
    // An approved sheet is fixed to its offer, as a frozen scenario version is.
    copiedWithParent: false,
    unique: {
      fields: ['offerId', 'year', 'version'],
      liveOnly: false,
      inPackage: 'Samme tilbud har to takstberegningsskemaer med samme år og version',
      clash: { owner: 'offerId', explain: (r, what) => `${what} har allerede et takstberegningsskema for ${r.year as number}, version ${r.version as number}, her, og pakken har et andet` },
    },
    fields: {
      offerId: ref,
      year: TariffYear,
      version: int.positive(),
      status: SheetStatus,
      ruleSetId: ref,
      content: sheetContent,
      approvedItemId: optionalRef,
      approvedAt: Timestamp.nullable(),
    },
    json: ['content'],
    references: [
      { field: 'offerId', entity: 'offers' },
      { field: 'ruleSetId', entity: 'rule_sets' },
      { field: 'approvedItemId', entity: 'agenda_items', onMissing: 'clear' },
    ],
  }),
  offer_results: define({
    label: 'regnskabsresultat',
    plural: 'regnskabsresultater',
    labelOf: (r) => `regnskabsresultat ${r.year as number}`,
    parent: 'offerId',
    unique: {
      fields: ['offerId', 'year'],
      liveOnly: false,
      inPackage: 'Samme tilbud har to regnskabsresultater for samme år',
      clash: { owner: 'offerId', explain: (r, what) => `${what} har allerede et regnskabsresultat for ${r.year as number} her, og pakken har et andet` },
    },
    fields: {
      offerId: ref,
      year: TariffYear,
      basis: int.nonnegative(),
      result: int,
      setAside: int.nonnegative().nullable(),
      activity: z.number({ error: 'Skal være et tal' }).nonnegative().nullable(),
      capacity: z.number({ error: 'Skal være et tal' }).nonnegative().nullable(),
      ruleSetId: ref,
      note: text(2000),
    },
    references: [
      { field: 'offerId', entity: 'offers' },
      { field: 'ruleSetId', entity: 'rule_sets' },
    ],
  }),
  set_aside_uses: define({
    label: 'brug af henlagt overskud',
    plural: 'brug af henlagte overskud',
    labelOf: (r) => `brug af henlagt overskud ${r.year as number}`,
    parent: 'resultId',
    fields: { resultId: ref, year: int, amount: int.positive(), usedOnOfferId: optionalRef, purpose: text(2000) },
    references: [
      { field: 'resultId', entity: 'offer_results' },
      { field: 'usedOnOfferId', entity: 'offers' },
    ],
  }),
  tariff_annexes: define({
    label: 'takstbilag',
    plural: 'takstbilag',
    labelOf: (r) => `takstbilag ${r.year as number}`,
    // Part of the item it is on: a meeting's package carries it.
    parent: 'itemId',
    unique: {
      fields: ['year', 'itemId'],
      liveOnly: false,
      inPackage: 'Samme punkt har to takstbilag for samme år',
      clash: { owner: 'itemId', explain: (r, what) => `${what} har allerede takstbilaget for ${r.year as number} her, og pakken har et andet` },
    },
    fields: { year: TariffYear, itemId: ref },
    references: [{ field: 'itemId', entity: 'agenda_items' }],
  }),
} satisfies Record<EntityName, LooseDefinition>;

/** The columns every synchronisable row has, as record fields. */
const META = {
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  revision: int.positive(),
  /** Set on a tombstone: the record was deleted at this time (and is still carried, so the deletion travels). */
  deletedAt: Timestamp.nullable(),
};
export const META_FIELDS = Object.keys(META) as (keyof typeof META)[];

type Definitions = typeof DEFINITIONS;
const schemaOf = <E extends EntityName>(entity: E) => z.strictObject({ ...META, ...(DEFINITIONS[entity].fields as Definitions[E]['fields']) });
export type ExchangeRecord<E extends EntityName = EntityName> = z.output<ReturnType<typeof schemaOf<E>>>;

export interface EntitySpec {
  entity: EntityName;
  label: string;
  plural: string;
  fieldLabels: Readonly<Partial<Record<string, string>>>;
  /** The reference to the record it lives under, and that record's entity. */
  parent: { field: string; entity: EntityName } | null;
  copiedWithParent: boolean;
  scopes: readonly 'decisions'[];
  copyable: boolean;
  searched: boolean;
  unique: UniqueKey | null;
  named: { definite: string; of: (record: Record<string, unknown>) => string } | null;
  /** Its short Danish label in lists (merge.ts recordLabel). */
  labelOf: ((record: Record<string, unknown>) => string) | null;
  /** Every field of a record, in the order written: the meta fields, then the table's own. */
  fields: readonly string[];
  flags: ReadonlySet<string>;
  json: ReadonlySet<string>;
  richText: readonly string[];
  references: readonly ReferenceSpec[];
  embedded: readonly EmbeddedReferenceSpec[];
  check: RecordCheck | null;
  schema: z.ZodType<Record<string, unknown>>;
}

function buildSpec(entity: EntityName): EntitySpec {
  const definition: LooseDefinition = DEFINITIONS[entity];
  const parent = definition.parent === undefined ? null : { field: definition.parent, entity: definition.references!.find((r) => r.field === definition.parent)!.entity };
  return {
    entity,
    label: definition.label,
    plural: definition.plural,
    fieldLabels: definition.fieldLabels ?? {},
    parent,
    copiedWithParent: definition.copiedWithParent ?? true,
    scopes: definition.scopes ?? [],
    copyable: definition.copyable ?? false,
    searched: definition.searched ?? false,
    unique: definition.unique ?? null,
    named: definition.named ?? null,
    labelOf: definition.labelOf ?? null,
    fields: [...META_FIELDS, ...Object.keys(definition.fields)],
    flags: new Set(definition.flags ?? []),
    json: new Set(definition.json ?? []),
    richText: definition.richText ?? [],
    references: (definition.references ?? []).map((r) => ({ field: r.field, entity: r.entity, onMissing: r.onMissing ?? 'error' })),
    embedded: definition.embedded ?? [],
    check: definition.check ?? null,
    schema: schemaOf(entity) as unknown as z.ZodType<Record<string, unknown>>,
  };
}

export const ENTITIES: Readonly<Record<EntityName, EntitySpec>> = Object.fromEntries(ENTITY_NAMES.map((e) => [e, buildSpec(e)])) as Record<EntityName, EntitySpec>;

/** Danish plural names of the entities, for summaries ("12 punkter"). */
export const ENTITY_PLURALS: Readonly<Record<EntityName, string>> = Object.fromEntries(ENTITY_NAMES.map((e) => [e, ENTITIES[e].plural])) as Record<EntityName, string>;

/** What lies directly under each entity's records, by the field that points to the parent (see `parent`). */
export const CHILDREN: Readonly<Record<EntityName, readonly { entity: EntityName; field: string }[]>> = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, ENTITY_NAMES.filter((c) => ENTITIES[c].parent?.entity === e).map((c) => ({ entity: c, field: ENTITIES[c].parent!.field }))]),
) as Record<EntityName, { entity: EntityName; field: string }[]>;

/** What «Behold begge» copies with a record (see `copiedWithParent`). */
export const COPIED_CHILDREN: Readonly<Record<EntityName, readonly { entity: EntityName; field: string }[]>> = Object.fromEntries(
  ENTITY_NAMES.map((e) => [e, CHILDREN[e].filter((c) => ENTITIES[c.entity].copiedWithParent)]),
) as Record<EntityName, { entity: EntityName; field: string }[]>;

/** Entities where «Behold begge» makes sense (see `copyable`). */
export const COPYABLE: ReadonlySet<EntityName> = new Set(ENTITY_NAMES.filter((e) => ENTITIES[e].copyable));

/** `caseText` ↔ `case_text`: a record field is its column's name in camelCase. */
export const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const fieldOf = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A table row as a record: fields in the spec's order, flags as booleans, JSON columns parsed. */
export function rowToRecord(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  const spec = ENTITIES[entity];
  const record: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = row[columnOf(field)];
    if (value === undefined) throw new Error(`${entity}: kolonnen ${columnOf(field)} mangler`);
    if (spec.flags.has(field)) record[field] = value === 1 || value === true;
    else if (spec.json.has(field) && typeof value === 'string') record[field] = JSON.parse(value);
    else record[field] = value;
  }
  return record;
}

/** The inverse of {@link rowToRecord}, for the importer: column names, 0/1 flags, JSON text. */
export function recordToRow(entity: EntityName, record: Record<string, unknown>): Record<string, unknown> {
  const spec = ENTITIES[entity];
  const row: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = record[field];
    if (spec.flags.has(field)) row[columnOf(field)] = value ? 1 : 0;
    else if (spec.json.has(field)) row[columnOf(field)] = value === null ? null : JSON.stringify(value);
    else row[columnOf(field)] = value;
  }
  return row;
}

/** The record's JSON line (without the line break): keys in the spec's order, so equal records give equal bytes. */
export const recordLine = (entity: EntityName, record: Record<string, unknown>): string =>
  JSON.stringify(Object.fromEntries(ENTITIES[entity].fields.map((f) => [f, record[f]])));
