import { type Ore } from './money';
import { settleResult, type ResultRules, type ResultSettlement } from './result';

/*
 * The 5 % ledger of an offer (Styringsaftalen 5.3): each year's realised result settled by settleResult, and what
 * falls due in a tariff year. The richer ledger (set-aside uses, expiry, warnings) builds on these.
 */

export interface LedgerResultInput {
  year: number;
  /** G, øre. */
  basis: Ore;
  /** R, øre (positive = surplus). */
  result: Ore;
  /** The part of a surplus set aside; null = the maximum the rule allows (the Styringsaftale's example). */
  setAside: Ore | null;
  /** The rules of the rule set the result was recorded under. */
  rules: ResultRules;
}

/** Settles one recorded result. */
export const settleLedgerResult = (r: LedgerResultInput): ResultSettlement =>
  settleResult({ basis: r.basis, result: r.result, year: r.year, setAside: r.result >= 0 ? (r.setAside ?? undefined) : undefined, rules: r.rules });

/**
 * The signed amount the results falling due in a tariff year add to that year's tariff basis (+ raises, − lowers):
 * the part above 5 % of each result whose latest tariff year (Y + lag) is this year.
 */
export function dueInTariffYear(results: readonly LedgerResultInput[], tariffYear: number): Ore {
  return results.map(settleLedgerResult).reduce((sum, s) => (s.tariffYear === tariffYear ? sum + s.toTariff : sum), 0);
}
