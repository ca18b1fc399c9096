import type { Kysely } from 'kysely';
import { getDecisionRow, getItemRow, listItemRows, listRecommendations, replaceRecommendations } from '../../../db/queries/agenda';
import { listAttachmentsByItem } from '../../../db/queries/attachments';
import { attachmentNumberingOfMeeting } from '../../../db/queries/bodies';
import { updateGuarded } from '../../../db/queries/records';
import type { DB } from '../../../db/schema';
import { referencesFollowingAttachments } from '../../../shared/documents/references';
import type { WriteScope } from '../write';
import { numberedAttachments, reindexItem } from './agenda';

/** What «bilag N» means from one item: number -> attachment id, and back. */
interface ItemNumbering {
  meetingId: string;
  byNumber: Map<number, string>;
  byId: Map<string, number>;
}

/** Every live item of the meetings with the attachment numbers its texts can cite (the meeting's or its own). */
async function numberingOf(db: Kysely<DB>, meetingIds: readonly string[]): Promise<Map<string, ItemNumbering>> {
  const result = new Map<string, ItemNumbering>();
  for (const meetingId of new Set(meetingIds)) {
    const ids = (await listItemRows(db, meetingId)).map((row) => row.id);
    const numbering = await attachmentNumberingOfMeeting(db, meetingId);
    const numbered = numberedAttachments(ids, await listAttachmentsByItem(db, ids), numbering);
    const maps = (attachments: readonly { id: string; number: number }[]) => ({
      meetingId,
      byNumber: new Map(attachments.map((a) => [a.number, a.id])),
      byId: new Map(attachments.map((a) => [a.id, a.number])),
    });
    const meetingWide = maps([...numbered.values()].flat());
    for (const [itemId, own] of numbered) result.set(itemId, numbering === 'meeting' ? meetingWide : maps(own));
  }
  return result;
}

const unchanged = (before: ItemNumbering, after: ItemNumbering) => [...before.byNumber].every(([n, id]) => after.byId.get(id) === n);

/**
 * Runs a write that adds, removes or moves attachments (or items carrying them) on the given meetings, and keeps the
 * «jf. bilag N» of every item text there pointing at the attachment it meant: the numbers in the texts are rewritten
 * in the same transaction, so the editor, the papers and the search all read the new ones. An item that was not on
 * the agenda before (restored) keeps its texts as they were.
 */
export async function keepingAttachmentReferences<T>(trx: Kysely<DB>, scope: WriteScope, meetingIds: readonly string[], now: string, work: () => Promise<T>): Promise<T> {
  const before = await numberingOf(trx, meetingIds);
  const result = await work();
  const after = await numberingOf(trx, [...meetingIds, ...[...before.values()].map((b) => b.meetingId)]);
  for (const [itemId, numbering] of after) {
    const then = before.get(itemId);
    if (!then || unchanged(then, numbering)) continue;
    await renumberTexts(trx, scope, itemId, numbering.meetingId, (html) => referencesFollowingAttachments(html, then.byNumber, numbering.byId), now);
  }
  return result;
}

/** The item's sections, Indstilling points and decision text through `follow`, each written only where it changed. */
async function renumberTexts(trx: Kysely<DB>, scope: WriteScope, itemId: string, meetingId: string, follow: (html: string) => string, now: string) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const item = (await getItemRow(trx, itemId))!;
  const sections = { resume: item.resume, case_text: item.case_text, economy: item.economy, consultation: item.consultation };
  const values = Object.fromEntries(Object.entries(sections).filter(([, html]) => follow(html) !== html).map(([column, html]) => [column, follow(html)]));
  for (const column of Object.keys(values)) changes[column] = { before: sections[column as keyof typeof sections], after: values[column] };
  const points = (await listRecommendations(trx, itemId)).map((r) => r.text);
  if (points.some((text) => follow(text) !== text)) {
    await replaceRecommendations(trx, itemId, points.map(follow), () => '', now);
    changes.indstilling = { before: points, after: points.map(follow) };
  }
  const decision = await getDecisionRow(trx, itemId);
  if (decision && follow(decision.text) !== decision.text) {
    await updateGuarded(trx, 'decisions', decision.id, decision.revision, { text: follow(decision.text) }, now);
    changes.beslutning = { before: decision.text, after: follow(decision.text) };
  }
  if (Object.keys(changes).length === 0) return;
  // The item's revision moves even where only a point or the decision changed: an open editor reads the new numbers.
  await updateGuarded(trx, 'agenda_items', itemId, item.revision, values, now);
  await scope.history({ entity: 'punkt', entityId: itemId, meetingId, itemId, action: 'aendret', changes });
  scope.announce({ ids: [itemId] });
  await reindexItem(trx, itemId);
}
