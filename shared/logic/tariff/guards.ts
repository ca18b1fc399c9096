import { formatKroner, formatNumber, formatPercent } from '../../format/numbers';
import { assertOre, roundHalfAwayFromZero, type Ore } from './money';

/*
 * Input checks shared by the tariff rules. The messages are Danish because callers show
 * them to users as they are.
 */

/** Whole øre, not negative. */
export function requireNonNegativeOre(value: number, what: string): void {
  assertOre(value, what);
  if (value < 0) throw new RangeError(`${what} kan ikke være negativ (fik ${formatKroner(value)})`);
}

export function requirePositive(value: number, what: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${what} skal være større end 0 (fik ${formatNumber(value)})`);
}

export function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} kan ikke være negativ (fik ${formatNumber(value)})`);
}

/** A budgeted occupancy: above 0 and at most 100 % (a tariff cannot be set for an empty or over-full offer). */
export function requireOccupancy(occupancy: number): void {
  if (!Number.isFinite(occupancy) || occupancy <= 0 || occupancy > 1) {
    const shown = Number.isFinite(occupancy) ? formatPercent(occupancy, 1) : String(occupancy);
    throw new RangeError(`Belægningsprocenten skal være større end 0 % og højst 100 % (fik ${shown})`);
  }
}

/**
 * The one rounding of a rule: to whole øre, half away from zero; refuses results too large to be exact in øre
 * (only absurd input gets there, e.g. a near-zero occupancy).
 */
export function roundToOre(value: number): Ore {
  const rounded = roundHalfAwayFromZero(value);
  if (!Number.isSafeInteger(rounded)) throw new RangeError('Resultatet er for stort til at kunne beregnes præcist i øre');
  return rounded;
}
