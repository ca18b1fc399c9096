import { z } from 'zod';
import { TariffImportRequest } from '../domain/tariff-import';
import {
  AgendaItem,
  AgendaItemDraft,
  AgendaItemSummary,
  AgendaItemUpdate,
  AttachmentSummary,
  Decision,
  DecisionInput,
  DecisionRegisterFilter,
  DecisionRegisterQuery,
  DecisionRegisterRow,
  FollowUp,
  FollowUpDraft,
  FollowUpStatus,
  FollowUpUpdate,
  HistoryEntry,
  ItemReference,
  ItemReferenceQuery,
  SearchHit,
  SearchQuery,
  SectionKey,
  StandingItemTemplate,
} from '../domain/agenda';
import { Body, BodyDraft, BodyUpdate, Member, MemberInput, Relation, RelationKind } from '../domain/body';
import { Deleted, Empty, Id, Revisioned } from '../domain/common';
import { Attendee, AttendeeInput, Meeting, MeetingDraft, MeetingListQuery, MeetingUpdate, MinutesVersion, TrashEntry } from '../domain/meeting';
import { DocumentCapabilities, DocumentExport, DocumentPreview, DocumentPreviewRequest, DocumentRequest } from '../domain/documents';
import { Organisation, OrganisationUpdate, PopulationImport } from '../domain/organisation';
import { Scenario, ScenarioDraft, ScenarioExportRequest, ScenarioSummary, ScenarioUpdate, ScenarioVersion } from '../domain/scenario';
import {
  ApprovalStep,
  ApprovalStepInput,
  ConsultationResponse,
  ConsultationResponseInput,
  MunicipalityRequest,
  MunicipalityShare,
  Proposal,
  ProposalDraft,
  ProposalSummary,
  ProposalUpdate,
  ProposalVersion,
  ProposalVersionUpdate,
  PutOnAgendaRequest,
  VersionDiffRow,
  VersionEconomy,
} from '../domain/proposal';
import { AppInfo, DemoSummary, Settings, SettingsPatch } from '../domain/settings';
import { BackupEntry } from '../domain/backups';
import { ImportRequest, IncomingPackage, TrustedInstallation } from '../domain/exchange';
import { JobStatus } from '../domain/jobs';
import { TakstbilagExportRequest, TakstbilagPutOnAgendaRequest, TakstbilagSummary } from '../domain/tariff-year';
import { ExchangeScope } from '../exchange/manifest';
import { CategoryChangeInput, OfferDraft, OfferListQuery, OfferRow, OfferUpdate } from '../domain/offer-register';
import { RuleSetRecord, RuleSetUpdate } from '../domain/rule-sets';
import {
  ComputedSheetView,
  OfferLedger,
  OfferResult,
  OperatorLedger,
  ResultSave,
  SetAsideUse,
  SetAsideUseSave,
  SheetNewVersion,
  SheetOfYear,
  SheetSave,
  TariffYear,
} from '../domain/tariff-year';

import type { MethodName } from './names';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const ById = z.object({ id: Id });

/**
 * The one API between the UI and the backend: `area.verb` -> zod input and output.
 * Both transports (IPC and the local HTTP host) serve exactly these methods.
 */
