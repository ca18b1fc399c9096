import { sql, type Kysely } from 'kysely';
import type { DecisionRegisterRow, ItemKind, Outcome } from '../../shared/domain/agenda';
import type { DB } from '../schema';

export interface RegisterFilter {
  bodyId?: string;
  year?: number;
  kind?: ItemKind;
  outcome?: Outcome;
  organisationId?: string;
  /** The organisation's short name ("Læsø"), matched in reservations typed as free text ("Læsø og Morsø kommuner"). */
  organisationShortName?: string;
  offset: number;
  limit: number;
}

/** The register's filters without paging, as the export takes them. */
export type RegisterConditions = Omit<RegisterFilter, 'offset' | 'limit'>;

/** The joins and conditions the register and its export share. */
function registerFrom(filter: RegisterConditions) {
  const where = [
    sql`d.deleted_at IS NULL`,
    sql`(d.text <> '' OR d.outcome IS NOT NULL)`,
    filter.bodyId ? sql`m.body_id = ${filter.bodyId}` : null,
    filter.year ? sql`m.date BETWEEN ${`${filter.year}-01-01`} AND ${`${filter.year}-12-31`}` : null,
    filter.kind ? sql`i.kind = ${filter.kind}` : null,
    filter.outcome ? sql`d.outcome = ${filter.outcome}` : null,
    filter.organisationId
      ? sql`EXISTS (SELECT 1 FROM reservations r WHERE r.decision_id = d.id AND r.deleted_at IS NULL
              AND (r.organisation_id = ${filter.organisationId} OR instr(r.party, ${filter.organisationShortName ?? '\u0000'}) > 0))`
      : null,
  ].filter((w) => w !== null);
  return sql`FROM decisions d
      JOIN agenda_items i ON i.id = d.item_id AND i.deleted_at IS NULL
      JOIN meetings m ON m.id = i.meeting_id AND m.deleted_at IS NULL
      JOIN bodies b ON b.id = m.body_id
     WHERE ${sql.join(where, sql` AND `)}`;
}

/** A row as SQL gives it: rich text and a JSON array of the parties with reservations. */
export type RegisterRow = Omit<DecisionRegisterRow, 'reservations'> & { reservations: string | null };

/** Recorded decisions across bodies and years, newest meeting first, in agenda order within a meeting. */
export async function decisionRegister(db: Kysely<DB>, filter: RegisterFilter): Promise<{ rows: RegisterRow[]; total: number }> {
  const from = registerFrom(filter);
  const { rows } = await sql<RegisterRow>`
    SELECT d.id AS decisionId, i.id AS itemId, m.id AS meetingId, m.date AS meetingDate, m.start_time AS startTime,
           b.code AS bodyCode, i.title AS itemTitle, i.kind AS kind, d.outcome AS outcome, d.text AS text,
           (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = i.meeting_id AND x.deleted_at IS NULL AND x.position <= i.position) AS itemNumber,
           (SELECT json_group_array(r.party) FROM reservations r WHERE r.decision_id = d.id AND r.deleted_at IS NULL) AS reservations
      ${from}
     ORDER BY m.date DESC, i.position
     LIMIT ${filter.limit} OFFSET ${filter.offset}`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(*) AS n ${from}`.execute(db);
  return { rows, total: total.rows[0]?.n ?? 0 };
}

/** A register row for a spreadsheet: also the case number and officer, whether the item is closed, and the reservations' texts. */
export interface RegisterExportRow extends Omit<RegisterRow, 'reservations'> {
  caseNumber: string;
  caseOfficer: string;
  closed: number;
  /** JSON array of {party, text}. */
  reservations: string;
}

/** Every decision matching the filters, in the register's order, in one read (a consistent snapshot). */
export async function decisionRegisterAll(db: Kysely<DB>, filter: RegisterConditions): Promise<RegisterExportRow[]> {
  const { rows } = await sql<RegisterExportRow>`
    SELECT d.id AS decisionId, i.id AS itemId, m.id AS meetingId, m.date AS meetingDate, m.start_time AS startTime,
           b.code AS bodyCode, i.title AS itemTitle, i.kind AS kind, d.outcome AS outcome, d.text AS text,
           i.case_number AS caseNumber, i.case_officer AS caseOfficer, i.closed AS closed,
           (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = i.meeting_id AND x.deleted_at IS NULL AND x.position <= i.position) AS itemNumber,
           (SELECT json_group_array(json_object('party', r.party, 'text', r.text)) FROM reservations r WHERE r.decision_id = d.id AND r.deleted_at IS NULL) AS reservations
      ${registerFrom(filter)}
     ORDER BY m.date DESC, i.position`.execute(db);
  return rows;
}
