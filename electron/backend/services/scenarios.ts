import type { Kysely } from 'kysely';
import { listScenarioUses } from '../../../db/queries/proposals';
import { getScenarioRecord, insertScenarioVersion, listScenarioVersions, listVariantRecords, type ScenarioRecord } from '../../../db/queries/scenarios';
import { readSettings } from '../../../db/queries/settings';
import type { DB } from '../../../db/schema';
import { ScenarioInput, type Scenario, type ScenarioOverrides, type ScenarioSummary, type ScenarioUse, type ScenarioVersion } from '../../../shared/domain/scenario';
import { applyOverrides, overriddenPaths, type ScenarioOverrides as VariantOverrides } from '../../../shared/logic/tariff/variants';
import { AppError, notFound } from '../errors';
import { scenarioHash } from './scenario-hash';

/*
 * A scenario as the modeller and the proposals read it: a base's own input, or a variant's base with its overrides
 * laid over and validated as a whole.
 */

/** A base's input with the record's name, which is authoritative. */
export const baseInput = (base: ScenarioRecord): ScenarioInput => ({ ...base.input!, name: base.name });

export type Checked = { ok: true; input: ScenarioInput; paths: string[] } | { ok: false; message: string };

const at = (value: unknown, path: string) => path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

/**
 * A variant's effective input: its base with the overrides laid over, validated as a whole scenario. An override
 * of a field that a scenario does not have (which validation would silently drop) counts as invalid; one that removes
 * a field of the base (null) does not.
 */
export function variantInput(base: ScenarioInput, name: string, overrides: ScenarioOverrides): Checked {
  const merged = { ...applyOverrides(base, overrides as VariantOverrides), name };
  const parsed = ScenarioInput.safeParse(merged);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Scenariet er ikke gyldigt.' };
  const paths = overriddenPaths(base, overrides as VariantOverrides).filter((p) => p !== 'name');
  const unknown = paths.find((path) => at(merged, path) !== undefined && at(parsed.data, path) === undefined);
  if (unknown !== undefined) return { ok: false, message: `Et scenarie har ikke feltet «${unknown}».` };
  return { ok: true, input: parsed.data, paths };
}

export async function mustGetRecord(db: Kysely<DB>, id: string): Promise<ScenarioRecord> {
  const record = await getScenarioRecord(db, id);
  if (!record) throw notFound('Scenariet');
  return record;
}

/** The base of a variant (it may be deleted while the variant is). */
export async function baseOf(db: Kysely<DB>, variant: ScenarioRecord): Promise<ScenarioRecord> {
  const base = await getScenarioRecord(db, variant.baseId!, { includeDeleted: true });
  if (!base) throw notFound('Grundscenariet');
  return base;
}

/**
 * The proposal versions that take their figures from a scenario: through itself and, for a base, through its living
 * variants, which follow every change to it.
 */
export async function usesOf(db: Kysely<DB>, record: ScenarioRecord): Promise<ScenarioUse[]> {
  const variants = record.baseId === null ? await listVariantRecords(db, record.id) : [];
  return listScenarioUses(db, [record.id, ...variants.map((v) => v.id)]);
}

async function assemble(db: Kysely<DB>, record: ScenarioRecord): Promise<Scenario> {
  const summary = { ...summaryOf(record), versions: await listScenarioVersions(db, record.id), usedBy: await usesOf(db, record) };
  if (record.baseId === null) return { ...summary, input: baseInput(record), overrides: {}, overriddenPaths: [] };
  const checked = variantInput(baseInput(await baseOf(db, record)), record.name, record.overrides);
  // Every write keeps living variants valid; this is a database changed behind the backend's back.
  if (!checked.ok) throw new AppError('CONFLICT', `Varianten «${record.name}» giver et ugyldigt scenarie: ${checked.message}`);
  return { ...summary, input: checked.input, overrides: record.overrides, overriddenPaths: checked.paths };
}

export const summaryOf = (r: ScenarioRecord): ScenarioSummary => ({
  id: r.id,
  revision: r.revision,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  name: r.name,
  baseId: r.baseId,
  versionCount: r.versionCount,
});

export async function mustGet(db: Kysely<DB>, id: string): Promise<Scenario> {
  return assemble(db, await mustGetRecord(db, id));
}

/**
 * Freezes a scenario's effective input as its next numbered, hashed version (within the caller's transaction), by the
 * user named in the settings unless another name is given.
 */
export async function freezeScenario(db: Kysely<DB>, id: string, note: string, versionId: string, now: string, by?: string): Promise<ScenarioVersion> {
  return freezeInput(db, id, (await mustGet(db, id)).input, note, versionId, now, by);
}

/**
 * Freezes the given effective input of a scenario as its next version: the input a document was printed from, which
 * the live scenario may no longer have by the time the document is stored.
 */
export async function freezeInput(db: Kysely<DB>, id: string, input: ScenarioInput, note: string, versionId: string, now: string, by?: string): Promise<ScenarioVersion> {
  const frozenBy = by ?? (await readSettings(db)).get('user_name') ?? '';
  return insertScenarioVersion(db, versionId, { scenarioId: id, hash: scenarioHash(input), input, note, frozenBy }, now);
}
