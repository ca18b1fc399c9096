import { formatKroner } from '../../format/numbers';
import { distribute, type Distribution, type DistributionUnit } from './distribution';
import { requirePositive } from './guards';
import { assertOre, ORE_PER_KRONE, roundHalfAwayFromZero, type Ore } from './money';

/**
 * Objective financing (objektiv finansiering), Styringsaftale 4.2 (domain.md §3.9): a budget paid by the
 * municipalities by a key instead of by use — e.g. Socialtilsyn Nord's plejefamilie department, paid by the number
 * of 0–17-year-olds (Danmarks Statistik, 2nd quarter of the year before the budget year) in its coverage area
 * (`002:18859–18862`; AT-12, AT-13).
 */

export interface ObjectiveFinancingInput {
  /** The amount to finance (whole kroner when distributing in kroner). */
  budget: Ore;
  /** Municipality → key value (e.g. 0–17-year-olds). */
  weights: Readonly<Record<string, number>>;
  /**
   * The municipalities that pay (the coverage area, e.g. Socialtilsyn Nord: ten North Jutland municipalities without
   * Hjørring, plus Silkeborg). Without it every municipality in `weights` pays.
   */
  coverageArea?: readonly string[];
  unit?: DistributionUnit;
}

/**
 * Distributes an objectively financed budget over the coverage area by the key, with {@link distribute}: the parts
 * add up to the budget exactly.
 *
 * Rounding: once, to whole kroner (default) by largest remainder — the seed tables round each municipality on its own
 * to the nearest krone, which matches this except where their rows do not add up to their total (AT-13).
 *
 * @throws RangeError (Danish) for a municipality of the coverage area without a key value, and anything
 *   {@link distribute} rejects.
 */
export function objectiveFinancing(input: ObjectiveFinancingInput): Distribution {
  let weights = input.weights;
  if (input.coverageArea) {
    const picked: Record<string, number> = {};
    for (const name of input.coverageArea) {
      const weight = input.weights[name];
      if (weight === undefined) throw new RangeError(`Fordelingsnøglen mangler et tal for ${name}`);
      picked[name] = weight;
    }
    weights = picked;
  }
  return distribute(input.budget, weights, input.unit ? { unit: input.unit } : {});
}

/**
 * The average price per unit of a budget, e.g. per foster family: total / units (Socialtilsyn Nord 2022:
 * 18.745.427 kr. / 1.070 = 17.519 kr.).
 *
 * Rounding: once, to whole kroner, half away from zero, as printed.
 *
 * @throws RangeError (Danish) for a total not in whole øre or a number of units of 0 or less.
 */
export function averagePerUnit(total: Ore, units: number): Ore {
  assertOre(total, 'Budgettet');
  requirePositive(units, 'Antallet');
  const average = roundHalfAwayFromZero(total / units / ORE_PER_KRONE) * ORE_PER_KRONE;
  if (!Number.isSafeInteger(average)) throw new RangeError(`Gennemsnittet kan ikke beregnes for ${formatKroner(total)}`);
  return average;
}
