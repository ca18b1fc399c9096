import type { Kysely } from 'kysely';
import { getBody } from '../../../db/queries/bodies';
import { getMeeting, insertMeeting, listMeetings, setMeetingDeleted, updateMeeting } from '../../../db/queries/meetings';
import { listAttendance, listMembers, replaceAttendance } from '../../../db/queries/people';
import { refreshMeetingDocuments } from '../../../db/queries/search';
import { listItems } from '../../../db/queries/agenda';
import { loadItem, minutesLocked, recordHistory, reindexMeeting } from '../services/agenda';
import type { DB } from '../../../db/schema';
import type { Meeting } from '../../../shared/domain/meeting';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';

type MeetingHandlers = Pick<
  Handlers,
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.create'
  | 'meetings.update'
  | 'meetings.delete'
  | 'meetings.restore'
  | 'meetings.attendance'
  | 'meetings.setAttendance'
  | 'meetings.attendanceFromMembers'
  | 'meetings.correctMinutes'
  | 'meetings.minutesVersions'
  | 'meetings.trash'
>;

async function mustGet(db: Kysely<DB>, id: string): Promise<Meeting> {
  const meeting = await getMeeting(db, id);
  if (!meeting) throw notFound('Mødet');
  return meeting;
}

async function assertBodyExists(db: Kysely<DB>, bodyId: string) {
  if (!(await getBody(db, bodyId))) throw notFound('Organet');
}

