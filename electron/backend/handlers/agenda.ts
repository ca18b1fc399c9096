import {
  getItemRow,
  moveItemToMeeting,
  insertItem,
  listGuests,
  listItems,
  listRecommendations,
  replaceGuests,
  replaceRecommendations,
  setItemDeleted,
} from '../../../db/queries/agenda';
import { copyAttachments } from '../../../db/queries/attachments';
import { itemReferences } from '../../../db/queries/item-references';
import { updateGuarded, writeOrder } from '../../../db/queries/records';
import { diff, historyOfItem } from '../../../db/queries/history';
import { previousMeetingOfBody } from '../../../db/queries/meetings';
import { SECTION_KEYS, type AgendaItemPatch } from '../../../shared/domain/agenda';
import type { DB } from '../../../db/schema';
import { formatLongDate } from '../../../shared/format';
import { timestamp, type BackendContext } from '../context';
import type { Transaction } from 'kysely';
import type { Handlers } from '../dispatch';
import { notFound, stale } from '../errors';
import {
  assertEditable,
  FU_RESUME,
  loadItem,
  meetingOf,
  mustGetItem,
  reindexItem,
  templateOf,
} from '../services/agenda';
import { keepingAttachmentReferences } from '../services/attachment-references';
import { sanitizeRichText } from '../services/rich-text';
import type { WriteScope } from '../write';

type AgendaHandlers = Pick<
  Handlers,
  | 'agenda.list'
  | 'agenda.get'
  | 'agenda.create'
  | 'agenda.update'
  | 'agenda.move'
  | 'agenda.delete'
  | 'agenda.restore'
  | 'agenda.applyTemplate'
  | 'agenda.postpone'
  | 'agenda.history'
  | 'agenda.references'
>;

/** Column of each simple field of the patch. */
const COLUMNS = {
  title: 'title',
  kind: 'kind',
  caseNumber: 'case_number',
  caseOfficer: 'case_officer',
  resume: 'resume',
  caseText: 'case_text',
  economy: 'economy',
  consultation: 'consultation',
} as const;

function columnsOf(patch: AgendaItemPatch): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = patch[field as keyof typeof COLUMNS];
    if (value === undefined) continue;
    values[column] = (SECTION_KEYS as readonly string[]).includes(field) ? sanitizeRichText(value) : value;
  }
  if (patch.closed !== undefined) values.closed = patch.closed ? 1 : 0;
  if (patch.closedTitleVisible !== undefined) values.closed_title_visible = patch.closedTitleVisible ? 1 : 0;
  return values;
}

