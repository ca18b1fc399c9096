/**
 * The queries of the exchange packages (electron/backend/exchange): reading and writing rows of the synchronisable
 * tables by entity name, and the few joins the import preview names records with. Rows are the tables' own (snake_case
 * columns); turning them into records and back is shared/exchange/records.ts's.
 */
import { sql, type Kysely } from 'kysely';
import type { EntityName } from '../../shared/exchange/records';
import type { DB, FilesTable } from '../schema';
import { INSTALLATION_ID_KEY, INSTALLATION_LINEAGE_KEY } from './settings';

/**
 * Kysely cannot type a table chosen at run time. Every synchronisable table has `id` and the record columns, so a
 * query is typed as if on `bodies` while it runs on the entity's own table (see db/queries/records.ts).
 */
const anyTable = (entity: EntityName) => entity as 'bodies';
/** A column of the entity's table named at run time (a reference, a unique key), typed as `id` for the same reason. */
const anyColumn = (column: string) => column as 'id';

const PART = 500;
function parts<T>(values: readonly T[], size = PART): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------- rows of the synchronisable tables

/** The rows (tombstones included) with these ids, in no particular order. */
export async function recordRowsById(db: Kysely<DB>, entity: EntityName, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const part of parts(ids)) {
    rows.push(...((await db.selectFrom(anyTable(entity)).selectAll().where('id', 'in', part).execute()) as unknown as Record<string, unknown>[]));
  }
  return rows;
}

/** Which of the ids the entity's table has (tombstones count: they exist). */
export async function existingRecordIds(db: Kysely<DB>, entity: EntityName, ids: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const part of parts(ids)) {
    for (const row of await db.selectFrom(anyTable(entity)).select('id').where('id', 'in', part).execute()) found.push(row.id);
  }
  return found;
}

/** The ids (tombstones included) of the rows whose `column` is one of `values`, sorted. */
export async function recordIdsWhere(db: Kysely<DB>, entity: EntityName, column: string, values: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of parts([...new Set(values)].sort())) {
    for (const row of await db.selectFrom(anyTable(entity)).select('id').where(anyColumn(column), 'in', part).execute()) ids.push(row.id);
  }
  return [...new Set(ids)].sort();
}

/** The distinct non-null values of `column` over every row, or over the rows with these ids; sorted. */
export async function distinctColumnValues(db: Kysely<DB>, entity: EntityName, column: string, ids: readonly string[] | 'all'): Promise<string[]> {
  const values: string[] = [];
  for (const part of ids === 'all' ? [null] : parts(ids)) {
    let query = db
      .selectFrom(anyTable(entity))
      .select(`${column} as value` as 'id as value')
      .distinct()
      .where(anyColumn(column), 'is not', null);
    if (part) query = query.where('id', 'in', part);
    for (const row of await query.execute()) values.push(row.value);
  }
  return [...new Set(values)].sort();
}

/** The rows with these ids (tombstones included) in id order, `chunkSize` per query. */
export async function* recordRowsInIdOrder(db: Kysely<DB>, entity: EntityName, ids: readonly string[], chunkSize: number): AsyncGenerator<Record<string, unknown>> {
  for (const part of parts(ids, chunkSize)) {
    yield* (await db.selectFrom(anyTable(entity)).selectAll().where('id', 'in', part).orderBy('id').execute()) as unknown as Record<string, unknown>[];
  }
}

/**
 * The rows (live ones only, if `liveOnly`) whose first key column is one of `firstValues`: their id and the key's
 * columns under the record's field names, to tell which records here hold the key of an incoming one.
 */
export async function rowsHoldingKeys(
  db: Kysely<DB>,
  entity: EntityName,
  key: readonly { field: string; column: string }[],
  firstValues: readonly string[],
  liveOnly: boolean,
): Promise<Record<string, unknown>[]> {
  let query = db
    .selectFrom(anyTable(entity))
    .select(['id', ...key.map((k) => `${k.column} as ${k.field}`)] as never[])
    .where(anyColumn(key[0]!.column), 'in', [...new Set(firstValues)]);
  if (liveOnly) query = query.where('deleted_at', 'is', null);
  return (await query.execute()) as unknown as Record<string, unknown>[];
}

/** Inserts a row as it is (column names, 0/1 flags, JSON text). */
export async function insertRecordRow(db: Kysely<DB>, entity: EntityName, row: Record<string, unknown>): Promise<void> {
  await db.insertInto(anyTable(entity)).values(row as never).execute();
}

/** Overwrites a row's columns (all but its id) as they are given. */
export async function overwriteRecordRow(db: Kysely<DB>, entity: EntityName, id: string, values: Record<string, unknown>): Promise<void> {
  await db.updateTable(anyTable(entity)).set(values as never).where('id', '=', id).execute();
}

/** Points every reference `column` of the entity's rows from one id to another. */
export async function repointReferences(db: Kysely<DB>, entity: EntityName, column: string, from: string, to: string): Promise<void> {
  await db
    .updateTable(anyTable(entity))
    .set({ [column]: to } as never)
    .where(anyColumn(column), '=', from)
    .execute();
}

