import { z } from 'zod';
import { Id, RecordMeta } from './common';

/**
 * The tariff year (Styringsaftalen 2.2, 5; domain.md §3.0–3.6): the register of offers, each offer's yearly tariff
 * sheet (takstberegningsskema), its realised results and the 5 % ledger, and the rule sets as stored records.
 * Money is integer øre everywhere in this module; shares and occupancies are fractions (0.95 = 95 %).
 */

const Ore = z.number({ error: 'Beløbet skal være et tal' }).int({ error: 'Beløbet skal være i hele øre' });
const NonNegativeOre = Ore.min(0, { error: 'Beløbet må ikke være negativt' });
/** An amount whose messages name the field (the user sees one message at a time). */
const amountOf = (what: string) => z.number({ error: `${what} skal være et tal` }).int({ error: `${what} skal være i hele øre` });
const nonNegativeAmountOf = (what: string, negative: 'negativ' | 'negativt') => amountOf(what).min(0, { error: `${what} må ikke være ${negative}` });
const Fraction = z.number().min(0, { error: 'Andelen må ikke være under 0' }).max(1, { error: 'Andelen må ikke være over 1 (100 %)' });
export const TariffYear = z.number().int({ error: 'Året skal være et helt årstal' }).min(2000, { error: 'Året skal være 2000 eller senere' }).max(2100, { error: 'Året skal være 2100 eller tidligere' });

/** The legal bases the Socialaftale covers (Styringsaftalen 2.1, `002:17164–17220`), in the agreement's order. */
export const LEGAL_BASES = [
  { key: 'SEL-32', label: 'SEL § 32 (særlige dagtilbud)' },
  { key: 'SEL-36', label: 'SEL § 36 (særlige klubtilbud)' },
  { key: 'SEL-66-7', label: 'SEL § 66, stk. 1, nr. 7 (døgninstitutioner)' },
  { key: 'SEL-101', label: 'SEL §§ 101 og 101 a (stofmisbrugsbehandling)' },
  { key: 'SEL-103', label: 'SEL § 103 (beskyttet beskæftigelse)' },
  { key: 'SEL-104', label: 'SEL § 104 (aktivitets- og samværstilbud)' },
  { key: 'SEL-107', label: 'SEL § 107 (midlertidige botilbud)' },
  { key: 'SEL-108', label: 'SEL § 108 (længerevarende botilbud)' },
  { key: 'SEL-109', label: 'SEL § 109 (kvindekrisecentre)' },
  { key: 'SEL-110', label: 'SEL § 110 (forsorgshjem)' },
  { key: 'ABL-105', label: 'Almenboliglovens § 105, stk. 2 (almene ældreboliger)' },
  { key: 'plejebolig', label: 'Plejeboliger' },
  { key: 'specialraadgivning', label: 'Specialrådgivning (§ 7, stk. 1, nr. 1)' },
  { key: 'hjaelpemidler', label: 'Hjælpemidler (SEL § 5, stk. 3)' },
  { key: 'FSL-20-3', label: 'Lands-/landsdelsdækkende undervisningstilbud (folkeskolelovens § 20, stk. 3)' },
  { key: 'kommunikationscenter', label: 'Kommunikationscentre (lov om specialundervisning for voksne § 1, stk. 3)' },
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number]['key'];
export const LegalBasis = z.enum(LEGAL_BASES.map((b) => b.key) as [LegalBasis, ...LegalBasis[]], { error: 'Ukendt lovgrundlag' });

/** Tariff units allowed (Styringsaftalen 5: enheds-, time-, dag- eller døgntakster). */
export const TARIFF_UNITS = [
  { key: 'døgn', label: 'Døgntakst' },
  { key: 'dag', label: 'Dagtakst' },
  { key: 'time', label: 'Timetakst' },
  { key: 'enhed', label: 'Enhedstakst' },
] as const;
export type TariffUnit = (typeof TARIFF_UNITS)[number]['key'];
export const TariffUnit = z.enum(['døgn', 'dag', 'time', 'enhed'], { error: 'Ukendt takstenhed' });

const LEGAL_BASIS_LABELS = new Map<string, string>(LEGAL_BASES.map((b) => [b.key, b.label]));
const TARIFF_UNIT_LABELS = new Map<string, string>(TARIFF_UNITS.map((u) => [u.key, u.label]));
/** The agreement's order of the legal bases (2.1), for sorting; an unknown key last. */
const LEGAL_BASIS_POSITIONS = new Map<string, number>(LEGAL_BASES.map((b, i) => [b.key, i]));

