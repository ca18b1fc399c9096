import type { Kysely } from 'kysely';
import { earliestRuleSetRow, getRuleSetRow, insertRuleSetIfAbsent, ruleSetRowInForce, type RuleSetRow } from '../../../db/queries/rule-sets';
import type { DB } from '../../../db/schema';
import { AppError } from '../errors';
import { HOME_REGION, RULE_SETS, type Region, type RuleSet } from '../../../shared/logic/tariff/rule-set';
import { SEKRETARIAT_NAMESPACE, stableId } from '../stable-id';

/** Id of a built-in rule set, the same on every laptop so exchanged sets merge. */
export const builtInRuleSetId = (region: string, year: number) => stableId(SEKRETARIAT_NAMESPACE, `rule-set/${region}/${year}`);

/** A stored rule set with the id a sheet, result or ledger line records. */
export interface StoredRuleSet {
  id: string;
  approved: boolean;
  rules: RuleSet;
}

/**
 * The built-in Styringsaftaler (shared/logic/tariff/rule-set.ts) as stored, approved records: run at every open, so
 * an upgraded database gets them too. A set the user already has for that year is left as it is.
 */
export async function ensureBuiltInRuleSets(db: Kysely<DB>, now: string): Promise<void> {
  for (const { region, year, source, ...params } of RULE_SETS) {
    // Approved as published (1 January of its year): the same value on every laptop, so the record merges cleanly.
    const approvedAt = `${year}-01-01T00:00:00.000Z`;
    await insertRuleSetIfAbsent(db, { id: builtInRuleSetId(region, year), region, year, source, params: JSON.stringify(params), approvedAt }, now);
  }
}

function toStored(row: RuleSetRow): StoredRuleSet {
  const params = JSON.parse(row.params) as Omit<RuleSet, 'region' | 'year' | 'source'>;
  return { id: row.id, approved: row.approvedAt !== null, rules: { ...params, region: row.region as Region, year: row.year, source: row.source } };
}

/**
 * The rules in force for a tariff year: the latest stored set not after it. A year before every stored set gets the
 * earliest one (ruleSetNote says so). With no set at all (every one deleted) a Danish refusal.
 */
export async function ruleSetInForce(db: Kysely<DB>, year: number, region: string = HOME_REGION): Promise<StoredRuleSet> {
  const row = await ruleSetRowInForce(db, region, year);
  if (row) return toStored(row);
  const earliest = await earliestRuleSetRow(db, region);
  if (!earliest) throw new AppError('NOT_FOUND', `Der findes ingen takstregler for ${year}. Opret et regelsæt under Indstillinger → Takstregler.`);
  return toStored(earliest);
}

/**
 * A note for the user when a set serves a year before its own (results of 2019–2021 settled by the 2022 agreement, the
 * oldest the app knows), so nobody takes it for that year's agreement; null otherwise.
 */
export const ruleSetNote = (set: StoredRuleSet, year: number): string | null =>
  set.rules.year > year ? `${year} har ikke sit eget regelsæt; reglerne fra ${set.rules.source} (${set.rules.year}) er brugt.` : null;

/** A stored set by id (what a sheet or result recorded). */
export async function ruleSetById(db: Kysely<DB>, id: string): Promise<StoredRuleSet> {
  const row = await getRuleSetRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Regelsættet findes ikke (det kan være slettet).');
  return toStored(row);
}
