import { danishCollator } from '../../format/collate';
import { assertOre, ORE_PER_KRONE, type Ore } from './money';

/**
 * Distribution of an amount over municipalities by a key (fordelingsnøgle), as used for objective financing
 * (Styringsaftale 4.2), for deficit coverage of new offers (NT-1) and for Socialtilsyn's plejefamilie budget
 * (domain.md §3.9).
 *
 * All arithmetic is exact: weights are read as the decimal numbers they print as (0.1 is one tenth, not the nearest
 * binary fraction) and the quotas `total × weight / Σ weights` are compared as exact fractions (BigInt), so no
 * binary noise can decide who gets the last krone.
 */

/** The weight sources the secretariat uses; the weights themselves are plain numbers per municipality. */
export type DistributionKey = 'population' | 'children0to17' | 'placeUse' | 'equal' | 'custom';

/** Danish labels for the keys (for pickers and printed tables). */
export const DISTRIBUTION_KEY_LABELS: Readonly<Record<DistributionKey, string>> = {
  population: 'Befolkningstal',
  children0to17: '0–17-årige',
  placeUse: 'Forbrug af pladser',
  equal: 'Ligelig fordeling',
  custom: 'Anden fordelingsnøgle',
};

/** The unit the parts are rounded to. */
export type DistributionUnit = 'krone' | 'øre';

export interface DistributionOptions {
  /** Whole kroner (default, as the DAS papers print) or whole øre. */
  unit?: DistributionUnit;
}

export interface Distribution {
  /** Municipality → its part in øre (a multiple of 100 when the unit is 'krone'). */
  parts: Record<string, Ore>;
  /** Municipality → its exact share `weight / Σ weights` (unrounded; the printed 2-decimal percentage is display only). */
  shares: Record<string, number>;
}

export interface IndependentRounding extends Distribution {
  /** Σ parts, which need not equal the total. */
  sum: Ore;
  /** Σ parts − total: what the printed tables are off by (e.g. +200 øre in AT-01 scenario 1). */
  residual: Ore;
}

export interface PrintedDistributionCheck {
  printedSum: Ore;
  statedTotal: Ore;
  /** printedSum − statedTotal (0 when the printed rows add up to the printed total). */
  difference: Ore;
}

/**
 * Distributes `total` over the municipalities in proportion to `weights`, by the largest-remainder (Hamilton) method:
 * every municipality gets the whole units (kroner or øre) of its exact quota `total × w / Σ w` rounded down, and the
 * units left over go one each to the largest remainders. The parts therefore always add up to exactly `total`, every
 * part is its quota rounded down or up, a municipality with weight 0 gets 0, and raising one weight never lowers that
 * municipality's part.
 *
 * Ties between equal remainders go to the larger weight, then to the name first in Danish alphabetical order (then by
 * code points), so the result never depends on the order of the keys. A negative total is distributed as its
 * magnitude and negated (symmetric), so distribute(−T) = −distribute(T).
 *
 * Source: Styringsaftale 4.2 (objective financing by population share); NT-1 deficit coverage (domain.md §3.9).
 * Rounding: once, to whole kroner (default) or whole øre, by largest remainder. The seeds instead round each part
 * independently to the nearest krone — see {@link independentRounding}.
 *
 * @throws RangeError (Danish) for no municipalities, a negative or non-finite weight, all weights 0, a total that is not
 *   whole øre, or a total that is not whole kroner when the unit is 'krone'.
 */
