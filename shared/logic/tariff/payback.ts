import { formatKroner, formatPercent } from '../../format/numbers';
import { requirePositive } from './guards';
import { assertOre, ORE_PER_KRONE, roundHalfAwayFromZero, type Ore } from './money';
import { type RuleSet } from './rule-set';

/**
 * A tariff increase that repays an investment (Svenstrupgård, FU 15.5.2020 and DAS, `002:1445–1524`; domain.md
 * §3.10). The model the papers imply (linear, no interest): amount = increase × 365 × occupied places × years.
 */

export type PaybackRules = Pick<RuleSet, 'daysPerYear' | 'refusion'>;

export interface PaybackYearsInput {
  /** The amount to repay. */
  amount: Ore;
  /** The tariff increase per place and day (døgn). */
  increase: Ore;
  /** Occupied places on average (full-time residents); need not be whole. */
  places: number;
  /** Days per year; defaults to the rule set's 365 ("også i skudår", 5.1). */
  days?: number;
  rules: PaybackRules;
}

export interface PaybackYears {
  /** amount / (increase × days × places), unrounded (Svenstrupgård: 14,41). */
  exactYears: number;
  /** Rounded to the nearest whole year, half up, as the papers do ("14 år"). */
  years: number;
  /** Whole years needed to repay in full (rounded up: 15 for Svenstrupgård). */
  yearsToRepayFully: number;
  /** Repaid per year: increase × days × places, whole øre. */
  annualRepayment: Ore;
}

/**
 * How many years a tariff increase takes to repay an amount: amount / (increase × 365 × places).
 *
 * Rounding: `exactYears` unrounded; `years` to the nearest whole year (half up) as printed; `yearsToRepayFully` up;
 * `annualRepayment` to whole øre, half away from zero.
 *
 * @throws RangeError (Danish) for a negative amount, an increase or places of 0 or less, or amounts not in whole øre.
 */
export function paybackYears(input: PaybackYearsInput): PaybackYears {
  const days = input.days ?? input.rules.daysPerYear;
  requireAmount(input.amount);
  assertOre(input.increase, 'Takststigningen');
  requirePositive(input.increase, 'Takststigningen pr. døgn');
  requirePositive(input.places, 'Antal belagte pladser');
  requirePositive(days, 'Antal dage om året');
  const annual = input.increase * days * input.places;
  const exactYears = input.amount / annual;
  return {
    exactYears,
    years: Math.round(exactYears),
    yearsToRepayFully: Math.ceil(exactYears - 1e-9),
    annualRepayment: roundHalfAwayFromZero(annual),
  };
}

export interface PaybackIncreaseInput {
  amount: Ore;
  /** Years to repay over. */
  years: number;
  /** Occupied places on average (full-time residents). */
  places: number;
  days?: number;
  rules: PaybackRules;
}

export interface PaybackIncrease {
  /** amount / (years × days × places) in øre, unrounded (Svenstrupgård: 14.411,8 øre = 144,12 kr.). */
  exactIncrease: number;
  /** Rounded to whole kroner (in øre), half away from zero, as tariffs and the papers state it ("144 kr."). */
  increase: Ore;
  /** Rounded up to whole kroner: the smallest whole-krone increase that repays in full (145 kr.). */
  fullyRepayingIncrease: Ore;
}

/**
 * The tariff increase per day that repays an amount over a number of years: amount / (years × 365 × places).
 *
 * Rounding: `exactIncrease` unrounded; `increase` to whole kroner, half away from zero; `fullyRepayingIncrease` up to
 * whole kroner.
 *
 * @throws RangeError (Danish) for a negative amount or years/places of 0 or less.
 */
export function paybackIncrease(input: PaybackIncreaseInput): PaybackIncrease {
  const days = input.days ?? input.rules.daysPerYear;
  requireAmount(input.amount);
  requirePositive(input.years, 'Antal år');
  requirePositive(input.places, 'Antal belagte pladser');
  requirePositive(days, 'Antal dage om året');
  const exactIncrease = input.amount / (input.years * days * input.places);
  return {
    exactIncrease,
    increase: roundHalfAwayFromZero(exactIncrease / ORE_PER_KRONE) * ORE_PER_KRONE,
    fullyRepayingIncrease: Math.ceil(exactIncrease / ORE_PER_KRONE - 1e-9) * ORE_PER_KRONE,
  };
}

export interface ImpliedPlacesInput {
  amount: Ore;
  increase: Ore;
  years: number;
  days?: number;
  rules: PaybackRules;
}

/**
 * The occupied places a plan implies: amount / (increase × 365 × years) (Svenstrupgård's first plan: 6,8 mio. kr. at
 * 50 kr. over 5 years → 74,5 full-time residents). Unrounded. Inference, not printed (domain.md §3.10).
 */
export function impliedPlaces(input: ImpliedPlacesInput): number {
  const days = input.days ?? input.rules.daysPerYear;
  requireAmount(input.amount);
  requirePositive(input.increase, 'Takststigningen pr. døgn');
  requirePositive(input.years, 'Antal år');
  requirePositive(days, 'Antal dage om året');
  return input.amount / (input.increase * days * input.years);
}

export interface PerResidentYearCostOptions {
  /** Share refunded to the paying municipality; defaults to the forsorgshjem refusion (50 %). */
  refundShare?: number;
  days?: number;
  rules: PaybackRules;
}

export interface PerResidentYearCost {
  /** increase × 365: the cost of a full-time resident for a year (50 kr. → 18.250 kr.). */
  gross: Ore;
  /** The refund (refusion). */
  refund: Ore;
  /** gross − refund (50 kr. → 9.125 kr.). */
  net: Ore;
}

/**
 * What a tariff increase costs the paying municipality per full-time resident and year: increase × 365, and after
 * the 50 % refusion forsorgshjem stays give (Serviceloven; `002:1506–1517`).
 *
 * Rounding: the refund once, to whole øre, half away from zero; gross and net are exact.
 *
 * @throws RangeError (Danish) for an increase not in whole øre or a refund share outside 0 … 1.
 */
export function perResidentYearCost(increase: Ore, options: PerResidentYearCostOptions): PerResidentYearCost {
  const rules = options.rules;
  const days = options.days ?? rules.daysPerYear;
  const refundShare = options.refundShare ?? rules.refusion.forsorgshjemRate;
  assertOre(increase, 'Takststigningen');
  requirePositive(days, 'Antal dage om året');
  if (!Number.isFinite(refundShare) || refundShare < 0 || refundShare > 1) {
    throw new RangeError(`Refusionsandelen skal være mellem 0 og 100 % (fik ${formatPercent(refundShare, 0)})`);
  }
  const gross = increase * days;
  const refund = roundHalfAwayFromZero(gross * refundShare);
  return { gross, refund, net: gross - refund };
}

function requireAmount(amount: Ore): void {
  assertOre(amount, 'Beløbet, der skal tilbagebetales,');
  if (amount < 0) throw new RangeError(`Beløbet, der skal tilbagebetales, kan ikke være negativt (fik ${formatKroner(amount)})`);
}
