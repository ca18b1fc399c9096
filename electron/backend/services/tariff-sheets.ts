import type { Kysely } from 'kysely';
import { getItemRow } from '../../../db/queries/agenda';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOffers } from '../../../db/queries/offers';
import { currentSheetsOfYear, latestSheetBefore, LOCKED_SHEET_STATUSES, markSheetApproved } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { ComputedSheetView, Offer, OfferResult, SheetOfYear, SheetOffer, TariffSheet } from '../../../shared/domain/tariff-year';
import { dueSourcesInTariffYear, realisedOccupancy, type LedgerResultInput } from '../../../shared/logic/tariff/ledger';
import { categoryIn } from '../../../shared/logic/tariff/offer-register';
import { draftFromPreviousSheet } from '../../../shared/logic/tariff/sheet-draft';
import { computeTariffSheet, type SheetComputation } from '../../../shared/logic/tariff/tariff-sheet';
import { AppError } from '../errors';
import { recordHistory } from './agenda';
import { ruleSetById, ruleSetNote, type StoredRuleSet } from './rule-sets';

/** A sheet's lines in the history. */
export const SHEET_HISTORY_ENTITY = 'takstskema';

/** A sheet with what it was computed from and what it computes to. */
export interface ComputedSheet {
  sheet: TariffSheet;
  offer: Offer;
  ruleSet: StoredRuleSet;
  computation: SheetComputation;
  /**
   * The results due in this year's tariff, by result year (signed øre); they sum to computation.dueResults. An approved
   * sheet's are those frozen at its approval; an open sheet's are the ledger's now.
   */
  dueSources: { resultYear: number; amount: number }[];
  /** Last year's current sheet and its computed tariff, when there is one. */
  previous: { sheet: TariffSheet; tariff: number } | null;
}

/** What a new sheet for the year starts from: the offer's latest earlier sheet, with the realised occupancy since. */
export async function sheetStartingPoint(db: Kysely<DB>, offerId: string, year: number): Promise<SheetOfYear['startingPoint']> {
  const previous = await latestSheetBefore(db, offerId, year);
  if (!previous) return null;
  const realised = (await resultsOfOffers(db, [offerId])).flatMap((r) => {
    const occupancy = realisedOccupancy(r);
    return occupancy === null ? [] : [{ year: r.year, occupancy }];
  });
  return { fromYear: previous.year, content: draftFromPreviousSheet(previous.content, realised, year) };
}

/** Loads each rule set once per call: a year's sheets share one or two. */
export function ruleSetCache(db: Kysely<DB>) {
  const cache = new Map<string, Promise<StoredRuleSet>>();
  return (id: string) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = ruleSetById(db, id)));
    return found;
  };
}

/** Records grouped by their offer, in the order given. */
export function byOffer<T extends { offerId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.offerId);
    if (group) group.push(record);
    else groups.set(record.offerId, [record]);
  }
  return groups;
}

/** Each result with the rules of the set it was recorded under: what the 5 % ledger settles. */
export const withRules = (results: readonly OfferResult[], rulesOf: ReturnType<typeof ruleSetCache>): Promise<(OfferResult & LedgerResultInput)[]> =>
  Promise.all(results.map(async (r) => ({ ...r, rules: (await rulesOf(r.ruleSetId)).rules })));

/**
 * Every current sheet of a year (or of the given offers), computed with the results due in that year from the 5 %
 * ledger and checked against last year's sheet, in the register's order (operator, then offer). Read-only.
 */
export async function computedSheetsOfYear(db: Kysely<DB>, year: number, offerIds?: readonly string[]): Promise<ComputedSheet[]> {
  const sheets = await currentSheetsOfYear(db, year, offerIds);
  if (sheets.length === 0) return [];
  const ids = sheets.map((s) => s.offerId);
  const [offers, previousSheets, results] = await Promise.all([listOffers(db, ids), currentSheetsOfYear(db, year - 1, ids), resultsOfOffers(db, ids)]);
  const rulesOf = ruleSetCache(db);
  const sheetByOffer = new Map(sheets.map((s) => [s.offerId, s]));
  const previousByOffer = new Map(previousSheets.map((s) => [s.offerId, s]));
  const resultsByOffer = byOffer(await withRules(results, rulesOf));
  const sumOf = (sources: { amount: number }[]) => sources.reduce((sum, s) => sum + s.amount, 0);

  const computed: ComputedSheet[] = [];
  // listOffers leaves out deleted offers: their sheets leave the year with them.
  for (const offer of offers) {
    const sheet = sheetByOffer.get(offer.id)!;
    const ruleSet = await rulesOf(sheet.ruleSetId);
    const ledger = resultsByOffer.get(offer.id) ?? [];
    const previousSheet = previousByOffer.get(offer.id);
    const previous = previousSheet
      ? {
          sheet: previousSheet,
          tariff: computeTariffSheet({
            content: previousSheet.content,
            year: year - 1,
            offer,
            dueResults: sumOf(previousSheet.content.dueResultsAtApproval ?? dueSourcesInTariffYear(ledger, year - 1)),
            previous: null,
            rules: (await rulesOf(previousSheet.ruleSetId)).rules,
          }).tariff,
        }
      : null;
    const dueSources = sheet.content.dueResultsAtApproval ?? dueSourcesInTariffYear(ledger, year);
    const computation = computeTariffSheet({
      content: sheet.content,
      year,
      offer,
      dueResults: sumOf(dueSources),
      previous: previous ? { places: previous.sheet.content.places, tariff: previous.tariff } : null,
      rules: ruleSet.rules,
    });
    computed.push({ sheet, offer, ruleSet, computation, dueSources, previous });
  }
  return computed;
}

