import type { Kysely } from 'kysely';
import type { ScenarioInput, ScenarioOverrides, ScenarioVersion } from '../../shared/domain/scenario';
import type { DB } from '../schema';
import type { WriteOutcome } from './records';

/** A scenario as stored, its JSON read: a base has its input and no overrides, a variant the reverse. */
export interface ScenarioRecord {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  name: string;
  baseId: string | null;
  /** A base's own input (as stored; its name may differ from the record's, which wins); null for a variant. */
  input: ScenarioInput | null;
  overrides: ScenarioOverrides;
  versionCount: number;
}

export interface ScenarioValues {
  name: string;
  baseId: string | null;
  input: ScenarioInput | null;
  overrides: ScenarioOverrides;
}

function scenarioQuery(db: Kysely<DB>) {
  return db
    .selectFrom('scenarios as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('scenario_versions as v')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('v.scenario_id', '=', 's.id')
        .where('v.deleted_at', 'is', null)
        .as('version_count'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof scenarioQuery>['executeTakeFirstOrThrow']>>;

const toRecord = (row: Row): ScenarioRecord => ({
  id: row.id,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
  name: row.name,
  baseId: row.base_id,
  input: row.input === null ? null : (JSON.parse(row.input) as ScenarioInput),
  overrides: JSON.parse(row.overrides) as ScenarioOverrides,
  versionCount: Number(row.version_count ?? 0),
});

/** Living scenarios (with the deleted ones too on request), in no particular order. */
export async function listScenarioRecords(db: Kysely<DB>, options: { includeDeleted?: boolean } = {}): Promise<ScenarioRecord[]> {
  let query = scenarioQuery(db);
  if (!options.includeDeleted) query = query.where('s.deleted_at', 'is', null);
  return (await query.execute()).map(toRecord);
}

/** A living scenario, or with `includeDeleted` a deleted one too. */
export async function getScenarioRecord(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<ScenarioRecord | undefined> {
  let query = scenarioQuery(db).where('s.id', '=', id);
  if (!options.includeDeleted) query = query.where('s.deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

/** The living variants of a base. */
export async function listVariantRecords(db: Kysely<DB>, baseId: string): Promise<ScenarioRecord[]> {
  return (await scenarioQuery(db).where('s.base_id', '=', baseId).where('s.deleted_at', 'is', null).execute()).map(toRecord);
}

export async function insertScenario(db: Kysely<DB>, id: string, values: ScenarioValues, now: string): Promise<void> {
  await db
    .insertInto('scenarios')
    .values({
      id,
      name: values.name,
      base_id: values.baseId,
      input: values.input === null ? null : JSON.stringify(values.input),
      overrides: JSON.stringify(values.overrides),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/**
 * Updates a living scenario only if it still has the revision the caller saw, bumping the revision; tells a missing
 * scenario from a stale revision when no row was touched (as updateGuarded does for the other record tables).
 */
export async function updateScenario(
  db: Kysely<DB>,
  id: string,
  revision: number,
  values: { name?: string; input?: ScenarioInput; overrides?: ScenarioOverrides },
  now: string,
): Promise<WriteOutcome> {
  const set = {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.input !== undefined ? { input: JSON.stringify(values.input) } : {}),
    ...(values.overrides !== undefined ? { overrides: JSON.stringify(values.overrides) } : {}),
  };
  const result = await db
    .updateTable('scenarios')
    .set((eb) => ({ ...set, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'written';
  const current = await db.selectFrom('scenarios').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return current ? 'stale' : 'missing';
}

/** Sets or clears the tombstone; returns false if there was nothing to change. */
export async function setScenarioDeleted(db: Kysely<DB>, id: string, deleted: boolean, now: string): Promise<boolean> {
  const result = await db
    .updateTable('scenarios')
    .set((eb) => ({ deleted_at: deleted ? now : null, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('deleted_at', deleted ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A scenario's frozen versions, newest first. */
export async function listScenarioVersions(db: Kysely<DB>, scenarioId: string): Promise<ScenarioVersion[]> {
  const rows = await db
    .selectFrom('scenario_versions')
    .select(['scenario_id', 'number', 'hash', 'input', 'note', 'frozen_by', 'created_at'])
    .where('scenario_id', '=', scenarioId)
    .where('deleted_at', 'is', null)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    scenarioId: r.scenario_id,
    number: r.number,
    hash: r.hash,
    frozenAt: r.created_at,
    frozenBy: r.frozen_by,
    note: r.note,
    input: JSON.parse(r.input) as ScenarioInput,
  }));
}

/** Stores the next numbered version of a scenario (1 for the first); run inside the caller's transaction. */
export async function insertScenarioVersion(
  db: Kysely<DB>,
  id: string,
  values: { scenarioId: string; hash: string; input: ScenarioInput; note: string; frozenBy: string },
  now: string,
): Promise<ScenarioVersion> {
  const previous = await db.selectFrom('scenario_versions').select((eb) => eb.fn.max('number').as('n')).where('scenario_id', '=', values.scenarioId).executeTakeFirst();
  const number = (previous?.n ?? 0) + 1;
  await db
    .insertInto('scenario_versions')
    .values({
      id,
      scenario_id: values.scenarioId,
      number,
      hash: values.hash,
      input: JSON.stringify(values.input),
      note: values.note,
      frozen_by: values.frozenBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { scenarioId: values.scenarioId, number, hash: values.hash, frozenAt: now, frozenBy: values.frozenBy, note: values.note, input: values.input };
}
