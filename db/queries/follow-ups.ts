import { sql, type Kysely } from 'kysely';
import type { FollowUp, FollowUpStatus } from '../../shared/domain/agenda';
import type { DB } from '../schema';
import { toMeta } from './records';

interface FollowUpRow {
  id: string;
  revision: number;
  created_at: string;
  updated_at: string;
  item_id: string;
  body_id: string;
  action: string;
  owner: string;
  due_date: string | null;
  due_meeting_id: string | null;
  status: FollowUpStatus;
  treated_in_item_id: string | null;
  meeting_id: string;
  meeting_date: string;
  body_code: string;
  item_title: string;
  item_number: number;
}

/** Live follow-ups with where they were agreed; filters are optional. */
export async function listFollowUps(
  db: Kysely<DB>,
  filter: { bodyId?: string; itemId?: string; status?: FollowUpStatus; before?: string; id?: string } = {},
): Promise<FollowUp[]> {
  const where = [
    sql`f.deleted_at IS NULL`,
    filter.bodyId ? sql`f.body_id = ${filter.bodyId}` : null,
    filter.status ? sql`f.status = ${filter.status}` : null,
    filter.before ? sql`m.date < ${filter.before}` : null,
    filter.id ? sql`f.id = ${filter.id}` : null,
    filter.itemId ? sql`f.item_id = ${filter.itemId}` : null,
  ].filter((w) => w !== null);
  const { rows } = await sql<FollowUpRow>`
    SELECT f.id, f.revision, f.created_at, f.updated_at, f.item_id, f.body_id, f.action, f.owner, f.due_date,
           f.due_meeting_id, f.status, f.treated_in_item_id,
           m.id AS meeting_id, m.date AS meeting_date, b.code AS body_code, i.title AS item_title,
           (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = i.meeting_id AND x.deleted_at IS NULL AND x.position <= i.position) AS item_number
      FROM follow_ups f
      JOIN agenda_items i ON i.id = f.item_id AND i.deleted_at IS NULL
      JOIN meetings m ON m.id = i.meeting_id AND m.deleted_at IS NULL
      JOIN bodies b ON b.id = m.body_id
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY m.date, item_number, f.created_at`.execute(db);
  return rows.map((r) => ({
    ...toMeta(r),
    itemId: r.item_id,
    bodyId: r.body_id,
    action: r.action,
    owner: r.owner,
    dueDate: r.due_date,
    dueMeetingId: r.due_meeting_id,
    status: r.status,
    treatedInItemId: r.treated_in_item_id,
    origin: { meetingId: r.meeting_id, meetingDate: r.meeting_date, bodyCode: r.body_code, itemNumber: r.item_number, itemTitle: r.item_title },
  }));
}
