import { formatKroner, formatNumber } from '../../format/numbers';
import { distribute, type DistributionUnit } from './distribution';

import { assertOre, ORE_PER_KRONE, roundHalfAwayFromZero, type Ore } from './money';
import { type RuleSet } from './rule-set';

/**
 * Start-up scenarios for a new offer (NT-1, domain.md §3.4 and AT-01 … AT-04): establishment and start-up costs plus
 * the operating deficits of the ramp-up years, split between the Region and the municipalities, and the municipal
 * part distributed by a key (population in NT-1, "principperne for objektiv finansiering").
 */

export type StartupRules = Pick<RuleSet, 'daysPerYear'>;

export interface StartupYear {
  year: number;
  /** Occupied share of the places in that year, 0 … 1 (NT-1: 0,5 / 0,7 / 0,8 / 1 = "fuld"). */
  occupancy: number;
}

export interface StartupSplit {
  /** The Region's share, 0 … 1 (NT-1 v1: 0; v2: 0,25). The municipalities carry the rest. */
  regionShare: number;
  /** The municipal key: municipality → weight (population, 0–17-year-olds, …). */
  municipalities: Readonly<Record<string, number>>;
  /** Unit of all split amounts; whole kroner by default, as the DAS papers print. */
  unit?: DistributionUnit;
}

export interface StartupScenarioInput {
  name?: string;
  /** Number of places at full operation. */
  places: number;
  /** The operating years of the ramp-up, strictly increasing. */
  years: readonly StartupYear[];
  /** Establishment and start-up costs (etablering/opstart), before the first operating year. */
  startupCosts: Ore;
  /** Operating budget at full operation (all places occupied). */
  fullOperationBudget: Ore;
  /**
   * Fixed share of the full-operation budget (0 … 1): cost(occupancy) = fixed + variable × occupancy, with
   * fixed = fixedShare × budget and variable = (1 − fixedShare) × budget. Give either this or `deficits`.
   */
  fixedShare?: number;
  /** The operating deficit of each year as entered (one per year, ≥ 0). Give either this or `fixedShare`. */
  deficits?: readonly Ore[];
  /**
   * Tariff per place and day (døgntakst). Without it revenue = budget × occupancy, i.e. a tariff that covers the
   * full-operation budget at full occupancy; with a fixed share the deficit is then fixed × (1 − occupancy).
   */
  dailyTariff?: Ore;
  split: StartupSplit;
  /** The agreement's rules (365 days a year in the Styringsaftale 2022). */
  rules: StartupRules;
}

export interface StartupSplitRow {
  /** The amount to cover (start-up costs or the year's deficit). */
  amount: Ore;
  regionPart: Ore;
  municipalPart: Ore;
  /** Municipality → part of `municipalPart`; adds up to it exactly. */
  perMunicipality: Record<string, Ore>;
}

export interface StartupYearRow extends StartupSplitRow {
  year: number;
  occupancy: number;
  /** Tariff revenue at that occupancy (whole øre). */
  revenue: Ore;
  /** Operating cost at that occupancy (whole øre); null when the deficits were entered. */
  cost: Ore | null;
  /** The operating deficit covered (= amount). */
  deficit: Ore;
}

export interface StartupScenarioResult {
  name?: string;
  startup: StartupSplitRow;
  years: StartupYearRow[];
  totals: StartupSplitRow & {
    startupCosts: Ore;
    /** Σ operating deficits, without start-up costs (the NT-1 text's "Samlet set ca. 5,8 / 7,8 mio."). */
    operatingDeficit: Ore;
    /** Each municipality's exact key share. */
    shares: Record<string, number>;
  };
}

/**
 * Computes a start-up scenario:
 * - per operating year: revenue = døgntakst × places × occupancy × 365 (or budget × occupancy without a tariff);
 *   with a fixed share, cost = fixed + variable × occupancy and deficit = max(0, cost − revenue); otherwise the
 *   entered deficit;
 * - every amount (start-up costs, each year's deficit) is split: Region = regionShare × amount, municipalities the
 *   rest, distributed by the key with {@link distribute} (largest remainder);
 * - scenario totals: start-up costs + Σ deficits, split and distributed the same way.
 *
 * Rounding: revenue and cost are shown rounded to whole øre; a computed deficit is rounded once to the split unit
 * (whole kroner by default), half away from zero. Entered amounts must already be whole units. The split is made on
 * running totals — Region part = round(share × running total) to the unit, half away from zero, and the municipal
 * running total distributed by largest remainder — and each row is the difference of consecutive running totals. So
 * the totals are exactly the split of the scenario total (as NT-1 computes it), every row adds up to its amount, and
 * every column adds up to its total. The price: a row's part may differ by 1 kr. from that row split on its own (and a
 * municipality whose share of a row is under 1 kr. can get −1 kr. in it).
 *
 * @throws RangeError (Danish) for no years, years not strictly increasing, an occupancy or share outside 0 … 1, both
 *   or neither of fixedShare and deficits, a deficit count that does not match the years, negative amounts, amounts
 *   that are not whole units, and anything {@link distribute} rejects.
 */