export function distribute(total: Ore, weights: Readonly<Record<string, number>>, options: DistributionOptions = {}): Distribution {
  const fast = distributeWholeWeights(total, weights, (options.unit ?? 'krone') === 'krone' ? ORE_PER_KRONE : 1);
  if (fast) return fast;
  const prepared = prepare(total, weights, options.unit ?? 'krone');
  const magnitude = prepared.units < 0n ? -prepared.units : prepared.units;
  const sign = prepared.units < 0n ? -1 : 1;

  const rows = prepared.rows.map((row) => {
    const numerator = magnitude * row.scaled;
    return { ...row, floor: numerator / prepared.sum, remainder: numerator % prepared.sum };
  });
  let leftover = magnitude - rows.reduce((acc, row) => acc + row.floor, 0n);
  const ranked = [...rows].sort(
    (a, b) => compareBig(b.remainder, a.remainder) || compareBig(b.scaled, a.scaled) || compareNames(a.name, b.name),
  );
  const extra = new Set<string>();
  for (const row of ranked) {
    if (leftover === 0n) break;
    extra.add(row.name);
    leftover -= 1n;
  }

  const parts: Record<string, Ore> = {};
  for (const row of rows) {
    const units = Number(row.floor + (extra.has(row.name) ? 1n : 0n));
    parts[row.name] = signed(sign, units * prepared.unitSize);
  }
  return { parts, shares: prepared.shares };
}

/**
 * The same method in plain numbers, for the common case (whole-number weights such as populations, and totals whose
 * products with the weights stay below 2^53, where doubles are exact): start-up scenarios call it many times and
 * BigInt is slow. Null when the input needs the exact path (or is invalid: that path gives the Danish message).
 */
function distributeWholeWeights(total: Ore, weights: Readonly<Record<string, number>>, unitSize: number): Distribution | null {
  const entries = Object.entries(weights);
  let sum = 0;
  for (const [, weight] of entries) {
    if (!Number.isSafeInteger(weight) || weight < 0) return null;
    sum += weight;
  }
  if (entries.length === 0 || sum === 0 || !Number.isSafeInteger(total) || total % unitSize !== 0) return null;
  const magnitude = Math.abs(total / unitSize);
  if (magnitude * sum > Number.MAX_SAFE_INTEGER) return null;
  const sign = total < 0 ? -1 : 1;
  const rows = entries.map(([name, weight]) => {
    const numerator = magnitude * weight;
    const remainder = numerator % sum;
    // (numerator − remainder) is a multiple of sum, so this division is exact.
    return { name, weight, floor: (numerator - remainder) / sum, remainder };
  });
  let leftover = magnitude - rows.reduce((acc, row) => acc + row.floor, 0);
  const ranked = [...rows].sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || compareNames(a.name, b.name));
  const extra = new Set<string>();
  for (const row of ranked) {
    if (leftover === 0) break;
    extra.add(row.name);
    leftover -= 1;
  }
  const parts: Record<string, Ore> = {};
  const shares: Record<string, number> = {};
  for (const row of rows) {
    parts[row.name] = signed(sign, (row.floor + (extra.has(row.name) ? 1 : 0)) * unitSize);
    shares[row.name] = row.weight / sum;
  }
  return { parts, shares };
}

/**
 * Reproduces how the seed tables were made: each part is `round(total × w / Σ w)` to the nearest unit on its own,
 * half away from zero, computed with the unrounded share (NT-1 `002:3227–3259`, `17018–17040`; Socialtilsyn Nord
 * `002:6007–6039`, `18866–18905`). The parts need not add up to the total; `residual` says by how much they miss.
 * Use it to prove printed tables and to show where {@link distribute} differs; never to charge anybody.
 *
 * Rounding: each part independently, to the nearest krone (or øre), half away from zero.
 */
export function independentRounding(
  total: Ore,
  weights: Readonly<Record<string, number>>,
  options: DistributionOptions = {},
): IndependentRounding {
  const prepared = prepare(total, weights, options.unit ?? 'krone');
  const magnitude = prepared.units < 0n ? -prepared.units : prepared.units;
  const sign = prepared.units < 0n ? -1 : 1;
  const parts: Record<string, Ore> = {};
  let sum = 0;
  for (const row of prepared.rows) {
    // round half away from zero of magnitude × w / W, exactly: floor((2·m·w + W) / 2W)
    const units = Number((2n * magnitude * row.scaled + prepared.sum) / (2n * prepared.sum));
    const part = signed(sign, units * prepared.unitSize);
    parts[row.name] = part;
    sum += part;
  }
  return { parts, shares: prepared.shares, sum, residual: sum - total };
}

