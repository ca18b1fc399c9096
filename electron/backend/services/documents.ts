import type { Kysely } from 'kysely';
import { fileFactsOfMeeting } from '../../../db/queries/attachments';
import { listFollowUps } from '../../../db/queries/follow-ups';
import { getMeeting } from '../../../db/queries/meetings';
import { attachmentNumberingOfMeeting, paperSettingsOfMeeting } from '../../../db/queries/bodies';
import { listAttendance } from '../../../db/queries/people';
import type { DB } from '../../../db/schema';
import type { DocumentFollowUp, DocumentModel } from '../../../shared/documents';
import type { FollowUp } from '../../../shared/domain/agenda';
import { formatLongDate } from '../../../shared/format';
import { notFound } from '../errors';
import { loadMeetingItems } from './agenda';
import { sanitizeRichText } from './rich-text';

/**
 * The document model of a meeting's agenda or minutes, with every rich text sanitised once more here, since the
 * renderer in shared/ cannot sanitise (it must run without Node) and the text may have come from an import.
 */
export async function buildDocumentModel(db: Kysely<DB>, meetingId: string, kind: DocumentModel['kind'], edition: DocumentModel['edition']): Promise<DocumentModel> {
  const meeting = await getMeeting(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  const items = [];
  const files = await fileFactsOfMeeting(db, meetingId);
  const followUps = await followUpsOfMeeting(db, meetingId);
  for (const item of await loadMeetingItems(db, meetingId)) {
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
      decision: item.decision && {
        text: sanitizeRichText(item.decision.text),
        outcome: item.decision.outcome,
        pointOutcomes: item.recommendations.map((r) => item.decision!.pointOutcomes[r.id] ?? null),
        reservations: item.decision.reservations,
      },
      followUps: followUps.get(item.id) ?? [],
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
    body: { code: meeting.bodyCode, name: meeting.bodyName },
    meeting: { date: meeting.date, startTime: meeting.startTime, endTime: meeting.endTime, location: meeting.location },
    minutesApproved: meeting.status === 'referat_godkendt',
    attachmentNumbering: await attachmentNumberingOfMeeting(db, meetingId),
    ...(await paperSettingsOfMeeting(db, meetingId)),
    participants: await listAttendance(db, meetingId),
    items,
  };
}

/** The follow-ups agreed at each item of the meeting, as the minutes print them; cancelled ones are not printed. */
async function followUpsOfMeeting(db: Kysely<DB>, meetingId: string): Promise<Map<string, DocumentFollowUp[]>> {
  const byItem = new Map<string, DocumentFollowUp[]>();
  const dueMeetings = new Map<string, string>();
  for (const f of await listFollowUps(db, { meetingId })) {
    if (f.status === 'annulleret') continue;
    const printed = { action: f.action, owner: f.owner, due: await dueOf(db, f, dueMeetings) };
    byItem.set(f.itemId, [...(byItem.get(f.itemId) ?? []), printed]);
  }
  return byItem;
}

/** "26. august 2021", or the meeting it is due at ("mødet den 26. august 2021"); '' without a deadline. */
async function dueOf(db: Kysely<DB>, f: FollowUp, dueMeetings: Map<string, string>): Promise<string> {
  if (f.dueDate) return formatLongDate(f.dueDate);
  if (!f.dueMeetingId) return '';
  if (!dueMeetings.has(f.dueMeetingId)) {
    const meeting = await getMeeting(db, f.dueMeetingId);
    dueMeetings.set(f.dueMeetingId, meeting ? `${meeting.bodyCode}-mødet den ${formatLongDate(meeting.date)}` : '');
  }
  return dueMeetings.get(f.dueMeetingId)!;
}
