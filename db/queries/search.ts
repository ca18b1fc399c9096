import { sql, type Kysely } from 'kysely';
import { foldDanish } from '../../shared/format/fold';
import type { DB, SearchDocumentsTable } from '../schema';

export interface SearchDocument {
  entity: SearchDocumentsTable['entity'];
  entityId: string;
  meetingId: string;
  itemId: string;
  title: string;
  body: string;
}

/** Adds or replaces a document: the original text in search_documents, its folded form in the FTS index. */
export async function indexDocument(db: Kysely<DB>, doc: SearchDocument): Promise<void> {
  await removeDocument(db, doc.entityId);
  const meeting = await db.selectFrom('meetings').select(['body_id', 'date']).where('id', '=', doc.meetingId).executeTakeFirstOrThrow();
  const { rowid } = await db
    .insertInto('search_documents')
    .values({ entity: doc.entity, entity_id: doc.entityId, meeting_id: doc.meetingId, item_id: doc.itemId, body_id: meeting.body_id, meeting_date: meeting.date, title: doc.title, body: doc.body })
    .returning('rowid')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO search_fts (rowid, title, body) VALUES (${rowid}, ${foldDanish(doc.title)}, ${foldDanish(doc.body)})`.execute(db);
}

export async function removeDocument(db: Kysely<DB>, entityId: string): Promise<void> {
  const existing = await db.selectFrom('search_documents').select('rowid').where('entity_id', '=', entityId).executeTakeFirst();
  if (!existing) return;
  await sql`DELETE FROM search_fts WHERE rowid = ${existing.rowid}`.execute(db);
  await db.deleteFrom('search_documents').where('rowid', '=', existing.rowid).execute();
}

/** A meeting's body or date changed: its documents follow, so filters stay right. */
export async function refreshMeetingDocuments(db: Kysely<DB>, meetingId: string): Promise<void> {
  const meeting = await db.selectFrom('meetings').select(['body_id', 'date']).where('id', '=', meetingId).executeTakeFirst();
  if (meeting) await db.updateTable('search_documents').set({ body_id: meeting.body_id, meeting_date: meeting.date }).where('meeting_id', '=', meetingId).execute();
}

export interface SearchRow {
  entity: SearchDocumentsTable['entity'];
  entity_id: string;
  meeting_id: string;
  item_id: string;
  title: string;
  body: string;
  meeting_date: string;
  body_code: string;
  item_title: string;
  item_number: number;
}

/** Documents matching an FTS5 expression, best first (bm25, titles weigh five times the body), live items only. */
export async function searchDocuments(
  db: Kysely<DB>,
  match: string,
  filter: { bodyId?: string; year?: number; limit: number },
): Promise<SearchRow[]> {
  const byBody = filter.bodyId ? sql`AND d.body_id = ${filter.bodyId}` : sql``;
  const byYear = filter.year ? sql`AND d.meeting_date BETWEEN ${`${filter.year}-01-01`} AND ${`${filter.year}-12-31`}` : sql``;
  // Rank and limit first, joining only the documents (by rowid; they carry body and date for the filters and hold
  // live items of live meetings only); the item number and texts are looked up for the top hits alone.
  const result = await sql<SearchRow>`
    WITH hits AS (
      SELECT f.rowid AS rowid, bm25(search_fts, 5.0, 1.0) AS rank
        FROM search_fts f
        ${filter.bodyId || filter.year ? sql`JOIN search_documents d ON d.rowid = f.rowid` : sql``}
       WHERE search_fts MATCH ${match} ${byBody} ${byYear}
       ORDER BY rank
       LIMIT ${filter.limit})
    SELECT d.entity, d.entity_id, d.meeting_id, d.item_id, d.title, d.body,
           m.date AS meeting_date, b.code AS body_code, i.title AS item_title,
           (SELECT count(*) FROM agenda_items x
             WHERE x.meeting_id = i.meeting_id AND x.deleted_at IS NULL AND x.position <= i.position) AS item_number
      FROM hits h
      JOIN search_documents d ON d.rowid = h.rowid
      JOIN agenda_items i ON i.id = d.item_id
      JOIN meetings m ON m.id = d.meeting_id
      JOIN bodies b ON b.id = m.body_id
     ORDER BY h.rank`.execute(db);
  return result.rows;
}

/** The ids of the indexed documents of an item (itself, its decision, its attachments). */
export async function indexedEntitiesOfItem(db: Kysely<DB>, itemId: string): Promise<string[]> {
  return (await db.selectFrom('search_documents').select('entity_id').where('item_id', '=', itemId).execute()).map((d) => d.entity_id);
}
