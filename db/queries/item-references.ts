import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ItemReference, Outcome } from '../../shared/domain/agenda';
import type { DB } from '../schema';

type Row = Omit<ItemReference, 'closed' | 'hasDecision'> & { closed: number; hasDecision: number; outcome: Outcome | null };

async function select(db: Kysely<DB>, where: RawBuilder<unknown>, limit: number): Promise<ItemReference[]> {
  const { rows } = await sql<Row>`
    SELECT i.id AS itemId, m.id AS meetingId, m.date AS meetingDate, b.code AS bodyCode, i.title AS itemTitle, i.closed AS closed,
           (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = i.meeting_id AND x.deleted_at IS NULL AND x.position <= i.position) AS itemNumber,
           d.outcome AS outcome,
           (d.id IS NOT NULL AND (d.text <> '' OR d.outcome IS NOT NULL)) AS hasDecision
      FROM agenda_items i
      JOIN meetings m ON m.id = i.meeting_id AND m.deleted_at IS NULL
      JOIN bodies b ON b.id = m.body_id
      LEFT JOIN decisions d ON d.item_id = i.id AND d.deleted_at IS NULL
     WHERE i.deleted_at IS NULL AND ${where}
     ORDER BY m.date DESC, m.start_time DESC, i.position
     LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, closed: r.closed === 1, hasDecision: r.hasDecision === 1 }));
}

/** The live items of the bodies' meetings, newest meeting first and in agenda order, then the items named by id. */
export async function itemReferences(db: Kysely<DB>, query: { bodyCodes: readonly string[]; ids: readonly string[]; limit: number }): Promise<ItemReference[]> {
  const ofBodies = query.bodyCodes.length === 0 ? [] : await select(db, sql`b.code IN (${sql.join(query.bodyCodes)})`, query.limit);
  const seen = new Set(ofBodies.map((r) => r.itemId));
  const missing = query.ids.filter((id) => !seen.has(id));
  const named = missing.length === 0 ? [] : await select(db, sql`i.id IN (${sql.join(missing)})`, missing.length);
  return [...ofBodies, ...named];
}