/** «SEL § 108 (længerevarende botilbud)» for «SEL-108»; an unknown key as it is. */
export const legalBasisLabel = (key: string) => LEGAL_BASIS_LABELS.get(key) ?? key;
/** «Døgntakst» for «døgn»; an unknown key as it is. */
export const tariffUnitLabel = (key: string) => TARIFF_UNIT_LABELS.get(key) ?? key;
export const legalBasisPosition = (key: string) => LEGAL_BASIS_POSITIONS.get(key) ?? LEGAL_BASES.length;

export const OfferStatus = z.enum(['active', 'closing', 'closed']);
export type OfferStatus = z.infer<typeof OfferStatus>;
export const OFFER_STATUS_LABELS: Readonly<Record<OfferStatus, string>> = { active: 'Aktiv', closing: 'Under afvikling', closed: 'Lukket' };

/** Kategori 1 (only the operator's own use: outside the agreement), 2 (a few others), 3 (part of the Socialaftale). */
export const OfferCategory = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Kategorien skal være 1, 2 eller 3' });
export type OfferCategory = z.infer<typeof OfferCategory>;

export const CategoryChange = z.object({
  id: Id,
  fromYear: TariffYear,
  category: OfferCategory,
  reason: z.string(),
  /** The agenda item whose decision approved the change (DAS, or FU by delegation); null when not kept here. */
  decisionItemId: Id.nullable(),
  decidedBy: z.string(),
});
export type CategoryChange = z.infer<typeof CategoryChange>;

export const Offer = RecordMeta.extend({
  name: z.string(),
  operatorId: Id,
  operatorName: z.string(),
  address: z.string(),
  legalBasis: LegalBasis,
  targetGroup: z.string(),
  offerKind: z.enum(['normal', 'short-stay']),
  tariffUnit: TariffUnit,
  /** Tilbudsportalen's number of the offer. */
  portalNumber: z.string(),
  status: OfferStatus,
  firstYear: TariffYear.nullable(),
  notes: z.string(),
  /** The category history, oldest first; the category of a year is the last change from that year or before. */
  categories: z.array(CategoryChange),
});
export type Offer = z.infer<typeof Offer>;

export const SheetStatus = z.enum(['draft', 'submitted', 'approved', 'amended']);
export type SheetStatus = z.infer<typeof SheetStatus>;
export const SHEET_STATUS_LABELS: Readonly<Record<SheetStatus, string>> = {
  draft: 'Udkast',
  submitted: 'Indsendt',
  approved: 'Godkendt',
  amended: 'Ændret i årets løb',
};

/** How the budgeted occupancy was set (Styringsaftalen 5.2 and 6.1.2). */
export const OccupancyMethod = z.enum(['average-two-years', 'expectation', 'new-offer-first-year']);
export type OccupancyMethod = z.infer<typeof OccupancyMethod>;
export const OCCUPANCY_METHOD_LABELS: Readonly<Record<OccupancyMethod, string>> = {
  'average-two-years': 'Gennemsnit af de to foregående års faktiske belægning',
  expectation: 'Klar forventning til det kommende år',
  'new-offer-first-year': 'Nyt tilbud: forventet belægning i første driftsår',
};

/**
 * What an operator reports for an offer and a year. The budget is split on the cost categories of Tabel 4
 * (shared/logic/tariff/daily-tariff.ts#COST_CATEGORIES keys; income lines negative). The carried results due this
 * year come from the 5 % ledger and are not entered here.
 */
