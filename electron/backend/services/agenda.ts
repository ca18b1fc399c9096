import type { Kysely } from 'kysely';
import { getDecision, getItemRow, itemNumber, listGuests, listRecommendations, type ItemRow } from '../../../db/queries/agenda';
import { listAttachments } from '../../../db/queries/attachments';
import { appendHistory, type HistoryAction } from '../../../db/queries/history';
import { readSettings } from '../../../db/queries/settings';
import { indexDocument, removeDocument } from '../../../db/queries/search';
import type { DB } from '../../../db/schema';
import { STANDING_ITEMS, STANDING_KINDS, StandingItemTemplate, type AgendaItem, type ItemKind, type StandingKind } from '../../../shared/domain/agenda';
import { formatLongDate } from '../../../shared/format';
import { AppError, notFound } from '../errors';
import { richTextToPlain } from './rich-text';

/** The name the history records for changes made on this laptop. */
export async function currentUser(db: Kysely<DB>): Promise<string> {
  return (await readSettings(db)).get('user_name') || 'Ukendt bruger';
}

export async function meetingOf(db: Kysely<DB>, meetingId: string) {
  const meeting = await db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.body_id', 'm.date', 'm.status', 'm.revision', 'b.code as body_code'])
    .where('m.id', '=', meetingId)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!meeting) throw notFound('Mødet');
  return meeting;
}

/** The refusal of any change to a meeting whose minutes are approved; «Ret referatet» opens them as a new version. */
export const minutesLocked = (date: string) =>
  new AppError('LOCKED', `Referatet af mødet ${formatLongDate(date)} er godkendt og dermed låst. Vælg «Ret referatet» for at åbne en ny version, hvis noget skal rettes.`);

/**
 * Approved minutes are locked: nothing of such a meeting changes – its details and participants, the items, their
 * decisions, attachments and the follow-ups agreed – until «Ret referatet» opens a new version.
 */
export async function assertEditable(db: Kysely<DB>, meetingId: string): Promise<void> {
  const meeting = await meetingOf(db, meetingId);
  if (meeting.status === 'referat_godkendt') throw minutesLocked(meeting.date);
}

export async function mustGetItem(db: Kysely<DB>, id: string): Promise<ItemRow> {
  const row = await getItemRow(db, id);
  if (!row) throw notFound('Punktet');
  return row;
}

export async function loadItem(db: Kysely<DB>, id: string): Promise<AgendaItem> {
  const row = await mustGetItem(db, id);
  const decision = await getDecision(db, id);
  return {
    id: row.id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    meetingId: row.meeting_id,
    number: await itemNumber(db, row),
    title: row.title,
    kind: row.kind as ItemKind,
    standing: row.standing as StandingKind | null,
    closed: row.closed === 1,
    closedTitleVisible: row.closed_title_visible === 1,
    hasDecision: decision !== null && (decision.text !== '' || decision.outcome !== null),
    caseNumber: row.case_number,
    caseOfficer: row.case_officer,
    resume: row.resume,
    caseText: row.case_text,
    economy: row.economy,
    consultation: row.consultation,
    recommendations: await listRecommendations(db, id),
    guests: await listGuests(db, id),
    decision,
    attachments: await listAttachments(db, id),
    approvesMeetingId: row.approves_meeting_id,
    postponedFromItemId: row.postponed_from_item_id,
  };
}

export async function recordHistory(
  db: Kysely<DB>,
  entry: { at: string; entity: string; entityId: string; meetingId: string; itemId: string | null; action: HistoryAction; changes?: Record<string, { before: unknown; after: unknown }> },
): Promise<void> {
  await appendHistory(db, { ...entry, userName: await currentUser(db), changes: entry.changes ?? {} });
}

