import type { Kysely } from 'kysely';
import type { Organisation } from '../../shared/domain/organisation';
import type { DB } from '../schema';
import { toMeta, updateGuarded, type WriteOutcome } from './records';

export async function listOrganisations(db: Kysely<DB>): Promise<Organisation[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .selectAll('o')
    .select((eb) => [
      // The newest quarter with a total population figure.
      eb
        .selectFrom('population_figures as p')
        .select('p.quarter')
        .whereRef('p.organisation_id', '=', 'o.id')
        .where('p.age_group', '=', 'i_alt')
        .where('p.deleted_at', 'is', null)
        .orderBy('p.quarter', 'desc')
        .limit(1)
        .as('quarter'),
    ])
    .where('o.deleted_at', 'is', null)
    .orderBy('o.sort_order')
    .execute();
  const figures = await db
    .selectFrom('population_figures')
    .select(['organisation_id', 'quarter', 'count'])
    .where('age_group', '=', 'i_alt')
    .where('deleted_at', 'is', null)
    .execute();
  const countOf = new Map(figures.map((f) => [`${f.organisation_id}/${f.quarter}`, f.count]));
  return rows.map((row) => ({
    ...toMeta(row),
    name: row.name,
    kind: row.kind,
    population: row.quarter ? { quarter: row.quarter, count: countOf.get(`${row.id}/${row.quarter}`)! } : null,
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