export const TariffSheetContent = z.object({
  budgetLines: z.array(
    z.object({
      category: z.string({ error: 'Vælg en omkostningskategori for budgetlinjen' }).min(1, { error: 'Vælg en omkostningskategori for budgetlinjen' }),
      label: z.string().trim().min(1, { error: 'Angiv en tekst for budgetlinjen' }),
      amount: amountOf('Budgetlinjens beløb'),
    }),
  ),
  /** The total the operator states; checked against the lines. */
  statedTotal: nonNegativeAmountOf('Budgettets total', 'negativ'),
  places: z.number({ error: 'Antal pladser skal være et tal' }).positive({ error: 'Antal pladser skal være over 0' }),
  occupancy: z
    .number({ error: 'Belægningen skal være et tal' })
    .gt(0, { error: 'Belægningen skal være over 0' })
    .max(1, { error: 'Belægningen må ikke være over 1 (100 %)' }),
  occupancyMethod: z.enum(OccupancyMethod.options, { error: 'Vælg, hvordan belægningen er fastsat' }),
  /** The two latest years' actual occupancy when the method is the average (fractions, newest first: Y−2 and Y−3, the last with accounts when the operators report in October). */
  occupancyHistory: z.array(Fraction).max(2, { error: 'Angiv højst de to foregående års belægning' }).default([]),
  /** Tariff levels (differentiated tariff); a single-tariff offer has one level with all places. */
  levels: z
    .array(
      z.object({
        name: z.string().trim().min(1, { error: 'Angiv et navn for takstniveauet' }),
        places: z.number().min(0, { error: 'Antal pladser må ikke være negativt' }),
        /** The tariff the operator reports, øre per unit; null when left to the computed one. */
        reportedTariff: nonNegativeAmountOf('Takstniveauets takst', 'negativ').nullable(),
        /** Average direct support (ATA) hours per week in the tariff (5.4.7). */
        ataHours: z.number().min(0, { error: 'ATA-timerne må ikke være negative' }).nullable(),
      }),
    )
    .default([]),
  /** A new offer's first-year operating loss, written off over the rule set's years (6.1.2); 0 when none. */
  firstYearLoss: nonNegativeAmountOf('Underskuddet i første driftsår', 'negativt').default(0),
  /** The operator's written reason for a change in places or a significant tariff change (bemærkninger). */
  reason: z.string().default(''),
  /** An in-year version (2, 3 …): FU's approval as text (meeting, date, punkt) when its agenda item is not kept here. */
  approvalNote: z.string().default(''),
  /**
   * The results due this year as they stood when the sheet was approved (by DAS, or an in-year version by FU), by result
   * year, signed øre. Set by the approval, never entered: a locked sheet's tariff does not move when a result is
   * corrected later (the ledger warns instead). Null while the sheet is open: the ledger's current figures apply.
   */
  dueResultsAtApproval: z.array(z.object({ resultYear: TariffYear, amount: Ore })).nullable().default(null),
});
export type TariffSheetContent = z.output<typeof TariffSheetContent>;

export const TariffSheet = RecordMeta.extend({
  offerId: Id,
  year: TariffYear,
  version: z.number().int().positive(),
  status: SheetStatus,
  ruleSetId: Id,
  content: TariffSheetContent,
  approvedItemId: Id.nullable(),
  approvedAt: z.string().nullable(),
});
export type TariffSheet = z.infer<typeof TariffSheet>;

/** A year's realised figures of an offer (årsregnskab), the input of the 5 % rule (Styringsaftalen 5.3). */
export const OfferResult = RecordMeta.extend({
  offerId: Id,
  year: TariffYear,
  /** G: takstberegningsgrundlaget. */
  basis: NonNegativeOre,
  /** R = revenue − costs (positive = surplus). */
  result: Ore,
  /** The part of a surplus set aside; null = the maximum the rule allows. */
  setAside: NonNegativeOre.nullable(),
  /** Realised activity and capacity (place-years, or days: the same unit for both). */
  activity: z.number().min(0).nullable(),
  capacity: z.number().min(0).nullable(),
  ruleSetId: Id,
  note: z.string(),
});
export type OfferResult = z.infer<typeof OfferResult>;

/*
 * The sheet lifecycle and the 5 % ledger as the contract carries them (tariffSheets.*, results.*, setAsideUses.*,
 * ledger.*). Money in øre; a signed tariff effect is + when it raises the tariff (a deficit), − when it lowers it.
 */

export const SheetCheck = z.object({
  code: z.string(),
  /** error: the sheet cannot be submitted; warning: DAS must see it; hint: advice. */
  severity: z.enum(['error', 'warning', 'hint']),
  message: z.string(),
});
export type SheetCheck = z.infer<typeof SheetCheck>;

