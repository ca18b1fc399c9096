import { describe, expect, it } from 'vitest';
import { MEETING_STATUSES } from '../../shared/domain/meeting';
import { hasMinutes, readingKindFor } from '../../shared/logic/meeting-view';

describe('which view a meeting opens on from the list', () => {
  it('reads a sent agenda and sent or approved minutes; a meeting in preparation opens in the editor', () => {
    expect(Object.fromEntries(MEETING_STATUSES.map((s) => [s, readingKindFor(s)]))).toEqual({
      planlagt: null,
      dagsorden_udsendt: 'agenda',
      afholdt: null,
      referat_udsendt: 'minutes',
      referat_godkendt: 'minutes',
    });
  });

  it('offers minutes once the meeting is held', () => {
    expect(MEETING_STATUSES.filter(hasMinutes)).toEqual(['afholdt', 'referat_udsendt', 'referat_godkendt']);
  });
});
