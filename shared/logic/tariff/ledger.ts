import { formatKroner } from '../../format/numbers';
import { type Ore } from './money';
import { categoryIn } from './offer-register';
import { settleResult, type ResultRules, type ResultSettlement } from './result';

/*
 * The 5 % ledger of an offer (Styringsaftalen 5.3): each year's realised result settled by settleResult, what falls
 * due in a tariff year, and the ledger year by year with its set-asides, their uses and the warnings (offerLedger).
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

/** Realised occupancy: activity ÷ capacity (the same unit); null when either is not entered or capacity is 0. */
export const realisedOccupancy = (r: { activity: number | null; capacity: number | null }): number | null =>
  r.activity !== null && r.capacity ? r.activity / r.capacity : null;

/** Settles one recorded result. */
export const settleLedgerResult = (r: LedgerResultInput): ResultSettlement =>
  settleResult({ basis: r.basis, result: r.result, year: r.year, setAside: r.result >= 0 ? (r.setAside ?? undefined) : undefined, rules: r.rules });

/** The results falling due in a tariff year, each with its signed amount, by result year; none of 0. */
export function dueSourcesInTariffYear(results: readonly LedgerResultInput[], tariffYear: number): { resultYear: number; amount: Ore }[] {
  return results
    .map(settleLedgerResult)
    .filter((s) => s.tariffYear === tariffYear && s.toTariff !== 0)
    .sort((a, b) => a.year - b.year)
    .map((s) => ({ resultYear: s.year, amount: s.toTariff }));
}

/** An offer as the ledger needs it: its operator and category history (from which year each category holds). */
export interface LedgerOffer {
  id: string;
  name: string;
  operatorId: string;
  categories: readonly { fromYear: number; category: 1 | 2 | 3 }[];
}

export interface LedgerSheet {
  id: string;
  version: number;
  status: 'draft' | 'submitted' | 'approved' | 'amended';
  dueResultsAtApproval: readonly { resultYear: number; amount: Ore }[] | null;
}

export interface OfferLedgerInput {
  offer: LedgerOffer;
  results: readonly (LedgerResultInput & { id: string; activity: number | null; capacity: number | null })[];
  /** Uses of the offer's set-asides, with the offer each was used on (null: not on an offer). */
  uses: readonly { resultId: string; year: number; amount: Ore; usedOn: LedgerOffer | null }[];
  /** The current sheet of each year of this offer, with the results due frozen at its approval (null while open). */
  sheets: ReadonlyMap<number, LedgerSheet>;
  /** Today's year: a set-aside whose last year it is gets a warning. */
  currentYear: number;
}

export interface OfferLedgerRow {
  resultId: string;
  year: number;
  basis: Ore;
  result: Ore;
  realisedOccupancy: number | null;
  absorbed: Ore;
  setAside: Ore;
  setAsideExpires: number | null;
  setAsideUsed: Ore;
  setAsideLeft: Ore;
  /** Signed: + raises the tariff of dueYear, − lowers it. */
  dueInTariff: Ore;
  dueYear: number | null;
  /** The current sheet of dueYear when it carries the amount: an open one always, an approved one if it was due then. */
  pickedUpBySheet: Pick<LedgerSheet, 'id' | 'version' | 'status'> | null;
}

export interface OfferLedgerWarning {
  code: 'set-aside-expiring' | 'due-without-sheet' | 'due-not-in-approved-sheet' | 'set-aside-overused' | 'surplus-outside-socialaftale';
  offerId: string;
  year: number;
  message: string;
}

/**
 * An offer's 5 % ledger year by year (Styringsaftalen 5.3): each result settled, the set-aside with its last year of
 * use (Y + 5 by the rule set the result was recorded under) and what is used of it, the part due in the tariff of
 * Y + 2 and the sheet of that year that picks it up — and the warnings the secretariat must act on: a set-aside in its
 * last year, a due amount with no sheet to carry it, a set-aside used beyond what it holds, and a surplus of a
 * Socialaftale offer (category 2 or 3) used on an offer outside it (category 1, or another operator's).
 *
 * @throws RangeError (Danish) for a result settleResult rejects.
 */
