import type { Kysely } from 'kysely';
import {
  getDecision,
  getItemRow,
  itemNumber,
  listDecisionsByItem,
  listGuests,
  listGuestsByItem,
  listItemRows,
  listItems,
  listRecommendations,
  listRecommendationsByItem,
  liveItemIds,
  type DecisionData,
  type ItemRow,
} from '../../../db/queries/agenda';
import { attachmentsBeforeItem, attachmentsForSearch, itemsShowingFile, listAttachments, listAttachmentsByItem } from '../../../db/queries/attachments';
import { attachmentNumberingOfMeeting, bodyAgendaTemplate } from '../../../db/queries/bodies';
import { appendHistory, type HistoryAction } from '../../../db/queries/history';
import { getMeetingHead, getMeetingRow } from '../../../db/queries/meetings';
import { readSettings } from '../../../db/queries/settings';
import { indexDocument, indexedEntitiesOfItem, removeDocument } from '../../../db/queries/search';
import type { DB } from '../../../db/schema';
import type { AttachmentNumbering } from '../../../shared/domain/body';
import { STANDING_ITEMS, STANDING_KINDS, StandingItemTemplate, type AgendaItem, type ItemKind, type StandingKind } from '../../../shared/domain/agenda';
import { formatLongDate } from '../../../shared/format';
import { AppError, notFound } from '../errors';
import { richTextToPlain } from './rich-text';

/** The name the history records for changes made on this laptop. */
export async function currentUser(db: Kysely<DB>): Promise<string> {
  return (await readSettings(db)).get('user_name') || 'Ukendt bruger';
}

export async function meetingOf(db: Kysely<DB>, meetingId: string) {
  const meeting = await getMeetingHead(db, meetingId);
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
  const first = await attachmentNumberOffset(db, id);
  return toAgendaItem(row, await itemNumber(db, row), {
    decision: await getDecision(db, id),
    recommendations: await listRecommendations(db, id),
    guests: await listGuests(db, id),
    attachments: (await listAttachments(db, id)).map((a) => ({ ...a, number: a.number + first })),
  });
}

/**
 * What an item's own attachment numbers (1, 2, …) are shifted by: the attachments of the items before it where its
 * body numbers them across the meeting ("Bilag 1–N", as the DAS papers do), nothing where each item starts at 1.
 */
export async function attachmentNumberOffset(db: Kysely<DB>, itemId: string): Promise<number> {
  const row = await mustGetItem(db, itemId);
  return (await attachmentNumberingOfMeeting(db, row.meeting_id)) === 'meeting' ? attachmentsBeforeItem(db, itemId) : 0;
}

/**
 * A meeting's live items in agenda order, each as `loadItem` gives it, read with the same few queries however many
 * items there are (rows with their numbers in one, then each kind of part for all items at once).
 */
export async function loadMeetingItems(db: Kysely<DB>, meetingId: string): Promise<AgendaItem[]> {
  const rows = await listItemRows(db, meetingId);
  const ids = rows.map((r) => r.id);
  const decisions = await listDecisionsByItem(db, ids);
  const recommendations = await listRecommendationsByItem(db, ids);
  const guests = await listGuestsByItem(db, ids);
  const attachments = numberedAttachments(ids, await listAttachmentsByItem(db, ids), await attachmentNumberingOfMeeting(db, meetingId));
  return rows.map((row) =>
    toAgendaItem(row, row.number, {
      decision: decisions.get(row.id) ?? null,
      recommendations: recommendations.get(row.id) ?? [],
      guests: guests.get(row.id) ?? [],
      attachments: attachments.get(row.id) ?? [],
    }),
  );
}

/**
 * Each item's attachments (item ids in agenda order) with the numbers its papers print: each item's own 1, 2, …
 * shifted by the attachments of the items before it where the body numbers them across the meeting.
 */
export function numberedAttachments<A extends { number: number }>(itemIds: readonly string[], byItem: ReadonlyMap<string, A[]>, numbering: AttachmentNumbering): Map<string, A[]> {
  let before = 0;
  return new Map(
    itemIds.map((id) => {
      const own = byItem.get(id) ?? [];
      const first = numbering === 'meeting' ? before : 0;
      before += own.length;
      return [id, own.map((a) => ({ ...a, number: a.number + first }))];
    }),
  );
}

function toAgendaItem(
  row: ItemRow,
  number: number,
  parts: Pick<AgendaItem, 'recommendations' | 'guests' | 'attachments'> & { decision: DecisionData | null },
): AgendaItem {
  const { decision } = parts;
  return {
    id: row.id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    meetingId: row.meeting_id,
    number,
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
    recommendations: parts.recommendations,
    guests: parts.guests,
    decision,
    attachments: parts.attachments,
    approvesMeetingId: row.approves_meeting_id,
    postponedFromItemId: row.postponed_from_item_id,
  };
}

export async function recordHistory(
  db: Kysely<DB>,
  entry: { at: string; entity: string; entityId: string; meetingId: string | null; itemId: string | null; action: HistoryAction; changes?: Record<string, { before: unknown; after: unknown }> },
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
  for (const a of await attachmentsForSearch(db, itemId)) {
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
  const meeting = await getMeetingRow(db, meetingId);
  for (const id of await liveItemIds(db, meetingId)) {
    if (meeting?.deleted_at) await removeItemDocuments(db, id);
    else await reindexItem(db, id);
  }
}

async function removeItemDocuments(db: Kysely<DB>, itemId: string): Promise<void> {
  for (const entityId of await indexedEntitiesOfItem(db, itemId)) await removeDocument(db, entityId);
}

/** Search for every item that shows a stored file, once its text has been extracted. */
export async function reindexItemsWithFile(db: Kysely<DB>, sha256: string): Promise<void> {
  // Each item in its own transaction: it holds the connection, so a reindex of the same item started meanwhile (another
  // file of it settling, an edit) cannot interleave its delete-and-insert with this one.
  for (const itemId of await itemsShowingFile(db, sha256)) await db.transaction().execute((trx) => reindexItem(trx, itemId));
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
  const own = StandingItemTemplate.array().safeParse(JSON.parse(await bodyAgendaTemplate(db, bodyId)));
  return own.success && own.data.length > 0 ? own.data : defaultTemplate(bodyCode);
}

/** A new item goes before the closing standing items (Eventuelt, Næste møde), as the DAS agendas order them. */
export async function positionBeforeClosingItems(db: Kysely<DB>, meetingId: string): Promise<number | undefined> {
  const items = await listItems(db, meetingId);
  let at = items.length;
  while (at > 0 && (items[at - 1]!.standing === 'eventuelt' || items[at - 1]!.standing === 'naeste_moede')) at--;
  return at === items.length ? undefined : at + 1;
}
