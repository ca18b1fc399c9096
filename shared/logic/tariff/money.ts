/**
 * Money in the tariff engine: integer øre in a JavaScript number (exact up to 90 billion kroner, far beyond any
 * offer's budget). Every rule rounds once, at its end, and says how; intermediate values stay exact fractions of
 * integers or unrounded numbers until then.
 */
export type Ore = number;

export const ORE_PER_KRONE = 100;

/** Whole øre from kroner as typed or printed (e.g. 335.78 → 33 578); half away from zero. */
export const kroner = (kr: number): Ore => roundHalfAwayFromZero(kr * ORE_PER_KRONE);

/** Kroner for display and JSON (two decimals, exact for integer øre). */
export const toKroner = (ore: Ore): number => ore / ORE_PER_KRONE;

/** The rounding Danish budgets print with: half away from zero (2,5 → 3; −2,5 → −3). */
export function roundHalfAwayFromZero(x: number): number {
  // Nudge by a relative epsilon so 0.5 produced by binary noise (e.g. 1.005 * 100) rounds as written.
  const nudged = x + Math.sign(x) * Math.abs(x) * Number.EPSILON * 4;
  return Math.sign(nudged) * Math.round(Math.abs(nudged));
}

/** Rounds øre to whole kroner (still in øre), half away from zero. */
export const toWholeKroner = (ore: Ore): Ore => roundHalfAwayFromZero(ore / ORE_PER_KRONE) * ORE_PER_KRONE;

export function assertOre(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} skal være et helt antal øre`);
}
