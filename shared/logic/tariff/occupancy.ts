import { formatPercent } from '../../format/numbers';
import { requireNonNegative, requirePositive } from './guards';
import { type RuleSet } from './rule-set';

/*
 * Budgeted occupancy (belægningsprocent), Styringsaftalen 5.2 and 6.1.2. Occupancies are fractions and are not
 * rounded: they divide budgets, and rounding them first would move the tariff. Round only for display.
 */

/**
 * Method 1 of 5.2: the average of the two preceding years' actual occupancy, b(Y) = (a(Y−1) + a(Y−2)) / 2.
 * Actual occupancy may exceed 100 % (temporary over-occupancy, 6.3.1), so values above 1 are accepted;
 * occupancyWarnings flags an average above 100 %. Not rounded.
 */
export function averageOfTwoPreviousYears(a1: number, a2: number): number {
  requireNonNegative(a1, 'Den faktiske belægning');
  requireNonNegative(a2, 'Den faktiske belægning');
  return (a1 + a2) / 2;
}

export type OfferKind = 'normal' | 'short-stay';

export interface OccupancyWarning {
  /** 'warning': outside what 5.2 expects; 'hint': allowed but outside the recommended band. */
  severity: 'warning' | 'hint';
  message: string;
}

/**
 * Checks a budgeted occupancy against Styringsaftalen 5.2: day and residential offers ('normal') are expected at
 * 95–100 % and recommended at 95–98 %; short-stay, acute and respite offers ('short-stay') need at least 90 %.
 * Returns Danish notes for the user (empty when all is well); a hint is only given when no warning is.
 * A new offer may budget lower in its first year (6.1.2), so the caller may show these as advice only.
 */
export function occupancyWarnings(occupancy: number, kind: OfferKind, rules: RuleSet): OccupancyWarning[] {
  requirePositive(occupancy, 'Belægningsprocenten');
  const { normal, recommended, shortStay } = rules.occupancyBand;
  const shown = formatPercent(occupancy, 1);
  const max = normal.max;
  if (occupancy > max) {
    return [{ severity: 'warning', message: `Budgetteret belægning på ${shown} er over ${formatPercent(max, 0)} (Styringsaftalen 5.2).` }];
  }
  if (kind === 'short-stay') {
    if (occupancy >= shortStay.min) return [];
    return [
      {
        severity: 'warning',
        message: `Budgetteret belægning på ${shown} er under minimum ${formatPercent(shortStay.min, 0)} for korttids-, akut- og aflastningstilbud (Styringsaftalen 5.2).`,
      },
    ];
  }
  const band = `${formatPercent(normal.min, 0)}–${formatPercent(normal.max, 0)}`;
  if (occupancy < normal.min) {
    return [
      {
        severity: 'warning',
        message: `Budgetteret belægning på ${shown} ligger uden for det forventede interval ${band} for dag- og døgntilbud (Styringsaftalen 5.2).`,
      },
    ];
  }
  if (occupancy < recommended.min || occupancy > recommended.max) {
    const rec = `${formatPercent(recommended.min, 0)}–${formatPercent(recommended.max, 0)}`;
    return [{ severity: 'hint', message: `Budgetteret belægning på ${shown} ligger uden for det anbefalede interval ${rec} (Styringsaftalen 5.2).` }];
  }
  return [];
}

/**
 * A new offer's first-year occupancy = expected residents ÷ places (Styringsaftalen 6.1.2: budget the expected
 * occupancy in the first operating year). Not rounded. The Styringsaftale's own example (AT-09: 8 of 12 places)
 * prints 75 %; the right value is 66,7 %.
 */
export function newOfferFirstYearOccupancy(expectedResidents: number, places: number): number {
  requirePositive(places, 'Antal pladser');
  requirePositive(expectedResidents, 'Forventet antal beboere');
  if (expectedResidents > places) {
    throw new RangeError(`Forventet antal beboere (${expectedResidents}) kan ikke være større end antal pladser (${places})`);
  }
  return expectedResidents / places;
}

export interface PrintedComparison {
  computed: number;
  printed: number;
  /** printed − computed, as a fraction (0.0833 = 8,3 procentpoint). */
  difference: number;
  /** True when the computed value, rounded as the printed one was, equals it. */
  matches: boolean;
  /** Danish explanation for the UI, or null when it matches. */
  message: string | null;
}

/**
 * Compares a computed occupancy with the value printed in a document. The printed value counts as right when the
 * computed value rounds to it at the printed precision (decimals of a percent, default 1: "66,7 %").
 */
export function compareOccupancyWithPrinted(computed: number, printed: number, decimals = 1): PrintedComparison {
  const scale = 10 ** decimals;
  const asPrinted = (fraction: number) => Math.round(fraction * 100 * scale);
  const matches = asPrinted(computed) === asPrinted(printed);
  const difference = printed - computed;
  const message = matches
    ? null
    : `Den trykte belægning på ${formatPercent(printed, decimals)} stemmer ikke med den beregnede ${formatPercent(computed, decimals)} (forskel ${formatPercent(difference, decimals).replace('%', 'procentpoint')}).`;
  return { computed, printed, difference, matches, message };
}
