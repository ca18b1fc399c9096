import { z } from 'zod';
import { Id, RecordMeta, Revisioned } from './common';

/**
 * A tariff scenario as a file (`scenario compute --in FILE.json`) and, later, as the modeller stores it. Amounts are
 * kroner with at most two decimals; shares and occupancies are fractions (0.9 = 90 %).
 */
const Kroner = z.number({ error: 'Beløbet skal være et tal (kroner)' }).finite().refine((kr) => Math.abs(Math.round(kr * 100) - kr * 100) < 1e-6, { error: 'Beløbet må højst have to decimaler (øre)' });
const NonNegativeKroner = Kroner.refine((kr) => kr >= 0, { error: 'Beløbet må ikke være negativt' });
const Fraction = z.number({ error: 'Angiv en andel mellem 0 og 1' }).min(0, { error: 'Andelen må ikke være under 0' }).max(1, { error: 'Andelen må ikke være over 1 (100 %)' });

export const ScenarioInput = z
  .object({
    name: z.string().trim().max(200).default(''),
    /** The Styringsaftale whose rules apply (its parameters are data per year). */
    agreementYear: z.number().int().min(2022, { error: 'De første takstregler gælder fra 2022' }).default(2022),
    places: z.number().positive({ error: 'Antal pladser skal være over 0' }),
    /** Budgeted occupancy at full operation, for the daily tariff. */
    occupancy: Fraction.refine((o) => o > 0, { error: 'Belægningen skal være over 0' }).default(1),
    offerKind: z.enum(['normal', 'short-stay']).default('normal'),
    fullOperationBudget: NonNegativeKroner,
    /** The budget's lines as printed; checked against fullOperationBudget. */
    budgetLines: z.array(z.object({ label: z.string().trim().min(1), amount: Kroner })).default([]),
    /** Tariff levels (differentiated tariff); their revenue is compared with the budget. */
    levels: z.array(z.object({ name: z.string().trim().min(1), dailyTariff: NonNegativeKroner, places: z.number().min(0) })).default([]),
    startupCosts: NonNegativeKroner.default(0),
    /** Operating years of the ramp-up with their occupancy, strictly increasing. */
    years: z.array(z.object({ year: z.number().int(), occupancy: Fraction })).min(1, { error: 'Der skal være mindst ét driftsår' }),
    /** Fixed share of the full-operation budget (cost = fixed + variable × occupancy), or the deficits as entered. */
    fixedShare: Fraction.optional(),
    deficits: z.array(NonNegativeKroner).optional(),
    /**
     * The total to cover (start-up + deficits) as the papers print it, kept beside the computed one: the engine warns
     * where they differ (NT-1 v2 prints 7,16 and 7,45 mio. kr. for components adding up to 7,13 and 7,43).
     */
    printedTotal: NonNegativeKroner.optional(),
    split: z.object({
      regionShare: Fraction.default(0),
      /** Municipality → weight (population, 0–17-year-olds, use of places …). */
      key: z.record(z.string().trim().min(1), z.number().min(0, { error: 'En vægt må ikke være negativ' })),
    }),
  })
  .refine((s) => (s.fixedShare === undefined) !== (s.deficits === undefined), { error: 'Angiv enten fixedShare eller deficits', path: ['fixedShare'] })
  .refine((s) => s.years.every((y, i) => i === 0 || y.year > s.years[i - 1]!.year), { error: 'Årene skal stå i stigende rækkefølge', path: ['years'] })
  .refine((s) => s.deficits === undefined || s.deficits.length === s.years.length, { error: 'Der skal være ét underskud pr. driftsår', path: ['deficits'] })
  .refine((s) => Object.values(s.split.key).some((w) => w > 0), { error: 'Fordelingsnøglen er 0 for alle kommuner', path: ['split', 'key'] });
export type ScenarioInput = z.output<typeof ScenarioInput>;

/**
 * What a variant changes in its base: a sparse copy of the input (see shared/logic/tariff/variants.ts). Checked by
 * laying it over the base and validating the result as a whole {@link ScenarioInput}.
 */
