import type { Kysely } from 'kysely';
import type { Meeting, MeetingListQuery, MeetingPatch, MeetingStatus, MeetingValues } from '../../shared/domain/meeting';
import type { DB } from '../schema';
import { setTombstone, toMeta, updateGuarded, type WriteOutcome } from './records';

function selectMeetings(db: Kysely<DB>) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .selectAll('m')
    .select(['b.code as body_code', 'b.name as body_name'])
    .where('m.deleted_at', 'is', null);
}

type MeetingJoinRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirstOrThrow']>>;

const toMeeting = (row: MeetingJoinRow): Meeting => ({
  ...toMeta(row),
  bodyId: row.body_id,
  bodyCode: row.body_code,
  bodyName: row.body_name,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
  location: row.location,
  status: row.status as MeetingStatus,
  note: row.note,
});

/** Newest first; within a day by start time. */
export async function listMeetings(db: Kysely<DB>, query: MeetingListQuery = {}): Promise<Meeting[]> {
  let q = selectMeetings(db);
  if (query.bodyId) q = q.where('m.body_id', '=', query.bodyId);
  if (query.year !== undefined) q = q.where('m.date', '>=', `${query.year}-01-01`).where('m.date', '<=', `${query.year}-12-31`);
  const rows = await q.orderBy('m.date', 'desc').orderBy('m.start_time', 'desc').execute();
  return rows.map(toMeeting);
}

export async function getMeeting(db: Kysely<DB>, id: string): Promise<Meeting | undefined> {
  const row = await selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
  return row && toMeeting(row);
}

export async function insertMeeting(db: Kysely<DB>, id: string, values: MeetingValues, now: string, options: { ifAbsent?: boolean } = {}) {
  const insert = db.insertInto('meetings').values({
    id,
    body_id: values.bodyId,
    date: values.date,
    start_time: values.startTime,
    end_time: values.endTime,
    location: values.location,
    status: values.status,
    note: values.note,
    created_at: now,
    updated_at: now,
  });
  const result = await (options.ifAbsent ? insert.onConflict((oc) => oc.doNothing()) : insert).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function updateMeeting(db: Kysely<DB>, id: string, revision: number, patch: MeetingPatch, now: string): Promise<WriteOutcome> {
  const columns = {
    body_id: patch.bodyId,
    date: patch.date,
    start_time: patch.startTime,
    end_time: patch.endTime,
    location: patch.location,
    status: patch.status,
    note: patch.note,
  };
  const changes = Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
  return updateGuarded(db, 'meetings', id, revision, changes, now);
}

export const setMeetingDeleted = (db: Kysely<DB>, id: string, deleted: boolean, now: string) => setTombstone(db, 'meetings', id, deleted, now);

export async function countMeetings(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A meeting with its body's code, for the checks before an edit of it or its agenda (live meetings only). */
export async function getMeetingHead(db: Kysely<DB>, meetingId: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.body_id', 'm.date', 'm.status', 'm.revision', 'b.code as body_code'])
    .where('m.id', '=', meetingId)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The meeting's own row, deleted or not. */
export async function getMeetingRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The dates of the given meetings (deleted ones too): id -> date. */
export async function meetingDates(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('meetings').select(['id', 'date']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((m) => [m.id, m.date]));
}

/** The body's live meeting just before `date` (the one whose minutes the next agenda approves). */
export async function previousMeetingOfBody(db: Kysely<DB>, bodyId: string, date: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('body_id', '=', bodyId)
    .where('date', '<', date)
    .where('deleted_at', 'is', null)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Sets a meeting's status as a revision of it (e.g. minutes approved through the next meeting's decision). */
export async function setMeetingStatus(db: Kysely<DB>, id: string, status: MeetingStatus, now: string): Promise<void> {
  await db.updateTable('meetings').set((eb) => ({ status, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
}

/** The deleted meetings with their body, for the wastebasket. */
export async function listDeletedMeetings(db: Kysely<DB>) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.date', 'm.deleted_at', 'b.code', 'b.name'])
    .where('m.deleted_at', 'is not', null)
    .execute();
}

/** The highest version number of a meeting's corrected minutes, or null before the first correction. */
export async function latestMinutesVersion(db: Kysely<DB>, meetingId: string): Promise<number | null> {
  const row = await db.selectFrom('minutes_versions').select((eb) => eb.fn.max('version').as('v')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return row?.v ?? null;
}

export async function insertMinutesVersion(
  db: Kysely<DB>,
  values: { id: string; meetingId: string; version: number; reason: string; approvedSnapshot: unknown },
  now: string,
): Promise<void> {
  await db
    .insertInto('minutes_versions')
    .values({ id: values.id, meeting_id: values.meetingId, version: values.version, reason: values.reason, approved_snapshot: JSON.stringify(values.approvedSnapshot), created_at: now, updated_at: now })
    .execute();
}

export async function listMinutesVersions(db: Kysely<DB>, meetingId: string) {
  const rows = await db.selectFrom('minutes_versions').select(['id', 'version', 'reason', 'created_at']).where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, version: r.version, reason: r.reason, createdAt: r.created_at }));
}