/** Gives a row another id, its content unchanged (references to it must follow; foreign keys deferred). */
export async function renameRecordId(db: Kysely<DB>, entity: EntityName, from: string, to: string): Promise<void> {
  const row = await db.selectFrom(anyTable(entity)).selectAll().where('id', '=', from).executeTakeFirstOrThrow();
  await db.deleteFrom(anyTable(entity)).where('id', '=', from).execute();
  await db.insertInto(anyTable(entity)).values({ ...row, id: to } as never).execute();
}

/** Lets references resolve by the commit (an item postponed from an item written later in the same transaction). */
export async function deferForeignKeys(db: Kysely<DB>): Promise<void> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
}

// ---------------------------------------------------------------- attachment files

/** Which of these files the database has a row for. */
export async function presentFiles(db: Kysely<DB>, sha256s: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (const part of parts(sha256s)) {
    for (const row of await db.selectFrom('files').select('sha256').where('sha256', 'in', part).execute()) present.add(row.sha256);
  }
  return present;
}

export async function hasFile(db: Kysely<DB>, sha256: string): Promise<boolean> {
  return (await db.selectFrom('files').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) !== undefined;
}

export async function insertFileRow(db: Kysely<DB>, row: FilesTable): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** Size and type of the files with these hashes (those the database has). */
export async function storedFileRows(db: Kysely<DB>, sha256s: readonly string[]): Promise<{ sha256: string; size: number; mediaType: string }[]> {
  const out: { sha256: string; size: number; mediaType: string }[] = [];
  for (const part of parts(sha256s)) {
    const rows = await db.selectFrom('files').select(['sha256', 'size', 'media_type']).where('sha256', 'in', part).execute();
    for (const row of rows) out.push({ sha256: row.sha256, size: row.size, mediaType: row.media_type });
  }
  return out;
}

// ---------------------------------------------------------------- imports

/** Whether a package with this export id was imported before. */
export async function wasImported(db: Kysely<DB>, exportId: string): Promise<boolean> {
  return (await db.selectFrom('exchange_imports').select('export_id').where('export_id', '=', exportId).executeTakeFirst()) !== undefined;
}

/** Whether this laptop has taken a package, or any record, from the installation before. */
export async function hasExchangedWith(db: Kysely<DB>, installation: string): Promise<boolean> {
  const imported = await db.selectFrom('exchange_imports').select('export_id').where('source_installation', '=', installation).executeTakeFirst();
  if (imported) return true;
  return (await db.selectFrom('exchange_bases').select('record_id').where('source_installation', '=', installation).limit(1).executeTakeFirst()) !== undefined;
}

/** Records the import of a package; an export id reused with other content says when it last was. */
export async function recordImport(db: Kysely<DB>, exportId: string, sourceInstallation: string, now: string): Promise<void> {
  await db
    .insertInto('exchange_imports')
    .values({ export_id: exportId, source_installation: sourceInstallation, imported_at: now })
    .onConflict((oc) => oc.column('export_id').doUpdateSet({ source_installation: sourceInstallation, imported_at: now }))
    .execute();
}

// ---------------------------------------------------------------- what the preview and the import name records by

/** An item's title and place (its position, its meeting's date and body). */
export async function itemPlace(db: Kysely<DB>, itemId: string): Promise<{ title: string; position: number; date: string; code: string } | undefined> {
  return db
    .selectFrom('agenda_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['i.title', 'i.position', 'm.date', 'b.code'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** The live approval steps of these proposals, with their proposal's code. */
export async function liveStepsOf(db: Kysely<DB>, proposalIds: readonly string[]): Promise<{ id: string; code: string }[]> {
  const out: { id: string; code: string }[] = [];
  for (const part of parts(proposalIds)) {
    out.push(
      ...(await db
        .selectFrom('approval_steps as s')
        .innerJoin('proposals as p', 'p.id', 's.proposal_id')
        .select(['s.id', 'p.code'])
        .where('s.proposal_id', 'in', part)
        .where('s.deleted_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

/** The item a decision belongs to. */
export async function decisionItemId(db: Kysely<DB>, decisionId: string): Promise<string | undefined> {
  return (await db.selectFrom('decisions').select('item_id').where('id', '=', decisionId).executeTakeFirst())?.item_id;
}

/** Whether a meeting is a tombstone (false if there is none), and the ids of its items (tombstones included). */
export async function meetingWithItemIds(db: Kysely<DB>, meetingId: string): Promise<{ deleted: boolean; itemIds: string[] }> {
  const meeting = await db.selectFrom('meetings').select('deleted_at').where('id', '=', meetingId).executeTakeFirst();
  const items = await db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId).execute();
  return { deleted: meeting?.deleted_at != null, itemIds: items.map((i) => i.id) };
}

/** A meeting's body (for a meeting's package). */
export async function meetingBodyId(db: Kysely<DB>, meetingId: string): Promise<string | undefined> {
  return (await db.selectFrom('meetings').select('body_id').where('id', '=', meetingId).executeTakeFirst())?.body_id;
}

/**
 * What a package's check depends on besides the package (which references resolve here, whose declared bases count,
 * which files are here): this installation's ids, the imports made and the files stored. Equal text, same check.
 */
export async function checkState(db: Kysely<DB>): Promise<string> {
  const ids = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [INSTALLATION_ID_KEY, INSTALLATION_LINEAGE_KEY]).orderBy('key').execute();
  const imports = await db
    .selectFrom('exchange_imports')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('imported_at').as('last')])
    .executeTakeFirstOrThrow();
  const files = await db
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return JSON.stringify([ids, imports, files.count]);
}
