import type { Kysely } from 'kysely';
import { listItems } from '../../../db/queries/agenda';
import { listAttendance } from '../../../db/queries/people';
import type { DB } from '../../../db/schema';
import type { DocumentModel } from '../../../shared/documents';
import { notFound } from '../errors';
import { loadItem } from './agenda';
import { sanitizeRichText } from './rich-text';

/**
 * The document model of a meeting's agenda or minutes, with every rich text sanitised once more here, since the
 * renderer in shared/ cannot sanitise (it must run without Node) and the text may have come from an import.
 */
export async function buildDocumentModel(db: Kysely<DB>, meetingId: string, kind: DocumentModel['kind'], edition: DocumentModel['edition']): Promise<DocumentModel> {
  const meeting = await db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['m.date', 'm.start_time', 'm.end_time', 'm.location', 'm.status', 'b.code', 'b.name'])
    .where('m.id', '=', meetingId)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!meeting) throw notFound('Mødet');
  const items = [];
  const files = await fileFacts(db, meetingId);
  for (const summary of await listItems(db, meetingId)) {
    const item = await loadItem(db, summary.id);
    items.push({
      id: item.id,
      number: item.number,
      title: item.title,
      kind: item.kind,
      closed: item.closed,
      closedTitleVisible: item.closedTitleVisible,
      caseNumber: item.caseNumber,
      caseOfficer: item.caseOfficer,
      guests: item.guests,
      resume: sanitizeRichText(item.resume),
      recommendations: item.recommendations.map((r) => r.text),
      caseText: sanitizeRichText(item.caseText),
      economy: sanitizeRichText(item.economy),
      consultation: sanitizeRichText(item.consultation),
      decision: item.decision && { text: sanitizeRichText(item.decision.text), outcome: item.decision.outcome, reservations: item.decision.reservations },
      attachments: item.attachments.map((a) => {
        const file = a.sha256 ? files.get(a.sha256) : undefined;
        // Only a closed attachment's text is carried: the leak check looks for it in every public output.
        const text = (a.closed || item.closed) && file?.text ? file.text : null;
        return { number: a.number, title: a.title, closed: a.closed, sha256: a.sha256, mediaType: file?.mediaType ?? null, text };
      }),
    });
  }
  return {
    kind,
    edition,
    body: { code: meeting.code, name: meeting.name },
    meeting: { date: meeting.date, startTime: meeting.start_time, endTime: meeting.end_time, location: meeting.location },
    minutesApproved: meeting.status === 'referat_godkendt',
    participants: await listAttendance(db, meetingId),
    items,
  };
}

async function fileFacts(db: Kysely<DB>, meetingId: string): Promise<Map<string, { mediaType: string; text: string | null }>> {
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('agenda_items as i', 'i.id', 'a.item_id')
    .innerJoin('files as f', 'f.sha256', 'a.sha256')
    .select(['f.sha256', 'f.media_type', 'f.text'])
    .where('i.meeting_id', '=', meetingId)
    .execute();
  return new Map(rows.map((r) => [r.sha256, { mediaType: r.media_type, text: r.text }]));
}
