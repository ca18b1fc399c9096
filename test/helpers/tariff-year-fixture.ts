import type { Kysely } from 'kysely';
import { insertResult } from '../../db/queries/offer-results';
import { insertOffer, insertOfferCategory, type NewOffer } from '../../db/queries/offers';
import { insertSheet } from '../../db/queries/tariff-sheets';
import type { DB } from '../../db/schema';
import { ruleSetInForce } from '../../electron/backend/services/rule-sets';
import type { SheetStatus, TariffSheetContent } from '../../shared/domain/tariff-year';

const NOW = '2026-11-22T09:00:00.000Z';
let counter = 0;
const nextId = () => `10000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** An organisation of the reference data by name («Aalborg Kommune», «Region Nordjylland» …). */
export async function organisationId(db: Kysely<DB>, name: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** An offer of category 3 from `fromYear`, operated by the named organisation. */
export async function addOffer(db: Kysely<DB>, operator: string, offer: Partial<NewOffer> & { name: string }, fromYear = 2020): Promise<string> {
  const id = offer.id ?? nextId();
  await insertOffer(db, { legalBasis: 'SEL-108', ...offer, id, operatorId: await organisationId(db, operator) }, NOW);
  await insertOfferCategory(db, { id: nextId(), offerId: id, fromYear, category: 3, reason: 'Indmeldt' }, NOW);
  return id;
}

/** A single-level sheet: one budget line of personnel costs, stated total equal to it. */
export function simpleSheetContent(budgetKroner: number, places: number, occupancy: number, extra: Partial<TariffSheetContent> = {}): TariffSheetContent {
  const amount = budgetKroner * 100;
  return {
    budgetLines: [{ category: 'personnel', label: 'Borgerrelateret personale', amount }],
    statedTotal: amount,
    places,
    occupancy,
    occupancyMethod: 'expectation',
    occupancyHistory: [],
    levels: [],
    firstYearLoss: 0,
    reason: '',
    approvalNote: '',
    dueResultsAtApproval: null,
    ...extra,
  };
}

export async function addSheet(db: Kysely<DB>, offerId: string, year: number, content: TariffSheetContent, status: SheetStatus = 'submitted', version = 1): Promise<string> {
  const id = nextId();
  await insertSheet(db, { id, offerId, year, version, status, ruleSetId: (await ruleSetInForce(db, year)).id, content }, NOW);
  return id;
}

/** A realised result in kroner (positive = surplus). */
export async function addResult(db: Kysely<DB>, offerId: string, year: number, basisKroner: number, resultKroner: number, extra: { setAside?: number | null; activity?: number; capacity?: number } = {}): Promise<string> {
  const id = nextId();
  await insertResult(db, { id, offerId, year, basis: Math.round(basisKroner * 100), result: Math.round(resultKroner * 100), ruleSetId: (await ruleSetInForce(db, year)).id, ...extra }, NOW);
  return id;
}
