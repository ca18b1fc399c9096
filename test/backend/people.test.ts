import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
let ids: Record<string, string>;
beforeEach(async () => {
  backend = await openTestBackend();
  ids = Object.fromEntries((await call(backend, 'bodies.list', {})).map((b) => [b.code, b.id]));
});
afterEach(() => backend.close());

describe('members, relations and attendance', () => {
  it('keeps a body’s members in order and starts a meeting’s participants from them', async () => {
    await call(backend, 'bodies.setMembers', {
      bodyId: ids.DAS!,
      members: [
        { name: 'Henrik Aarup-Kristensen', organisation: 'Aalborg Kommune', role: 'formand' },
        { name: 'Martin Bjørn Jensen', organisation: 'Region Nordjylland', role: 'medlem' },
      ],
    });
    const members = await call(backend, 'bodies.members', { bodyId: ids.DAS! });
    expect(members.map((m) => m.name)).toEqual(['Henrik Aarup-Kristensen', 'Martin Bjørn Jensen']);

    // Reordering keeps the rows (and their ids).
    const reordered = await call(backend, 'bodies.setMembers', { bodyId: ids.DAS!, members: [members[1]!, members[0]!] });
    expect(reordered.map((m) => m.id)).toEqual([members[1]!.id, members[0]!.id]);

    const meeting = await call(backend, 'meetings.create', { bodyId: ids.DAS!, date: '2021-05-27' });
    const attendance = await call(backend, 'meetings.attendanceFromMembers', { meetingId: meeting.id });
    expect(attendance.map((a) => [a.name, a.present])).toEqual([['Martin Bjørn Jensen', true], ['Henrik Aarup-Kristensen', true]]);
    const updated = await call(backend, 'meetings.setAttendance', {
      meetingId: meeting.id,
      attendees: [
        { name: 'Martin Bjørn Jensen', organisation: 'Region Nordjylland', present: true },
        { name: 'Henrik Aarup-Kristensen', organisation: 'Aalborg Kommune', present: false },
      ],
    });
    expect(updated.filter((a) => !a.present).map((a) => a.name)).toEqual(['Henrik Aarup-Kristensen']);
    // Filling from members again does not overwrite a list that exists.
    expect(await call(backend, 'meetings.attendanceFromMembers', { meetingId: meeting.id })).toHaveLength(2);
  });

  it('records that FU prepares DAS, refusing a relation to itself', async () => {
    await call(backend, 'bodies.setRelations', { fromBodyId: ids.FU!, relations: [{ toBodyId: ids.DAS!, kind: 'forbereder' }] });
    expect(await call(backend, 'bodies.relations', {})).toMatchObject([{ fromBodyId: ids.FU, toBodyId: ids.DAS, kind: 'forbereder' }]);
    const self = await backend.call('bodies.setRelations', { fromBodyId: ids.FU!, relations: [{ toBodyId: ids.FU!, kind: 'raadgiver' }] });
    expect(self).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Et organ kan ikke have en relation til sig selv.' } });
  });

  it('hides the sections a body does not use', async () => {
    const body = await call(backend, 'bodies.setHiddenSections', { bodyId: ids.KKR!, hidden: ['economy', 'consultation'] });
    expect(body.hiddenSections).toEqual(['economy', 'consultation']);
    const bad = await backend.call('bodies.setHiddenSections', { bodyId: ids.KKR!, hidden: ['bilag'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a member without a name in Danish', async () => {
    const result = await backend.call('bodies.setMembers', { bodyId: ids.DAS!, members: [{ name: ' ' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Medlemmet skal have et navn') } });
  });
});

describe('agenda template', () => {
  it('starts from the default for the body and then follows its own template', async () => {
    expect((await call(backend, 'bodies.template', { bodyId: ids.FU! })).map((t) => t.standing)).toEqual(['godkendelse_dagsorden', 'godkendelse_referat', 'eventuelt', 'naeste_moede']);
    await call(backend, 'bodies.setTemplate', {
      bodyId: ids.FU!,
      template: [
        { standing: 'godkendelse_dagsorden', title: 'Godkendelse af dagsorden', kind: 'beslutning', recommendation: 'FU godkender dagsordenen' },
        { standing: 'eventuelt', title: 'Eventuelt', kind: 'droeftelse', recommendation: '' },
      ],
    });
    const meeting = await call(backend, 'meetings.create', { bodyId: ids.FU!, date: '2021-03-01' });
    const items = await call(backend, 'agenda.applyTemplate', { meetingId: meeting.id });
    expect(items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden', 'Eventuelt']);
    const twice = await backend.call('bodies.setTemplate', { bodyId: ids.FU!, template: [
      { standing: 'eventuelt', title: 'A', kind: 'droeftelse' },
      { standing: 'eventuelt', title: 'B', kind: 'droeftelse' },
    ] });
    expect(twice).toMatchObject({ ok: false, error: { message: 'Hvert fast punkt kan kun stå én gang i skabelonen.' } });
  });
});
