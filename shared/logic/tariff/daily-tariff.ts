import { requireNonNegativeOre, requireOccupancy, requirePositive, roundToOre } from './guards';
import { assertOre, type Ore } from './money';
import { type RuleSet } from './rule-set';

export interface DailyTariffInput {
  /** Takstberegningsgrundlag for the year, øre. */
  budget: Ore;
  /** Number of places (capacity); may be fractional, must be above 0. */
  places: number;
  /** Budgeted occupancy as a fraction, above 0 and at most 1. */
  occupancy: number;
  rules: RuleSet;
}

/** Occupied place-days per year; the divisor of every day tariff. */
function occupiedDays(places: number, occupancy: number, rules: RuleSet): number {
  requirePositive(places, 'Antal pladser');
  requireOccupancy(occupancy);
  return places * rules.daysPerYear * occupancy;
}

/**
 * Day tariff (døgntakst) = budget ÷ (places × 365 × occupancy). Styringsaftalen 5.1 (365 days, also in leap years)
 * and 5.2 (budgeted occupancy); the formula itself is implied, not printed (domain.md §3.2).
 * Rounding: once, to whole øre, half away from zero.
 */
export function dailyTariff({ budget, places, occupancy, rules }: DailyTariffInput): Ore {
  requireNonNegativeOre(budget, 'Budgettet');
  return roundToOre(budget / occupiedDays(places, occupancy, rules));
}

export interface BudgetFromTariffInput {
  tariff: Ore;
  places: number;
  occupancy: number;
  rules: RuleSet;
}

/**
 * Budget a day tariff covers = tariff × places × 365 × occupancy (the inverse of dailyTariff; Styringsaftalen 5.1,
 * 5.2). Rounding: once, to whole øre, half away from zero. Because dailyTariff rounds, the round trip returns the
 * budget only to within half an øre per occupied place-day.
 */
export function budgetFromTariff({ tariff, places, occupancy, rules }: BudgetFromTariffInput): Ore {
  requireNonNegativeOre(tariff, 'Taksten');
  return roundToOre(tariff * occupiedDays(places, occupancy, rules));
}

/**
 * Annual cost of one full-time place = day tariff × 365 (Styringsaftalen 5.1; "365 dage x 50 kr. = 18.250 kr.").
 * No rounding needed: whole øre times whole days.
 */
export function annualCostPerPlace(tariff: Ore, rules: RuleSet): Ore {
  assertOre(tariff, 'Taksten');
  return tariff * rules.daysPerYear;
}

/** A cost category of Tabel 4. Costs enter with a positive sign, income (renteindtægter) with a negative one. */
export interface CostCategory {
  readonly key: string;
  readonly label: string;
  readonly kind: 'cost' | 'income';
  readonly lines: readonly string[];
  readonly note?: string;
}

/**
 * The cost categories every tariff must be split on (Styringsaftalen 5.5.1, Tabel 4), in the table's order; the
 * order also breaks ties in splitTariff.
 */
