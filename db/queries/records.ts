import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** The tables whose rows carry id, revision, timestamps and a tombstone. */
export type RecordTable =
  | 'meetings'
  | 'bodies'
  | 'organisations'
  | 'body_members'
  | 'body_relations'
  | 'meeting_attendance'
  | 'agenda_items'
  | 'recommendations'
  | 'item_guests'
  | 'decisions'
  | 'recommendation_outcomes'
  | 'reservations'
  | 'follow_ups'
  | 'attachments'
  | 'minutes_versions';

/** Outcome of an update guarded by the record's revision (optimistic concurrency). */
export type WriteOutcome = 'written' | 'missing' | 'stale';

export const toMeta = (row: { id: string; revision: number; created_at: string; updated_at: string }) => ({
  id: row.id,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Kysely cannot type a table chosen at run time. Every record table has the columns used below, so the query is
 * typed as if on `bodies` while it runs on the table given; callers pass only that table's own columns.
 */
const asRecordTable = (table: RecordTable) => table as 'bodies';

/**
 * Updates a live record only if it still has the revision the caller saw, bumping the revision.
 * Tells a missing record from a stale revision when no row was touched.
 */
export async function updateGuarded(
  db: Kysely<DB>,
  table: RecordTable,
  id: string,
  revision: number,
  values: Record<string, unknown>,
  now: string,
): Promise<WriteOutcome> {
  const result = await db
    .updateTable(asRecordTable(table))
    .set((eb) => ({ ...values, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'written';
  const current = await db.selectFrom(asRecordTable(table)).select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return current ? 'stale' : 'missing';
}

/** Sets or clears the tombstone; returns false if there was nothing to change. */
export async function setTombstone(db: Kysely<DB>, table: RecordTable, id: string, deleted: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable(asRecordTable(table))
    .set((eb) => ({ deleted_at: deleted ? now : null, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
