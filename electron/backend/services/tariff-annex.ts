import type { Kysely, Transaction } from 'kysely';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOrganisations } from '../../../db/queries/organisations';
import { annexYearOfItem } from '../../../db/queries/tariff-annexes';
import { countSheetsApprovedBy } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import { isApproving, type Outcome } from '../../../shared/domain/agenda';
import type { OfferResult, TakstbilagSummary } from '../../../shared/domain/tariff-year';
import { printedOccupancies, printedVersusComputed } from '../../../shared/logic/tariff/printed-occupancy';
import { buildTakstbilag, type Takstbilag } from '../../../shared/logic/tariff/takstbilag';
import { AppError } from '../errors';
import type { WriteScope } from '../write';
import { ruleSetNote } from './rule-sets';
import { approveSheetsOfYear, computedSheetsOfYear } from './tariff-sheets';

/** The results of Y−2 and Y−1 (those the sheet builds on) whose printed occupancy is wrong, as the annex shows them. */
export function printedNotesOf(results: readonly OfferResult[], year: number): string[] {
  return results
    .filter((r) => r.year === year - 2 || r.year === year - 1)
    .flatMap((r) =>
      printedOccupancies(r.note, r)
        .filter((p) => p.wrong)
        .map((p) => `Realiseret belægning ${r.year}${p.part ? `, ${p.part}` : ''}: ${printedVersusComputed(p)}`),
    );
}

/** The takstbilag of a year from every offer's current sheet; refused in Danish when the year has none. */
export async function takstbilagOfYear(db: Kysely<DB>, year: number): Promise<Takstbilag> {
  const computed = await computedSheetsOfYear(db, year);
  if (computed.length === 0) {
    throw new AppError('NOT_FOUND', `Der er ingen takstberegningsskemaer for ${year}, så der er intet takstbilag. Indlæs eller opret skemaerne for ${year} først.`);
  }
  const [organisations, results] = await Promise.all([listOrganisations(db), resultsOfOffers(db, computed.map((c) => c.offer.id))]);
  const resultsByOffer = new Map<string, OfferResult[]>();
  for (const r of results) resultsByOffer.set(r.offerId, [...(resultsByOffer.get(r.offerId) ?? []), r]);
  const sheets = computed.map((c) => ({
    offer: c.offer,
    status: c.sheet.status,
    version: c.sheet.version,
    places: c.sheet.content.places,
    occupancy: c.sheet.content.occupancy,
    tariff: c.computation.tariff,
    tariffBasis: c.computation.tariffBasis,
    previousTariff: c.previous?.tariff ?? null,
    checks: c.computation.checks,
    // A set stored for a later year than the sheet's was borrowed (results and sheets before the first agreement).
    ruleSetNote: ruleSetNote(c.ruleSet, year),
    printedNotes: printedNotesOf(resultsByOffer.get(c.offer.id) ?? [], year),
  }));
  return buildTakstbilag(year, sheets, organisations.map((o) => o.id));
}

export const takstbilagSummary = (annex: Takstbilag): TakstbilagSummary => ({
  year: annex.year,
  offers: annex.totals.offers,
  operators: annex.totals.operators,
  places: annex.totals.places,
  averageChangeShare: annex.totals.averageChangeShare,
  flags: annex.totals.flags,
  flaggedOffers: annex.totals.flaggedOffers,
  notes: annex.notes,
});

/**
 * Called by decisions.save inside its transaction: a decision approving a takstbilag's item approves and locks the
 * year's submitted sheets. A decision changed to another outcome leaves sheets already approved as they are (a sheet
 * is reopened only by a new version, which FU approves); the history says so.
 */
export async function applyTakstbilagDecision(
  trx: Transaction<DB>,
  scope: WriteScope,
  item: { id: string; meeting_id: string },
  outcome: Outcome | null,
  now: string,
): Promise<void> {
  const year = await annexYearOfItem(trx, item.id);
  if (year === undefined) return;
  if (isApproving(outcome)) {
    const { approved } = await approveSheetsOfYear(trx, year, item.id, now);
    if (approved.length === 0) return;
    await scope.history({
      at: now,
      entity: 'takstbilag',
      entityId: item.id,
      meetingId: item.meeting_id,
      itemId: item.id,
      action: 'aendret',
      changes: { takstberegningsskemaer: { before: `${approved.length} indsendt for ${year}`, after: `${approved.length} godkendt og låst` } },
    });
    scope.announce({ entities: ['tariffSheet', 'ledger'], ids: approved });
    return;
  }
  const already = await countSheetsApprovedBy(trx, item.id);
  if (already === 0) return;
  await scope.history({
    at: now,
    entity: 'takstbilag',
    entityId: item.id,
    meetingId: item.meeting_id,
    itemId: item.id,
    action: 'aendret',
    changes: {
      takstberegningsskemaer: {
        before: `${already} godkendt ved beslutningen`,
        after: `Beslutningen er ændret, men de ${already} skemaer for ${year} forbliver godkendt og låst. Et skema åbnes kun igen som en ny version, som FU godkender.`,
      },
    },
  });
}
