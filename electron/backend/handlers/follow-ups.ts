import { insertFollowUp, listFollowUps } from '../../../db/queries/follow-ups';
import { diff } from '../../../db/queries/history';
import { updateGuarded } from '../../../db/queries/records';
import type { FollowUp } from '../../../shared/domain/agenda';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, stale } from '../errors';
import { assertEditable, meetingOf, mustGetItem } from '../services/agenda';
import type { WriteScope } from '../write';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';

type FollowUpHandlers = Pick<Handlers, 'followUps.list' | 'followUps.forMeeting' | 'followUps.create' | 'followUps.update'>;

async function mustGet(db: Kysely<DB>, id: string): Promise<FollowUp> {
  const [found] = await listFollowUps(db, { id });
  if (!found) throw notFound('Opfølgningen');
  return found;
}

const COLUMNS = { action: 'action', owner: 'owner', dueDate: 'due_date', status: 'status' } as const;

export const followUpHandlers = (ctx: BackendContext): FollowUpHandlers => {
  /** Follow-ups show on their item too. */
  const write = (work: (trx: Transaction<DB>, scope: WriteScope) => Promise<void>) => ctx.write(['followUps', 'agenda'], work);
  return {
    'followUps.list': (filter) => listFollowUps(ctx.db, filter),

    /** Open follow-ups of the body agreed at earlier meetings: they come up by themselves when preparing the next one. */
    'followUps.forMeeting': async ({ meetingId }) => {
      const meeting = await meetingOf(ctx.db, meetingId);
      return listFollowUps(ctx.db, { bodyId: meeting.body_id, status: 'aaben', before: meeting.date });
    },

    'followUps.create': async (draft) => {
      const id = ctx.newId();
      await write(async (trx, scope) => {
        const item = await mustGetItem(trx, draft.itemId);
        scope.announce({ ids: [id, item.id] });
        await assertEditable(trx, item.meeting_id);
        const meeting = await meetingOf(trx, item.meeting_id);
        const now = timestamp(ctx);
        await insertFollowUp(trx, { id, itemId: item.id, bodyId: meeting.body_id, action: draft.action, owner: draft.owner, dueDate: draft.dueDate, dueMeetingId: draft.dueMeetingId, status: 'aaben' }, now);
        await scope.history({ at: now, entity: 'opfølgning', entityId: id, meetingId: item.meeting_id, itemId: item.id, action: 'oprettet', changes: { opfølgning: { before: null, after: draft.action } } });
      });
      return mustGet(ctx.db, id);
    },

    'followUps.update': async ({ id, revision, patch }) => {
      await write(async (trx, scope) => {
        const before = await mustGet(trx, id);
        scope.announce({ ids: [id, before.itemId] });
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
        await scope.history({ at: now, entity: 'opfølgning', entityId: id, meetingId: before.origin.meetingId, itemId: before.itemId, action: 'aendret', changes });
      });
      return mustGet(ctx.db, id);
    },
  };
};
