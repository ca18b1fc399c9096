import { z } from 'zod';
import { Outcome } from './agenda';
import { Id, IsoDate, RecordMeta, Revisioned } from './common';

/*
 * A proposal for a new social offer (nyt tilbud / ideoplæg), domain.md §2. Its content lives in numbered versions
 * (v1, v2 …); its money lives in tariff scenarios that a version links to, so every figure comes from the engine.
 * Status is never stored: it follows the decisions of the agenda items on its approval route (logic/proposals/status).
 */

const line = (max: number) => z.string().trim().max(max, { error: `Teksten må højst være ${max.toLocaleString('da-DK')} tegn` });
/** Plain text of a few paragraphs (paragraphs separated by blank lines). */
const prose = line(20_000).default('');
const list = (max: number) => z.array(line(500).min(1, { error: 'Et punkt på listen er tomt' })).max(max).default([]);
const Share = z
  .number({ error: 'Angiv en andel i procent' })
  .min(0, { error: 'Andelen må ikke være under 0 %' })
  .max(1, { error: 'Andelen må ikke være over 100 %' });

/** One tariff level's content beside its price: the price itself is the scenario's (Takst 4 = 8.900 kr./døgn). */
export const TariffLevelContent = z.object({
  /** The level's name as in the scenario ("Takst 4"). */
  name: line(100).min(1, { error: 'Takstniveauet skal have et navn' }),
  /**
   * Hours of citizen-directed time (ATA) and documentation per day the level buys, e.g. 16 for Takst 4 ("ca. 16 timer",
   * 002:3107). The papers name no period; beside a daily tariff it can only be per døgn (16 h × 335,78 kr. ≈ 5.400 kr.).
   */
  ataHours: z.number({ error: 'ATA-timer skal være et tal' }).min(0, { error: 'ATA-timer kan ikke være negative' }).max(24, { error: 'Et døgn har 24 timer' }).nullable().default(null),
  description: line(2000).default(''),
});
export type TariffLevelContent = z.infer<typeof TariffLevelContent>;

export const HiringStep = z.object({
  role: line(200).min(1, { error: 'Angiv hvem der ansættes' }),
  monthsBeforeStart: z.number({ error: 'Angiv antal måneder' }).min(0, { error: 'Antal måneder kan ikke være negativt' }).max(60),
});

/** Who carries the start-up costs and deficits: the Region's share, the municipalities the rest by a key. */
export const DeficitCoverage = z.object({
  regionShare: Share.default(0),
  /** What the municipal key is, as printed: "Befolkningstal pr. 2. kvartal 2021". */
  keyLabel: line(300).default(''),
  /** How many operating years are covered besides the start-up ("opstart og de første 3 driftsår"). */
  coveredYears: z.number().int({ error: 'Antal driftsår skal være et helt tal' }).min(0, { error: 'Antal driftsår kan ikke være negativt' }).max(10, { error: 'Højst 10 driftsår' }).default(0),
  /** How it is billed ("ud fra aflagt, revisionspåtegnet regnskab"). */
  billing: prose,
});
export type DeficitCoverage = z.infer<typeof DeficitCoverage>;

/**
 * The qualitative content of a version: every field of domain.md §2.2 that is not money. Drafts may leave fields
 * empty; a version is only put on an agenda when the required ones are filled in (see missingForAgenda).
 */
