import { z } from 'zod';
import { ClockTime, Id, IsoDate, RecordMeta, Revisioned } from './common';

/** The life cycle of a meeting, in order (issue: meetings). */
export const MEETING_STATUSES = [
  'planlagt',
  'dagsorden_udsendt',
  'afholdt',
  'referat_udsendt',
  'referat_godkendt',
] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES, { error: 'Ukendt mødestatus' });
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planlagt: 'Planlagt',
  dagsorden_udsendt: 'Dagsorden udsendt',
  afholdt: 'Afholdt',
  referat_udsendt: 'Referat udsendt',
  referat_godkendt: 'Referat godkendt',
};

const MeetingFields = z.object({
  bodyId: Id,
  date: IsoDate,
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  location: z.string().trim().max(200, { error: 'Stedet må højst være 200 tegn' }),
  status: MeetingStatus,
  note: z.string().max(5000, { error: 'Noten må højst være 5.000 tegn' }),
});

/** The editable fields of a meeting, as stored. */
export type MeetingValues = z.infer<typeof MeetingFields>;

type TimeSpan = { startTime?: string | null; endTime?: string | null };
const endAfterStart = (m: TimeSpan) => !m.startTime || !m.endTime || m.endTime > m.startTime;
const endAfterStartError = { error: 'Sluttidspunktet skal ligge efter starttidspunktet', path: ['endTime'] };

export const Meeting = MeetingFields.extend({ ...RecordMeta.shape, bodyCode: z.string(), bodyName: z.string() });
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDraft = MeetingFields.extend({
  startTime: ClockTime.nullable().default(null),
  endTime: ClockTime.nullable().default(null),
  location: MeetingFields.shape.location.default(''),
  status: MeetingStatus.default('planlagt'),
  note: MeetingFields.shape.note.default(''),
}).refine(endAfterStart, endAfterStartError);
export type MeetingDraft = z.input<typeof MeetingDraft>;

export const MeetingPatch = MeetingFields.partial().refine(endAfterStart, endAfterStartError);
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const MeetingUpdate = Revisioned.extend({ patch: MeetingPatch });

export const MeetingListQuery = z.object({
  bodyId: Id.optional(),
  year: z.number().int().min(1900).max(2200).optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

/** A correction of approved minutes: why, by whom and when; the approved text is kept. */
export const MinutesVersion = z.object({ id: Id, version: z.number().int(), reason: z.string(), createdAt: z.string() });
export type MinutesVersion = z.infer<typeof MinutesVersion>;

/** What lies in the trash (tombstoned, restorable), newest first. */
export const TrashEntry = z.object({
  kind: z.enum(['møde', 'punkt']),
  id: Id,
  title: z.string(),
  meetingDate: IsoDate,
  bodyCode: z.string(),
  deletedAt: z.string(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

/** A participant of a meeting, present or sending apologies (afbud). */
export const Attendee = z.object({ id: Id, name: z.string(), organisation: z.string(), present: z.boolean() });
export type Attendee = z.infer<typeof Attendee>;
export const AttendeeInput = z.object({
  name: z.string().trim().min(1, { error: 'Deltageren skal have et navn' }).max(200),
  organisation: z.string().trim().max(200).default(''),
  present: z.boolean().default(true),
});