/** Keeps the search index of an item, its decision and its attachments in step with what is stored. */
export async function reindexItem(db: Kysely<DB>, itemId: string): Promise<void> {
  const row = await getItemRow(db, itemId);
  if (!row) {
    await removeItemDocuments(db, itemId);
    return;
  }
  const recommendations = (await listRecommendations(db, itemId)).map((r) => r.text);
  const guests = (await listGuests(db, itemId)).map((g) => [g.name, g.title, g.organisation].filter(Boolean).join(', '));
  const body = [row.resume, row.case_text, row.economy, row.consultation].map(richTextToPlain);
  await indexDocument(db, {
    entity: 'item',
    entityId: itemId,
    meetingId: row.meeting_id,
    itemId,
    title: row.title,
    body: [row.case_number, row.case_officer, ...guests, body[0], ...recommendations, ...body.slice(1)].filter(Boolean).join('\n'),
  });
  const decision = await getDecisionRowWithParties(db, itemId);
  if (decision && (decision.text || decision.parties.length > 0)) {
    await indexDocument(db, {
      entity: 'decision',
      entityId: decision.id,
      meetingId: row.meeting_id,
      itemId,
      title: `Beslutning: ${row.title}`,
      body: [richTextToPlain(decision.text), ...decision.parties].filter(Boolean).join('\n'),
    });
  } else if (decision) await removeDocument(db, decision.id);
  const attachments = await db
    .selectFrom('attachments as a')
    .leftJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['a.id', 'a.title', 'a.file_name', 'a.deleted_at', 'f.text'])
    .where('a.item_id', '=', itemId)
    .execute();
  for (const a of attachments) {
    if (a.deleted_at) await removeDocument(db, a.id);
    else await indexDocument(db, { entity: 'attachment', entityId: a.id, meetingId: row.meeting_id, itemId, title: a.title, body: [a.file_name, a.text ?? ''].join('\n') });
  }
}

async function getDecisionRowWithParties(db: Kysely<DB>, itemId: string) {
  const decision = await getDecision(db, itemId);
  return decision && { id: decision.id, text: decision.text, parties: decision.reservations.map((r) => [r.party, r.text].filter(Boolean).join(': ')) };
}

/** A meeting deleted or restored: its items leave or re-enter the search index. */
export async function reindexMeeting(db: Kysely<DB>, meetingId: string): Promise<void> {
  const meeting = await db.selectFrom('meetings').select('deleted_at').where('id', '=', meetingId).executeTakeFirst();
  const items = await db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId).where('deleted_at', 'is', null).execute();
  for (const { id } of items) {
    if (meeting?.deleted_at) await removeItemDocuments(db, id);
    else await reindexItem(db, id);
  }
}

async function removeItemDocuments(db: Kysely<DB>, itemId: string): Promise<void> {
  const docs = await db.selectFrom('search_documents').select('entity_id').where('item_id', '=', itemId).execute();
  for (const { entity_id } of docs) await removeDocument(db, entity_id);
}

/** Search for every item that shows a stored file, once its text has been extracted. */
export async function reindexItemsWithFile(db: Kysely<DB>, sha256: string): Promise<void> {
  const items = await db.selectFrom('attachments').select('item_id').distinct().where('sha256', '=', sha256).execute();
  // Each item in its own transaction: it holds the connection, so a reindex of the same item started meanwhile (another
  // file of it settling, an edit) cannot interleave its delete-and-insert with this one.
  for (const { item_id } of items) await db.transaction().execute((trx) => reindexItem(trx, item_id));
}

/** The standing items every agenda of a body starts from, unless the body has its own template (domain.md §1.3). */
export function defaultTemplate(bodyCode: string): StandingItemTemplate[] {
  const recommendations: Partial<Record<StandingKind, string>> = {
    godkendelse_dagsorden: `${bodyCode} godkender dagsordenen`,
    godkendelse_referat: `${bodyCode} godkender referatet fra seneste møde`,
    fu_orienterer: 'Den Administrative Styregruppe tager orienteringen til efterretning',
  };
  // Only DAS hears "FU orienterer": FU is its executive committee.
  const kinds = STANDING_KINDS.filter((standing) => standing !== 'fu_orienterer' || bodyCode === 'DAS');
  return kinds.map((standing) => ({ standing, ...STANDING_ITEMS[standing], recommendation: recommendations[standing] ?? '' }));
}

export const FU_RESUME = '<p>FU orienterer om beslutninger taget siden sidste DAS møde samt fremtidige FU aktiviteter med særlig relevans for DAS.</p>';

/** The body's own standing items, or the default ones for its kind of body. */
export async function templateOf(db: Kysely<DB>, bodyId: string, bodyCode: string): Promise<StandingItemTemplate[]> {
  const row = await db.selectFrom('bodies').select('agenda_template').where('id', '=', bodyId).executeTakeFirstOrThrow();
  const own = StandingItemTemplate.array().safeParse(JSON.parse(row.agenda_template));
  return own.success && own.data.length > 0 ? own.data : defaultTemplate(bodyCode);
}

/** The body's previous meeting (the one whose minutes the next agenda approves). */
export async function previousMeeting(db: Kysely<DB>, bodyId: string, date: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('body_id', '=', bodyId)
    .where('date', '<', date)
    .where('deleted_at', 'is', null)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
}
