import type { Kysely } from 'kysely';
import { TariffSheetContent, type SheetStatus, type TariffSheet } from '../../shared/domain/tariff-year';
import type { DB, TariffSheetsTable } from '../schema';
import type { Selectable } from 'kysely';
import { toMeta } from './records';

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

/** Every version of an offer's sheets, by year then version. */
export async function sheetsOfOffer(db: Kysely<DB>, offerId: string): Promise<TariffSheet[]> {
  const rows = await db.selectFrom('tariff_sheets').selectAll().where('offer_id', '=', offerId).where('deleted_at', 'is', null).orderBy('year').orderBy('version').execute();
  return rows.map(toSheet);
}

/**
 * Approves and locks the current version of each submitted sheet of a year, by the agenda item whose decision approved
 * the takstbilag (i17-annex; the sheet lifecycle's own approveSheetsOfYear may take its place). Returns their ids.
 */
export async function approveSubmittedSheets(db: Kysely<DB>, year: number, itemId: string, now: string): Promise<string[]> {
  const submitted = (await currentSheetsOfYear(db, year)).filter((s) => s.status === 'submitted').map((s) => s.id);
  if (submitted.length === 0) return [];
  await db
    .updateTable('tariff_sheets')
    .set((eb) => ({ status: 'approved', approved_item_id: itemId, approved_at: now, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', 'in', submitted)
    .execute();
  return submitted;
}

/** How many sheets the item's decision approved (to tell the user what a changed decision leaves as it is). */
export async function countSheetsApprovedBy(db: Kysely<DB>, itemId: string): Promise<number> {
  const row = await db.selectFrom('tariff_sheets').select((eb) => eb.fn.countAll<number>().as('n')).where('approved_item_id', '=', itemId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return row.n;
}
