import { sql, type Kysely, type Selectable } from 'kysely';
import { TariffSheetContent, type SheetStatus, type TariffSheet } from '../../shared/domain/tariff-year';
import type { DB, TariffSheetsTable } from '../schema';
import { toMeta, type WriteOutcome } from './records';

function toSheet(row: Selectable<TariffSheetsTable>): TariffSheet {
  return {
    ...toMeta(row),
    offerId: row.offer_id,
    year: row.year,
    version: row.version,
    status: row.status,
    ruleSetId: row.rule_set_id,
    content: TariffSheetContent.parse(JSON.parse(row.content)),
    approvedItemId: row.approved_item_id,
    approvedAt: row.approved_at,
  };
}

export interface NewSheet {
  id: string;
  offerId: string;
  year: number;
  version?: number;
  status?: SheetStatus;
  ruleSetId: string;
  content: TariffSheetContent;
  /** An in-year version: approved by FU when it is made. */
  approvedItemId?: string | null;
  approvedAt?: string | null;
}

export async function insertSheet(db: Kysely<DB>, sheet: NewSheet, now: string): Promise<void> {
  await db
    .insertInto('tariff_sheets')
    .values({
      id: sheet.id,
      offer_id: sheet.offerId,
      year: sheet.year,
      version: sheet.version ?? 1,
      status: sheet.status ?? 'draft',
      rule_set_id: sheet.ruleSetId,
      content: JSON.stringify(sheet.content),
      approved_item_id: sheet.approvedItemId ?? null,
      approved_at: sheet.approvedAt ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** The current (highest) version of each offer's sheet for a year; `offerIds` narrows to those offers. */
export async function currentSheetsOfYear(db: Kysely<DB>, year: number, offerIds?: readonly string[]): Promise<TariffSheet[]> {
  if (offerIds && offerIds.length === 0) return [];
  let query = db
    .selectFrom('tariff_sheets as s')
    .selectAll('s')
    .where('s.year', '=', year)
    .where('s.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('tariff_sheets as later')
            .select('later.id')
            .whereRef('later.offer_id', '=', 's.offer_id')
            .whereRef('later.year', '=', 's.year')
            .whereRef('later.version', '>', 's.version')
            .where('later.deleted_at', 'is', null),
        ),
      ),
    );
  if (offerIds) query = query.where('s.offer_id', 'in', [...offerIds]);
  return (await query.execute()).map(toSheet);
}

/** Every version of the offers' sheets, by year then version. */
export async function sheetsOfOffers(db: Kysely<DB>, offerIds: readonly string[]): Promise<TariffSheet[]> {
  if (offerIds.length === 0) return [];
  const rows = await db.selectFrom('tariff_sheets').selectAll().where('offer_id', 'in', [...offerIds]).where('deleted_at', 'is', null).orderBy('year').orderBy('version').execute();
  return rows.map(toSheet);
}

/** The current version of the offer's latest sheet before `year`, if any. */
export async function latestSheetBefore(db: Kysely<DB>, offerId: string, year: number): Promise<TariffSheet | undefined> {
  const row = await db
    .selectFrom('tariff_sheets')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('year', '<', year)
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toSheet(row);
}

/** Every live version of an offer's sheet for a year, oldest first. */
export async function sheetVersions(db: Kysely<DB>, offerId: string, year: number): Promise<TariffSheet[]> {
  const rows = await db.selectFrom('tariff_sheets').selectAll().where('offer_id', '=', offerId).where('year', '=', year).where('deleted_at', 'is', null).orderBy('version').execute();
  return rows.map(toSheet);
}

export async function getSheet(db: Kysely<DB>, id: string): Promise<TariffSheet | undefined> {
  const row = await db.selectFrom('tariff_sheets').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && toSheet(row);
}

/** Changes a live sheet only at the revision the caller saw, bumping it. */
export async function updateSheet(
  db: Kysely<DB>,
  id: string,
  revision: number,
  values: { content?: TariffSheetContent; status?: SheetStatus },
  now: string,
): Promise<WriteOutcome> {
  const result = await db
    .updateTable('tariff_sheets')
    .set((eb) => ({
      ...(values.content ? { content: JSON.stringify(values.content) } : {}),
      ...(values.status ? { status: values.status } : {}),
      updated_at: now,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return 'written';
  return (await getSheet(db, id)) ? 'stale' : 'missing';
}

/** Approves a sheet by the agenda item's decision: status approved, the item, the time and the frozen content recorded. */
export async function markSheetApproved(db: Kysely<DB>, id: string, content: TariffSheetContent, itemId: string, now: string): Promise<void> {
  await db
    .updateTable('tariff_sheets')
    .set((eb) => ({ status: 'approved', content: JSON.stringify(content), approved_item_id: itemId, approved_at: now, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** How many sheets the item's decision approved (to tell the user what a changed decision leaves as it is). */
export async function countSheetsApprovedBy(db: Kysely<DB>, itemId: string): Promise<number> {
  const row = await db.selectFrom('tariff_sheets').select((eb) => eb.fn.countAll<number>().as('n')).where('approved_item_id', '=', itemId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return row.n;
}

/** The statuses of a sheet DAS (approved) or FU (amended, an in-year version) has approved: locked from then on. */
export const LOCKED_SHEET_STATUSES = ['approved', 'amended'] as const satisfies readonly SheetStatus[];

/** The years from `fromYear` on in which the offer has an approved (or in-year amended) tariff sheet. */
export async function approvedSheetYears(db: Kysely<DB>, offerId: string, fromYear: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tariff_sheets')
    .select('year')
    .distinct()
    .where('offer_id', '=', offerId)
    .where('year', '>=', fromYear)
    .where('status', 'in', LOCKED_SHEET_STATUSES)
    .where('deleted_at', 'is', null)
    .orderBy('year')
    .execute();
  return rows.map((r) => r.year);
}

/** Each offer's places on its latest sheet (the highest year, then version); `offerIds` narrows to those offers. */
export async function latestSheetPlaces(db: Kysely<DB>, offerIds?: readonly string[]): Promise<Map<string, { year: number; places: number }>> {
  if (offerIds && offerIds.length === 0) return new Map();
  let query = db
    .selectFrom('tariff_sheets as s')
    .select(['s.offer_id', 's.year', sql<number | null>`json_extract(s.content, '$.places')`.as('places')])
    .where('s.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('tariff_sheets as later')
            .select('later.id')
            .whereRef('later.offer_id', '=', 's.offer_id')
            .where('later.deleted_at', 'is', null)
            .where((eb) => eb.or([eb('later.year', '>', eb.ref('s.year')), eb.and([eb('later.year', '=', eb.ref('s.year')), eb('later.version', '>', eb.ref('s.version'))])])),
        ),
      ),
    );
  if (offerIds) query = query.where('s.offer_id', 'in', [...offerIds]);
  const latest = new Map<string, { year: number; places: number }>();
  for (const r of await query.execute()) if (typeof r.places === 'number') latest.set(r.offer_id, { year: r.year, places: r.places });
  return latest;
}