export const ProposalContent = z.object({
  /** The ideoplæg's own title ("Nyt botilbud til unge med svær selvskadende adfærd"). */
  documentTitle: line(500).default(''),
  /** The agenda item's title when it is put on an agenda. */
  agendaTitle: line(500).default(''),
  operator: line(300).default(''),
  partners: list(20),
  commissioners: list(20),
  background: prose,
  vision: prose,
  targetGroupPrimary: prose,
  targetGroupSecondary: prose,
  ageFrom: z.number().int().min(0).max(120).nullable().default(null),
  ageTo: z.number().int().min(0).max(120).nullable().default(null),
  coMorbidities: list(40),
  /** "SEL § 66", "SEL § 107". */
  legalBasis: list(10),
  places: z.number({ error: 'Antal pladser skal være et tal' }).int({ error: 'Antal pladser skal være et helt tal' }).min(0, { error: 'Antal pladser kan ikke være negativt' }).max(1000).nullable().default(null),
  demandMin: z.number().int().min(0).max(10_000).nullable().default(null),
  demandMax: z.number().int().min(0).max(10_000).nullable().default(null),
  demandNote: prose,
  /** Part of det forstærkede samarbejde (null: not decided). */
  enhancedCooperation: z.boolean().nullable().default(null),
  cooperationModel: prose,
  staffing: prose,
  hiring: z.array(HiringStep).max(20).default([]),
  location: prose,
  timeToRealise: prose,
  tariffModel: prose,
  levels: z.array(TariffLevelContent).max(12).default([]),
  tariffRules: list(30),
  deficitCoverage: DeficitCoverage.prefault({}),
  caveats: list(20),
})
  .refine((c) => c.ageFrom === null || c.ageTo === null || c.ageFrom <= c.ageTo, { error: 'Alderen «fra» skal være mindre end alderen «til»', path: ['ageTo'] })
  .refine((c) => c.demandMin === null || c.demandMax === null || c.demandMin <= c.demandMax, { error: 'Det mindste skøn over behovet skal være mindre end det største', path: ['demandMax'] });
export type ProposalContent = z.output<typeof ProposalContent>;

/** A start-up scenario of a version: a tariff scenario, and the frozen version of it once the version went to an agenda. */
export const ScenarioRef = z.object({ scenarioId: Id, frozenNumber: z.number().int().positive().nullable().default(null) });
export type ScenarioRef = z.infer<typeof ScenarioRef>;

export const Consultation = z
  .object({
    start: IsoDate.nullable().default(null),
    end: IsoDate.nullable().default(null),
    /** The networks consulted ("Psykiatri- og handicapchefkredsen", "Børne- og ungechefnetværket"). */
    circle: list(20),
    /** The municipalities (and the Region) expected to answer; who has not answered is read from this. */
    expectedOrganisationIds: z.array(Id).max(30).default([]),
  })
  .refine((c) => c.start === null || c.end === null || c.start <= c.end, { error: 'Høringsfristen skal ligge efter høringens start', path: ['end'] });
export type Consultation = z.output<typeof Consultation>;

export const ProposalVersion = RecordMeta.extend({
  proposalId: Id,
  number: z.number().int().positive(),
  content: ProposalContent,
  scenarios: z.array(ScenarioRef),
  chosenScenarioId: Id.nullable(),
  consultation: Consultation,
  /** Set when the version went to an agenda: it is then kept as it was treated, and changes need a new version. */
  lockedAt: z.string().nullable(),
  note: z.string(),
});
export type ProposalVersion = z.infer<typeof ProposalVersion>;

export const STANCES = ['stoetter', 'stoetter_med_bemaerkninger', 'forbehold', 'imod', 'ingen_bemaerkninger'] as const;
export const Stance = z.enum(STANCES, { error: 'Ukendt holdning' });
export type Stance = z.infer<typeof Stance>;
export const STANCE_LABELS: Record<Stance, string> = {
  stoetter: 'Støtter',
  stoetter_med_bemaerkninger: 'Støtter med bemærkninger',
  forbehold: 'Forbehold',
  imod: 'Imod',
  ingen_bemaerkninger: 'Ingen bemærkninger',
};

