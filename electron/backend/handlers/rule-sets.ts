import { getRuleSetRow, insertRuleSet, listRuleSetRows, ruleSetOfYear, updateRuleSet, type RuleSetRow } from '../../../db/queries/rule-sets';
import { diff } from '../../../db/queries/history';
import { RuleSetParams, type RuleSetRecord } from '../../../shared/domain/rule-sets';
import { HOME_REGION } from '../../../shared/logic/tariff/rule-set';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';

type RuleSetHandlers = Pick<Handlers, 'ruleSets.list' | 'ruleSets.get' | 'ruleSets.copy' | 'ruleSets.update' | 'ruleSets.approve'>;

function toRecord(row: RuleSetRow): RuleSetRecord {
  const { params, ...rest } = row;
  return { ...rest, year: row.year, params: RuleSetParams.parse(JSON.parse(params)) };
}

const history = (entityId: string) => ({ entity: 'rule_sets', entityId, meetingId: null, itemId: null });

const lockedMessage = (row: RuleSetRow) =>
  `Regelsættet for ${row.year} er godkendt og låst. Kopiér det til et nyt år for at ændre reglerne.`;

export const ruleSetHandlers = (ctx: BackendContext): RuleSetHandlers => {
  const mustGet = async (db: BackendContext['db'], id: string) => {
    const row = await getRuleSetRow(db, id);
    if (!row) throw notFound('Regelsættet');
    return row;
  };
  return {
    'ruleSets.list': async () => (await listRuleSetRows(ctx.db, HOME_REGION)).map(toRecord),

    'ruleSets.get': async ({ id }) => toRecord(await mustGet(ctx.db, id)),

    'ruleSets.copy': async ({ fromId, year }) => {
      const id = ctx.newId();
      await ctx.write(['ruleSet'], async (trx, scope) => {
        const from = await mustGet(trx, fromId);
        if (await ruleSetOfYear(trx, from.region, year)) throw new AppError('CONFLICT', `Der findes allerede et regelsæt for ${year}. Ret det i stedet for at kopiere.`);
        const source = from.year === year ? from.source : `${from.source} (kopieret til ${year})`;
        await insertRuleSet(trx, { id, region: from.region, year, source, params: from.params }, timestamp(ctx));
        await scope.history({ ...history(id), action: 'oprettet', changes: { kopieret: { before: from.year, after: year } } });
      }, { ids: [id] });
      return toRecord(await mustGet(ctx.db, id));
    },

    'ruleSets.update': async ({ id, revision, patch }) => {
      await ctx.write(['ruleSet'], async (trx, scope) => {
        const before = await mustGet(trx, id);
        if (before.approvedAt !== null) throw new AppError('LOCKED', lockedMessage(before));
        if (before.revision !== revision) throw stale('Regelsættet');
        const values = { source: patch.source, params: patch.params === undefined ? undefined : JSON.stringify(patch.params) };
        const outcome = await updateRuleSet(trx, id, revision, values, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Regelsættet');
        if (outcome === 'stale') throw stale('Regelsættet');
        const changes = diff({ source: before.source, ...JSON.parse(before.params) }, { ...(patch.source === undefined ? {} : { source: patch.source }), ...patch.params });
        await scope.history({ ...history(id), action: 'aendret', changes });
      }, { ids: [id] });
      return toRecord(await mustGet(ctx.db, id));
    },

    'ruleSets.approve': async ({ id, revision }) => {
      await ctx.write(['ruleSet'], async (trx, scope) => {
        const before = await mustGet(trx, id);
        if (before.approvedAt !== null) throw new AppError('LOCKED', `Regelsættet for ${before.year} er allerede godkendt.`);
        const now = timestamp(ctx);
        const outcome = await updateRuleSet(trx, id, revision, { approvedAt: now }, now);
        if (outcome === 'missing') throw notFound('Regelsættet');
        if (outcome === 'stale') throw stale('Regelsættet');
        await scope.history({ ...history(id), action: 'aendret', changes: { godkendt: { before: null, after: now } } });
      }, { ids: [id] });
      return toRecord(await mustGet(ctx.db, id));
    },
  };
};
