import type { MeetingStatus } from '../domain/meeting';

/**
 * Which paper a meeting opens on when chosen from the list: a sent agenda, and minutes sent or approved, are read as
 * the members got them; a meeting still being prepared (planned, or held with its minutes not yet sent) opens in the
 * editor (null).
 */
export function readingKindFor(status: MeetingStatus): 'agenda' | 'minutes' | null {
  if (status === 'dagsorden_udsendt') return 'agenda';
  if (status === 'referat_udsendt' || status === 'referat_godkendt') return 'minutes';
  return null;
}

/** Minutes exist to be read once the meeting is held. */
export const hasMinutes = (status: MeetingStatus) => status === 'afholdt' || status === 'referat_udsendt' || status === 'referat_godkendt';
