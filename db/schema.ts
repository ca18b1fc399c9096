import type { AttachmentNumbering, ItemBreak, PaperLayout } from '../shared/domain/body';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Columns of every record that travels between laptops (architecture §3). */
interface RecordColumns {
  id: string;
  created_at: string;
  updated_at: string;
  revision: Generated<number>;
  /** Tombstone: set when deleted, so the deletion can be undone and exchanged. */
  deleted_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface OrganisationsTable extends RecordColumns {
  name: string;
  kind: 'kommune' | 'region';
  sort_order: number;
}

export interface PopulationFiguresTable extends RecordColumns {
  organisation_id: string;
  /** "2021K2" */
  quarter: string;
  age_group: 'i_alt' | '0-17';
  count: number;
}

export interface BodiesTable extends RecordColumns {
  code: string;
  name: string;
  description: string;
  /** JSON array of standing items (shared/domain/agenda.ts StandingItemTemplate). */
  agenda_template: Generated<string>;
  /** JSON array of section keys the body does not use. */
  hidden_sections: Generated<string>;
  /** 'meeting' (Bilag 1–N across the meeting) or 'item' (from 1 in each item). */
  attachment_numbering: Generated<AttachmentNumbering>;
  /** 'A' (the DAS papers) or 'C' (the Danske Regioner committees). */
  paper_layout: Generated<PaperLayout>;
  /** 'page' (each item on a new page) or 'continuous'. */
  item_break: Generated<ItemBreak>;
}

export interface BodyMembersTable extends RecordColumns {
  body_id: string;
  name: string;
  organisation: string;
  role: string;
  position: number;
}

export interface BodyRelationsTable extends RecordColumns {
  from_body_id: string;
  to_body_id: string;
  kind: 'forbereder' | 'raadgiver' | 'refererer_til';
}

export interface MeetingAttendanceTable extends RecordColumns {
  meeting_id: string;
  name: string;
  organisation: string;
  present: number;
}

export interface AgendaItemsTable extends RecordColumns {
  meeting_id: string;
  position: number;
  title: string;
  kind: string;
  standing: string | null;
  closed: number;
  closed_title_visible: number;
  case_number: string;
  case_officer: string;
  resume: string;
  case_text: string;
  economy: string;
  consultation: string;
  approves_meeting_id: string | null;
  postponed_from_item_id: string | null;
}

export interface RecommendationsTable extends RecordColumns {
  item_id: string;
  position: number;
  text: string;
}

export interface ItemGuestsTable extends RecordColumns {
  item_id: string;
  name: string;
  title: string;
  organisation: string;
  attended: number;
}

export interface DecisionsTable extends RecordColumns {
  item_id: string;
  text: string;
  outcome: string | null;
}

export interface RecommendationOutcomesTable extends RecordColumns {
  decision_id: string;
  recommendation_id: string;
  outcome: string;
}

export interface ReservationsTable extends RecordColumns {
  decision_id: string;
  organisation_id: string | null;
  party: string;
  text: string;
}

export interface FollowUpsTable extends RecordColumns {
  item_id: string;
  body_id: string;
  action: string;
  owner: string;
  due_date: string | null;
  due_meeting_id: string | null;
  status: 'aaben' | 'afsluttet' | 'annulleret';
  treated_in_item_id: string | null;
}

export interface FilesTable {
  sha256: string;
  size: number;
  media_type: string;
  text: string | null;
  text_status: 'afventer' | 'udtrukket' | 'ingen_tekst' | 'fejl';
  created_at: string;
}

export interface AttachmentsTable extends RecordColumns {
  item_id: string;
  position: number;
  title: string;
  file_name: string;
  sha256: string | null;
  closed: number;
  version: number;
  replaces_id: string | null;
}

export interface MinutesVersionsTable extends RecordColumns {
  meeting_id: string;
  /** The version the correction starts; the approved minutes it replaces are version - 1. */
  version: number;
  reason: string;
  /** JSON of the approved minutes (items with their decisions) as they were locked. */
  approved_snapshot: string;
}

export interface ScenariosTable extends RecordColumns {
  name: string;
  /** The base this scenario is a variant of; null for a base. */
  base_id: string | null;
  /** JSON of a base's whole ScenarioInput (kroner, fractions); null for a variant, whose input is its base's. */
  input: string | null;
  /** JSON of a variant's overrides (shared/logic/tariff/variants.ts); '{}' for a base. */
  overrides: Generated<string>;
}

export interface ScenarioVersionsTable extends RecordColumns {
  scenario_id: string;
  /** 1, 2, … per scenario. */
  number: number;
  /** SHA-256 of the input's canonical JSON, hex. */
  hash: string;
  /** JSON of the effective ScenarioInput as it was frozen. */
  input: string;
  note: string;
  /** The user name from the settings at the time ('' when none was given). */
  frozen_by: string;
}

export interface ProposalsTable extends RecordColumns {
  code: string;
  title: string;
  established_on: string | null;
}

export interface ProposalVersionsTable extends RecordColumns {
  proposal_id: string;
  number: number;
  /** JSON of ProposalContent (shared/domain/proposal.ts). */
  content: string;
  /** JSON array of {scenarioId, frozenNumber}. */
  scenarios: Generated<string>;
  chosen_scenario_id: string | null;
  /** JSON of Consultation. */
  consultation: Generated<string>;
  locked_at: string | null;
  note: Generated<string>;
}

export interface ApprovalStepsTable extends RecordColumns {
  proposal_id: string;
  position: number;
  body_id: string;
  planned_date: string | null;
  version_number: number | null;
  item_id: string | null;
  manual_outcome: string | null;
  note: Generated<string>;
}

export interface ConsultationResponsesTable extends RecordColumns {
  version_id: string;
  organisation_id: string | null;
  respondent: string;
  received_on: string | null;
  stance: string;
  text: string;
  item_id: string | null;
}

export interface HistoryTable {
  id: Generated<number>;
  at: string;
  user_name: string;
  entity: string;
  entity_id: string;
  meeting_id: string | null;
  item_id: string | null;
  action: 'oprettet' | 'aendret' | 'slettet' | 'gendannet';
  changes: string;
}

export interface SearchDocumentsTable {
  rowid: Generated<number>;
  entity: 'item' | 'decision' | 'attachment';
  entity_id: string;
  meeting_id: string;
  item_id: string;
  body_id: string;
  meeting_date: string;
  title: string;
  body: string;
}

export interface MeetingsTable extends RecordColumns {
  body_id: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  location: string;
  status: string;
  note: string;
}

/** The base of three-way merges: per source installation, each record's revision and content hash at the last exchange. */
export interface ExchangeBasesTable {
  source_installation: string;
  entity: string;
  record_id: string;
  revision: number;
  content_hash: string;
  exchanged_at: string;
  /** The record as taken (its JSON line); null for bases recorded before field merging. */
  content: string | null;
  /** The source package's createdAt (the source's clock); null where unknown. */
  source_created_at: string | null;
}

/** Packages imported (by their export id). */
export interface ExchangeImportsTable {
  export_id: string;
  source_installation: string;
  imported_at: string;
}

/** A Styringsaftale's parameters for an agreement year (migration 0009). */
export interface RuleSetsTable extends RecordColumns {
  region: string;
  year: number;
  source: Generated<string>;
  /** JSON of RuleSetParams (shared/domain/tariff-year.ts). */
  params: string;
  /** Set when approved; an approved rule set is locked. */
  approved_at: string | null;
}

export interface OffersTable extends RecordColumns {
  name: string;
  operator_id: string;
  address: Generated<string>;
  /** A key of LEGAL_BASES (shared/domain/tariff-year.ts). */
  legal_basis: string;
  target_group: Generated<string>;
  offer_kind: Generated<'normal' | 'short-stay'>;
  /** A key of TARIFF_UNITS. */
  tariff_unit: Generated<string>;
  portal_number: Generated<string>;
  status: Generated<'active' | 'closing' | 'closed'>;
  /** First operating year (a new offer's special terms, Styringsaftale 6.1.2); null when unknown. */
  first_year: number | null;
  notes: Generated<string>;
}

export interface OfferCategoriesTable extends RecordColumns {
  offer_id: string;
  from_year: number;
  category: 1 | 2 | 3;
  reason: Generated<string>;
  decision_item_id: string | null;
  /** The approving body and date as text when the meeting is not kept here (e.g. «DAS 12.10.2021»). */
  decided_by: Generated<string>;
}

export interface TariffSheetsTable extends RecordColumns {
  offer_id: string;
  year: number;
  version: Generated<number>;
  status: Generated<'draft' | 'submitted' | 'approved' | 'amended'>;
  rule_set_id: string;
  /** JSON of TariffSheetContent (shared/domain/tariff-year.ts), øre. */
  content: string;
  /** The DAS (or, for an in-year change, FU) agenda item whose decision approved the sheet. */
  approved_item_id: string | null;
  approved_at: string | null;
}

export interface OfferResultsTable extends RecordColumns {
  offer_id: string;
  year: number;
  /** G, øre. */
  basis: number;
  /** R = revenue − costs, øre (positive = surplus). */
  result: number;
  /** Surplus set aside, øre; null = the maximum the rule allows. */
  set_aside: number | null;
  activity: number | null;
  capacity: number | null;
  rule_set_id: string;
  note: Generated<string>;
}

export interface SetAsideUsesTable extends RecordColumns {
  result_id: string;
  year: number;
  /** øre, positive. */
  amount: number;
  used_on_offer_id: string | null;
  purpose: Generated<string>;
}

export interface TariffAnnexesTable extends RecordColumns {
  year: number;
  item_id: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface DB {
  settings: SettingsTable;
  organisations: OrganisationsTable;
  population_figures: PopulationFiguresTable;
  bodies: BodiesTable;
  meetings: MeetingsTable;
  body_members: BodyMembersTable;
  body_relations: BodyRelationsTable;
  meeting_attendance: MeetingAttendanceTable;
  agenda_items: AgendaItemsTable;
  recommendations: RecommendationsTable;
  item_guests: ItemGuestsTable;
  decisions: DecisionsTable;
  recommendation_outcomes: RecommendationOutcomesTable;
  reservations: ReservationsTable;
  follow_ups: FollowUpsTable;
  files: FilesTable;
  attachments: AttachmentsTable;
  minutes_versions: MinutesVersionsTable;
  scenarios: ScenariosTable;
  scenario_versions: ScenarioVersionsTable;
  proposals: ProposalsTable;
  proposal_versions: ProposalVersionsTable;
  approval_steps: ApprovalStepsTable;
  consultation_responses: ConsultationResponsesTable;
  history: HistoryTable;
  search_documents: SearchDocumentsTable;
  schema_migrations: SchemaMigrationsTable;
  exchange_bases: ExchangeBasesTable;
  exchange_imports: ExchangeImportsTable;
  rule_sets: RuleSetsTable;
  offers: OffersTable;
  offer_categories: OfferCategoriesTable;
  tariff_sheets: TariffSheetsTable;
  offer_results: OfferResultsTable;
  set_aside_uses: SetAsideUsesTable;
  tariff_annexes: TariffAnnexesTable;
}

export type MeetingRow = Selectable<MeetingsTable>;
export type NewMeetingRow = Insertable<MeetingsTable>;
export type MeetingRowUpdate = Updateable<MeetingsTable>;
export type BodyRow = Selectable<BodiesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
