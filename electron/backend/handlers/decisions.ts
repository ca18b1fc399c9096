import { getDecisionRow, getDecision, listRecommendations } from '../../../db/queries/agenda';
import { decisionRegister } from '../../../db/queries/decision-register';
import { diff } from '../../../db/queries/history';
import { setTombstone, updateGuarded } from '../../../db/queries/records';
import type { Decision } from '../../../shared/domain/agenda';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { assertEditable, mustGetItem, recordHistory, reindexItem } from '../services/agenda';
import { exportRegister, registerConditions } from '../services/register-export';
import { richTextToPlain, sanitizeRichText } from '../services/rich-text';

type DecisionHandlers = Pick<Handlers, 'decisions.save' | 'decisions.register' | 'decisions.export'>;

/** Approving outcomes of a "Godkendelse af referat" item lock the minutes of the meeting it approves. */
const APPROVING = new Set(['godkendt', 'godkendt_med_aendringer']);

export const decisionHandlers = (ctx: BackendContext): DecisionHandlers => ({
  'decisions.save': async (input) => {
    const entities: ('agenda' | 'meetings' | 'proposals')[] = ['agenda'];
    await ctx.db.transaction().execute(async (trx) => {
      const item = await mustGetItem(trx, input.itemId);
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
        await trx.insertInto('decisions').values({ id: decisionId, item_id: item.id, text, outcome: input.outcome, created_at: now, updated_at: now }).execute();
      } else {
        if (input.revision === null) throw stale('Beslutningen');
        decisionId = existing.id;
        const outcome = await updateGuarded(trx, 'decisions', decisionId, input.revision, { text, outcome: input.outcome }, now);
        if (outcome === 'missing') throw notFound('Beslutningen');
        if (outcome === 'stale') throw stale('Beslutningen');
      }

      const points = await trx.selectFrom('recommendation_outcomes').select(['id', 'recommendation_id', 'outcome']).where('decision_id', '=', decisionId).where('deleted_at', 'is', null).execute();
      for (const p of points) {
        const wanted = input.pointOutcomes[p.recommendation_id];
        if (!wanted) await setTombstone(trx, 'recommendation_outcomes', p.id, true, now);
        else if (wanted !== p.outcome) await trx.updateTable('recommendation_outcomes').set((eb) => ({ outcome: wanted, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', p.id).execute();
      }
      const had = new Set(points.map((p) => p.recommendation_id));
      for (const [recommendationId, outcome] of Object.entries(input.pointOutcomes)) {
        if (had.has(recommendationId)) continue;
        await trx.insertInto('recommendation_outcomes').values({ id: ctx.newId(), decision_id: decisionId, recommendation_id: recommendationId, outcome, created_at: now, updated_at: now }).execute();
      }

      const oldReservations = await trx.selectFrom('reservations').select(['id', 'party', 'organisation_id', 'text']).where('decision_id', '=', decisionId).where('deleted_at', 'is', null).execute();
      const key = (r: { party: string; organisationId: string | null; text: string }) => JSON.stringify([r.party, r.organisationId, r.text]);
      const remaining = new Map(oldReservations.map((r) => [key({ party: r.party, organisationId: r.organisation_id, text: r.text }), r.id]));
      for (const r of input.reservations) {
        if (remaining.delete(key(r))) continue;
        await trx.insertInto('reservations').values({ id: ctx.newId(), decision_id: decisionId, organisation_id: r.organisationId, party: r.party, text: r.text, created_at: now, updated_at: now }).execute();
      }
      for (const id of remaining.values()) await setTombstone(trx, 'reservations', id, true, now);

      const changes = diff(
        { beslutning: richTextToPlain(before.text ?? ''), udfald: before.outcome ?? null, forbehold: (before.reservations ?? []).map((r) => r.party) },
        { beslutning: richTextToPlain(text), udfald: input.outcome, forbehold: input.reservations.map((r) => r.party) },
      );
      if (Object.keys(changes).length > 0) {
        await recordHistory(trx, { at: now, entity: 'beslutning', entityId: decisionId, meetingId: item.meeting_id, itemId: item.id, action: existing ? 'aendret' : 'oprettet', changes });
      }

      if (item.approves_meeting_id && input.outcome && APPROVING.has(input.outcome)) {
        const approved = await trx.selectFrom('meetings').select(['id', 'status']).where('id', '=', item.approves_meeting_id).executeTakeFirst();
        if (approved && approved.status !== 'referat_godkendt') {
          await trx.updateTable('meetings').set((eb) => ({ status: 'referat_godkendt', updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', approved.id).execute();
          await recordHistory(trx, { at: now, entity: 'møde', entityId: approved.id, meetingId: approved.id, itemId: item.id, action: 'aendret', changes: { status: { before: approved.status, after: 'referat_godkendt' } } });
          entities.push('meetings');
        }
      }
      await reindexItem(trx, item.id);
      // A proposal on whose route the item lies takes its status from this decision.
      if (await trx.selectFrom('approval_steps').select('id').where('item_id', '=', item.id).where('deleted_at', 'is', null).executeTakeFirst()) entities.push('proposals');
    });
    ctx.emit('data.changed', { entities });
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
