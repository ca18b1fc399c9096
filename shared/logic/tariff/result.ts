import { formatKroner, formatNumber, formatPercent } from '../../format/numbers';

import { assertOre, ORE_PER_KRONE, type Ore } from './money';
import { type RuleSet } from './rule-set';

/**
 * Surplus and deficit (over-/underskud), Styringsaftale 5.3 (domain.md §3.3).
 *
 * Sign convention of `toTariff` and of every tariff effect in this module: the amount to add to the tariff base
 * (takstberegningsgrundlag) of the tariff year — positive raises the tariff (a deficit to recover), negative lowers
 * it (a surplus to give back).
 */

export type ResultRules = Pick<RuleSet, 'resultThreshold' | 'resultTariffLagYears' | 'setAsideUseYears'>;

export interface ResultInput {
  /** G: takstberegningsgrundlaget of the offer for the year (the worked example uses the ordinært bruttobudget). */
  basis: Ore;
  /** R: the year's result, indtægter − omkostninger (positive = surplus, negative = deficit). */
  result: Ore;
  /** Y: the year the result relates to. */
  year: number;
  /**
   * Surplus only: the part the operator decides to set aside (hensætte), 0 … min(R, 5 % of G). Defaults to the
   * maximum, as in the Styringsaftale's example (Tilbud X). Must be 0 or absent for a deficit.
   */
  setAside?: Ore;
  /** The agreement's rules (look them up with ruleSetFor). */
  rules: ResultRules;
}

export interface ResultSettlement {
  kind: 'surplus' | 'deficit';
  year: number;
  basis: Ore;
  result: Ore;
  /** R / G, unrounded (Tilbud X: 0.09625, printed "9,6 %"). */
  resultShare: number;
  /** 5 % of G, rounded down to whole kroner. */
  threshold: Ore;
  /** min(|R|, threshold): the part of the result within the 5 % limit. */
  withinLimit: Ore;
  /** Surplus: the part set aside (≤ withinLimit). Deficit: 0. */
  setAside: Ore;
  /** Deficit: the part that may not enter the tariff and is covered by efficiency or earlier set-asides. Surplus: 0. */
  absorbed: Ore;
  /** Signed tariff effect (see module note): −(R − set-aside) for a surplus, max(0, |R| − threshold) for a deficit. */
  toTariff: Ore;
  /** Latest tariff year the effect must be in: Y + 2. */
  tariffYear: number;
  /** Surplus only: the set-aside must be used by the end of Y + 5. */
  setAsideUseBy?: number;
}

/**
 * Settles a year's result by Styringsaftale 5.3:
 * - threshold = 5 % of G;
 * - surplus (R ≥ 0): the operator may set aside up to min(R, threshold) (5.3.1); the rest, at least R − threshold,
 *   lowers the tariff no later than year Y + 2; the set-aside must be used within 5 years, i.e. by the end of Y + 5;
 * - deficit (R < 0): up to the threshold is absorbed (efficiency or earlier set-asides) and may not enter the tariff;
 *   the excess |R| − threshold raises the tariff no later than Y + 2 (5.3.2). A deficit never lowers a tariff.
 *
 * Rounding: once — the threshold 5 % × G is rounded down to whole kroner, so the set-aside and the absorbed deficit never
 * exceed 5 % and the part above 5 % is never understated (Østerskoven 2020: 5 % of 45.400.729 kr. = 2.270.036,45 →
 * 2.270.036 kr.); everything else is exact øre arithmetic.
 *
 * @throws RangeError (Danish) for amounts that are not whole øre, a negative basis, a year that is not an integer, a
 *   set-aside on a deficit, or a set-aside outside 0 … min(R, 5 % of G).
 */