/** shared/logic/tariff/tariff-sheet.ts#SheetComputation. */
export const SheetComputationView = z.object({
  budgetTotal: z.number().int(),
  dueResults: z.number().int(),
  lossWriteOff: z.number().int(),
  tariffBasis: z.number().int(),
  units: z.number(),
  tariff: z.number().int(),
  levels: z.array(z.object({ name: z.string(), places: z.number(), tariff: z.number().int(), reported: z.boolean() })),
  levelRevenue: z.number().int().nullable(),
  change: z.object({ places: z.number(), tariff: z.number().int(), tariffShare: z.number().nullable() }).nullable(),
  checks: z.array(SheetCheck),
});
export type SheetComputationView = z.infer<typeof SheetComputationView>;

/** What a list of sheets shows of the offer. */
export const SheetOffer = z.object({
  id: Id,
  name: z.string(),
  operatorId: Id,
  operatorName: z.string(),
  legalBasis: LegalBasis,
  tariffUnit: TariffUnit,
  /** The category in the sheet's year; null when none is recorded. */
  category: OfferCategory.nullable(),
});
export type SheetOffer = z.infer<typeof SheetOffer>;

/** A current sheet of a year, computed: one row of the register's and the takstbilag's year view. */
export const ComputedSheetView = z.object({
  sheet: TariffSheet,
  offer: SheetOffer,
  ruleSet: z.object({ id: Id, year: TariffYear, source: z.string() }),
  computation: SheetComputationView,
  /** The results due in this year's tariff, by the year they relate to (signed øre). */
  dueSources: z.array(z.object({ resultYear: TariffYear, amount: z.number().int() })),
  /** Last year's current sheet's computed tariff; null without one. */
  previousTariff: z.number().int().nullable(),
  /** An approved or amended sheet: every write is refused. */
  locked: z.boolean(),
  /** What DAS must see (Danish): the error and warning checks, and a rule set borrowed from a later year. */
  flags: z.array(z.string()),
});
export type ComputedSheetView = z.infer<typeof ComputedSheetView>;

export const SheetOfYear = z.object({
  offer: SheetOffer,
  year: TariffYear,
  /** Every version, oldest first. */
  versions: z.array(TariffSheet),
  /** The current (highest) version computed; null before the first sheet is saved. */
  current: ComputedSheetView.nullable(),
  /** Before the first sheet is saved: the content it starts from, carried over from the offer's latest earlier sheet. */
  startingPoint: z.object({ fromYear: TariffYear, content: TariffSheetContent }).nullable(),
});
export type SheetOfYear = z.infer<typeof SheetOfYear>;

export const SheetSave = z.object({
  offerId: Id,
  year: TariffYear,
  /** The current version's revision when it exists (optimistic concurrency); absent for a new sheet. */
  revision: z.number().int().positive().optional(),
  content: TariffSheetContent,
});

/** An in-year change (Styringsaftalen 2.2.1): a new version, approved by FU, recorded by its agenda item or as text. */
export const SheetNewVersion = z
  .object({
    offerId: Id,
    year: TariffYear,
    content: TariffSheetContent,
    /** FU's agenda item whose decision approved the change. */
    approvedItemId: Id.nullable().default(null),
  })
  .refine((v) => v.approvedItemId !== null || v.content.approvalNote.trim().length > 0, {
    error: 'Angiv FU-punktet eller skriv, hvilket FU-møde der godkendte ændringen',
    path: ['content', 'approvalNote'],
  });

export const ResultSave = z
  .object({
    /** The result's id and revision when correcting one; absent for a new year. */
    id: Id.optional(),
    revision: z.number().int().positive().optional(),
    offerId: Id,
    year: TariffYear,
    basis: nonNegativeAmountOf('Takstberegningsgrundlaget', 'negativt'),
    result: amountOf('Årets resultat'),
    setAside: nonNegativeAmountOf('Hensættelsen', 'negativ').nullable().default(null),
    activity: z.number().min(0, { error: 'Aktiviteten må ikke være negativ' }).nullable().default(null),
    capacity: z.number().min(0, { error: 'Kapaciteten må ikke være negativ' }).nullable().default(null),
    note: z.string().max(2000).default(''),
  })
  .refine((r) => r.activity === null || (r.capacity !== null && r.capacity > 0), { error: 'Angiv en kapacitet over 0, når aktiviteten er angivet', path: ['capacity'] });

export const SetAsideUse = RecordMeta.extend({
  /** The result whose set-aside is used. */
  resultId: Id,
  year: TariffYear,
  amount: z.number().int().positive(),
  usedOnOfferId: Id.nullable(),
  purpose: z.string(),
});
export type SetAsideUse = z.infer<typeof SetAsideUse>;

