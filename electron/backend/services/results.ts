import type { Kysely } from 'kysely';
import { diff } from '../../../db/queries/history';
import { getResult, insertResult, resultOfYear, reviveResult, updateResult, type ResultValues } from '../../../db/queries/offer-results';
import type { DB } from '../../../db/schema';
import type { OfferResult } from '../../../shared/domain/tariff-year';
import { settleResult, type ResultSettlement } from '../../../shared/logic/tariff/result';
import { AppError, notFound, stale } from '../errors';
import type { WriteScope } from '../write';
import { ruleSetById, ruleSetInForce } from './rule-sets';

/** A result's lines in the history. */
export const RESULT_HISTORY_ENTITY = 'resultat';

/** Settles a result by its rule set; what the 5 % rule refuses (a set-aside above the maximum …) is bad input. */
export async function settleStoredResult(db: Kysely<DB>, r: Pick<OfferResult, 'year' | 'basis' | 'result' | 'setAside' | 'ruleSetId'>): Promise<ResultSettlement> {
  const { rules } = await ruleSetById(db, r.ruleSetId);
  try {
    // settleResult itself, not the ledger's reading of a stored row: a set-aside on a deficit is refused, not ignored.
    return settleResult({ basis: r.basis, result: r.result, year: r.year, setAside: r.setAside ?? undefined, rules });
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', error.message);
    throw error;
  }
}

export interface ResultEntry {
  offerId: string;
  year: number;
  values: ResultValues;
  /**
   * What to do with a live result of the same year: the window corrects one it names (id and the revision it saw) and
   * refuses a second entry; the template import corrects the year's result by year.
   */
  existing: { id: string; revision: number } | 'refuse' | 'correct';
}

/**
 * Writes a year's result of an offer, the one way the window and the template import share: checked by the 5 % rule
 * of its rule set (a correction keeps the set it was entered under; a new entry takes the year's), written over a
 * deleted result's row of the same year (the year is unique per offer), and recorded in the history. Returns its id.
 */
export async function writeResult(trx: Kysely<DB>, scope: WriteScope, entry: ResultEntry, newId: () => string, now: string): Promise<string> {
  const { offerId, year, values, existing } = entry;
  const history = (entityId: string, action: 'oprettet' | 'aendret', before: Partial<ResultValues>) =>
    scope.history({ entity: RESULT_HISTORY_ENTITY, entityId, meetingId: null, itemId: null, action, changes: diff(before, { year, ...values }) });
  const correct = async (current: OfferResult, revision: number) => {
    await settleStoredResult(trx, { ...values, year, ruleSetId: current.ruleSetId });
    const outcome = await updateResult(trx, current.id, revision, values, now);
    if (outcome === 'missing') throw notFound('Resultatet');
    if (outcome === 'stale') throw stale('Resultatet');
    await history(current.id, 'aendret', current);
    return current.id;
  };

  if (typeof existing === 'object') {
    const current = await getResult(trx, existing.id);
    if (!current) throw notFound('Resultatet');
    if (current.offerId !== offerId || current.year !== year) {
      throw new AppError('INVALID_INPUT', `Resultatet hører til ${current.year}; slet det, og indtast det for det rigtige år.`);
    }
    return correct(current, existing.revision);
  }
  const stored = await resultOfYear(trx, offerId, year);
  if (stored && !stored.deleted) {
    if (existing === 'refuse') throw new AppError('CONFLICT', `Der er allerede et resultat for ${year}. Ret det i stedet.`);
    return correct(stored, stored.revision);
  }
  // A new entry keeps the rules in force for its year from now on.
  const ruleSetId = (await ruleSetInForce(trx, year)).id;
  await settleStoredResult(trx, { ...values, year, ruleSetId });
  if (stored) {
    await reviveResult(trx, stored.id, { ...values, ruleSetId }, now);
    await history(stored.id, 'oprettet', {});
    return stored.id;
  }
  const id = newId();
  await insertResult(trx, { id, offerId, year, ruleSetId, ...values }, now);
  await history(id, 'oprettet', {});
  return id;
}
