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