export function offerLedger(input: OfferLedgerInput): { rows: OfferLedgerRow[]; warnings: OfferLedgerWarning[] } {
  const { offer, currentYear } = input;
  const rows: OfferLedgerRow[] = [];
  const warnings: OfferLedgerWarning[] = [];
  const warn = (code: OfferLedgerWarning['code'], year: number, message: string) => warnings.push({ code, offerId: offer.id, year, message });

  for (const r of [...input.results].sort((a, b) => a.year - b.year)) {
    const s = settleLedgerResult(r);
    const uses = input.uses.filter((u) => u.resultId === r.id);
    const used = uses.reduce((sum, u) => sum + u.amount, 0);
    const dueYear = s.toTariff === 0 ? null : s.tariffYear;
    const sheet = dueYear === null ? undefined : input.sheets.get(dueYear);
    // An approved sheet carries what was due at its approval; a result corrected since is not in it.
    const frozen = sheet?.dueResultsAtApproval?.find((d) => d.resultYear === r.year)?.amount ?? 0;
    const missedByApproval = sheet?.dueResultsAtApproval != null && frozen !== s.toTariff;
    const expires = s.setAside > 0 ? (s.setAsideUseBy ?? null) : null;
    const row: OfferLedgerRow = {
      resultId: r.id,
      year: r.year,
      basis: r.basis,
      result: r.result,
      realisedOccupancy: realisedOccupancy(r),
      absorbed: s.absorbed,
      setAside: s.setAside,
      setAsideExpires: expires,
      setAsideUsed: used,
      setAsideLeft: Math.max(0, s.setAside - used),
      dueInTariff: s.toTariff,
      dueYear,
      pickedUpBySheet: sheet && !missedByApproval ? { id: sheet.id, version: sheet.version, status: sheet.status } : null,
    };
    rows.push(row);

    if (expires === currentYear && row.setAsideLeft > 0) {
      warn('set-aside-expiring', r.year, `Hensættelsen fra ${r.year} har ${formatKroner(row.setAsideLeft)} tilbage, som skal bruges inden udgangen af ${expires} (Styringsaftalen 5.3.1).`);
    }
    if (missedByApproval) {
      warn(
        'due-not-in-approved-sheet',
        r.year,
        `Resultatet for ${r.year} giver ${formatKroner(s.toTariff)} i taksten for ${dueYear}, men det godkendte skema for ${dueYear} har ${formatKroner(frozen)} med: en ændring kræver en ny version, som FU godkender.`,
      );
    } else if (dueYear !== null && !row.pickedUpBySheet) {
      const what = s.toTariff > 0 ? 'forhøjer' : 'nedsætter';
      warn('due-without-sheet', r.year, `Resultatet for ${r.year} ${what} taksten for ${dueYear} med ${formatKroner(Math.abs(s.toTariff))}, men der er intet takstskema for ${dueYear} endnu.`);
    }
    if (used > s.setAside) {
      warn('set-aside-overused', r.year, `Hensættelsen fra ${r.year} er brugt med ${formatKroner(used)}, men der er kun hensat ${formatKroner(s.setAside)} (${formatKroner(used - s.setAside)} for meget).`);
    }
    const sourceCategory = categoryIn(offer, r.year);
    if (sourceCategory === 2 || sourceCategory === 3) {
      for (const use of uses) {
        if (!use.usedOn) continue;
        const outside =
          use.usedOn.operatorId !== offer.operatorId
            ? 'som en anden driftsherre driver'
            : categoryIn(use.usedOn, use.year) === 1
              ? 'som er et kategori 1-tilbud uden for Socialaftalen'
              : null;
        if (outside) {
          warn(
            'surplus-outside-socialaftale',
            r.year,
            `Overskud fra ${offer.name} (${r.year}) er i ${use.year} brugt på ${use.usedOn.name}, ${outside}: et overskud på et tilbud i Socialaftalen skal komme tilbudets brugere til gode.`,
          );
        }
      }
    }
  }
  return { rows, warnings };
}
