import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { AttachmentSummary } from '../../shared/domain/agenda';
import type { AttachmentsTable, DB } from '../schema';
import { setTombstone, updateGuarded, type WriteOutcome } from './records';

export type AttachmentSummaryData = z.infer<typeof AttachmentSummary>;
export type AttachmentRow = Selectable<AttachmentsTable>;

/** An attachment row with the size of its file (null when the file row is missing). */
type ListedRow = AttachmentRow & { size: number | null };

const byPosition = (a: AttachmentRow, b: AttachmentRow) =>
  a.position - b.position || (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const toSummary = (row: ListedRow, number: number): AttachmentSummaryData => ({
  id: row.id,
  number,
  title: row.title,
  fileName: row.file_name,
  sha256: row.sha256,
  closed: row.closed === 1,
  size: row.size === null ? null : Number(row.size),
  revision: row.revision,
  version: row.version,
});

async function liveRows(db: Kysely<DB>, itemIds: readonly string[]): Promise<ListedRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('attachments as a')
    .leftJoin('files as f', 'f.sha256', 'a.sha256')
    .selectAll('a')
    .select('f.size')
    .where('a.item_id', 'in', [...itemIds])
    .where('a.deleted_at', 'is', null)
    .execute();
  return rows.sort(byPosition);
}

/**
 * The live attachments of an item in their order; `number` is the 1-based rank ("Bilag 1", "Bilag 2", ...),
 * derived from the order and never stored, so deleting, restoring or moving one renumbers the rest.
 */
export async function listAttachments(db: Kysely<DB>, itemId: string): Promise<AttachmentSummaryData[]> {
  return (await liveRows(db, [itemId])).map((row, index) => toSummary(row, index + 1));
}

/** The same for several items at once (agenda packs, the printed agenda): item id -> attachments. */
export async function listAttachmentsByItem(db: Kysely<DB>, itemIds: readonly string[]): Promise<Map<string, AttachmentSummaryData[]>> {
  const result = new Map<string, AttachmentSummaryData[]>(itemIds.map((id) => [id, []]));
  for (const row of await liveRows(db, itemIds)) {
    const list = result.get(row.item_id)!;
    list.push(toSummary(row, list.length + 1));
  }
  return result;
}

