import type { Kysely, Selectable } from 'kysely';
import type { OfferResult } from '../../shared/domain/tariff-year';
import type { DB, OfferResultsTable } from '../schema';
import { toMeta, type WriteOutcome } from './records';

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

export async function getResult(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<(OfferResult & { deleted: boolean }) | undefined> {
  let query = db.selectFrom('offer_results').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && { ...toResult(row), deleted: row.deleted_at !== null };
}

/** The result of an offer's year, a deleted one too (the year is unique, so a new entry takes the tombstone's row). */
export async function resultOfYear(db: Kysely<DB>, offerId: string, year: number): Promise<(OfferResult & { deleted: boolean }) | undefined> {
  const row = await db.selectFrom('offer_results').selectAll().where('offer_id', '=', offerId).where('year', '=', year).executeTakeFirst();
  return row && { ...toResult(row), deleted: row.deleted_at !== null };
}

export type ResultValues = Pick<OfferResult, 'basis' | 'result' | 'setAside' | 'activity' | 'capacity' | 'note'>;

const resultColumns = (v: ResultValues) => ({ basis: v.basis, result: v.result, set_aside: v.setAside, activity: v.activity, capacity: v.capacity, note: v.note });

/** Corrects a live result at the revision the caller saw. */
export async function updateResult(db: Kysely<DB>, id: string, revision: number, values: ResultValues, now: string): Promise<WriteOutcome> {
  const result = await db
    .updateTable('offer_results')
    .set((eb) => ({ ...resultColumns(values), updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'written';
  return (await getResult(db, id)) ? 'stale' : 'missing';
}

/** Brings a deleted result's row back with new figures (a new entry for the year of a deleted one). */
export async function reviveResult(db: Kysely<DB>, id: string, values: ResultValues & { ruleSetId: string }, now: string): Promise<void> {
  await db
    .updateTable('offer_results')
    .set((eb) => ({ ...resultColumns(values), rule_set_id: values.ruleSetId, deleted_at: null, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Sets or clears a result's tombstone; false when there was nothing to change. */
export async function setResultDeleted(db: Kysely<DB>, id: string, deleted: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable('offer_results')
    .set((eb) => ({ deleted_at: deleted ? now : null, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