export const ConsultationResponse = RecordMeta.extend({
  versionId: Id,
  /** The municipality or Region that answers; null for a network or body ("Børne- og ungedirektørkredsen"). */
  organisationId: Id.nullable(),
  /** Who answers, as printed ("Aalborg FB", "Rebild Kommune"). */
  respondent: z.string(),
  receivedOn: IsoDate.nullable(),
  stance: Stance,
  text: z.string(),
  /** The agenda item the response was annexed to, if any (BUDK's remarks went to DAS 27.05.2021, punkt 7). */
  itemId: Id.nullable(),
});
export type ConsultationResponse = z.infer<typeof ConsultationResponse>;

export const ConsultationResponseInput = z.object({
  versionId: Id,
  organisationId: Id.nullable().default(null),
  respondent: line(300).min(1, { error: 'Angiv hvem høringssvaret er fra' }),
  receivedOn: IsoDate.nullable().default(null),
  stance: Stance,
  text: line(50_000).min(1, { error: 'Høringssvaret er tomt' }),
  itemId: Id.nullable().default(null),
});

/** One step of the approval route: a body treating a version on a date, with the item where it is treated. */
export const ApprovalStep = RecordMeta.extend({
  proposalId: Id,
  position: z.number().int().positive(),
  bodyId: Id,
  bodyCode: z.string(),
  bodyName: z.string(),
  plannedDate: IsoDate.nullable(),
  /** The version treated at this step (null: not yet decided which). */
  versionNumber: z.number().int().positive().nullable(),
  itemId: Id.nullable(),
  /** Where the linked item sits: "DAS 27.05.2021, punkt 7". */
  item: z.object({ meetingId: Id, meetingDate: IsoDate, itemNumber: z.number().int(), title: z.string() }).nullable(),
  /** The decision's outcome on the linked item, or the outcome recorded by hand for a body whose meetings are not kept here. */
  outcome: Outcome.nullable(),
  outcomeSource: z.enum(['beslutning', 'manuel']).nullable(),
  note: z.string(),
});
export type ApprovalStep = z.infer<typeof ApprovalStep>;

export const ApprovalStepInput = z.object({
  bodyId: Id,
  plannedDate: IsoDate.nullable().default(null),
  versionNumber: z.number().int().positive().nullable().default(null),
  itemId: Id.nullable().default(null),
  /** Only for a step without an item. */
  manualOutcome: Outcome.nullable().default(null),
  note: line(2000).default(''),
});
export type ApprovalStepInput = z.output<typeof ApprovalStepInput>;

export const PROPOSAL_STATUSES = ['udkast', 'i_hoering', 'under_behandling', 'godkendt', 'afvist', 'revideret', 'etableret'] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof ProposalStatus>;
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  udkast: 'Udkast',
  i_hoering: 'I høring',
  under_behandling: 'Under behandling',
  godkendt: 'Godkendt',
  afvist: 'Afvist',
  revideret: 'Revideret',
  etableret: 'Etableret',
};

export const ProposalSummary = RecordMeta.extend({
  /** Short reference ("NT-1"). */
  code: z.string(),
  title: z.string(),
  status: ProposalStatus,
  /** Why the status is what it is, in Danish ("DAS 27.05.2021: Udsat"). */
  statusReason: z.string(),
  versionCount: z.number().int().nonnegative(),
  latestVersion: z.number().int().nonnegative(),
  establishedOn: IsoDate.nullable(),
});
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const Proposal = ProposalSummary.extend({
  versions: z.array(ProposalVersion),
  steps: z.array(ApprovalStep),
  responses: z.array(ConsultationResponse),
});
export type Proposal = z.infer<typeof Proposal>;

const Code = line(30).min(1, { error: 'Giv forslaget en kort betegnelse, fx NT-1' });
const Title = line(500).min(1, { error: 'Giv forslaget en titel' });

export const ProposalDraft = z.object({ code: Code, title: Title, content: ProposalContent.prefault({}) });
export type ProposalDraft = z.input<typeof ProposalDraft>;

export const ProposalUpdate = Revisioned.extend({
  patch: z.object({ code: Code, title: Title, establishedOn: IsoDate.nullable() }).partial(),
});