export const SetAsideUseSave = z.object({
  id: Id.optional(),
  revision: z.number().int().positive().optional(),
  resultId: Id,
  year: TariffYear,
  amount: amountOf('Beløbet').positive({ error: 'Beløbet skal være over 0' }),
  usedOnOfferId: Id.nullable(),
  purpose: z.string().trim().min(1, { error: 'Skriv, hvad hensættelsen bruges til' }).max(2000),
});

export const LedgerWarningCode = z.enum(['set-aside-expiring', 'due-without-sheet', 'due-not-in-approved-sheet', 'set-aside-overused', 'surplus-outside-socialaftale']);
export type LedgerWarningCode = z.infer<typeof LedgerWarningCode>;
export const LedgerWarning = z.object({ code: LedgerWarningCode, offerId: Id, year: TariffYear, message: z.string() });
export type LedgerWarning = z.infer<typeof LedgerWarning>;

/** One year of an offer's 5 % ledger (Styringsaftalen 5.3). */
export const LedgerYear = z.object({
  resultId: Id,
  revision: z.number().int().positive(),
  year: TariffYear,
  basis: z.number().int(),
  result: z.number().int(),
  /** Realised activity ÷ capacity; null when not entered. */
  realisedOccupancy: z.number().nullable(),
  /** The part of a deficit within 5 % of G: covered by efficiency or earlier set-asides, never by the tariff. */
  absorbed: z.number().int(),
  setAside: z.number().int(),
  /** The last year the set-aside may be used (Y + 5); null without one. */
  setAsideExpires: TariffYear.nullable(),
  setAsideUsed: z.number().int(),
  setAsideLeft: z.number().int(),
  /** Signed: + raises the tariff of dueYear, − lowers it. */
  dueInTariff: z.number().int(),
  /** Y + 2; null when nothing is due. */
  dueYear: TariffYear.nullable(),
  /** The current sheet of dueYear, which picks the amount up by itself; null when there is none yet. */
  pickedUpBySheet: z.object({ id: Id, version: z.number().int(), status: SheetStatus }).nullable(),
  ruleSetId: Id,
  note: z.string(),
  uses: z.array(SetAsideUse),
  /** The result as entered (setAside null = the most the rule allows): what a correction starts from. */
  entered: z.object({ setAside: z.number().int().nullable(), activity: z.number().nullable(), capacity: z.number().nullable() }),
});
export type LedgerYear = z.infer<typeof LedgerYear>;

export const OfferLedger = z.object({ offer: SheetOffer, years: z.array(LedgerYear), warnings: z.array(LedgerWarning) });
export type OfferLedger = z.infer<typeof OfferLedger>;

export const OperatorLedger = z.object({
  operatorId: Id,
  operatorName: z.string(),
  offers: z.array(OfferLedger),
  /** Each year's sums over the operator's offers. */
  totals: z.array(z.object({ year: TariffYear, basis: z.number().int(), result: z.number().int(), absorbed: z.number().int(), setAside: z.number().int(), setAsideLeft: z.number().int(), dueInTariff: z.number().int() })),
  warnings: z.array(LedgerWarning),
});
export type OperatorLedger = z.infer<typeof OperatorLedger>;
// ---- The takstbilag (i17-annex)

export const TakstbilagRequest = z.object({ year: TariffYear });
export const TakstbilagExportRequest = TakstbilagRequest.extend({ format: z.enum(['pdf', 'xlsx'], { error: 'Takstbilaget kan hentes som pdf eller xlsx' }) });
export const TakstbilagPutOnAgendaRequest = TakstbilagRequest.extend({ meetingId: Id });

/** The annex's figures in brief (what the CLI prints and the agenda item's Resumé says). */
export const TakstbilagSummary = z.object({
  year: TariffYear,
  offers: z.number().int().nonnegative(),
  operators: z.number().int().nonnegative(),
  places: z.number().nonnegative(),
  /** The plain mean of the offers' changes from last year (fraction); null when no offer had a tariff last year. */
  averageChangeShare: z.number().nullable(),
  flags: z.number().int().nonnegative(),
  flaggedOffers: z.number().int().nonnegative(),
  notes: z.array(z.string()),
});
export type TakstbilagSummary = z.infer<typeof TakstbilagSummary>;
