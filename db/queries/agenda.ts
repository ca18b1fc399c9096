import type { Kysely, Selectable } from 'kysely';
import type { AgendaItemSummary, Guest, ItemKind, Outcome, StandingKind } from '../../shared/domain/agenda';
import type { AgendaItemsTable, DB, DecisionsTable, ItemGuestsTable } from '../schema';
import { setTombstone, toMeta, writeOrder } from './records';

export type ItemRow = AgendaItemsTable & { revision: number };

const toSummary = (row: ItemRow, number: number, hasDecision: boolean): AgendaItemSummary => ({
  ...toMeta(row),
  meetingId: row.meeting_id,
  number,
  title: row.title,
  kind: row.kind as ItemKind,
  standing: row.standing as StandingKind | null,
  closed: row.closed === 1,
  closedTitleVisible: row.closed_title_visible === 1,
  hasDecision,
});

/** Live items of a meeting in agenda order; "Punkt N." is the rank, so numbers never have gaps. */
export async function listItems(db: Kysely<DB>, meetingId: string): Promise<AgendaItemSummary[]> {
  const rows = (await db
    .selectFrom('agenda_items as i')
    .selectAll('i')
    .select((eb) =>
      eb
        .exists(eb.selectFrom('decisions as d').select('d.id').whereRef('d.item_id', '=', 'i.id').where('d.deleted_at', 'is', null).where((w) => w.or([w('d.text', '!=', ''), w('d.outcome', 'is not', null)])))
        .as('has_decision'),
    )
    .where('i.meeting_id', '=', meetingId)
    .where('i.deleted_at', 'is', null)
    .orderBy('i.position')
    .orderBy('i.created_at')
    .execute()) as (ItemRow & { has_decision: number })[];
  return rows.map((row, index) => toSummary(row, index + 1, row.has_decision === 1));
}

/** A meeting's live items in agenda order, whole rows, with their number ("Punkt N.", the rank): one query. */
export async function listItemRows(db: Kysely<DB>, meetingId: string): Promise<(ItemRow & { number: number })[]> {
  const rows = (await db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at')
    .execute()) as ItemRow[];
  return rows.map((row, index) => ({ ...row, number: index + 1 }));
}