export function settleResult(input: ResultInput): ResultSettlement {
  const rules = input.rules;
  const { basis, result, year } = input;
  assertOre(basis, 'Takstberegningsgrundlaget');
  assertOre(result, 'Årets resultat');
  requireYear(year);
  if (basis < 0) throw new RangeError(`Takstberegningsgrundlaget kan ikke være negativt (fik ${formatKroner(basis)})`);
  requireFraction(rules.resultThreshold, 'Grænsen for over-/underskud');

  // 5 % of G down to whole kroner; the relative nudge only keeps binary noise (399.999,999… for 400.000) from
  // costing a krone, it cannot lift a true value across a krone.
  const thresholdKr = (basis * rules.resultThreshold) / ORE_PER_KRONE;
  const threshold = Math.floor(thresholdKr + thresholdKr * Number.EPSILON * 4) * ORE_PER_KRONE;
  const magnitude = Math.abs(result);
  const withinLimit = Math.min(magnitude, threshold);
  const tariffYear = year + rules.resultTariffLagYears;
  const resultShare = basis === 0 ? 0 : result / basis;

  if (result >= 0) {
    const setAside = input.setAside ?? withinLimit;
    assertOre(setAside, 'Hensættelsen');
    if (setAside < 0) throw new RangeError(`Hensættelsen kan ikke være negativ (fik ${formatKroner(setAside)})`);
    if (setAside > withinLimit) {
      throw new RangeError(
        `Der kan højst hensættes ${formatKroner(withinLimit)} (${formatPercent(rules.resultThreshold, 0)} af takstberegningsgrundlaget, ` +
          `dog ikke mere end overskuddet); der er angivet ${formatKroner(setAside)}`,
      );
    }
    return {
      kind: 'surplus',
      year,
      basis,
      result,
      resultShare,
      threshold,
      withinLimit,
      setAside,
      absorbed: 0,
      toTariff: negate(result - setAside),
      tariffYear,
      setAsideUseBy: year + rules.setAsideUseYears,
    };
  }

  if (input.setAside !== undefined && input.setAside !== 0) {
    throw new RangeError(`Der kan kun hensættes af et overskud; ${year} har et underskud på ${formatKroner(magnitude)}`);
  }
  return {
    kind: 'deficit',
    year,
    basis,
    result,
    resultShare,
    threshold,
    withinLimit,
    setAside: 0,
    absorbed: withinLimit,
    toTariff: magnitude - withinLimit,
    tariffYear,
  };
}

export interface ResultLedgerEntry {
  year: number;
  basis: Ore;
  result: Ore;
  setAside?: Ore;
}

export interface SetAsideUse {
  /** Year whose surplus the set-aside came from. */
  fromYear: number;
  amount: Ore;
}

export interface SetAsideAccount {
  fromYear: number;
  amount: Ore;
  /** Last year it may be used in (Y + 5). */
  useBy: number;
  /** Years and amounts drawn to cover absorbed deficits. */
  uses: { year: number; amount: Ore }[];
  /** Unused at the end of the use-by year. */
  expired: Ore;
}

export interface TariffEffect {
  tariffYear: number;
  /** Signed sum of what falls due in this tariff year. */
  amount: Ore;
  /** The results it comes from. */
  sources: { resultYear: number; amount: Ore }[];
}

export interface ResultLedgerYear {
  year: number;
  /** The settlement of this year's result, if one was entered. */
  settlement?: ResultSettlement;
  /** Set aside from this year's surplus. */
  setAsideAdded: Ore;
  /** Earlier set-asides drawn to cover this year's absorbed deficit, oldest first. */
  setAsideUsed: SetAsideUse[];
  /** The absorbed deficit not covered by set-asides: to be covered by efficiency (effektivisering). */
  coveredByEfficiency: Ore;
  /** Set-asides whose use-by year ends with this year, with the amount left unused. */
  expired: SetAsideUse[];
  /** Unused set-asides at the end of the year. */
  setAsideBalance: Ore;
  /** Signed tariff effect falling due in this year as tariff year (0 when none). */
  tariffEffect: Ore;
}

export interface ResultLedger {
  /** One row per calendar year from the first result year to the last year anything happens in. */
  years: ResultLedgerYear[];
  /** Only the tariff years with something due, ascending. */
  tariffEffects: TariffEffect[];
  setAsides: SetAsideAccount[];
}

