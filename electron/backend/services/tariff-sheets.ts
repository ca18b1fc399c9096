import type { Kysely } from 'kysely';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOffers } from '../../../db/queries/offers';
import { currentSheetsOfYear } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { Offer, OfferResult, TariffSheet } from '../../../shared/domain/tariff-year';
import { dueInTariffYear, type LedgerResultInput } from '../../../shared/logic/tariff/ledger';
import { computeTariffSheet, type SheetComputation } from '../../../shared/logic/tariff/tariff-sheet';
import { ruleSetById, type StoredRuleSet } from './rule-sets';

/** A sheet with what it was computed from and what it computes to. */
export interface ComputedSheet {
  sheet: TariffSheet;
  offer: Offer;
  ruleSet: StoredRuleSet;
  computation: SheetComputation;
  /** Last year's current sheet and its computed tariff, when there is one. */
  previous: { sheet: TariffSheet; tariff: number } | null;
}

/** Loads each rule set once per call: a year's sheets share one or two. */
function ruleSetCache(db: Kysely<DB>) {
  const cache = new Map<string, Promise<StoredRuleSet>>();
  return (id: string) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = ruleSetById(db, id)));
    return found;
  };
}

/**
 * Every current sheet of a year (or of the given offers), computed with the results due in that year from the 5 %
 * ledger and checked against last year's sheet. Read-only: nothing is written.
 */
export async function computedSheetsOfYear(db: Kysely<DB>, year: number, offerIds?: readonly string[]): Promise<ComputedSheet[]> {
  const sheets = await currentSheetsOfYear(db, year, offerIds);
  if (sheets.length === 0) return [];
  const ids = sheets.map((s) => s.offerId);
  const [offers, previousSheets, results] = await Promise.all([listOffers(db, ids), currentSheetsOfYear(db, year - 1, ids), resultsOfOffers(db, ids)]);
  const rulesOf = ruleSetCache(db);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const previousByOffer = new Map(previousSheets.map((s) => [s.offerId, s]));
  const resultsByOffer = new Map<string, OfferResult[]>();
  for (const r of results) resultsByOffer.set(r.offerId, [...(resultsByOffer.get(r.offerId) ?? []), r]);

  const ledgerInputs = async (offerId: string): Promise<LedgerResultInput[]> =>
    Promise.all((resultsByOffer.get(offerId) ?? []).map(async (r) => ({ year: r.year, basis: r.basis, result: r.result, setAside: r.setAside, rules: (await rulesOf(r.ruleSetId)).rules })));

  const computed: ComputedSheet[] = [];
  for (const sheet of sheets) {
    const offer = offerById.get(sheet.offerId);
    if (!offer) continue; // the offer was deleted: its sheets leave the year with it
    const ruleSet = await rulesOf(sheet.ruleSetId);
    const ledger = await ledgerInputs(offer.id);
    const previousSheet = previousByOffer.get(offer.id);
    const previous = previousSheet
      ? {
          sheet: previousSheet,
          tariff: computeTariffSheet({
            content: previousSheet.content,
            year: year - 1,
            offer,
            dueResults: dueInTariffYear(ledger, year - 1),
            previous: null,
            rules: (await rulesOf(previousSheet.ruleSetId)).rules,
          }).tariff,
        }
      : null;
    const computation = computeTariffSheet({
      content: sheet.content,
      year,
      offer,
      dueResults: dueInTariffYear(ledger, year),
      previous: previous ? { places: previous.sheet.content.places, tariff: previous.tariff } : null,
      rules: ruleSet.rules,
    });
    computed.push({ sheet, offer, ruleSet, computation, previous });
  }
  return computed;
}