export const methods = {
  'app.info': method(Empty, AppInfo),

  'settings.get': method(Empty, Settings),
  'settings.update': method(SettingsPatch, Settings),

  'organisations.list': method(Empty, z.array(Organisation)),
  'organisations.update': method(OrganisationUpdate, Organisation),
  /** Sets one quarter's figures of every municipality in one transaction (all of them, or nothing). */
  'organisations.importPopulation': method(PopulationImport, z.array(Organisation)),

  'bodies.list': method(Empty, z.array(Body)),
  'bodies.create': method(BodyDraft, Body),
  'bodies.update': method(BodyUpdate, Body),
  'bodies.delete': method(ById, Deleted),
  'bodies.restore': method(ById, Body),
  'bodies.members': method(z.object({ bodyId: Id }), z.array(Member)),
  'bodies.setMembers': method(z.object({ bodyId: Id, members: z.array(MemberInput).max(100) }), z.array(Member)),
  'bodies.relations': method(Empty, z.array(Relation)),
  'bodies.setRelations': method(z.object({ fromBodyId: Id, relations: z.array(z.object({ toBodyId: Id, kind: RelationKind })).max(20) }), z.array(Relation)),
  'bodies.setHiddenSections': method(z.object({ bodyId: Id, hidden: z.array(SectionKey) }), Body),
  /** The standing items of the body's agendas: its own template, or the default for its kind of body. */
  'bodies.template': method(z.object({ bodyId: Id }), z.array(StandingItemTemplate)),
  'bodies.setTemplate': method(z.object({ bodyId: Id, template: z.array(StandingItemTemplate).max(10) }), z.array(StandingItemTemplate)),

  'meetings.list': method(MeetingListQuery, z.array(Meeting)),
  'meetings.get': method(ById, Meeting),
  'meetings.create': method(MeetingDraft, Meeting),
  'meetings.update': method(MeetingUpdate, Meeting),
  'meetings.delete': method(ById, Deleted),
  'meetings.restore': method(ById, Meeting),
  'meetings.attendance': method(z.object({ meetingId: Id }), z.array(Attendee)),
  /** Sets who attends and who sent apologies; an empty list starts from the body's members. */
  'meetings.setAttendance': method(z.object({ meetingId: Id, attendees: z.array(AttendeeInput).max(100) }), z.array(Attendee)),
  'meetings.attendanceFromMembers': method(z.object({ meetingId: Id }), z.array(Attendee)),
  /** Opens approved minutes for a correction: a new version, with the reason recorded and the approved one kept. */
  'meetings.correctMinutes': method(z.object({ id: Id, reason: z.string().trim().min(5, { error: 'Skriv kort, hvorfor referatet rettes' }).max(2000) }), Meeting),
  'meetings.minutesVersions': method(z.object({ id: Id }), z.array(MinutesVersion)),
  'meetings.trash': method(Empty, z.array(TrashEntry)),

  'demo.load': method(Empty, DemoSummary),

  'agenda.list': method(z.object({ meetingId: Id }), z.array(AgendaItemSummary)),
  'agenda.get': method(ById, AgendaItem),
  'agenda.create': method(AgendaItemDraft, AgendaItem),
  'agenda.update': method(AgendaItemUpdate, AgendaItem),
  'agenda.move': method(z.object({ id: Id, to: z.number().int().positive() }), z.array(AgendaItemSummary)),
  'agenda.delete': method(ById, Deleted),
  'agenda.restore': method(ById, AgendaItem),
  'agenda.applyTemplate': method(z.object({ meetingId: Id }), z.array(AgendaItemSummary)),
  'agenda.postpone': method(z.object({ id: Id, toMeetingId: Id, mode: z.enum(['flyt', 'kopier']) }), AgendaItem),
  'agenda.history': method(ById, z.array(HistoryEntry)),
  /** Items to cite as the deciding one (a category change, a sheet's new version), and the cited items by id; closed items too: internal only. */
  'agenda.references': method(ItemReferenceQuery, z.array(ItemReference)),

  'decisions.save': method(DecisionInput, Decision),
  'decisions.register': method(DecisionRegisterQuery, z.object({ rows: z.array(DecisionRegisterRow), total: z.number().int() })),
  /** The register (with the same filters, all rows) or the follow-ups, as .xlsx or CSV. */
  'decisions.export': method(
    z.object({ what: z.enum(['decisions', 'followUps']), format: z.enum(['xlsx', 'csv']), filter: DecisionRegisterFilter.default({}) }),
    DocumentExport,
  ),

  'followUps.list': method(z.object({ bodyId: Id.optional(), itemId: Id.optional(), status: FollowUpStatus.optional() }), z.array(FollowUp)),
  'followUps.forMeeting': method(z.object({ meetingId: Id }), z.array(FollowUp)),
  'followUps.create': method(FollowUpDraft, FollowUp),
  'followUps.update': method(FollowUpUpdate, FollowUp),

  'search.query': method(SearchQuery, z.object({ hits: z.array(SearchHit) })),

  /** Adds a file already uploaded to the file store (see the upload route of each transport). */
  'attachments.add': method(
    z.object({ itemId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().trim().min(1).max(255), title: z.string().trim().max(500).optional(), closed: z.boolean().default(false) }),
    AttachmentSummary,
  ),
  'attachments.update': method(Revisioned.extend({ patch: z.object({ title: z.string().trim().min(1, { error: 'Bilaget skal have en titel' }).max(500), closed: z.boolean() }).partial() }), AttachmentSummary),
  'attachments.replace': method(z.object({ id: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().trim().min(1).max(255) }), AttachmentSummary),
  'attachments.delete': method(ById, Deleted),
  'attachments.restore': method(ById, AttachmentSummary),

  'documents.capabilities': method(Empty, DocumentCapabilities),
  /** The agenda or minutes as the HTML the PDF is printed from, for the sandboxed preview. */
  'documents.preview': method(DocumentPreviewRequest, DocumentPreview),
  /** Makes the PDF or Word file; a public edition is read back and refused if any closed text leaked. */
  'documents.export': method(DocumentRequest, DocumentExport),

  /** Backups in the data folder, newest first. */
  'backups.list': method(Empty, z.array(BackupEntry)),
  /** Starts a backup as a job (result: the backup). */
  'backups.create': method(Empty, JobStatus),
  /** Starts taking a backup back as a job: in one transaction, after backing up the current state. */
  'backups.restore': method(z.object({ fileName: z.string().min(1).max(255) }), JobStatus),

  /** The state of a job (progress arrives as `job.progress` events). */
  'jobs.get': method(ById, JobStatus),
  /** Asks a job to stop; it ends as cancelled with nothing left half-done, unless it was already past its commit. */
  'jobs.cancel': method(ById, JobStatus),

  /** Starts writing an exchange package of the scope as a job (result: an export to save, like a PDF). */
  'exchange.export': method(z.object({ scope: ExchangeScope }), JobStatus),
  /** Starts checking a received package in full and comparing it with this database; writes nothing. */
  'exchange.preview': method(z.object({ packageId: Id }), JobStatus),
  /** Starts the import of a received package: checked again, backed up first, written in one transaction. */
  'exchange.import': method(ImportRequest, JobStatus),
  /** Forgets a received package (the user closed the preview without importing). */
  'exchange.discard': method(z.object({ packageId: Id }), z.object({ discarded: z.boolean() })),
  /** Received packages still waiting (kept a day). */
  'exchange.incoming': method(Empty, z.array(IncomingPackage)),
  /** The laptops whose packages the user trusts (a package from another says so in the preview). */
  'exchange.trusted': method(Empty, z.array(TrustedInstallation)),
  /** Adds a laptop to the trusted list (or renames it), or with `trusted: false` takes it off; returns the list. */
  'exchange.trust': method(TrustedInstallation.extend({ trusted: z.boolean() }), z.array(TrustedInstallation)),

  'scenarios.list': method(Empty, z.array(ScenarioSummary)),
  'scenarios.get': method(ById, Scenario),
  'scenarios.create': method(ScenarioDraft, Scenario),
  'scenarios.update': method(ScenarioUpdate, Scenario),
  /** Soft delete with undo; a base with living variants is refused (delete the variants first). */
  'scenarios.delete': method(ById, Deleted),
  'scenarios.restore': method(ById, Scenario),
  /** Freezes the current input as the next numbered, hashed version. */
  'scenarios.freeze': method(z.object({ id: Id, note: z.string().trim().max(500).default('') }), ScenarioVersion),
  /** The .xlsx workbook or the PDF annex of one scenario, or of a comparison of two to four. */
  'scenarios.export': method(ScenarioExportRequest, DocumentExport),

  'proposals.list': method(Empty, z.array(ProposalSummary)),
  'proposals.get': method(ById, Proposal),
  /** A new proposal with its first version. */
  'proposals.create': method(ProposalDraft, Proposal),
  'proposals.update': method(ProposalUpdate, Proposal),
  /** Soft delete with undo. */
  'proposals.delete': method(ById, Deleted),
  'proposals.restore': method(ById, Proposal),
  /** Autosave of a version; a version that went to an agenda is locked and refused. */
  'proposals.updateVersion': method(ProposalVersionUpdate, ProposalVersion),
  /** A new version, starting as a copy of the latest (its scenarios live, not frozen). */
  'proposals.revise': method(z.object({ proposalId: Id, note: z.string().trim().max(2000).default('') }), Proposal),
  /** A version's money from the engine, its consistency checks, and what is missing before it can go on an agenda. */
  'proposals.economy': method(z.object({ proposalId: Id, versionNumber: z.number().int().positive() }), VersionEconomy),
  /** Two versions side by side, every changed row marked. */
  'proposals.diff': method(z.object({ proposalId: Id, from: z.number().int().positive(), to: z.number().int().positive() }), z.object({ rows: z.array(VersionDiffRow) })),
  /** Replaces the approval route (steps in order). */
  'proposals.setSteps': method(z.object({ proposalId: Id, steps: z.array(ApprovalStepInput).max(20) }), z.array(ApprovalStep)),
  'proposals.saveResponse': method(ConsultationResponseInput.extend({ id: Id.optional(), revision: z.number().int().positive().optional() }), ConsultationResponse),
  'proposals.deleteResponse': method(ById, Deleted),
  /** Undoes a deletion: the same response back, by its tombstone. */
  'proposals.restoreResponse': method(ById, ConsultationResponse),
  /** The consultation responses summarised for the case text (HTML), and who has not answered. */
  'proposals.consultationSummary': method(z.object({ proposalId: Id, versionNumber: z.number().int().positive() }), z.object({ html: z.string(), notAnswered: z.array(z.string()) })),
  /**
   * Starts putting a version on an agenda as a job (result: the item): the annexes printed with progress, then the
   * item with its sections, draft Indstilling and annexes made and the version locked in one transaction. Refused at
   * once, naming them, while required fields are missing.
   */
  'proposals.putOnAgenda': method(PutOnAgendaRequest, JobStatus),
  /** What each municipality pays per year under a scenario of a version (the chosen one by default). */
  'proposals.municipalities': method(MunicipalityRequest, z.object({ scenarioId: Id, scenarioName: z.string(), rows: z.array(MunicipalityShare) })),
  /** One municipality's figures for its own budget process, as .xlsx or PDF. */
  'proposals.exportMunicipality': method(MunicipalityRequest.extend({ organisationName: z.string().min(1), format: z.enum(['xlsx', 'pdf']) }), DocumentExport),

  // The register of offers (tilbudsregister) and the stored rule sets (Indstillinger → Takstregler).
  /** The register, filtered and sorted; each row with its category in the year asked for (this year by default). */
  'offers.list': method(OfferListQuery, z.array(OfferRow)),
  'offers.get': method(ById, OfferRow),
  /** A new offer with its first category. */
  'offers.create': method(OfferDraft, OfferRow),
  'offers.update': method(OfferUpdate, OfferRow),
  /** Soft delete. */
  'offers.delete': method(ById, Deleted),
  /** The category from a year on, with the reason and the decision; refused for a year whose sheet is approved. */
  'offers.setCategory': method(CategoryChangeInput, OfferRow),
  /** The register with the same filters (every row) as .xlsx. */
  'offers.export': method(OfferListQuery, DocumentExport),
  'ruleSets.list': method(Empty, z.array(RuleSetRecord)),
  'ruleSets.get': method(ById, RuleSetRecord),
  /** A new year's set as a copy of another (not approved). */
  'ruleSets.copy': method(z.object({ fromId: Id, year: TariffYear }), RuleSetRecord),
  /** Refused once the set is approved (locked). */
  'ruleSets.update': method(RuleSetUpdate, RuleSetRecord),
  /** Approves (locks) the set. */
  'ruleSets.approve': method(Revisioned, RuleSetRecord),
  // The tariff year: sheets and the 5 % ledger (docs: shared/domain/tariff-year.ts). Money in øre.
  /** The year's current sheets computed (tariff, due results, checks) with their flags, offer and operator, by operator. */
  'tariffSheets.listYear': method(z.object({ year: TariffYear }), z.array(ComputedSheetView)),
  /** One offer's sheet of a year: every version and the current one computed; `current` is null before the first save. */
  'tariffSheets.get': method(z.object({ offerId: Id, year: TariffYear }), SheetOfYear),
  /**
   * Creates the year's sheet as a draft (recording the rule set in force) or saves the draft (with its revision). A
   * submitted sheet must be reopened first; an approved one is locked (LOCKED).
   */
  'tariffSheets.save': method(SheetSave, SheetOfYear),
  /** Draft → submitted; refused, listing them, while a check is an error. */
  'tariffSheets.submit': method(Revisioned, SheetOfYear),
  /** Submitted → draft, for a correction before DAS approves. */
  'tariffSheets.reopen': method(Revisioned, SheetOfYear),
  /** An in-year change of an approved sheet: the next version, approved by FU (its agenda item, or a text in content.approvalNote), status amended and locked. */
  'tariffSheets.newVersion': method(SheetNewVersion, SheetOfYear),
  /** Enters a year's result of an offer, or corrects one (with id and revision); the set-aside is checked against 5 % of the basis. */
  'results.save': method(ResultSave, OfferResult),
  /** Soft delete with undo (results.restore); its set-aside uses leave the ledger with it. */
  'results.delete': method(ById, Deleted),
  'results.restore': method(ById, OfferResult),
  /** Records (or corrects) the use of a result's set-aside: within its years, what is left, and the operator's own offers. */
  'setAsideUses.save': method(SetAsideUseSave, SetAsideUse),
  'setAsideUses.delete': method(ById, Deleted),
  'setAsideUses.restore': method(ById, SetAsideUse),
  /** An offer's 5 % ledger year by year, with its warnings. */
  'ledger.offer': method(z.object({ offerId: Id }), OfferLedger),
  /** Every offer of an operator (organisation) with each year's sums and all warnings. */
  'ledger.operator': method(z.object({ operatorId: Id }), OperatorLedger),
  // Collecting the year's figures from the operators (issue 17, item 3): files received through the byte streams.
  /** An operator's template for a year (.xlsx): its offers with last year's figures, and the results of the year before. */
  'tariffs.template': method(z.object({ operatorName: z.string().trim().min(1, { error: 'Vælg en driftsherre.' }), year: TariffYear }), DocumentExport),
  /** Starts checking received templates in full and comparing them with what is stored (result: the preview); writes nothing. */
  'tariffs.previewImport': method(TariffImportRequest, JobStatus),
  /** Starts the import of received templates: checked again, backed up first, written in one transaction (sheets as submitted). */
  'tariffs.applyImport': method(TariffImportRequest, JobStatus),
  /** Forgets received templates (the user closed the preview). */
  'tariffs.discardImport': method(z.object({ fileIds: z.array(Id).max(50) }), z.object({ discarded: z.number().int() })),
  // ---- The takstbilag (issue 17, i17-annex)
  /** The year's takstbilag as PDF (meeting papers' layout) or .xlsx, with its figures in brief. Refused when the year has no sheets. */
  'tariffAnnex.export': method(TakstbilagExportRequest, DocumentExport.extend({ summary: TakstbilagSummary })),
  /**
   * Starts putting the year's takstbilag on a DAS meeting as a job (result: the item): the PDF printed, then the item
   * with its drafted Resumé and Indstilling, the PDF attached and the annex linked to the year. A decision approving
   * the item approves and locks the year's submitted sheets.
   */
  'tariffAnnex.putOnAgenda': method(TakstbilagPutOnAgendaRequest, JobStatus),
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
/** What a caller sends (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
