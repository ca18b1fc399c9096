import type { Kysely } from 'kysely';
import { insertResult } from '../../../db/queries/offer-results';
import { existingOfferIds, insertOffer, insertOfferCategory } from '../../../db/queries/offers';
import { listOrganisations } from '../../../db/queries/organisations';
import { insertSheet } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { SheetStatus, TariffSheetContent } from '../../../shared/domain/tariff-year';
import { kroner } from '../../../shared/logic/tariff/money';
import { printedOccupancyLine } from '../../../shared/logic/tariff/printed-occupancy';
import { ruleSetInForce } from '../services/rule-sets';
import { SEKRETARIAT_NAMESPACE, stableId } from '../stable-id';
import { DEMO_MUNICIPAL_OFFERS, DEMO_REGIONAL_OFFERS, DEMO_TARIFF_YEAR, type DemoOffer, type DemoResult, type DemoSheet } from './content/tariff-year';

const idOf = (...parts: (string | number)[]) => stableId(SEKRETARIAT_NAMESPACE, `demo/tariff-year/${parts.join('/')}`);
export const demoOfferId = (key: string) => idOf('offer', key);

function sheetContent(sheet: DemoSheet): TariffSheetContent {
  const budgetLines = sheet.lines.map((l) => ({ category: l.category, label: l.label, amount: kroner(l.kroner) }));
  return {
    budgetLines,
    statedTotal: budgetLines.reduce((sum, l) => sum + l.amount, 0),
    places: sheet.places,
    occupancy: sheet.occupancy,
    occupancyMethod: 'expectation',
    occupancyHistory: [],
    levels: [],
    firstYearLoss: 0,
    reason: sheet.reason ?? '',
    approvalNote: '',
    dueResultsAtApproval: null,
  };
}

/** The result's note: where it is printed, and each printed occupancy on a line of its own (printed-occupancy.ts). */
const resultNote = (r: DemoResult) => [r.source, ...r.printed.map((p) => printedOccupancyLine(p.share, p.part))].join('\n');

/**
 * The offers of the demo's tariff year with their category, results and sheets (approved for the demo year, submitted
 * for the next). Fixed ids: an offer already there (or deleted by the user) is left as it is, so a second load adds nothing.
 */
export async function seedTariffYear(db: Kysely<DB>, now: string): Promise<number> {
  const organisations = new Map((await listOrganisations(db)).map((o) => [o.name, o.id]));
  const offers = [...DEMO_MUNICIPAL_OFFERS, ...DEMO_REGIONAL_OFFERS];
  const existing = await existingOfferIds(db, offers.map((o) => demoOfferId(o.key)));
  let added = 0;
  for (const offer of offers) {
    const id = demoOfferId(offer.key);
    if (existing.has(id)) continue;
    const operatorId = organisations.get(offer.operator);
    if (!operatorId) throw new Error(`Demo: no organisation ${offer.operator}`);
    await insertOffer(db, { id, name: offer.name, operatorId, legalBasis: offer.legalBasis, tariffUnit: offer.tariffUnit, targetGroup: offer.targetGroup, notes: offer.notes }, now);
    await insertOfferCategory(db, { id: idOf('category', offer.key), offerId: id, fromYear: 2019, category: 3, reason: 'Del af Socialaftalen' }, now);
    await seedFigures(db, offer, id, now);
    added++;
  }
  return added;
}

async function seedFigures(db: Kysely<DB>, offer: DemoOffer, offerId: string, now: string): Promise<void> {
  for (const r of offer.results) {
    await insertResult(
      db,
      {
        id: idOf('result', offer.key, r.year),
        offerId,
        year: r.year,
        basis: kroner(r.basisKroner),
        result: kroner(r.resultKroner),
        activity: r.activity,
        capacity: r.capacity,
        ruleSetId: (await ruleSetInForce(db, r.year)).id,
        note: resultNote(r),
      },
      now,
    );
  }
  const sheets: [number, DemoSheet, SheetStatus][] = [
    [DEMO_TARIFF_YEAR, offer.sheets.current, 'approved'],
    [DEMO_TARIFF_YEAR + 1, offer.sheets.next, 'submitted'],
  ];
  for (const [year, sheet, status] of sheets) {
    await insertSheet(db, { id: idOf('sheet', offer.key, year), offerId, year, status, ruleSetId: (await ruleSetInForce(db, year)).id, content: sheetContent(sheet) }, now);
  }
}