export const meetingHandlers = (ctx: BackendContext): MeetingHandlers => {
  const changed = () => ctx.emit('data.changed', { entities: ['meetings', 'bodies'] });
  return {
    'meetings.list': (query) => listMeetings(ctx.db, query),

    'meetings.get': ({ id }) => mustGet(ctx.db, id),

    'meetings.create': async (draft) => {
      const id = ctx.newId();
      await ctx.db.transaction().execute(async (trx) => {
        await assertBodyExists(trx, draft.bodyId);
        await insertMeeting(trx, id, draft, timestamp(ctx));
      });
      changed();
      return mustGet(ctx.db, id);
    },

    'meetings.update': async ({ id, revision, patch }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const current = await mustGet(trx, id);
        if (current.status === 'referat_godkendt') throw minutesLocked(current.date);
        if (patch.bodyId !== undefined) await assertBodyExists(trx, patch.bodyId);
        // The patch alone may hold only one end of the time span.
        const start = patch.startTime !== undefined ? patch.startTime : current.startTime;
        const end = patch.endTime !== undefined ? patch.endTime : current.endTime;
        if (start && end && end <= start) throw new AppError('INVALID_INPUT', 'Sluttidspunktet skal ligge efter starttidspunktet.');
        const outcome = await updateMeeting(trx, id, revision, patch, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Mødet');
        if (outcome === 'stale') throw stale('Mødet');
        if (patch.date !== undefined || patch.bodyId !== undefined) await refreshMeetingDocuments(trx, id);
      });
      changed();
      return mustGet(ctx.db, id);
    },

    'meetings.delete': async ({ id }) => {
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await setMeetingDeleted(trx, id, true, timestamp(ctx)))) throw notFound('Mødet');
        await reindexMeeting(trx, id);
      });
      changed();
      return { id };
    },

    'meetings.attendance': async ({ meetingId }) => {
      await mustGet(ctx.db, meetingId);
      return listAttendance(ctx.db, meetingId);
    },

    'meetings.setAttendance': async ({ meetingId, attendees }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const meeting = await mustGet(trx, meetingId);
        if (meeting.status === 'referat_godkendt') throw minutesLocked(meeting.date);
        await replaceAttendance(trx, meetingId, attendees, ctx.newId, timestamp(ctx));
      });
      changed();
      return listAttendance(ctx.db, meetingId);
    },

    /** Starts the participant list from the body's members (all present), if the meeting has none yet. */
    'meetings.attendanceFromMembers': async ({ meetingId }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const meeting = await mustGet(trx, meetingId);
        if (meeting.status === 'referat_godkendt') throw minutesLocked(meeting.date);
        if ((await listAttendance(trx, meetingId)).length > 0) return;
        const members = await listMembers(trx, meeting.bodyId);
        await replaceAttendance(trx, meetingId, members.map((m) => ({ name: m.name, organisation: m.organisation, present: true })), ctx.newId, timestamp(ctx));
      });
      changed();
      return listAttendance(ctx.db, meetingId);
    },

    'meetings.correctMinutes': async ({ id, reason }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const meeting = await mustGet(trx, id);
        if (meeting.status !== 'referat_godkendt') throw new AppError('CONFLICT', 'Kun et godkendt referat rettes som en ny version; dette referat kan redigeres direkte.');
        const now = timestamp(ctx);
        const previous = await trx.selectFrom('minutes_versions').select((eb) => eb.fn.max('version').as('v')).where('meeting_id', '=', id).executeTakeFirst();
        const version = (previous?.v ?? 1) + 1;
        const items = await listItems(trx, id);
        const snapshot = [];
        for (const item of items) snapshot.push(await loadItem(trx, item.id));
        await trx.insertInto('minutes_versions').values({ id: ctx.newId(), meeting_id: id, version, reason, approved_snapshot: JSON.stringify(snapshot), created_at: now, updated_at: now }).execute();
        const outcome = await updateMeeting(trx, id, meeting.revision, { status: 'referat_udsendt' }, now);
        if (outcome !== 'written') throw stale('Mødet');
        await recordHistory(trx, { at: now, entity: 'referat', entityId: id, meetingId: id, itemId: null, action: 'aendret', changes: { version: { before: version - 1, after: version }, årsag: { before: null, after: reason } } });
      });
      changed();
      return mustGet(ctx.db, id);
    },

    'meetings.minutesVersions': async ({ id }) => {
      await mustGet(ctx.db, id);
      const rows = await ctx.db.selectFrom('minutes_versions').select(['id', 'version', 'reason', 'created_at']).where('meeting_id', '=', id).where('deleted_at', 'is', null).orderBy('version').execute();
      return rows.map((r) => ({ id: r.id, version: r.version, reason: r.reason, createdAt: r.created_at }));
    },

    /** Deleted meetings, and deleted items of meetings that are not deleted themselves. */
    'meetings.trash': async () => {
      const meetings = await ctx.db
        .selectFrom('meetings as m')
        .innerJoin('bodies as b', 'b.id', 'm.body_id')
        .select(['m.id', 'm.date', 'm.deleted_at', 'b.code', 'b.name'])
        .where('m.deleted_at', 'is not', null)
        .execute();
      const items = await ctx.db
        .selectFrom('agenda_items as i')
        .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
        .innerJoin('bodies as b', 'b.id', 'm.body_id')
        .select(['i.id', 'i.title', 'i.deleted_at', 'm.date', 'b.code'])
        .where('i.deleted_at', 'is not', null)
        .where('m.deleted_at', 'is', null)
        .execute();
      return [
        ...meetings.map((m) => ({ kind: 'møde' as const, id: m.id, title: `Møde i ${m.name}`, meetingDate: m.date, bodyCode: m.code, deletedAt: m.deleted_at! })),
        ...items.map((i) => ({ kind: 'punkt' as const, id: i.id, title: i.title, meetingDate: i.date, bodyCode: i.code, deletedAt: i.deleted_at! })),
      ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    },

    'meetings.restore': async ({ id }) => {
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await setMeetingDeleted(trx, id, false, timestamp(ctx)))) throw notFound('Det slettede møde');
        const meeting = await mustGet(trx, id);
        // The body may have been deleted in the meantime; a meeting never points at a tombstone.
        await assertBodyExists(trx, meeting.bodyId);
        await reindexMeeting(trx, id);
      });
      changed();
      return mustGet(ctx.db, id);
    },
  };
};
