import { getDecisionRow, getDecision, listRecommendations } from '../../../db/queries/agenda';
import { decisionRegister } from '../../../db/queries/decision-register';
import { diff } from '../../../db/queries/history';
import { insertDecision, replaceReservations, savePointOutcomes } from '../../../db/queries/decisions';
import { getMeetingRow, setMeetingStatus } from '../../../db/queries/meetings';
import { itemIsOnApprovalRoute } from '../../../db/queries/proposals';
import { updateGuarded } from '../../../db/queries/records';
import { isApproving, type Decision } from '../../../shared/domain/agenda';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { assertEditable, mustGetItem, reindexItem } from '../services/agenda';
import { exportRegister, registerConditions } from '../services/register-export';
import { applyTakstbilagDecision } from '../services/tariff-annex';
import { richTextToPlain, sanitizeRichText } from '../services/rich-text';

type DecisionHandlers = Pick<Handlers, 'decisions.save' | 'decisions.register' | 'decisions.export'>;

/** Approving outcomes of a "Godkendelse af referat" item lock the minutes of the meeting it approves. */

export const decisionHandlers = (ctx: BackendContext): DecisionHandlers => ({
  'decisions.save': async (input) => {
    await ctx.write(['agenda'], async (trx, scope) => {
      const item = await mustGetItem(trx, input.itemId);
      scope.announce({ ids: [item.id, item.meeting_id] });
      await assertEditable(trx, item.meeting_id);
      const now = timestamp(ctx);
      const text = sanitizeRichText(input.text);
      const recommendationIds = new Set((await listRecommendations(trx, item.id)).map((r) => r.id));
      for (const id of Object.keys(input.pointOutcomes)) {
        if (!recommendationIds.has(id)) throw new AppError('INVALID_INPUT', 'Et udfald henviser til et indstillingspunkt, der ikke findes længere. Indlæs punktet igen.');
      }

      const existing = await getDecisionRow(trx, item.id);
      let decisionId: string;
      const before: Partial<Decision> = (await getDecision(trx, item.id)) ?? {};
      if (!existing) {
        if (input.revision !== null) throw stale('Beslutningen');
        decisionId = ctx.newId();
        await insertDecision(trx, { id: decisionId, itemId: item.id, text, outcome: input.outcome }, now);
      } else {
        if (input.revision === null) throw stale('Beslutningen');
        decisionId = existing.id;
        const outcome = await updateGuarded(trx, 'decisions', decisionId, input.revision, { text, outcome: input.outcome }, now);
        if (outcome === 'missing') throw notFound('Beslutningen');
        if (outcome === 'stale') throw stale('Beslutningen');
      }
      scope.announce({ ids: [decisionId] });
      await savePointOutcomes(trx, decisionId, input.pointOutcomes, ctx.newId, now);
      await replaceReservations(trx, decisionId, input.reservations, ctx.newId, now);

      const changes = diff(
        { beslutning: richTextToPlain(before.text ?? ''), udfald: before.outcome ?? null, forbehold: (before.reservations ?? []).map((r) => r.party) },
        { beslutning: richTextToPlain(text), udfald: input.outcome, forbehold: input.reservations.map((r) => r.party) },
      );
      if (Object.keys(changes).length > 0) {
        await scope.history({ at: now, entity: 'beslutning', entityId: decisionId, meetingId: item.meeting_id, itemId: item.id, action: existing ? 'aendret' : 'oprettet', changes });
      }

      if (item.approves_meeting_id && isApproving(input.outcome)) {
        const approved = await getMeetingRow(trx, item.approves_meeting_id);
        if (approved && approved.status !== 'referat_godkendt') {
          await setMeetingStatus(trx, approved.id, 'referat_godkendt', now);
          await scope.history({ at: now, entity: 'møde', entityId: approved.id, meetingId: approved.id, itemId: item.id, action: 'aendret', changes: { status: { before: approved.status, after: 'referat_godkendt' } } });
          scope.announce({ entities: ['meetings'], ids: [approved.id] });
        }
      }
      // A takstbilag's item: an approving decision approves and locks the year's submitted sheets, in this transaction.
      await applyTakstbilagDecision(trx, scope, item, input.outcome, now);
      await reindexItem(trx, item.id);
      // A proposal on whose route the item lies takes its status from this decision.
      if (await itemIsOnApprovalRoute(trx, item.id)) scope.announce({ entities: ['proposals'] });
    });
    return (await getDecision(ctx.db, input.itemId))!;
  },

  'decisions.register': async ({ offset, limit, ...filter }) => {
    const { rows, total } = await decisionRegister(ctx.db, { ...(await registerConditions(ctx.db, filter)), offset, limit });
    return {
      total,
      rows: rows.map((r) => ({
        ...r,
        text: richTextToPlain(r.text),
        reservations: r.reservations ? (JSON.parse(r.reservations) as string[]) : [],
      })),
    };
  },

  /** The whole register for the filters (not a page), or the follow-ups, as .xlsx or CSV. */
  'decisions.export': (request) => exportRegister(ctx.db, ctx.exports, request, ctx.now()),
});
