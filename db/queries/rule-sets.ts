import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { updateGuarded, type WriteOutcome } from './records';

export interface RuleSetRow {
  id: string;
  region: string;
  year: number;
  source: string;
  /** JSON of the rule set's parameters (RuleSet without region, year and source). */
  params: string;
  approvedAt: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

const columns = ['id', 'region', 'year', 'source', 'params', 'approved_at as approvedAt', 'revision', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

/** A region's stored rule sets, oldest agreement year first. */
export const listRuleSetRows = (db: Kysely<DB>, region: string): Promise<RuleSetRow[]> =>
  db.selectFrom('rule_sets').select(columns).where('region', '=', region).where('deleted_at', 'is', null).orderBy('year').execute();

/** The set in force for an agreement year: the region's latest one whose year is not after it. */
export const ruleSetRowInForce = (db: Kysely<DB>, region: string, year: number): Promise<RuleSetRow | undefined> =>
  db
    .selectFrom('rule_sets')
    .select(columns)
    .where('region', '=', region)
    .where('year', '<=', year)
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();

/** The region's earliest stored set (for years before any set: the app knows no older agreement). */
export const earliestRuleSetRow = (db: Kysely<DB>, region: string): Promise<RuleSetRow | undefined> =>
  db.selectFrom('rule_sets').select(columns).where('region', '=', region).where('deleted_at', 'is', null).orderBy('year').limit(1).executeTakeFirst();

export const getRuleSetRow = (db: Kysely<DB>, id: string): Promise<RuleSetRow | undefined> =>
  db.selectFrom('rule_sets').select(columns).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();

/** Inserts a built-in set unless the region already has one for that year (kept as the user has it, even deleted). */
export async function insertRuleSetIfAbsent(
  db: Kysely<DB>,
  set: { id: string; region: string; year: number; source: string; params: string; approvedAt: string | null },
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('rule_sets')
    .values({ id: set.id, region: set.region, year: set.year, source: set.source, params: set.params, approved_at: set.approvedAt, created_at: now, updated_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The region's set for exactly this year, tombstone or not (a year has one set). */
export const ruleSetOfYear = (db: Kysely<DB>, region: string, year: number) =>
  db.selectFrom('rule_sets').select(['id', 'deleted_at']).where('region', '=', region).where('year', '=', year).executeTakeFirst();

export async function insertRuleSet(db: Kysely<DB>, set: { id: string; region: string; year: number; source: string; params: string }, now: string): Promise<void> {
  await db.insertInto('rule_sets').values({ id: set.id, region: set.region, year: set.year, source: set.source, params: set.params, approved_at: null, created_at: now, updated_at: now }).execute();
}

/** Changes a set that is not approved and still has `revision`; an approved set is never touched here. */
export function updateRuleSet(db: Kysely<DB>, id: string, revision: number, values: { source?: string; params?: string; approvedAt?: string }, now: string): Promise<WriteOutcome> {
  const row: Record<string, unknown> = {};
  if (values.source !== undefined) row.source = values.source;
  if (values.params !== undefined) row.params = values.params;
  if (values.approvedAt !== undefined) row.approved_at = values.approvedAt;
  return updateGuarded(db, 'rule_sets', id, revision, row, now);
}
