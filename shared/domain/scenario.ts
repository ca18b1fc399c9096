import { z } from 'zod';

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
