import { formatKroner } from '../../format/numbers';
import { requireNonNegativeOre } from './guards';
import { assertOre, type Ore } from './money';

export interface BudgetLine {
  label: string;
  amount: Ore;
}

export interface BudgetCheckWarning {
  /** Sum of the lines. */
  computedTotal: Ore;
  statedTotal: Ore;
  /** computedTotal − statedTotal (AT-06 v1: +830.000 kr.). */
  difference: Ore;
  /** Danish, for the user. */
  message: string;
}

/**
 * Checks that budget lines add up to the total printed with them (sources often disagree, domain.md AT-06 and §8).
 * Returns null when |sum − stated| ≤ tolerance (default 0 øre: exact), otherwise a Danish warning with the
 * difference. No rounding: sums of whole øre are exact; pass a tolerance for totals printed in "mio. kr.".
 */
export function checkBudgetLines(lines: readonly BudgetLine[], statedTotal: Ore, tolerance: Ore = 0): BudgetCheckWarning | null {
  for (const line of lines) assertOre(line.amount, `Budgetlinjen "${line.label}"`);
  assertOre(statedTotal, 'Det angivne total');
  requireNonNegativeOre(tolerance, 'Tolerancen');
  const computedTotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const difference = computedTotal - statedTotal;
  if (Math.abs(difference) <= tolerance) return null;
  const direction = difference > 0 ? 'mere' : 'mindre';
  return {
    computedTotal,
    statedTotal,
    difference,
    message: `Budgetlinjerne summerer til ${formatKroner(computedTotal)}, men totalen er angivet til ${formatKroner(statedTotal)}: linjerne er ${formatKroner(Math.abs(difference))} ${direction} end totalen.`,
  };
}