export const ScenarioOverrides = z.record(z.string(), z.unknown());
export type ScenarioOverrides = z.infer<typeof ScenarioOverrides>;

/** A frozen, numbered copy of a scenario's input that an agenda item or decision can cite; the hash proves it unchanged. */
export const ScenarioVersion = z.object({
  scenarioId: Id,
  number: z.number().int().positive(),
  /** SHA-256 of the input's canonical JSON, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  frozenAt: z.string(),
  frozenBy: z.string(),
  note: z.string(),
  input: ScenarioInput,
});
export type ScenarioVersion = z.infer<typeof ScenarioVersion>;

export const ScenarioSummary = RecordMeta.extend({
  name: z.string(),
  /** The base scenario this one is a variant of; null for a base. */
  baseId: Id.nullable(),
  versionCount: z.number().int().nonnegative(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

/**
 * A proposal version whose figures come from a scenario: through the scenario itself or, for a base, through one of
 * its variants (a variant keeps only what it overrides, so a change to the base reaches it). A live link
 * (frozenNumber null) follows every change; a frozen one keeps the version the proposal was treated with.
 */
export const ScenarioUse = z.object({
  proposalId: Id,
  proposalCode: z.string(),
  versionId: Id,
  versionNumber: z.number().int().positive(),
  /** The scenario the version links: the one asked about, or one of its variants. */
  scenarioId: Id,
  scenarioName: z.string(),
  frozenNumber: z.number().int().positive().nullable(),
});
export type ScenarioUse = z.infer<typeof ScenarioUse>;

export const Scenario = ScenarioSummary.extend({
  /** The effective input (for a variant: its base with the overrides laid over); `name` equals the record's name. */
  input: ScenarioInput,
  /** A variant's own changes ({} for a base). */
  overrides: ScenarioOverrides,
  /** Dotted paths the variant changes ("occupancy", "split.regionShare"), for highlighting; [] for a base. */
  overriddenPaths: z.array(z.string()),
  versions: z.array(ScenarioVersion),
  /** The proposal versions whose figures come from this scenario (or, for a base, from its variants). */
  usedBy: z.array(ScenarioUse),
});
export type Scenario = z.infer<typeof Scenario>;

const ScenarioName = z.string().trim().min(1, { error: 'Giv scenariet et navn' }).max(200, { error: 'Navnet må højst være 200 tegn' });

/**
 * A new base scenario (with its input) or a new variant of a base: starting equal to it, or with what it changes
 * already given (an edit moved to a variant of its own, so the scenario it was typed in stays as it was).
 */
export const ScenarioDraft = z
  .object({ name: ScenarioName, baseId: Id.optional(), input: ScenarioInput.optional(), overrides: ScenarioOverrides.optional() })
  .refine((d) => (d.baseId === undefined) !== (d.input === undefined), { error: 'Angiv enten et grundscenarie eller scenariets tal', path: ['input'] })
  .refine((d) => d.overrides === undefined || d.baseId !== undefined, { error: 'Kun en variant har ændringer i forhold til et grundscenarie', path: ['overrides'] });
export type ScenarioDraft = z.input<typeof ScenarioDraft>;

/**
 * Autosave of a scenario: a base's whole input or a variant's overrides (whichever the scenario is). A change that
 * would alter the figures of a proposal version linked live to it is refused unless that version is named in
 * `confirmedUses` (proposal version ids): the user has agreed that the proposal changes too.
 */
export const ScenarioUpdate = Revisioned.extend({
  patch: z.object({ name: ScenarioName.optional(), input: ScenarioInput.optional(), overrides: ScenarioOverrides.optional() }),
  confirmedUses: z.array(Id).max(500).default([]),
});

/** One scenario (its own workbook or annex) or two to four (a comparison, the first as the base of the differences). */
export const ScenarioExportRequest = z.object({
  ids: z.array(Id).min(1, { error: 'Vælg mindst ét scenarie' }).max(4, { error: 'Der kan sammenlignes højst fire scenarier' }),
  format: z.enum(['xlsx', 'pdf']),
});
export type ScenarioExportRequest = z.infer<typeof ScenarioExportRequest>;