export async function getAttachmentRow(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<AttachmentRow | undefined> {
  let query = db.selectFrom('attachments').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

/** One live attachment as the UI shows it, numbered among its item's attachments (plus `offset`). */
export async function getAttachmentSummary(db: Kysely<DB>, id: string, offset: (itemId: string) => Promise<number> = async () => 0): Promise<AttachmentSummaryData | undefined> {
  const row = await getAttachmentRow(db, id);
  if (!row) return undefined;
  const first = await offset(row.item_id);
  return (await listAttachments(db, row.item_id)).map((a) => ({ ...a, number: a.number + first })).find((a) => a.id === id);
}

/** How many live attachments the live items before this one in its meeting have: where its own numbers start after. */
export async function attachmentsBeforeItem(db: Kysely<DB>, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('attachments as a')
    .innerJoin('agenda_items as x', 'x.id', 'a.item_id')
    .innerJoin('agenda_items as i', (join) => join.onRef('i.meeting_id', '=', 'x.meeting_id').onRef('x.position', '<', 'i.position'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.id', '=', itemId)
    .where('a.deleted_at', 'is', null)
    .where('x.deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The position after every attachment the item has or had (tombstoned ones keep theirs for a restore). */
export async function nextAttachmentPosition(db: Kysely<DB>, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export interface NewAttachment {
  id: string;
  itemId: string;
  position: number;
  title: string;
  fileName: string;
  /** Null only for a demo annex whose file could not be made. */
  sha256: string | null;
  closed: boolean;
  version?: number;
  replacesId?: string | null;
}

export async function insertAttachment(db: Kysely<DB>, values: NewAttachment, now: string): Promise<void> {
  await db
    .insertInto('attachments')
    .values({
      id: values.id,
      created_at: now,
      updated_at: now,
      item_id: values.itemId,
      position: values.position,
      title: values.title,
      file_name: values.fileName,
      sha256: values.sha256,
      closed: values.closed ? 1 : 0,
      version: values.version ?? 1,
      replaces_id: values.replacesId ?? null,
    })
    .execute();
}

export interface AttachmentValues {
  title?: string;
  closed?: boolean;
}

export function updateAttachment(db: Kysely<DB>, id: string, revision: number, values: AttachmentValues, now: string): Promise<WriteOutcome> {
  const columns: Record<string, unknown> = {};
  if (values.title !== undefined) columns.title = values.title;
  if (values.closed !== undefined) columns.closed = values.closed ? 1 : 0;
  return updateGuarded(db, 'attachments', id, revision, columns, now);
}

/**
 * Gives the listed attachments the positions 1, 2, 3 ... in the order given; only rows whose position changes
 * are written (and get a new revision), so an exchange file carries just the real changes.
 */
export const setAttachmentDeleted = (db: Kysely<DB>, id: string, deleted: boolean, now: string) => setTombstone(db, 'attachments', id, deleted, now);

/**
 * The live attachment that replaced this one, directly or through later versions (a replaced version must not
 * come back beside its successor). Follows `replaces_id` forward through deleted versions.
 */
export async function findReplacement(db: Kysely<DB>, id: string): Promise<AttachmentRow | undefined> {
  const seen = new Set<string>([id]);
  let frontier = [id];
  while (frontier.length > 0) {
    const next = await db.selectFrom('attachments').selectAll().where('replaces_id', 'in', frontier).execute();
    const live = next.find((row) => row.deleted_at === null);
    if (live) return live;
    frontier = next.map((row) => row.id).filter((rowId) => !seen.has(rowId));
    for (const rowId of frontier) seen.add(rowId);
  }
  return undefined;
}

/** Copies the live attachments of an item onto another (an item copied to a later meeting), each a new record. */
export async function copyAttachments(db: Kysely<DB>, fromItemId: string, toItemId: string, newId: () => string, now: string): Promise<void> {
  const rows = await db.selectFrom('attachments').selectAll().where('item_id', '=', fromItemId).where('deleted_at', 'is', null).execute();
  for (const a of rows) {
    await insertAttachment(db, { id: newId(), itemId: toItemId, position: a.position, title: a.title, fileName: a.file_name, sha256: a.sha256, closed: a.closed === 1, version: a.version, replacesId: null }, now);
  }
}

/** Every attachment of an item, deleted ones too, with its file's extracted text: what the search index holds of it. */
export async function attachmentsForSearch(db: Kysely<DB>, itemId: string) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['a.id', 'a.title', 'a.file_name', 'a.deleted_at', 'f.text'])
    .where('a.item_id', '=', itemId)
    .execute();
}

/** The items that show a stored file (through any attachment, deleted ones too). */
export async function itemsShowingFile(db: Kysely<DB>, sha256: string): Promise<string[]> {
  return (await db.selectFrom('attachments').select('item_id').distinct().where('sha256', '=', sha256).execute()).map((a) => a.item_id);
}

/** An attachment showing a stored file, a live one first: how the user knows the file. */
export async function firstAttachmentOfFile(db: Kysely<DB>, sha256: string) {
  return db.selectFrom('attachments').select(['title', 'file_name']).where('sha256', '=', sha256).orderBy('deleted_at').executeTakeFirst();
}

/** Media type and extracted text of every stored file a meeting's attachments show: sha256 -> facts. */
export async function fileFactsOfMeeting(db: Kysely<DB>, meetingId: string): Promise<Map<string, { mediaType: string; text: string | null }>> {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('agenda_items as i', 'i.id', 'a.item_id')
    .innerJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['f.sha256', 'f.media_type', 'f.text'])
    .where('i.meeting_id', '=', meetingId)
    .execute();
  return new Map(rows.map((r) => [r.sha256, { mediaType: r.media_type, text: r.text }]));
}
