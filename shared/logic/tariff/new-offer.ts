import { formatKroner } from '../../format/numbers';

import { assertOre, type Ore } from './money';
import { type RuleSet } from './rule-set';

export type NewOfferRules = Pick<RuleSet, 'newOfferLossWriteOffYears'>;

export interface LossWriteOffOptions {
  /**
   * The first tariff year to carry a share. Defaults to the year after the first operating year ("the three following
   * tariff years", domain.md §3.4); the Styringsaftale does not fix the timing (domain.md §8 item 16), so a caller
   * that follows the Y + 2 lag of 5.3 passes firstYear + 2.
   */
  firstTariffYear?: number;
  /** The agreement's rules (3 years in the Styringsaftale 2022). */
  rules: NewOfferRules;
}

export interface LossWriteOffShare {
  tariffYear: number;
  /** Addition to that year's tariff base, in øre (≥ 0). */
  amount: Ore;
}

/**
 * A new offer's operating loss of its first operating year, written off over three tariff years instead of one
 * (Styringsaftale 6.1.2, "over en årrække på tre år frem for normalt et år", `002:18240`): each year carries a third.
 *
 * Rounding: once, to whole øre, by largest remainder — the thirds are rounded down and the one or two øre left over go
 * to the earliest years — so the shares always add up to exactly the loss.
 *
 * @throws RangeError (Danish) for a loss that is negative or not whole øre, or years that are not integers.
 */
export function firstYearLossWriteOff(loss: Ore, firstYear: number, options: LossWriteOffOptions): LossWriteOffShare[] {
  const rules = options.rules;
  assertOre(loss, 'Underskuddet i første driftsår');
  if (loss < 0) {
    throw new RangeError(`Underskuddet i første driftsår angives som et positivt beløb (fik ${formatKroner(loss)})`);
  }
  if (!Number.isInteger(firstYear)) throw new RangeError(`Første driftsår skal være et helt årstal (fik ${firstYear})`);
  const start = options.firstTariffYear ?? firstYear + 1;
  if (!Number.isInteger(start) || start <= firstYear) {
    throw new RangeError(`Afskrivningen kan tidligst begynde året efter første driftsår (${firstYear + 1}); fik ${start}`);
  }
  const count = rules.newOfferLossWriteOffYears;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Antal afskrivningsår skal være et helt tal over 0 (fik ${count})`);

  const base = Math.floor(loss / count);
  const leftover = loss - base * count;
  return Array.from({ length: count }, (_, i) => ({ tariffYear: start + i, amount: base + (i < leftover ? 1 : 0) }));
}
