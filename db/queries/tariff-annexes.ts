import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/** The link between a tariff year and the agenda item that treats its takstbilag. */
export async function insertTariffAnnex(db: Kysely<DB>, annex: { id: string; year: number; itemId: string }, now: string): Promise<void> {
  await db.insertInto('tariff_annexes').values({ id: annex.id, year: annex.year, item_id: annex.itemId, created_at: now, updated_at: now }).execute();
}

/** The year whose takstbilag a live agenda item treats; undefined for any other item. */
export async function annexYearOfItem(db: Kysely<DB>, itemId: string): Promise<number | undefined> {
  const row = await db.selectFrom('tariff_annexes').select('year').where('item_id', '=', itemId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.year;
}

/** The items of a meeting that already treat the year's takstbilag (not deleted), with their position. */
export async function annexItemsOnMeeting(db: Kysely<DB>, year: number, meetingId: string): Promise<{ itemId: string; position: number }[]> {
  return db
    .selectFrom('tariff_annexes as a')
    .innerJoin('agenda_items as i', 'i.id', 'a.item_id')
    .select(['i.id as itemId', 'i.position as position'])
    .where('a.year', '=', year)
    .where('i.meeting_id', '=', meetingId)
    .where('a.deleted_at', 'is', null)
    .where('i.deleted_at', 'is', null)
    .execute();
}