export const agendaHandlers = (ctx: BackendContext): AgendaHandlers => {
  /** An agenda write: the items named and their meeting (whose order and numbers may move) are announced. */
  const write = <T>(ids: readonly string[], work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>) => ctx.write(['agenda'], work, { ids });
  const history = (scope: WriteScope, meetingId: string, itemId: string, action: 'oprettet' | 'aendret' | 'slettet' | 'gendannet', changes?: Record<string, { before: unknown; after: unknown }>) =>
    scope.history({ entity: 'punkt', entityId: itemId, meetingId, itemId, action, changes });

  return {
    'agenda.list': async ({ meetingId }) => {
      await meetingOf(ctx.db, meetingId);
      return listItems(ctx.db, meetingId);
    },

    'agenda.get': ({ id }) => loadItem(ctx.db, id),

    'agenda.create': async (draft) => {
      const id = ctx.newId();
      await write([id, draft.meetingId], async (trx, scope) => {
        await assertEditable(trx, draft.meetingId);
        await insertItem(trx, id, { meetingId: draft.meetingId, title: draft.title, kind: draft.kind, closed: draft.closed }, draft.at, timestamp(ctx));
        await history(scope, draft.meetingId, id, 'oprettet', { title: { before: null, after: draft.title } });
        await reindexItem(trx, id);
      });
      return loadItem(ctx.db, id);
    },

    'agenda.update': async ({ id, revision, patch }) => {
      await write([id], async (trx, scope) => {
        const before = await mustGetItem(trx, id);
        scope.announce({ ids: [before.meeting_id] });
        await assertEditable(trx, before.meeting_id);
        const now = timestamp(ctx);
        const values = columnsOf(patch);
        // Closing an item hides its title in the public edition; showing it stays an explicit choice in the same patch.
        if (patch.closed === true && before.closed === 0 && patch.closedTitleVisible === undefined) values.closed_title_visible = 0;
        const outcome = await updateGuarded(trx, 'agenda_items', id, revision, values, now);
        if (outcome === 'missing') throw notFound('Punktet');
        if (outcome === 'stale') throw stale('Punktet');
        const changes = diff(before as unknown as Record<string, unknown>, values);
        if (patch.recommendations) {
          const old = (await listRecommendations(trx, id)).map((r) => r.text);
          await replaceRecommendations(trx, id, patch.recommendations, ctx.newId, now);
          Object.assign(changes, diff({ indstilling: old }, { indstilling: patch.recommendations }));
        }
        if (patch.guests) {
          const old = await listGuests(trx, id);
          await replaceGuests(trx, id, patch.guests, ctx.newId, now);
          Object.assign(changes, diff({ gæster: old.map((g) => g.name) }, { gæster: patch.guests.map((g) => g.name) }));
        }
        if (Object.keys(changes).length > 0) await history(scope, before.meeting_id, id, 'aendret', changes);
        await reindexItem(trx, id);
      });
      return loadItem(ctx.db, id);
    },

    'agenda.move': async ({ id, to }) => {
      const item = await mustGetItem(ctx.db, id);
      await write([id, item.meeting_id], async (trx, scope) => {
        await assertEditable(trx, item.meeting_id);
        const order = (await listItems(trx, item.meeting_id)).map((i) => i.id);
        const from = order.indexOf(id);
        order.splice(from, 1);
        order.splice(Math.min(to - 1, order.length), 0, id);
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, () => writeOrder(trx, 'agenda_items', order, now));
        await history(scope, item.meeting_id, id, 'aendret', { placering: { before: from + 1, after: Math.min(to, order.length) } });
      });
      return listItems(ctx.db, item.meeting_id);
    },

    'agenda.delete': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const item = await mustGetItem(trx, id);
        scope.announce({ ids: [item.meeting_id] });
        await assertEditable(trx, item.meeting_id);
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, () => setItemDeleted(trx, id, true, now));
        await history(scope, item.meeting_id, id, 'slettet');
        await reindexItem(trx, id);
      });
      return { id };
    },

    'agenda.restore': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const item = await getItemRow(trx, id, { includeDeleted: true });
        if (!item?.deleted_at) throw notFound('Det slettede punkt');
        scope.announce({ ids: [item.meeting_id] });
        await assertEditable(trx, item.meeting_id);
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, () => setItemDeleted(trx, id, false, now));
        await history(scope, item.meeting_id, id, 'gendannet');
        await reindexItem(trx, id);
      });
      return loadItem(ctx.db, id);
    },

    'agenda.applyTemplate': async ({ meetingId }) => {
      const added: string[] = [];
      await write([meetingId], async (trx, scope) => {
        await assertEditable(trx, meetingId);
        const meeting = await meetingOf(trx, meetingId);
        const present = new Set((await listItems(trx, meetingId)).map((i) => i.standing).filter(Boolean));
        const template = await templateOf(trx, meeting.body_id, meeting.body_code);
        const previous = await previousMeetingOfBody(trx, meeting.body_id, meeting.date);
        // Approvals open the agenda; the rest close it, in the template's order.
        let head = 1;
        for (const standing of template) {
          if (present.has(standing.standing)) continue;
          const approvesMinutes = standing.standing === 'godkendelse_referat';
          const opensAgenda = approvesMinutes || standing.standing === 'godkendelse_dagsorden';
          const id = ctx.newId();
          const now = timestamp(ctx);
          await insertItem(
            trx,
            id,
            {
              meetingId,
              title: standing.title,
              kind: standing.kind,
              standing: standing.standing,
              approvesMeetingId: approvesMinutes ? (previous?.id ?? null) : null,
              resume: standing.standing === 'fu_orienterer' ? FU_RESUME : '',
            },
            opensAgenda ? head++ : undefined,
            now,
          );
          const recommendation = approvesMinutes && previous
            ? `${meeting.body_code} godkender referatet fra mødet den ${formatLongDate(previous.date)}`
            : standing.recommendation;
          if (recommendation) await replaceRecommendations(trx, id, [recommendation], ctx.newId, now);
          await history(scope, meetingId, id, 'oprettet', { title: { before: null, after: standing.title } });
          await reindexItem(trx, id);
          added.push(id);
        }
        scope.announce({ ids: added });
      });
      return listItems(ctx.db, meetingId);
    },

    'agenda.postpone': async ({ id, toMeetingId, mode }) => {
      const newId = mode === 'kopier' ? ctx.newId() : id;
      await write([newId, toMeetingId], async (trx, scope) => {
        const item = await mustGetItem(trx, id);
        scope.announce({ ids: [item.meeting_id] });
        const target = await meetingOf(trx, toMeetingId);
        const source = await meetingOf(trx, item.meeting_id);
        if (target.date < source.date) throw notFound('Et senere møde at udsætte til');
        await assertEditable(trx, toMeetingId);
        const now = timestamp(ctx);
        if (mode === 'flyt') {
          await assertEditable(trx, item.meeting_id);
          const last = (await listItems(trx, toMeetingId)).length;
          await keepingAttachmentReferences(trx, scope, [item.meeting_id, toMeetingId], now, () => moveItemToMeeting(trx, id, toMeetingId, last + 1, now));
          await history(scope, toMeetingId, id, 'aendret', { møde: { before: source.date, after: target.date } });
        } else {
          await insertItem(trx, newId, {
            meetingId: toMeetingId,
            title: item.title,
            kind: item.kind as 'beslutning',
            closed: item.closed === 1,
            closedTitleVisible: item.closed_title_visible === 1,
            caseNumber: item.case_number,
            caseOfficer: item.case_officer,
            resume: item.resume,
            caseText: item.case_text,
            economy: item.economy,
            consultation: item.consultation,
            postponedFromItemId: id,
          }, undefined, now);
          await replaceRecommendations(trx, newId, (await listRecommendations(trx, id)).map((r) => r.text), ctx.newId, now);
          await copyAttachments(trx, id, newId, ctx.newId, now);
          await history(scope, toMeetingId, newId, 'oprettet', { udsat_fra: { before: null, after: source.date } });
        }
        await reindexItem(trx, newId);
      });
      return loadItem(ctx.db, newId);
    },

    'agenda.history': async ({ id }) => {
      await mustGetItem(ctx.db, id);
      return historyOfItem(ctx.db, id);
    },

    'agenda.references': (query) => itemReferences(ctx.db, query),
  };
};
