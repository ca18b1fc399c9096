import type { Kysely } from 'kysely';
import type { CategoryChange, LegalBasis, Offer, OfferCategory, OfferStatus, TariffUnit } from '../../shared/domain/tariff-year';
import type { DB } from '../schema';
import { setTombstone, toMeta, updateGuarded, type WriteOutcome } from './records';

export interface NewOffer {
  id: string;
  name: string;
  operatorId: string;
  address?: string;
  legalBasis: LegalBasis;
  targetGroup?: string;
  offerKind?: 'normal' | 'short-stay';
  tariffUnit?: TariffUnit;
  portalNumber?: string;
  status?: OfferStatus;
  firstYear?: number | null;
  notes?: string;
}

export async function insertOffer(db: Kysely<DB>, offer: NewOffer, now: string): Promise<void> {
  await db
    .insertInto('offers')
    .values({
      id: offer.id,
      name: offer.name,
      operator_id: offer.operatorId,
      address: offer.address ?? '',
      legal_basis: offer.legalBasis,
      target_group: offer.targetGroup ?? '',
      offer_kind: offer.offerKind ?? 'normal',
      tariff_unit: offer.tariffUnit ?? 'døgn',
      portal_number: offer.portalNumber ?? '',
      status: offer.status ?? 'active',
      first_year: offer.firstYear ?? null,
      notes: offer.notes ?? '',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export interface NewCategoryChange {
  id: string;
  offerId: string;
  fromYear: number;
  category: OfferCategory;
  reason?: string;
  decisionItemId?: string | null;
  decidedBy?: string;
}

export async function insertOfferCategory(db: Kysely<DB>, change: NewCategoryChange, now: string): Promise<void> {
  await db
    .insertInto('offer_categories')
    .values({
      id: change.id,
      offer_id: change.offerId,
      from_year: change.fromYear,
      category: change.category,
      reason: change.reason ?? '',
      decision_item_id: change.decisionItemId ?? null,
      decided_by: change.decidedBy ?? '',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Live offers with their operator's name and category history; `ids` narrows to those offers. */
export async function listOffers(db: Kysely<DB>, ids?: readonly string[]): Promise<Offer[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('offers')
    .innerJoin('organisations', 'organisations.id', 'offers.operator_id')
    .selectAll('offers')
    .select('organisations.name as operator_name')
    .where('offers.deleted_at', 'is', null)
    .orderBy('organisations.sort_order')
    .orderBy('offers.name');
  if (ids) query = query.where('offers.id', 'in', [...ids]);
  const rows = await query.execute();
  let categoryQuery = db.selectFrom('offer_categories').selectAll().where('deleted_at', 'is', null).orderBy('from_year');
  if (ids) categoryQuery = categoryQuery.where('offer_id', 'in', [...ids]);
  const categories = new Map<string, CategoryChange[]>();
  for (const c of await categoryQuery.execute()) {
    const list = categories.get(c.offer_id) ?? [];
    list.push({ id: c.id, fromYear: c.from_year, category: c.category, reason: c.reason, decisionItemId: c.decision_item_id, decidedBy: c.decided_by });
    categories.set(c.offer_id, list);
  }
  return rows.map((row) => ({
    ...toMeta(row),
    name: row.name,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    address: row.address,
    legalBasis: row.legal_basis as LegalBasis,
    targetGroup: row.target_group,
    offerKind: row.offer_kind,
    tariffUnit: row.tariff_unit as TariffUnit,
    portalNumber: row.portal_number,
    status: row.status,
    firstYear: row.first_year,
    notes: row.notes,
    categories: categories.get(row.id) ?? [],
  }));
}

export async function getOffer(db: Kysely<DB>, id: string): Promise<Offer | undefined> {
  return (await listOffers(db, [id]))[0];
}

/** The columns of an offer the register edits, by field name. */
export type OfferValues = Partial<Omit<NewOffer, 'id'>>;

const OFFER_COLUMNS: Record<keyof OfferValues, string> = {
  name: 'name',
  operatorId: 'operator_id',
  address: 'address',
  legalBasis: 'legal_basis',
  targetGroup: 'target_group',
  offerKind: 'offer_kind',
  tariffUnit: 'tariff_unit',
  portalNumber: 'portal_number',
  status: 'status',
  firstYear: 'first_year',
  notes: 'notes',
};

/** Updates the fields given if the offer still has `revision` (see updateGuarded). */
export function updateOffer(db: Kysely<DB>, id: string, revision: number, values: OfferValues, now: string): Promise<WriteOutcome> {
  const row = Object.fromEntries(Object.entries(values).map(([field, value]) => [OFFER_COLUMNS[field as keyof OfferValues], value]));
  return updateGuarded(db, 'offers', id, revision, row, now);
}

export const setOfferDeleted = (db: Kysely<DB>, id: string, deleted: boolean, now: string) => setTombstone(db, 'offers', id, deleted, now);

/** The category change of an offer from a year, tombstone or not (the pair is unique either way). */
export const categoryChangeFrom = (db: Kysely<DB>, offerId: string, fromYear: number) =>
  db.selectFrom('offer_categories').select(['id', 'deleted_at']).where('offer_id', '=', offerId).where('from_year', '=', fromYear).executeTakeFirst();

/** Rewrites a year's category change (again live): a second decision for the same year replaces the first. */
export async function rewriteOfferCategory(db: Kysely<DB>, id: string, change: Omit<NewCategoryChange, 'id' | 'offerId' | 'fromYear'>, now: string): Promise<void> {
  await db
    .updateTable('offer_categories')
    .set((eb) => ({
      category: change.category,
      reason: change.reason ?? '',
      decision_item_id: change.decisionItemId ?? null,
      decided_by: change.decidedBy ?? '',
      deleted_at: null,
      updated_at: now,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Which of the ids are offers, live or deleted (the demo leaves those as the user has them). */
export async function existingOfferIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('offers').select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id));
}