export function startupScenario(input: StartupScenarioInput): StartupScenarioResult {
  const rules = input.rules;
  const unit = input.split.unit ?? 'krone';
  const unitSize = unit === 'krone' ? ORE_PER_KRONE : 1;
  validate(input, unitSize);

  const days = rules.daysPerYear;
  const budget = input.fullOperationBudget;
  const yearRows = input.years.map((y, i) => {
    const exactRevenue =
      input.dailyTariff === undefined ? budget * y.occupancy : input.dailyTariff * input.places * y.occupancy * days;
    if (input.fixedShare !== undefined) {
      const fixedShare = input.fixedShare;
      const exactCost = budget * fixedShare + budget * (1 - fixedShare) * y.occupancy;
      const deficit = Math.max(0, roundHalfAwayFromZero((exactCost - exactRevenue) / unitSize) * unitSize);
      return { year: y.year, occupancy: y.occupancy, revenue: roundHalfAwayFromZero(exactRevenue), cost: roundHalfAwayFromZero(exactCost), deficit };
    }
    const deficit = input.deficits?.[i] ?? 0;
    return { year: y.year, occupancy: y.occupancy, revenue: roundHalfAwayFromZero(exactRevenue), cost: null, deficit };
  });

  const amounts = [input.startupCosts, ...yearRows.map((r) => r.deficit)];
  const { split } = input;
  let running = 0;
  let previous = { region: 0, parts: zeroParts(split.municipalities) };
  const rows: StartupSplitRow[] = [];
  let cumulative = previous;
  for (const amount of amounts) {
    running += amount;
    const region = roundHalfAwayFromZero((split.regionShare * running) / unitSize) * unitSize;
    cumulative = { region, parts: distribute(running - region, split.municipalities, { unit }).parts };
    const perMunicipality: Record<string, Ore> = {};
    for (const name of Object.keys(split.municipalities)) {
      perMunicipality[name] = (cumulative.parts[name] ?? 0) - (previous.parts[name] ?? 0);
    }
    const regionPart = cumulative.region - previous.region;
    rows.push({ amount, regionPart, municipalPart: amount - regionPart, perMunicipality });
    previous = cumulative;
  }

  const [startup, ...perYear] = rows as [StartupSplitRow, ...StartupSplitRow[]];
  const operatingDeficit = yearRows.reduce((acc, r) => acc + r.deficit, 0);
  const result: StartupScenarioResult = {
    startup,
    years: yearRows.map((r, i) => ({ ...r, ...(perYear[i] as StartupSplitRow) })),
    totals: {
      startupCosts: input.startupCosts,
      operatingDeficit,
      amount: running,
      regionPart: cumulative.region,
      municipalPart: running - cumulative.region,
      perMunicipality: cumulative.parts,
      shares: distribute(0, split.municipalities, { unit }).shares,
    },
  };
  if (input.name !== undefined) result.name = input.name;
  return result;
}

function validate(input: StartupScenarioInput, unitSize: number): void {
  if (!Number.isInteger(input.places) || input.places <= 0) {
    throw new RangeError(`Antal pladser skal være et helt tal større end 0 (fik ${formatNumber(input.places)})`);
  }
  if (input.years.length === 0) throw new RangeError('Scenariet skal have mindst ét driftsår');
  input.years.forEach((y, i) => {
    if (!Number.isInteger(y.year)) throw new RangeError(`Driftsåret skal være et helt årstal (fik ${y.year})`);
    const before = input.years[i - 1];
    if (before && y.year <= before.year) {
      throw new RangeError(`Driftsårene skal være i stigende rækkefølge uden gentagelser (${y.year} kommer efter ${before.year})`);
    }
    requireFraction(y.occupancy, `Belægningen i ${y.year}`);
  });
  requireWholeUnits(input.startupCosts, 'Etablerings- og opstartsudgifterne', unitSize);
  assertOre(input.fullOperationBudget, 'Budgettet ved fuld drift');
  if (input.fullOperationBudget < 0) throw new RangeError(`Budgettet ved fuld drift kan ikke være negativt (fik ${formatKroner(input.fullOperationBudget)})`);
  if (input.dailyTariff !== undefined) {
    assertOre(input.dailyTariff, 'Døgntaksten');
    if (input.dailyTariff < 0) throw new RangeError(`Døgntaksten kan ikke være negativ (fik ${formatKroner(input.dailyTariff)})`);
  }
  const hasFixed = input.fixedShare !== undefined;
  const hasDeficits = input.deficits !== undefined;
  if (hasFixed === hasDeficits) {
    throw new RangeError('Angiv enten den faste andel af budgettet eller underskuddet for hvert driftsår – ikke begge og ikke ingen af dem');
  }
  if (input.fixedShare !== undefined) requireFraction(input.fixedShare, 'Den faste andel af budgettet');
  if (input.deficits !== undefined) {
    if (input.deficits.length !== input.years.length) {
      throw new RangeError(`Der er angivet ${input.deficits.length} underskud til ${input.years.length} driftsår; angiv ét for hvert år`);
    }
    input.deficits.forEach((d, i) => requireWholeUnits(d, `Underskuddet i ${input.years[i]?.year}`, unitSize));
  }
  requireFraction(input.split.regionShare, 'Regionens andel');
}

function requireWholeUnits(amount: Ore, what: string, unitSize: number): void {
  assertOre(amount, what);
  if (amount < 0) throw new RangeError(`${what} kan ikke være under 0 kr. (fik ${formatKroner(amount)})`);
  if (amount % unitSize !== 0) throw new RangeError(`${what} skal være i hele kroner (fik ${formatKroner(amount)})`);
}

function requireFraction(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${what} skal være mellem 0 og 100 % (fik ${Number.isFinite(value) ? `${value * 100} %` : String(value)})`);
  }
}

function zeroParts(weights: Readonly<Record<string, number>>): Record<string, Ore> {
  return Object.fromEntries(Object.keys(weights).map((name) => [name, 0]));
}
