import type { Kysely } from 'kysely';
import type { Organisation } from '../../shared/domain/organisation';
import type { DB } from '../schema';
import { toMeta, updateGuarded, type WriteOutcome } from './records';

export async function listOrganisations(db: Kysely<DB>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').execute();
  const figures = await db
    .selectFrom('population_figures')
    .select(['organisation_id', 'quarter', 'age_group', 'count'])
    .where('deleted_at', 'is', null)
    .orderBy('quarter')
    .execute();
  // The newest quarter of each organisation's figures, per age group (ordered by quarter, so the last one wins).
  const newest = new Map<string, { quarter: string; count: number }>();
  for (const f of figures) newest.set(`${f.organisation_id}/${f.age_group}`, { quarter: f.quarter, count: f.count });
  return rows.map((row) => ({
    ...toMeta(row),
    name: row.name,
    kind: row.kind,
    population: newest.get(`${row.id}/i_alt`) ?? null,
    children: newest.get(`${row.id}/0-17`) ?? null,
  }));
}

/** Renames, or with no name only bumps the revision (after a change to the organisation's figures). */
export const updateOrganisation = (db: Kysely<DB>, id: string, revision: number, values: { name?: string }, now: string): Promise<WriteOutcome> =>
  updateGuarded(db, 'organisations', id, revision, values, now);

export interface PopulationFigure {
  id: string;
  organisationId: string;
  quarter: string;
  ageGroup: 'i_alt' | '0-17';
  count: number;
}

/** Sets a figure; the (organisation, quarter, age group) triple is unique. */
export async function upsertPopulationFigure(db: Kysely<DB>, figure: PopulationFigure, now: string): Promise<void> {
  await db
    .insertInto('population_figures')
    .values({
      id: figure.id,
      organisation_id: figure.organisationId,
      quarter: figure.quarter,
      age_group: figure.ageGroup,
      count: figure.count,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'quarter', 'age_group']).doUpdateSet((eb) => ({
        count: figure.count,
        updated_at: now,
        deleted_at: null,
        revision: eb('population_figures.revision', '+', 1),
      })),
    )
    .execute();
}

export interface OrganisationSeed {
  id: string;
  name: string;
  kind: 'kommune' | 'region';
  sortOrder: number;
}

/** Inserts an organisation unless one with its id already exists (reference data is never overwritten). */
export async function insertOrganisationIfAbsent(db: Kysely<DB>, seed: OrganisationSeed, now: string): Promise<boolean> {
  const result = await db
    .insertInto('organisations')
    .values({ id: seed.id, name: seed.name, kind: seed.kind, sort_order: seed.sortOrder, created_at: now, updated_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function countOrganisations(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}


/** The name of an organisation, deleted or not. */
export async function organisationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** Moves an organisation's revision on (its figures changed), so an open edit of the same row sees the change. */
export async function touchOrganisation(db: Kysely<DB>, id: string, now: string): Promise<void> {
  await db.updateTable('organisations').set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now })).where('id', '=', id).execute();
}
