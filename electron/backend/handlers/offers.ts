import { getItemRow } from '../../../db/queries/agenda';
import { diff } from '../../../db/queries/history';
import { categoryChangeFrom, getOffer, insertOffer, insertOfferCategory, rewriteOfferCategory, setOfferDeleted, updateOffer } from '../../../db/queries/offers';
import { approvedSheetYears } from '../../../db/queries/tariff-sheets';
import { organisationName } from '../../../db/queries/organisations';
import { categoryIn, registerRows } from '../../../shared/logic/tariff/offer-register';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { exportOfferRegister, mustGetOffer, offerRows } from '../services/offers';

type OfferHandlers = Pick<Handlers, 'offers.list' | 'offers.get' | 'offers.create' | 'offers.update' | 'offers.delete' | 'offers.setCategory' | 'offers.export'>;

const history = (entityId: string) => ({ entity: 'offers', entityId, meetingId: null, itemId: null });

export const offerHandlers = (ctx: BackendContext): OfferHandlers => {
  const thisYear = () => ctx.now().getFullYear();
  const mustHaveOperator = async (db: Parameters<typeof organisationName>[0], id: string) => {
    if ((await organisationName(db, id)) === undefined) throw new AppError('INVALID_INPUT', 'Driftsherren findes ikke blandt kommunerne og regionen.');
  };
  return {
    'offers.list': async (query) => registerRows(await offerRows(ctx.db, query.year ?? thisYear()), query),

    'offers.get': ({ id }) => mustGetOffer(ctx.db, id, thisYear()),

    'offers.create': async ({ category, fromYear, ...fields }) => {
      const id = ctx.newId();
      await ctx.write(['offer'], async (trx, scope) => {
        await mustHaveOperator(trx, fields.operatorId);
        const now = timestamp(ctx);
        await insertOffer(trx, { id, ...fields }, now);
        await insertOfferCategory(trx, { id: ctx.newId(), offerId: id, fromYear, category, reason: 'Optaget i registret' }, now);
        await scope.history({ ...history(id), action: 'oprettet', changes: diff({}, { ...fields, category, fromYear }) });
      }, { ids: [id] });
      return mustGetOffer(ctx.db, id, thisYear());
    },

    'offers.update': async ({ id, revision, patch }) => {
      await ctx.write(['offer'], async (trx, scope) => {
        const before = await getOffer(trx, id);
        if (!before) throw notFound('Tilbuddet');
        if (before.revision !== revision) throw stale('Tilbuddet');
        if (patch.operatorId !== undefined) await mustHaveOperator(trx, patch.operatorId);
        const outcome = await updateOffer(trx, id, revision, patch, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Tilbuddet');
        if (outcome === 'stale') throw stale('Tilbuddet');
        await scope.history({ ...history(id), action: 'aendret', changes: diff(before, patch) });
      }, { ids: [id] });
      return mustGetOffer(ctx.db, id, thisYear());
    },

    'offers.delete': async ({ id }) => {
      await ctx.write(['offer'], async (trx, scope) => {
        if (!(await setOfferDeleted(trx, id, true, timestamp(ctx)))) throw notFound('Tilbuddet');
        await scope.history({ ...history(id), action: 'slettet' });
      }, { ids: [id] });
      return { id };
    },

    'offers.setCategory': async ({ offerId, fromYear, category, reason, decisionItemId, decidedBy }) => {
      await ctx.write(['offer'], async (trx, scope) => {
        const offer = await getOffer(trx, offerId);
        if (!offer) throw notFound('Tilbuddet');
        const locked = await approvedSheetYears(trx, offerId, fromYear);
        if (locked.length > 0) {
          throw new AppError(
            'LOCKED',
            `Kategorien kan ikke skiftes fra ${fromYear}: takstberegningsskemaet for ${locked.join(', ')} er godkendt og låst. Vælg et år efter ${locked[locked.length - 1]}.`,
          );
        }
        if (decisionItemId !== null && !(await getItemRow(trx, decisionItemId))) throw notFound('Dagsordenspunktet med beslutningen');
        const now = timestamp(ctx);
        const change = { category, reason, decisionItemId, decidedBy };
        const existing = await categoryChangeFrom(trx, offerId, fromYear);
        if (existing) await rewriteOfferCategory(trx, existing.id, change, now);
        else await insertOfferCategory(trx, { id: ctx.newId(), offerId, fromYear, ...change }, now);
        // The offer's revision moves on too, so a window editing it sees that it changed.
        await updateOffer(trx, offerId, offer.revision, {}, now);
        await scope.history({ ...history(offerId), action: 'aendret', changes: { [`kategori fra ${fromYear}`]: { before: categoryIn(offer, fromYear), after: category } } });
      }, { ids: [offerId] });
      return mustGetOffer(ctx.db, offerId, thisYear());
    },

    'offers.export': (filter) => exportOfferRegister(ctx.db, ctx.exports, filter, filter.year ?? thisYear(), ctx.now()),
  };
};
