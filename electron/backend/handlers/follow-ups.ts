import { listFollowUps } from '../../../db/queries/follow-ups';
import { diff } from '../../../db/queries/history';
import { updateGuarded } from '../../../db/queries/records';
import type { FollowUp } from '../../../shared/domain/agenda';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, stale } from '../errors';
import { assertEditable, meetingOf, mustGetItem, recordHistory } from '../services/agenda';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

type FollowUpHandlers = Pick<Handlers, 'followUps.list' | 'followUps.forMeeting' | 'followUps.create' | 'followUps.update'>;

async function mustGet(db: Kysely<DB>, id: string): Promise<FollowUp> {
  const [found] = await listFollowUps(db, { id });
  if (!found) throw notFound('Opfølgningen');
  return found;
}

const COLUMNS = { action: 'action', owner: 'owner', dueDate: 'due_date', status: 'status' } as const;

export const followUpHandlers = (ctx: BackendContext): FollowUpHandlers => {
  const changed = () => ctx.emit('data.changed', { entities: ['followUps', 'agenda'] });
  return {
    'followUps.list': (filter) => listFollowUps(ctx.db, filter),

    /** Open follow-ups of the body agreed at earlier meetings: they come up by themselves when preparing the next one. */
    'followUps.forMeeting': async ({ meetingId }) => {
      const meeting = await meetingOf(ctx.db, meetingId);
      return listFollowUps(ctx.db, { bodyId: meeting.body_id, status: 'aaben', before: meeting.date });
    },

    'followUps.create': async (draft) => {
      const id = ctx.newId();
      await ctx.db.transaction().execute(async (trx) => {
        const item = await mustGetItem(trx, draft.itemId);
        await assertEditable(trx, item.meeting_id);
        const meeting = await meetingOf(trx, item.meeting_id);
        const now = timestamp(ctx);
        await trx
          .insertInto('follow_ups')
          .values({ id, item_id: item.id, body_id: meeting.body_id, action: draft.action, owner: draft.owner, due_date: draft.dueDate, due_meeting_id: draft.dueMeetingId, status: 'aaben', created_at: now, updated_at: now })
          .execute();
        await recordHistory(trx, { at: now, entity: 'opfølgning', entityId: id, meetingId: item.meeting_id, itemId: item.id, action: 'oprettet', changes: { opfølgning: { before: null, after: draft.action } } });
      });
      changed();
      return mustGet(ctx.db, id);
    },

    'followUps.update': async ({ id, revision, patch }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const before = await mustGet(trx, id);
        // What was agreed is part of the locked minutes; whether it has been done is followed up later.
        if (patch.action !== undefined || patch.owner !== undefined || patch.dueDate !== undefined) await assertEditable(trx, before.origin.meetingId);
        const values: Record<string, unknown> = {};
        for (const [field, column] of Object.entries(COLUMNS)) {
          const value = patch[field as keyof typeof COLUMNS];
          if (value !== undefined) values[column] = value;
        }
        const now = timestamp(ctx);
        const outcome = await updateGuarded(trx, 'follow_ups', id, revision, values, now);
        if (outcome === 'missing') throw notFound('Opfølgningen');
        if (outcome === 'stale') throw stale('Opfølgningen');
        const changes = diff({ action: before.action, owner: before.owner, dueDate: before.dueDate, status: before.status }, patch);
        await recordHistory(trx, { at: now, entity: 'opfølgning', entityId: id, meetingId: before.origin.meetingId, itemId: before.itemId, action: 'aendret', changes });
      });
      changed();
      return mustGet(ctx.db, id);
    },
  };
};
