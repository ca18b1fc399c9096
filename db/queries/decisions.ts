import type { Kysely } from 'kysely';
import type { Outcome } from '../../shared/domain/agenda';
import type { DB } from '../schema';
import { setTombstone } from './records';

export async function insertDecision(db: Kysely<DB>, values: { id: string; itemId: string; text: string; outcome: Outcome | null }, now: string): Promise<void> {
  await db.insertInto('decisions').values({ id: values.id, item_id: values.itemId, text: values.text, outcome: values.outcome, created_at: now, updated_at: now }).execute();
}

/**
 * Sets the outcome per Indstilling point (recommendation id -> outcome): a point no longer given loses its outcome
 * (tombstoned), a changed one is revised, a new one is inserted in the order given.
 */
export async function savePointOutcomes(db: Kysely<DB>, decisionId: string, wanted: Readonly<Record<string, Outcome>>, newId: () => string, now: string): Promise<void> {
  const points = await db
    .selectFrom('recommendation_outcomes')
    .select(['id', 'recommendation_id', 'outcome'])
    .where('decision_id', '=', decisionId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const p of points) {
    const outcome = wanted[p.recommendation_id];
    if (!outcome) await setTombstone(db, 'recommendation_outcomes', p.id, true, now);
    else if (outcome !== p.outcome) {
      await db.updateTable('recommendation_outcomes').set((eb) => ({ outcome, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', p.id).execute();
    }
  }
  const had = new Set(points.map((p) => p.recommendation_id));
  for (const [recommendationId, outcome] of Object.entries(wanted)) {
    if (had.has(recommendationId)) continue;
    await db.insertInto('recommendation_outcomes').values({ id: newId(), decision_id: decisionId, recommendation_id: recommendationId, outcome, created_at: now, updated_at: now }).execute();
  }
}

export interface ReservationValues {
  party: string;
  organisationId: string | null;
  text: string;
}

/** Replaces the reservations of a decision, keeping rows (and ids) that did not change. */
export async function replaceReservations(db: Kysely<DB>, decisionId: string, reservations: readonly ReservationValues[], newId: () => string, now: string): Promise<void> {
  const old = await db.selectFrom('reservations').select(['id', 'party', 'organisation_id', 'text']).where('decision_id', '=', decisionId).where('deleted_at', 'is', null).execute();
  const key = (r: ReservationValues) => JSON.stringify([r.party, r.organisationId, r.text]);
  const remaining = new Map(old.map((r) => [key({ party: r.party, organisationId: r.organisation_id, text: r.text }), r.id]));
  for (const r of reservations) {
    if (remaining.delete(key(r))) continue;
    await db.insertInto('reservations').values({ id: newId(), decision_id: decisionId, organisation_id: r.organisationId, party: r.party, text: r.text, created_at: now, updated_at: now }).execute();
  }
  for (const id of remaining.values()) await setTombstone(db, 'reservations', id, true, now);
}
