import type { Kysely, Selectable } from 'kysely';
import type { OfferResult } from '../../shared/domain/tariff-year';
import type { DB, OfferResultsTable } from '../schema';
import { toMeta } from './records';

function toResult(row: Selectable<OfferResultsTable>): OfferResult {
  return {
    ...toMeta(row),
    offerId: row.offer_id,
    year: row.year,
    basis: row.basis,
    result: row.result,
    setAside: row.set_aside,
    activity: row.activity,
    capacity: row.capacity,
    ruleSetId: row.rule_set_id,
    note: row.note,
  };
}

export interface NewResult {
  id: string;
  offerId: string;
  year: number;
  basis: number;
  result: number;
  setAside?: number | null;
  activity?: number | null;
  capacity?: number | null;
  ruleSetId: string;
  note?: string;
}

export async function insertResult(db: Kysely<DB>, r: NewResult, now: string): Promise<void> {
  await db
    .insertInto('offer_results')
    .values({
      id: r.id,
      offer_id: r.offerId,
      year: r.year,
      basis: r.basis,
      result: r.result,
      set_aside: r.setAside ?? null,
      activity: r.activity ?? null,
      capacity: r.capacity ?? null,
      rule_set_id: r.ruleSetId,
      note: r.note ?? '',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** The live results of the given offers, by offer then year. */
export async function resultsOfOffers(db: Kysely<DB>, offerIds: readonly string[]): Promise<OfferResult[]> {
  if (offerIds.length === 0) return [];
  const rows = await db.selectFrom('offer_results').selectAll().where('offer_id', 'in', [...offerIds]).where('deleted_at', 'is', null).orderBy('offer_id').orderBy('year').execute();
  return rows.map(toResult);
}

/** Replaces a stored result's figures (a corrected or re-imported annual account), bumping its revision. */
export async function updateResultFigures(db: Kysely<DB>, id: string, r: Omit<NewResult, 'id' | 'offerId' | 'year'>, now: string): Promise<void> {
  await db
    .updateTable('offer_results')
    .set((eb) => ({
      basis: r.basis,
      result: r.result,
      set_aside: r.setAside ?? null,
      activity: r.activity ?? null,
      capacity: r.capacity ?? null,
      rule_set_id: r.ruleSetId,
      note: r.note ?? '',
      revision: eb('revision', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}
