import type { Kysely } from 'kysely';
import type { EntityName } from '../../shared/exchange/records';
import type { DB } from '../schema';

/** The tables whose rows carry id, revision, timestamps and a tombstone: the exchange's entities (shared/exchange/records.ts). */
export type RecordTable = EntityName;

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

/** Gives the rows the positions 1..n in the given order, touching (and revising) only rows whose position changes. */
export async function writeOrder(db: Kysely<DB>, table: 'agenda_items' | 'attachments', ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  // Both tables have id and position; typed as one of them, as asRecordTable does for the record columns.
  const ordered = table as 'attachments';
  const rows = await db.selectFrom(ordered).select(['id', 'position']).where('id', 'in', [...ids]).execute();
  const positionOf = new Map(rows.map((r) => [r.id, r.position]));
  for (const [index, id] of ids.entries()) {
    if (positionOf.get(id) === index + 1) continue;
    await db
      .updateTable(ordered)
      .set((eb) => ({ position: index + 1, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
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

/** Every row of a synchronisable table (tombstones included) in id order, `chunkSize` at a time. */
export async function* allRecordRows(db: Kysely<DB>, table: string, chunkSize = 500): AsyncGenerator<Record<string, unknown>> {
  let after: string | null = null;
  for (;;) {
    let query = db.selectFrom(table as 'bodies').selectAll().orderBy('id').limit(chunkSize);
    if (after !== null) query = query.where('id', '>', after);
    const rows = (await query.execute()) as unknown as Record<string, unknown>[];
    yield* rows;
    if (rows.length < chunkSize) return;
    after = rows[rows.length - 1]!.id as string;
  }
}