export const COST_CATEGORIES = [
  {
    key: 'personnel',
    label: 'Personaleomkostninger',
    kind: 'cost',
    lines: ['Øverste ledelse', 'Borgerrelateret personale', 'Vikarer/vikarbureau', 'Administrativt og teknisk personale (TAP)'],
    note: 'Administrativt TAP-personale medregnes under administrationsomkostninger.',
  },
  {
    key: 'citizenRelated',
    label: 'Borgerrelaterede udgifter/aktivitetsomkostninger',
    kind: 'cost',
    lines: [
      'Tøj og lommepenge',
      'Aktiviteter, husholdning og transport',
      'Ekstern behandling/rådgivning',
      'Beskæftigelses-/værkstedsudgifter',
    ],
  },
  {
    key: 'administration',
    label: 'Administrationsomkostninger',
    kind: 'cost',
    lines: [
      'Administrationsomkostninger',
      'Administrationsbidrag/andel af central administration og ledelse (indirekte administration)',
      'Tilsynstakst',
    ],
  },
  { key: 'competenceDevelopment', label: 'Kompetenceudvikling', kind: 'cost', lines: ['Kompetenceudvikling'] },
  {
    key: 'property',
    label: 'Ejendomsomkostninger',
    kind: 'cost',
    lines: [
      'Husleje (kun lejede bygninger)',
      'Vedligehold, lejede bygninger',
      'Vedligehold, ejede bygninger',
      'Forsikringer, ejendomsskatter og forbrug',
    ],
  },
  {
    key: 'depreciation',
    label: 'Afskrivninger/øvrige kapitalapparatsomkostninger',
    kind: 'cost',
    lines: ['Bygninger', 'Andre anlæg, driftsmateriel og inventar (inkl. småanskaffelser)'],
  },
  { key: 'financialIncome', label: 'Finansieringsindtægter', kind: 'income', lines: ['Renteindtægter'] },
  {
    key: 'financialExpenses',
    label: 'Finansieringsudgifter',
    kind: 'cost',
    lines: [
      'Beregnet forrentning af kapitaludlæg – ejendom',
      'Beregnet forrentning af kapitaludlæg – øvrigt kapitalapparat',
      'Beregnet forrentning af kapitaludlæg – driftskapital',
    ],
  },
] as const satisfies readonly CostCategory[];

export type CategoryKey = (typeof COST_CATEGORIES)[number]['key'];

export interface TariffSplit {
  /** dailyTariff of the summed budget lines. */
  total: Ore;
  /** Tariff per category; the parts sum exactly to total. */
  byCategory: Record<CategoryKey, Ore>;
}

/**
 * Splits the day tariff on the Tabel 4 cost categories (Styringsaftalen 5.5.1 and 5.4.1: on request a tariff must be
 * shown split on them). Missing categories count as 0; costs must not be negative and Finansieringsindtægter not
 * positive (income lowers the tariff).
 * Rounding: the total is dailyTariff of the summed lines (whole øre, half away from zero). The parts use the
 * largest-remainder method in øre: each category's exact share is rounded down, and the øre still missing to reach
 * the total go one each to the categories with the largest remainders (ties: Tabel 4 order). So the parts always
 * sum exactly to the total, and each part is within one øre of its exact share (for any tariff below billions of
 * kroner a day, where floating point is exact enough).
 */
export function splitTariff(
  budgetLines: Partial<Record<CategoryKey, Ore>>,
  places: number,
  occupancy: number,
  rules: RuleSet,
): TariffSplit {
  const amounts = COST_CATEGORIES.map((category) => {
    const amount = budgetLines[category.key] ?? 0;
    assertOre(amount, category.label);
    if (category.kind === 'cost' && amount < 0) throw new RangeError(`${category.label} kan ikke være negative`);
    if (category.kind === 'income' && amount > 0) {
      throw new RangeError(`${category.label} skal angives med negativt fortegn (de nedsætter taksten)`);
    }
    return amount;
  });
  const budget = amounts.reduce((sum, amount) => sum + amount, 0);
  const total = dailyTariff({ budget, places, occupancy, rules });
  const divisor = occupiedDays(places, occupancy, rules);

  const exact = amounts.map((amount) => amount / divisor);
  const parts = exact.map(Math.floor);
  // Mathematically 0 ≤ missing ≤ number of categories (total is the exact sum rounded to nearest); only float noise
  // on absurdly large tariffs can push it outside, and walking the order round keeps the sum exact even then.
  let missing = total - parts.reduce((sum, part) => sum + part, 0);
  const step = missing >= 0 ? 1 : -1;
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  order.sort((a, b) => step * (b.remainder - a.remainder) || a.index - b.index);
  for (let i = 0; missing !== 0; i++, missing -= step) {
    const { index } = order[i % order.length] as { index: number };
    parts[index] = (parts[index] ?? 0) + step;
  }

  const byCategory = Object.fromEntries(COST_CATEGORIES.map((category, i) => [category.key, parts[i] ?? 0]));
  return { total, byCategory: byCategory as Record<CategoryKey, Ore> };
}
