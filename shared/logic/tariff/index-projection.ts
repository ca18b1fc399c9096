import { roundToOre } from './guards';
import { assertOre, toWholeKroner, type Ore } from './money';

/**
 * Price and wage index factors (pris- og lønfremskrivning), keyed by the year they lead into: factors[2022] turns
 * 2021 prices into 2022 prices. The Styringsaftale prints no index; these are derived from the sources
 * (domain.md §3.14) and are data, to be extended as the secretariat learns the official KL/Danske Regioner rates.
 */
export type IndexFactors = Readonly<Record<number, number>>;

export const PRICE_WAGE_FACTORS: IndexFactors = Object.freeze({
  // Socialtilsyn Nord budget 2021 restated "i 2022 priser": 34.370 t.kr. → 34.951.021 kr. (the same factor for
  // objective financing 19.180 → 19.504.196 and fees 15.190 → 15.446.825), rounded to 4 decimals.
  2022: 1.0169,
});

function factorInto(year: number, factors: IndexFactors): number {
  const factor = factors[year];
  if (factor === undefined) throw new RangeError(`Der mangler en pris- og lønfremskrivningsfaktor fra ${year - 1} til ${year}`);
  if (!Number.isFinite(factor) || factor <= 0) throw new RangeError(`Fremskrivningsfaktoren for ${year} skal være større end 0`);
  return factor;
}

/**
 * Restates an amount from fromYear's price level to toYear's by compounding the yearly factors (dividing when
 * going back in time). Rounding: once, at the end, to whole kroner (half away from zero) — also when the years are
 * equal, so the result always has the precision budgets are stated in.
 */
export function projectBudget(amount: Ore, fromYear: number, toYear: number, factors: IndexFactors = PRICE_WAGE_FACTORS): Ore {
  assertOre(amount, 'Beløbet');
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear)) throw new RangeError('Årstallene skal være hele år');
  let factor = 1;
  for (let year = fromYear + 1; year <= toYear; year++) factor *= factorInto(year, factors);
  for (let year = fromYear; year > toYear; year--) factor /= factorInto(year, factors);
  return roundToOre(toWholeKroner(amount * factor)); // already whole kroner; roundToOre refuses absurd sizes
}