/**
 * A ledger of several years' results of one offer by Styringsaftale 5.3 (see {@link settleResult}):
 * - every result is settled; what enters the tariff is summed per tariff year (Y + 2, the latest year allowed);
 * - set-asides are kept with their use-by year (Y + 5);
 * - an absorbed deficit (the part within 5 %) is covered by earlier, unexpired set-asides, oldest first (they expire
 *   first); what they cannot cover is left to efficiency;
 * - a set-aside not used by the end of its use-by year is reported as expired in that year. The Styringsaftale does
 *   not say what happens to it then; the operator must decide, so the ledger only flags it.
 *
 * Rounding: none beyond {@link settleResult}'s (all ledger arithmetic is exact øre).
 *
 * @throws RangeError (Danish) for a year entered twice and anything {@link settleResult} rejects.
 */
export function resultLedger(entries: readonly ResultLedgerEntry[], rules: ResultRules): ResultLedger {
  const sorted = [...entries].sort((a, b) => a.year - b.year);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]?.year === sorted[i - 1]?.year) {
      throw new RangeError(`Året ${sorted[i]?.year} er angivet mere end én gang`);
    }
  }
  const settlements = new Map<number, ResultSettlement>();
  for (const entry of sorted) {
    settlements.set(entry.year, settleResult({ ...entry, rules }));
  }
  if (settlements.size === 0) return { years: [], tariffEffects: [], setAsides: [] };

  const all = [...settlements.values()];
  const first = all[0]!.year;
  const last = Math.max(...all.map((s) => s.tariffYear), ...all.map((s) => (s.setAside > 0 ? (s.setAsideUseBy ?? s.year) : s.year)));

  const accounts: (SetAsideAccount & { remaining: Ore })[] = [];
  const effects = new Map<number, TariffEffect>();
  for (const s of all) {
    if (s.toTariff === 0) continue;
    const effect = effects.get(s.tariffYear) ?? { tariffYear: s.tariffYear, amount: 0, sources: [] };
    effect.amount += s.toTariff;
    effect.sources.push({ resultYear: s.year, amount: s.toTariff });
    effects.set(s.tariffYear, effect);
  }

  const years: ResultLedgerYear[] = [];
  for (let year = first; year <= last; year += 1) {
    const settlement = settlements.get(year);
    const setAsideUsed: SetAsideUse[] = [];
    let coveredByEfficiency = 0;
    if (settlement?.kind === 'deficit' && settlement.absorbed > 0) {
      let need = settlement.absorbed;
      for (const account of accounts) {
        if (need === 0) break;
        if (account.remaining === 0 || account.fromYear >= year || account.useBy < year) continue;
        const drawn = Math.min(need, account.remaining);
        account.remaining -= drawn;
        account.uses.push({ year, amount: drawn });
        setAsideUsed.push({ fromYear: account.fromYear, amount: drawn });
        need -= drawn;
      }
      coveredByEfficiency = need;
    }
    const setAsideAdded = settlement?.setAside ?? 0;
    if (settlement && setAsideAdded > 0) {
      accounts.push({ fromYear: year, amount: setAsideAdded, useBy: settlement.setAsideUseBy ?? year, uses: [], expired: 0, remaining: setAsideAdded });
    }
    const expired: SetAsideUse[] = [];
    for (const account of accounts) {
      if (account.useBy === year && account.remaining > 0) {
        account.expired = account.remaining;
        account.remaining = 0;
        expired.push({ fromYear: account.fromYear, amount: account.expired });
      }
    }
    const row: ResultLedgerYear = {
      year,
      setAsideAdded,
      setAsideUsed,
      coveredByEfficiency,
      expired,
      setAsideBalance: accounts.reduce((acc, a) => acc + a.remaining, 0),
      tariffEffect: effects.get(year)?.amount ?? 0,
    };
    if (settlement) row.settlement = settlement;
    years.push(row);
  }

  return {
    years,
    tariffEffects: [...effects.values()].sort((a, b) => a.tariffYear - b.tariffYear),
    setAsides: accounts.map(({ remaining: _remaining, ...account }) => account),
  };
}

function requireYear(year: number): void {
  if (!Number.isInteger(year)) throw new RangeError(`Året skal være et helt årstal (fik ${year})`);
}

function requireFraction(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${what} skal være mellem 0 og 1 (fik ${formatNumber(value)})`);
}

const negate = (x: number): number => (x === 0 ? 0 : -x);