/**
 * Checks a printed distribution table: the sum of its printed rows against the total it states. The seeds round each
 * row on their own and print the intended total, so they are typically off by a few kroner (AT-01/AT-02/AT-13:
 * "printed total = T (not the sum of rounded amounts)").
 *
 * Rounding: none (sums of integer øre).
 */
export function printedDistributionCheck(printed: Readonly<Record<string, Ore>>, statedTotal: Ore): PrintedDistributionCheck {
  assertOre(statedTotal, 'Den angivne total');
  let printedSum = 0;
  for (const [name, amount] of Object.entries(printed)) {
    assertOre(amount, `Beløbet for ${name}`);
    printedSum += amount;
  }
  return { printedSum, statedTotal, difference: printedSum - statedTotal };
}

/**
 * Equal weights (1 each) for a key that splits evenly ("ligelig fordeling").
 *
 * @throws RangeError (Danish) when no names are given or a name occurs twice.
 */
export function equalWeights(names: readonly string[]): Record<string, number> {
  if (names.length === 0) throw new RangeError('Der skal være mindst én kommune at fordele på');
  const weights: Record<string, number> = {};
  for (const name of names) {
    if (Object.hasOwn(weights, name)) throw new RangeError(`${name} står mere end én gang i fordelingen`);
    weights[name] = 1;
  }
  return weights;
}

// ---------------------------------------------------------------------------------------------------------------

interface PreparedRow {
  name: string;
  /** The weight as an integer on the common decimal scale. */
  scaled: bigint;
}

interface Prepared {
  /** The total in units (kroner or øre), signed. */
  units: bigint;
  unitSize: number;
  rows: PreparedRow[];
  /** Σ scaled weights (> 0). */
  sum: bigint;
  shares: Record<string, number>;
}

function prepare(total: Ore, weights: Readonly<Record<string, number>>, unit: DistributionUnit): Prepared {
  assertOre(total, 'Beløbet, der skal fordeles,');
  const unitSize = unit === 'krone' ? ORE_PER_KRONE : 1;
  if (total % unitSize !== 0) {
    throw new RangeError('Beløbet skal være i hele kroner, når der fordeles i hele kroner');
  }
  const entries = Object.entries(weights);
  if (entries.length === 0) throw new RangeError('Der skal være mindst én kommune at fordele på');

  const decimals = entries.map(([name, weight]) => {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Fordelingsnøglen for ${name} skal være et tal på 0 eller derover (fik ${String(weight)})`);
    }
    return { name, ...toDecimal(weight) };
  });
  const minExponent = Math.min(...decimals.map((d) => d.exponent));
  const rows = decimals.map((d) => ({ name: d.name, scaled: d.digits * 10n ** BigInt(d.exponent - minExponent) }));
  const sum = rows.reduce((acc, row) => acc + row.scaled, 0n);
  if (sum === 0n) throw new RangeError('Fordelingsnøglen er 0 for alle kommuner, så beløbet kan ikke fordeles');

  const floatSum = entries.reduce((acc, [, weight]) => acc + weight, 0);
  const shares: Record<string, number> = {};
  for (const [name, weight] of entries) shares[name] = weight / floatSum;
  return { units: BigInt(total / unitSize), unitSize, rows, sum, shares };
}

/** A finite non-negative number as digits × 10^exponent, read from its shortest printed form (0.1 → 1 × 10^−1). */
function toDecimal(value: number): { digits: bigint; exponent: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(String(value));
  if (!match) throw new RangeError(`Fordelingsnøglen kan ikke læses som et tal: ${String(value)}`);
  const [, whole = '0', fraction = '', exp = '0'] = match;
  return { digits: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

const compareBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function compareNames(a: string, b: string): number {
  return danishCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Applies the sign without ever producing −0. */
const signed = (sign: number, magnitude: number): number => (magnitude === 0 ? 0 : sign * magnitude);
