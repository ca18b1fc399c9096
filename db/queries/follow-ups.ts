import { sql, type Kysely } from 'kysely';
import type { FollowUp, FollowUpStatus, ItemKind, Outcome } from '../../shared/domain/agenda';
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

export interface FollowUpFilter {
  bodyId?: string;
  itemId?: string;
  /** Agreed at an item of this meeting. */
  meetingId?: string;
  status?: FollowUpStatus;
  before?: string;
  id?: string;
  /** The year of the meeting where it was agreed. */
  year?: number;
  /** The kind of the item where it was agreed. */
  kind?: ItemKind;
  /** The outcome of that item's decision. */
  outcome?: Outcome;
  /** A reservation on that item's decision from this organisation (or naming its short name, as the register matches). */
  organisationId?: string;
  organisationShortName?: string;
}

/** Live follow-ups with where they were agreed; filters are optional. */
export async function listFollowUps(db: Kysely<DB>, filter: FollowUpFilter = {}): Promise<FollowUp[]> {
  const where = [
    sql`f.deleted_at IS NULL`,
    filter.bodyId ? sql`f.body_id = ${filter.bodyId}` : null,
    filter.status ? sql`f.status = ${filter.status}` : null,
    filter.before ? sql`m.date < ${filter.before}` : null,
    filter.id ? sql`f.id = ${filter.id}` : null,
    filter.itemId ? sql`f.item_id = ${filter.itemId}` : null,
    filter.meetingId ? sql`i.meeting_id = ${filter.meetingId}` : null,
    filter.year ? sql`m.date BETWEEN ${`${filter.year}-01-01`} AND ${`${filter.year}-12-31`}` : null,
    filter.kind ? sql`i.kind = ${filter.kind}` : null,
    filter.outcome ? sql`EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = i.id AND d.deleted_at IS NULL AND d.outcome = ${filter.outcome})` : null,
    filter.organisationId
      ? sql`EXISTS (SELECT 1 FROM decisions d JOIN reservations r ON r.decision_id = d.id AND r.deleted_at IS NULL
              WHERE d.item_id = i.id AND d.deleted_at IS NULL
                AND (r.organisation_id = ${filter.organisationId} OR instr(r.party, ${filter.organisationShortName ?? '\u0000'}) > 0))`
      : null,
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

export interface NewFollowUp {
  id: string;
  itemId: string;
  bodyId: string;
  action: string;
  owner: string;
  dueDate: string | null;
  dueMeetingId: string | null;
  status: FollowUpStatus;
}

export async function insertFollowUp(db: Kysely<DB>, f: NewFollowUp, now: string): Promise<void> {
  await db
    .insertInto('follow_ups')
    .values({ id: f.id, item_id: f.itemId, body_id: f.bodyId, action: f.action, owner: f.owner, due_date: f.dueDate, due_meeting_id: f.dueMeetingId, status: f.status, created_at: now, updated_at: now })
    .execute();
}
