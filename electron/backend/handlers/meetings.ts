import type { Kysely, Transaction } from 'kysely';
import { getBody } from '../../../db/queries/bodies';
import {
  getMeeting,
  insertMeeting,
  insertMinutesVersion,
  latestMinutesVersion,
  listDeletedMeetings,
  listMeetings,
  listMinutesVersions,
  setMeetingDeleted,
  updateMeeting,
} from '../../../db/queries/meetings';
import { listAttendance, listMembers, replaceAttendance } from '../../../db/queries/people';
import { refreshMeetingDocuments } from '../../../db/queries/search';
import { listDeletedItems } from '../../../db/queries/agenda';
import { loadMeetingItems, minutesLocked, reindexMeeting } from '../services/agenda';
import type { DB } from '../../../db/schema';
import type { Meeting } from '../../../shared/domain/meeting';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import type { WriteScope } from '../write';

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
  /** A meeting's write announces the meeting (and bodies, whose meeting counts it may move). */
  const write = (id: string, work: (trx: Transaction<DB>, scope: WriteScope) => Promise<void>) => ctx.write(['meetings', 'bodies'], work, { ids: [id] });
  return {
    'meetings.list': (query) => listMeetings(ctx.db, query),

    'meetings.get': ({ id }) => mustGet(ctx.db, id),

    'meetings.create': async (draft) => {
      const id = ctx.newId();
      await write(id, async (trx) => {
        await assertBodyExists(trx, draft.bodyId);
        await insertMeeting(trx, id, draft, timestamp(ctx));
      });
      return mustGet(ctx.db, id);
    },

    'meetings.update': async ({ id, revision, patch }) => {
      await write(id, async (trx) => {
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
      return mustGet(ctx.db, id);
    },

    'meetings.delete': async ({ id }) => {
      await write(id, async (trx) => {
        if (!(await setMeetingDeleted(trx, id, true, timestamp(ctx)))) throw notFound('Mødet');
        await reindexMeeting(trx, id);
      });
      return { id };
    },

    'meetings.attendance': async ({ meetingId }) => {
      await mustGet(ctx.db, meetingId);
      return listAttendance(ctx.db, meetingId);
    },

    'meetings.setAttendance': async ({ meetingId, attendees }) => {
      await write(meetingId, async (trx) => {
        const meeting = await mustGet(trx, meetingId);
        if (meeting.status === 'referat_godkendt') throw minutesLocked(meeting.date);
        await replaceAttendance(trx, meetingId, attendees, ctx.newId, timestamp(ctx));
      });
      return listAttendance(ctx.db, meetingId);
    },

    /** Starts the participant list from the body's members (all present), if the meeting has none yet. */
    'meetings.attendanceFromMembers': async ({ meetingId }) => {
      await write(meetingId, async (trx) => {
        const meeting = await mustGet(trx, meetingId);
        if (meeting.status === 'referat_godkendt') throw minutesLocked(meeting.date);
        if ((await listAttendance(trx, meetingId)).length > 0) return;
        const members = await listMembers(trx, meeting.bodyId);
        await replaceAttendance(trx, meetingId, members.map((m) => ({ name: m.name, organisation: m.organisation, present: true })), ctx.newId, timestamp(ctx));
      });
      return listAttendance(ctx.db, meetingId);
    },

    'meetings.correctMinutes': async ({ id, reason }) => {
      await write(id, async (trx, scope) => {
        const meeting = await mustGet(trx, id);
        if (meeting.status !== 'referat_godkendt') throw new AppError('CONFLICT', 'Kun et godkendt referat rettes som en ny version; dette referat kan redigeres direkte.');
        const now = timestamp(ctx);
        const version = ((await latestMinutesVersion(trx, id)) ?? 1) + 1;
        const snapshot = await loadMeetingItems(trx, id);
        await insertMinutesVersion(trx, { id: ctx.newId(), meetingId: id, version, reason, approvedSnapshot: snapshot }, now);
        const outcome = await updateMeeting(trx, id, meeting.revision, { status: 'referat_udsendt' }, now);
        if (outcome !== 'written') throw stale('Mødet');
        await scope.history({ at: now, entity: 'referat', entityId: id, meetingId: id, itemId: null, action: 'aendret', changes: { version: { before: version - 1, after: version }, årsag: { before: null, after: reason } } });
      });
      return mustGet(ctx.db, id);
    },

    'meetings.minutesVersions': async ({ id }) => {
      await mustGet(ctx.db, id);
      return listMinutesVersions(ctx.db, id);
    },

    /** Deleted meetings, and deleted items of meetings that are not deleted themselves. */
    'meetings.trash': async () => {
      const meetings = await listDeletedMeetings(ctx.db);
      const items = await listDeletedItems(ctx.db);
      return [
        ...meetings.map((m) => ({ kind: 'møde' as const, id: m.id, title: `Møde i ${m.name}`, meetingDate: m.date, bodyCode: m.code, deletedAt: m.deleted_at! })),
        ...items.map((i) => ({ kind: 'punkt' as const, id: i.id, title: i.title, meetingDate: i.date, bodyCode: i.code, deletedAt: i.deleted_at! })),
      ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
    },

    'meetings.restore': async ({ id }) => {
      await write(id, async (trx) => {
        if (!(await setMeetingDeleted(trx, id, false, timestamp(ctx)))) throw notFound('Det slettede møde');
        const meeting = await mustGet(trx, id);
        // The body may have been deleted in the meantime; a meeting never points at a tombstone.
        await assertBodyExists(trx, meeting.bodyId);
        await reindexMeeting(trx, id);
      });
      return mustGet(ctx.db, id);
    },
  };
};