export async function getItemRow(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<ItemRow | undefined> {
  let q = db.selectFrom('agenda_items').selectAll().where('id', '=', id);
  if (!options.includeDeleted) q = q.where('deleted_at', 'is', null);
  return (await q.executeTakeFirst()) as ItemRow | undefined;
}

export async function itemNumber(db: Kysely<DB>, item: ItemRow): Promise<number> {
  const ids = (await listItems(db, item.meeting_id)).map((i) => i.id);
  return ids.indexOf(item.id) + 1;
}

export interface NewItem {
  meetingId: string;
  title: string;
  kind: ItemKind;
  standing?: StandingKind | null;
  closed?: boolean;
  closedTitleVisible?: boolean;
  caseNumber?: string;
  caseOfficer?: string;
  resume?: string;
  caseText?: string;
  economy?: string;
  consultation?: string;
  approvesMeetingId?: string | null;
  postponedFromItemId?: string | null;
}

/** Inserts at a 1-based place in the agenda (the end if none), moving later items down. */
export async function insertItem(db: Kysely<DB>, id: string, item: NewItem, at: number | undefined, now: string): Promise<void> {
  const order = (await listItems(db, item.meetingId)).map((i) => i.id);
  const index = at === undefined ? order.length : Math.min(Math.max(at - 1, 0), order.length);
  await db
    .insertInto('agenda_items')
    .values({
      id,
      meeting_id: item.meetingId,
      position: index + 1,
      title: item.title,
      kind: item.kind,
      standing: item.standing ?? null,
      closed: item.closed ? 1 : 0,
      // A closed item's title is hidden in the public edition unless someone chose to show it.
      closed_title_visible: item.closedTitleVisible === true ? 1 : 0,
      case_number: item.caseNumber ?? '',
      case_officer: item.caseOfficer ?? '',
      resume: item.resume ?? '',
      case_text: item.caseText ?? '',
      economy: item.economy ?? '',
      consultation: item.consultation ?? '',
      approves_meeting_id: item.approvesMeetingId ?? null,
      postponed_from_item_id: item.postponedFromItemId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  order.splice(index, 0, id);
  await writeOrder(db, 'agenda_items', order, now);
}

export const setItemDeleted = (db: Kysely<DB>, id: string, deleted: boolean, now: string) => setTombstone(db, 'agenda_items', id, deleted, now);

export async function listRecommendations(db: Kysely<DB>, itemId: string) {
  return db.selectFrom('recommendations').select(['id', 'text']).where('item_id', '=', itemId).where('deleted_at', 'is', null).orderBy('position').execute();
}

/** Groups rows by their item, keeping the rows' order: item id -> rows (every item asked for has a list). */
function byItem<R extends { item_id: string }, T>(itemIds: readonly string[], rows: readonly R[], map: (row: R) => T): Map<string, T[]> {
  const result = new Map<string, T[]>(itemIds.map((id) => [id, []]));
  for (const row of rows) result.get(row.item_id)?.push(map(row));
  return result;
}

/** The Indstilling points of several items at once: item id -> points in order. */
export async function listRecommendationsByItem(db: Kysely<DB>, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map<string, { id: string; text: string }[]>();
  const rows = await db.selectFrom('recommendations').select(['item_id', 'id', 'text']).where('item_id', 'in', [...itemIds]).where('deleted_at', 'is', null).orderBy('position').execute();
  return byItem(itemIds, rows, (r) => ({ id: r.id, text: r.text }));
}

/**
 * Sets the Indstilling points, keeping the id of the point at each position (decision outcomes refer to them)
 * and tombstoning points that are gone.
 */
export async function replaceRecommendations(db: Kysely<DB>, itemId: string, texts: readonly string[], newId: () => string, now: string) {
  const existing = await listRecommendations(db, itemId);
  for (const [index, text] of texts.entries()) {
    const current = existing[index];
    if (!current) {
      await db.insertInto('recommendations').values({ id: newId(), item_id: itemId, position: index + 1, text, created_at: now, updated_at: now }).execute();
    } else if (current.text !== text) {
      await db.updateTable('recommendations').set((eb) => ({ text, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', current.id).execute();
    }
  }
  for (const gone of existing.slice(texts.length)) await setTombstone(db, 'recommendations', gone.id, true, now);
}

const toGuest = (g: Selectable<ItemGuestsTable>): Guest => ({ id: g.id, name: g.name, title: g.title, organisation: g.organisation, attended: g.attended === 1 });

export async function listGuests(db: Kysely<DB>, itemId: string): Promise<Guest[]> {
  const rows = await db.selectFrom('item_guests').selectAll().where('item_id', '=', itemId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  return rows.map(toGuest);
}

/** The guests of several items at once: item id -> guests. */
export async function listGuestsByItem(db: Kysely<DB>, itemIds: readonly string[]): Promise<Map<string, Guest[]>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('item_guests').selectAll().where('item_id', 'in', [...itemIds]).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  return byItem(itemIds, rows, toGuest);
}

export type GuestValues = Omit<Guest, 'id'>;

/** Replaces the guest list, keeping rows (and ids) that did not change. */
export async function replaceGuests(db: Kysely<DB>, itemId: string, guests: readonly GuestValues[], newId: () => string, now: string) {
  const existing = await listGuests(db, itemId);
  const key = (g: GuestValues) => JSON.stringify([g.name, g.title, g.organisation, g.attended]);
  const remaining = new Map(existing.map((g) => [key(g), g]));
  for (const guest of guests) {
    if (remaining.delete(key(guest))) continue;
    await db
      .insertInto('item_guests')
      .values({ id: newId(), item_id: itemId, name: guest.name, title: guest.title, organisation: guest.organisation, attended: guest.attended ? 1 : 0, created_at: now, updated_at: now })
      .execute();
  }
  for (const gone of remaining.values()) await setTombstone(db, 'item_guests', gone.id, true, now);
}

export async function getDecisionRow(db: Kysely<DB>, itemId: string) {
  return db.selectFrom('decisions').selectAll().where('item_id', '=', itemId).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function getDecision(db: Kysely<DB>, itemId: string) {
  return (await listDecisionsByItem(db, [itemId])).get(itemId) ?? null;
}

export type DecisionData = ReturnType<typeof toDecision>;

const toDecision = (
  row: Selectable<DecisionsTable>,
  points: readonly { recommendation_id: string; outcome: string }[],
  reservations: readonly { id: string; party: string; organisation_id: string | null; text: string }[],
) => ({
  ...toMeta(row),
  text: row.text,
  outcome: row.outcome as Outcome | null,
  pointOutcomes: Object.fromEntries(points.map((p) => [p.recommendation_id, p.outcome as Outcome])),
  reservations: reservations.map((r) => ({ id: r.id, party: r.party, organisationId: r.organisation_id, text: r.text })),
});

/** The live decisions of several items, with their outcomes per point and reservations: item id -> decision. */
export async function listDecisionsByItem(db: Kysely<DB>, itemIds: readonly string[]): Promise<Map<string, DecisionData>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('decisions').selectAll().where('item_id', 'in', [...itemIds]).where('deleted_at', 'is', null).execute();
  if (rows.length === 0) return new Map();
  const decisionIds = rows.map((r) => r.id);
  const points = await db
    .selectFrom('recommendation_outcomes')
    .select(['decision_id', 'recommendation_id', 'outcome'])
    .where('decision_id', 'in', decisionIds)
    .where('deleted_at', 'is', null)
    .execute();
  const reservations = await db
    .selectFrom('reservations')
    .select(['decision_id', 'id', 'party', 'organisation_id', 'text'])
    .where('decision_id', 'in', decisionIds)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((row) => [row.item_id, toDecision(row, points.filter((p) => p.decision_id === row.id), reservations.filter((r) => r.decision_id === row.id))]));
}

/** Moves an item to the end of another meeting's agenda (an item postponed). */
export async function moveItemToMeeting(db: Kysely<DB>, id: string, meetingId: string, position: number, now: string): Promise<void> {
  await db.updateTable('agenda_items').set((eb) => ({ meeting_id: meetingId, position, updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
}

/** The ids of a meeting's live items (in no particular order). */
export async function liveItemIds(db: Kysely<DB>, meetingId: string): Promise<string[]> {
  return (await db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).execute()).map((i) => i.id);
}

/** Deleted items of meetings that are not deleted themselves, for the wastebasket. */
export async function listDeletedItems(db: Kysely<DB>) {
  return db
    .selectFrom('agenda_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['i.id', 'i.title', 'i.deleted_at', 'm.date', 'b.code'])
    .where('i.deleted_at', 'is not', null)
    .where('m.deleted_at', 'is', null)
    .execute();
}
