import type { Kysely } from 'kysely';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOffers } from '../../../db/queries/offers';
import { organisationName } from '../../../db/queries/organisations';
import { usesOfResults } from '../../../db/queries/set-aside-uses';
import { sheetsOfOffers } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { Offer, OfferLedger, OperatorLedger, TariffSheet } from '../../../shared/domain/tariff-year';
import { offerLedger, type LedgerOffer, type LedgerSheet } from '../../../shared/logic/tariff/ledger';
import { AppError } from '../errors';
import { byOffer, ruleSetCache, sheetOffer, withRules } from './tariff-sheets';

const ledgerOffer = (o: Offer): LedgerOffer => ({ id: o.id, name: o.name, operatorId: o.operatorId, categories: o.categories });

/** The current (highest) version of each year's sheet of an offer. */
function currentByYear(sheets: readonly TariffSheet[]): Map<number, LedgerSheet> {
  const current = new Map<number, LedgerSheet>();
  for (const s of sheets) {
    if ((current.get(s.year)?.version ?? 0) < s.version) current.set(s.year, { id: s.id, version: s.version, status: s.status, dueResultsAtApproval: s.content.dueResultsAtApproval });
  }
  return current;
}

/**
 * The 5 % ledgers of the given offers (Styringsaftalen 5.3), each result settled by the rule set it was recorded under,
 * with its set-aside uses, the sheet of Y + 2 that picks its due amount up, and the warnings. Read-only.
 */
export async function offerLedgers(db: Kysely<DB>, offers: readonly Offer[], currentYear: number): Promise<OfferLedger[]> {
  const ids = offers.map((o) => o.id);
  // Each table read once for all the offers (an operator's ledger has dozens), then grouped.
  const [results, sheets] = await Promise.all([resultsOfOffers(db, ids), sheetsOfOffers(db, ids)]);
  const uses = await usesOfResults(
    db,
    results.map((r) => r.id),
  );
  const known = new Map(offers.map((o) => [o.id, o]));
  const others = [...new Set(uses.map((u) => u.usedOnOfferId).filter((id): id is string => id !== null && !known.has(id)))];
  for (const o of await listOffers(db, others)) known.set(o.id, o);
  const resultsByOffer = byOffer(await withRules(results, ruleSetCache(db)));
  const sheetsByOffer = byOffer(sheets);
  const usesByResult = new Map<string, typeof uses>();
  for (const u of uses) usesByResult.set(u.resultId, [...(usesByResult.get(u.resultId) ?? []), u]);

  const ledgers: OfferLedger[] = [];
  for (const offer of offers) {
    const own = resultsByOffer.get(offer.id) ?? [];
    const ownUses = own.flatMap((r) => usesByResult.get(r.id) ?? []);
    let computed: ReturnType<typeof offerLedger>;
    try {
      computed = offerLedger({
        offer: ledgerOffer(offer),
        results: own,
        uses: ownUses.map((u) => {
          const on = u.usedOnOfferId === null ? undefined : known.get(u.usedOnOfferId);
          return { resultId: u.resultId, year: u.year, amount: u.amount, usedOn: on ? ledgerOffer(on) : null };
        }),
        sheets: currentByYear(sheetsByOffer.get(offer.id) ?? []),
        currentYear,
      });
    } catch (error) {
      if (error instanceof RangeError) throw new AppError('INVALID_INPUT', `${offer.name}: ${error.message}`);
      throw error;
    }
    const byId = new Map(own.map((r) => [r.id, r]));
    ledgers.push({
      offer: sheetOffer(offer, currentYear),
      years: computed.rows.map((row) => {
        const r = byId.get(row.resultId)!;
        return { ...row, revision: r.revision, ruleSetId: r.ruleSetId, note: r.note, uses: usesByResult.get(r.id) ?? [], entered: { setAside: r.setAside, activity: r.activity, capacity: r.capacity } };
      }),
      warnings: computed.warnings,
    });
  }
  return ledgers;
}

/** An operator's offers' ledgers with each year's sums. */
export async function operatorLedger(db: Kysely<DB>, operatorId: string, currentYear: number): Promise<OperatorLedger> {
  const operatorName = await organisationName(db, operatorId);
  if (operatorName === undefined) throw new AppError('NOT_FOUND', 'Driftsherren findes ikke.');
  const offers = (await listOffers(db)).filter((o) => o.operatorId === operatorId);
  const ledgers = await offerLedgers(db, offers, currentYear);
  const totals = new Map<number, OperatorLedger['totals'][number]>();
  for (const row of ledgers.flatMap((l) => l.years)) {
    const t = totals.get(row.year) ?? { year: row.year, basis: 0, result: 0, absorbed: 0, setAside: 0, setAsideLeft: 0, dueInTariff: 0 };
    t.basis += row.basis;
    t.result += row.result;
    t.absorbed += row.absorbed;
    t.setAside += row.setAside;
    t.setAsideLeft += row.setAsideLeft;
    t.dueInTariff += row.dueInTariff;
    totals.set(row.year, t);
  }
  return {
    operatorId,
    operatorName,
    offers: ledgers,
    totals: [...totals.values()].sort((a, b) => a.year - b.year),
    warnings: ledgers.flatMap((l) => l.warnings),
  };
}
