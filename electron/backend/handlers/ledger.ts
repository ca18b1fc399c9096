import type { Kysely } from 'kysely';
import { diff } from '../../../db/queries/history';
import { getResult, setResultDeleted } from '../../../db/queries/offer-results';
import { getOffer } from '../../../db/queries/offers';
import { getSetAsideUse, insertSetAsideUse, setSetAsideUseDeleted, updateSetAsideUse, usesOfResults, type UseValues } from '../../../db/queries/set-aside-uses';
import type { DB } from '../../../db/schema';
import type { OfferResult } from '../../../shared/domain/tariff-year';
import { formatKroner } from '../../../shared/format/numbers';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { offerLedgers, operatorLedger } from '../services/ledger';
import { RESULT_HISTORY_ENTITY, settleStoredResult, writeResult } from '../services/results';

const USE = 'brug af hensættelse';

type LedgerHandlers = Pick<
  Handlers,
  'results.save' | 'results.delete' | 'results.restore' | 'setAsideUses.save' | 'setAsideUses.delete' | 'setAsideUses.restore' | 'ledger.offer' | 'ledger.operator'
>;

async function mustGetOffer(db: Kysely<DB>, id: string) {
  const offer = await getOffer(db, id);
  if (!offer) throw notFound('Tilbuddet');
  return offer;
}

async function mustGetResult(db: Kysely<DB>, id: string): Promise<OfferResult> {
  const found = await getResult(db, id);
  if (!found) throw notFound('Resultatet');
  return found;
}

/**
 * A use must come from a set-aside of a live result, in the years after it until it expires (Y + 5), within what is
 * left, and on one of the operator's own offers (Styringsaftalen 5.3.1).
 */
async function checkUse(db: Kysely<DB>, values: UseValues, exceptId: string | null): Promise<void> {
  const result = await mustGetResult(db, values.resultId);
  const settled = await settleStoredResult(db, result);
  if (settled.setAside === 0) throw new AppError('INVALID_INPUT', `Der er ikke hensat noget af resultatet for ${result.year}.`);
  const useBy = settled.setAsideUseBy ?? result.year;
  if (values.year <= result.year || values.year > useBy) {
    throw new AppError('INVALID_INPUT', `Hensættelsen fra ${result.year} kan bruges i ${result.year + 1}–${useBy} (Styringsaftalen 5.3.1), ikke i ${values.year}.`);
  }
  const others = (await usesOfResults(db, [result.id])).filter((u) => u.id !== exceptId).reduce((sum, u) => sum + u.amount, 0);
  const left = settled.setAside - others;
  if (values.amount > left) throw new AppError('INVALID_INPUT', `Der er kun ${formatKroner(left)} tilbage af hensættelsen fra ${result.year} (hensat ${formatKroner(settled.setAside)}).`);
  if (values.usedOnOfferId !== null) {
    const [source, target] = await Promise.all([mustGetOffer(db, result.offerId), getOffer(db, values.usedOnOfferId)]);
    if (!target) throw notFound('Tilbuddet, hensættelsen bruges på,');
    if (target.operatorId !== source.operatorId) {
      throw new AppError('INVALID_INPUT', `En hensættelse kan kun bruges på driftsherrens egne tilbud; ${target.name} drives af ${target.operatorName}, ikke ${source.operatorName}.`);
    }
  }
}

export const ledgerHandlers = (ctx: BackendContext): LedgerHandlers => {
  // A result changes the ledger and the sheets of two years on, which pick its due amount up.
  const write = <T>(ids: readonly string[], work: Parameters<typeof ctx.write<T>>[1]) => ctx.write(['ledger', 'tariffSheet'], work, { ids });
  const currentYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(ctx.now()));

  return {
    'results.save': async ({ id, revision, offerId, year, ...figures }) => {
      if (id !== undefined && revision === undefined) throw new AppError('INVALID_INPUT', 'Angiv resultatets revision for at rette det.');
      const savedId = await write([offerId], async (trx, scope) => {
        await mustGetOffer(trx, offerId);
        const existing = id === undefined ? 'refuse' : { id, revision: revision! };
        return writeResult(trx, scope, { offerId, year, values: figures, existing }, ctx.newId, timestamp(ctx));
      });
      return mustGetResult(ctx.db, savedId);
    },

    'results.delete': async ({ id }) => {
      await write([id], async (trx, scope) => {
        if (!(await setResultDeleted(trx, id, true, timestamp(ctx)))) throw notFound('Resultatet');
        await scope.history({ entity: RESULT_HISTORY_ENTITY, entityId: id, meetingId: null, itemId: null, action: 'slettet' });
      });
      return { id };
    },

    'results.restore': async ({ id }) => {
      await write([id], async (trx, scope) => {
        if (!(await setResultDeleted(trx, id, false, timestamp(ctx)))) throw notFound('Det slettede resultat');
        await scope.history({ entity: RESULT_HISTORY_ENTITY, entityId: id, meetingId: null, itemId: null, action: 'gendannet' });
      });
      return mustGetResult(ctx.db, id);
    },

    'setAsideUses.save': async ({ id, revision, ...values }) => {
      const savedId = await write([values.resultId], async (trx, scope) => {
        await checkUse(trx, values, id ?? null);
        const now = timestamp(ctx);
        if (id === undefined) {
          const newId = ctx.newId();
          await insertSetAsideUse(trx, newId, values, now);
          await scope.history({ entity: USE, entityId: newId, meetingId: null, itemId: null, action: 'oprettet', changes: diff({}, values) });
          return newId;
        }
        const before = await getSetAsideUse(trx, id);
        if (revision === undefined) throw new AppError('INVALID_INPUT', 'Angiv revisionen for at rette brugen af hensættelsen.');
        const outcome = await updateSetAsideUse(trx, id, revision, values, now);
        if (outcome === 'missing') throw notFound('Brugen af hensættelsen');
        if (outcome === 'stale') throw stale('Brugen af hensættelsen');
        await scope.history({ entity: USE, entityId: id, meetingId: null, itemId: null, action: 'aendret', changes: diff({ ...before }, values) });
        return id;
      });
      return (await getSetAsideUse(ctx.db, savedId))!;
    },

    'setAsideUses.delete': async ({ id }) => {
      await write([id], async (trx, scope) => {
        if (!(await setSetAsideUseDeleted(trx, id, true, timestamp(ctx)))) throw notFound('Brugen af hensættelsen');
        await scope.history({ entity: USE, entityId: id, meetingId: null, itemId: null, action: 'slettet' });
      });
      return { id };
    },

    'setAsideUses.restore': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const deleted = await getSetAsideUse(trx, id, { includeDeleted: true });
        if (!deleted) throw notFound('Den slettede brug af hensættelsen');
        // What is left may have been used in the meantime.
        await checkUse(trx, deleted, id);
        if (!(await setSetAsideUseDeleted(trx, id, false, timestamp(ctx)))) throw notFound('Den slettede brug af hensættelsen');
        await scope.history({ entity: USE, entityId: id, meetingId: null, itemId: null, action: 'gendannet' });
      });
      return (await getSetAsideUse(ctx.db, id))!;
    },

    'ledger.offer': async ({ offerId }) => {
      const [ledger] = await offerLedgers(ctx.db, [await mustGetOffer(ctx.db, offerId)], currentYear());
      return ledger!;
    },

    'ledger.operator': ({ operatorId }) => operatorLedger(ctx.db, operatorId, currentYear()),
  };
};
