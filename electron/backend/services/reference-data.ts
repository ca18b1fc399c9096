import type { Kysely } from 'kysely';
import { insertBody } from '../../../db/queries/bodies';
import { countOrganisations, insertOrganisationIfAbsent, upsertPopulationFigure } from '../../../db/queries/organisations';
import type { DB } from '../../../db/schema';
import { DEFAULT_BODIES, REFERENCE_ORGANISATIONS } from '../../../shared/domain/reference-data';
import { SEKRETARIAT_NAMESPACE, stableId } from '../stable-id';

/** Id of a population figure, the same on every laptop. */
export const populationFigureId = (organisationId: string, quarter: string, ageGroup: string) =>
  stableId(SEKRETARIAT_NAMESPACE, `population/${organisationId}/${quarter}/${ageGroup}`);

/** Inserts the reference organisations with their figures; existing ones are left as the user has them. */
export async function insertReferenceOrganisations(db: Kysely<DB>, now: string): Promise<number> {
  let inserted = 0;
  for (const [index, org] of REFERENCE_ORGANISATIONS.entries()) {
    if (!(await insertOrganisationIfAbsent(db, { id: org.id, name: org.name, kind: org.kind, sortOrder: index }, now))) continue;
    inserted++;
    const figures = [
      ...Object.entries(org.population).map(([quarter, count]) => ({ quarter, count, ageGroup: 'i_alt' as const })),
      ...Object.entries(org.children).map(([quarter, count]) => ({ quarter, count, ageGroup: '0-17' as const })),
    ];
    for (const f of figures) {
      await upsertPopulationFigure(db, { id: populationFigureId(org.id, f.quarter, f.ageGroup), organisationId: org.id, ...f }, now);
    }
  }
  return inserted;
}

/** First start of a new database: the municipalities, the region and the standard bodies. */
export async function ensureReferenceData(db: Kysely<DB>, now: string): Promise<void> {
  if ((await countOrganisations(db)) > 0) return;
  await db.transaction().execute(async (trx) => {
    await insertReferenceOrganisations(trx, now);
    for (const body of DEFAULT_BODIES) await insertBody(trx, body.id, body, now, { ifAbsent: true });
  });
}