/** The results due in an offer's tariff of a year, as the ledger stands now (what an approval freezes). */
export async function currentDueSources(db: Kysely<DB>, offerId: string, year: number): Promise<{ resultYear: number; amount: number }[]> {
  return dueSourcesInTariffYear(await withRules(await resultsOfOffers(db, [offerId]), ruleSetCache(db)), year);
}

/** Approved (by DAS) and amended (an in-year version approved by FU) sheets are locked. */
export const isLocked = (sheet: Pick<TariffSheet, 'status'>) => (LOCKED_SHEET_STATUSES as readonly string[]).includes(sheet.status);

/** The refusal of every write to a locked sheet. */
export const lockedSheet = (offerName: string, year: number) =>
  new AppError('LOCKED', `Skemaet er godkendt og låst (${offerName}, ${year}). En ændring i årets løb laves som en ny version, som FU godkender.`);

export const sheetOffer = (offer: Offer, year: number): SheetOffer => ({
  id: offer.id,
  name: offer.name,
  operatorId: offer.operatorId,
  operatorName: offer.operatorName,
  legalBasis: offer.legalBasis,
  tariffUnit: offer.tariffUnit,
  category: categoryIn(offer, year),
});

/** A computed sheet as the contract carries it, with the flags DAS must see. */
export function sheetView(computed: ComputedSheet): ComputedSheetView {
  const { sheet, offer, ruleSet, computation } = computed;
  const note = ruleSetNote(ruleSet, sheet.year);
  return {
    sheet,
    offer: sheetOffer(offer, sheet.year),
    ruleSet: { id: ruleSet.id, year: ruleSet.rules.year, source: ruleSet.rules.source },
    computation,
    dueSources: computed.dueSources,
    previousTariff: computed.previous?.tariff ?? null,
    locked: isLocked(sheet),
    flags: [...computation.checks.filter((c) => c.severity !== 'hint').map((c) => c.message), ...(note ? [note] : [])],
  };
}

export interface YearApproval {
  /** The sheets approved now. */
  approved: string[];
  /** Current sheets left as they were: drafts not submitted (and sheets already approved or amended). */
  notApproved: { sheetId: string; offerId: string; offerName: string; status: TariffSheet['status'] }[];
}

/**
 * Approves the year's submitted sheets by the decision of an agenda item (DAS approving the takstbilag): they become
 * approved, recording the item, the time and the results due as they stand now (so a later correction of a result
 * cannot move an approved tariff), and are locked from then on. Runs inside the caller's write, which should name
 * 'tariffSheet' among its entities, with a line of history for each sheet under the item's meeting.
 */
export async function approveSheetsOfYear(trx: Kysely<DB>, year: number, itemId: string, now: string): Promise<YearApproval> {
  const item = await getItemRow(trx, itemId);
  if (!item) throw new AppError('NOT_FOUND', 'Dagsordenspunktet, der skulle godkende takstskemaerne, findes ikke (længere).');
  const sheets = await currentSheetsOfYear(trx, year);
  const names = new Map((await listOffers(trx, sheets.map((s) => s.offerId))).map((o) => [o.id, o.name]));
  const submitted = sheets.filter((s) => s.status === 'submitted');
  const dues = new Map((await computedSheetsOfYear(trx, year, submitted.map((s) => s.offerId))).map((c) => [c.sheet.id, c.dueSources]));
  for (const sheet of submitted) {
    await markSheetApproved(trx, sheet.id, { ...sheet.content, dueResultsAtApproval: dues.get(sheet.id) ?? [] }, itemId, now);
    await recordHistory(trx, { at: now, entity: SHEET_HISTORY_ENTITY, entityId: sheet.id, meetingId: item.meeting_id, itemId, action: 'aendret', changes: { status: { before: 'submitted', after: 'approved' } } });
  }
  return {
    approved: submitted.map((s) => s.id),
    notApproved: sheets.filter((s) => s.status !== 'submitted').map((s) => ({ sheetId: s.id, offerId: s.offerId, offerName: names.get(s.offerId) ?? '', status: s.status })),
  };
}
