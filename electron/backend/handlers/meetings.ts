import type { Kysely } from 'kysely';
import { getBody } from '../../../db/queries/bodies';
import { getMeeting, insertMeeting, listMeetings, setMeetingDeleted, updateMeeting } from '../../../db/queries/meetings';
import { listAttendance, listMembers, replaceAttendance } from '../../../db/queries/people';
import { refreshMeetingDocuments } from '../../../db/queries/search';
import { reindexMeeting } from '../services/agenda';
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
        await mustGet(trx, meetingId);
        await replaceAttendance(trx, meetingId, attendees, ctx.newId, timestamp(ctx));
      });
      changed();
      return listAttendance(ctx.db, meetingId);
    },

    /** Starts the participant list from the body's members (all present), if the meeting has none yet. */
    'meetings.attendanceFromMembers': async ({ meetingId }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const meeting = await mustGet(trx, meetingId);
        if ((await listAttendance(trx, meetingId)).length > 0) return;
        const members = await listMembers(trx, meeting.bodyId);
        await replaceAttendance(trx, meetingId, members.map((m) => ({ name: m.name, organisation: m.organisation, present: true })), ctx.newId, timestamp(ctx));
      });
      changed();
      return listAttendance(ctx.db, meetingId);
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
