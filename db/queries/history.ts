import type { Kysely } from 'kysely';
import type { DB, HistoryTable } from '../schema';

export type HistoryAction = HistoryTable['action'];

export interface HistoryRecord {
  at: string;
  userName: string;
  entity: string;
  entityId: string;
  meetingId: string | null;
  itemId: string | null;
  action: HistoryAction;
  /** Field -> { before, after }; only fields that changed. */
  changes: Record<string, { before: unknown; after: unknown }>;
}

export async function appendHistory(db: Kysely<DB>, record: HistoryRecord): Promise<void> {
  await db
    .insertInto('history')
    .values({
      at: record.at,
      user_name: record.userName,
      entity: record.entity,
      entity_id: record.entityId,
      meeting_id: record.meetingId,
      item_id: record.itemId,
      action: record.action,
      changes: JSON.stringify(record.changes),
    })
    .execute();
}

export async function historyOfItem(db: Kysely<DB>, itemId: string) {
  const rows = await db.selectFrom('history').selectAll().where('item_id', '=', itemId).orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userName: r.user_name,
    entity: r.entity,
    action: r.action,
    changes: JSON.parse(r.changes) as Record<string, { before: unknown; after: unknown }>,
  }));
}

/** The fields of `after` whose value differs from `before`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = { before: before[key] ?? null, after: value };
  }
  return changes;
}
