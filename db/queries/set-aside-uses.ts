import type { Kysely, Selectable } from 'kysely';
import type { SetAsideUse } from '../../shared/domain/tariff-year';
import type { DB, SetAsideUsesTable } from '../schema';
import { toMeta, type WriteOutcome } from './records';

function toUse(row: Selectable<SetAsideUsesTable>): SetAsideUse {
  return { ...toMeta(row), resultId: row.result_id, year: row.year, amount: row.amount, usedOnOfferId: row.used_on_offer_id, purpose: row.purpose };
}

export type UseValues = Pick<SetAsideUse, 'resultId' | 'year' | 'amount' | 'usedOnOfferId' | 'purpose'>;
const columns = (v: UseValues) => ({ result_id: v.resultId, year: v.year, amount: v.amount, used_on_offer_id: v.usedOnOfferId, purpose: v.purpose });

export async function insertSetAsideUse(db: Kysely<DB>, id: string, values: UseValues, now: string): Promise<void> {
  await db
    .insertInto('set_aside_uses')
    .values({ id, ...columns(values), created_at: now, updated_at: now })
    .execute();
}

export async function getSetAsideUse(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<SetAsideUse | undefined> {
  let query = db.selectFrom('set_aside_uses').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && toUse(row);
}

/** The live uses of the given results' set-asides, by year. */
export async function usesOfResults(db: Kysely<DB>, resultIds: readonly string[]): Promise<SetAsideUse[]> {
  if (resultIds.length === 0) return [];
  const rows = await db.selectFrom('set_aside_uses').selectAll().where('result_id', 'in', [...resultIds]).where('deleted_at', 'is', null).orderBy('year').orderBy('created_at').execute();
  return rows.map(toUse);
}

export async function updateSetAsideUse(db: Kysely<DB>, id: string, revision: number, values: UseValues, now: string): Promise<WriteOutcome> {
  const result = await db
    .updateTable('set_aside_uses')
    .set((eb) => ({ ...columns(values), updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'written';
  return (await getSetAsideUse(db, id)) ? 'stale' : 'missing';
}

export async function setSetAsideUseDeleted(db: Kysely<DB>, id: string, deleted: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable('set_aside_uses')
    .set((eb) => ({ deleted_at: deleted ? now : null, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