/** Autosave of a version that is not locked. */
export const ProposalVersionUpdate = Revisioned.extend({
  patch: z
    .object({
      content: ProposalContent,
      scenarios: z.array(ScenarioRef).max(8, { error: 'Højst otte scenarier pr. version' }),
      chosenScenarioId: Id.nullable(),
      consultation: Consultation,
      note: line(2000),
    })
    .partial(),
});

export const PutOnAgendaRequest = z.object({
  proposalId: Id,
  versionNumber: z.number().int().positive(),
  meetingId: Id,
  /** The approval step the item treats; without it a step is added for the meeting's body. */
  stepId: Id.optional(),
});

/** One row of a version comparison; `changed` rows are highlighted, `figure` rows are numbers. */
export const VersionDiffRow = z.object({
  section: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  changed: z.boolean(),
  figure: z.boolean(),
});
export type VersionDiffRow = z.infer<typeof VersionDiffRow>;

/** What a municipality pays under the chosen scenario of a version, per year (start-up costs first). */
export const MunicipalityShare = z.object({
  organisationName: z.string(),
  /** Its weight in the key and the share that gives (0 … 1) of the municipal part. */
  weight: z.number(),
  share: z.number(),
  /** One per column: "Opstart 2023", "Driftsår 1 (2024)" … with the amount in øre. */
  amounts: z.array(z.object({ label: z.string(), year: z.number().int().nullable(), ore: z.number().int() })),
  totalOre: z.number().int(),
});
export type MunicipalityShare = z.infer<typeof MunicipalityShare>;

export const MunicipalityRequest = z.object({
  proposalId: Id,
  versionNumber: z.number().int().positive().optional(),
  /** Defaults to the version's chosen scenario. */
  scenarioId: Id.optional(),
});

/** A start-up scenario of a version as the engine computes it (amounts in øre). */
export const ScenarioFigures = z.object({
  scenarioId: Id,
  name: z.string(),
  /** The frozen version the figures come from; null while they follow the live scenario. */
  frozenNumber: z.number().int().positive().nullable(),
  /** The Styringsaftale year whose rules the figures were computed by. */
  agreementYear: z.number().int(),
  places: z.number(),
  occupancy: z.number(),
  fullOperationBudgetOre: z.number().int(),
  budgetLines: z.array(z.object({ label: z.string(), ore: z.number().int() })),
  budgetLinesSumOre: z.number().int(),
  levels: z.array(z.object({ name: z.string(), dailyTariffOre: z.number().int(), places: z.number() })),
  levelRevenueOre: z.number().int().nullable(),
  dailyTariffOre: z.number().int(),
  startupCostsOre: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), occupancy: z.number(), deficitOre: z.number().int(), regionOre: z.number().int(), municipalOre: z.number().int() })),
  regionShare: z.number(),
  totalOre: z.number().int(),
  regionTotalOre: z.number().int(),
  municipalTotalOre: z.number().int(),
  operatingDeficitOre: z.number().int(),
  perMunicipality: z.array(MunicipalityShare),
  /** The engine's consistency checks (budget lines, level revenue, occupancy), in Danish. */
  warnings: z.array(z.string()),
});
export type ScenarioFigures = z.infer<typeof ScenarioFigures>;

/** Everything about a version's money, and what stands between it and an agenda. */
export const VersionEconomy = z.object({
  scenarios: z.array(ScenarioFigures),
  /** Disagreements between the proposal's text and its scenarios, and between the scenarios. */
  checks: z.array(z.string()),
  /** Required fields still empty, named in Danish; while any remain, the version cannot go on an agenda. */
  missing: z.array(z.string()),
  /** Scenarios that could not be computed, with the engine's Danish reason. */
  errors: z.array(z.string()),
});
export type VersionEconomy = z.infer<typeof VersionEconomy>;
