import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
let dasId: string;
beforeEach(async () => {
  backend = await openTestBackend();
  dasId = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!.id;
});
afterEach(() => backend.close());

const meeting = (date: string) => call(backend, 'meetings.create', { bodyId: dasId, date, startTime: '13:00', endTime: '16:00' });
const titles = async (meetingId: string) => (await call(backend, 'agenda.list', { meetingId })).map((i) => `${i.number}. ${i.title}`);

describe('agenda items', () => {
  it('starts an agenda from the body template, numbered, approving the previous meeting’s minutes', async () => {
    const march = await meeting('2021-03-25');
    const may = await meeting('2021-05-27');
    await call(backend, 'agenda.create', { meetingId: may.id, title: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd' });
    await call(backend, 'agenda.applyTemplate', { meetingId: may.id });
    expect(await titles(may.id)).toEqual([
      '1. Godkendelse af dagsorden',
      '2. Godkendelse af referat fra seneste møde',
      '3. Oplæg til tilbud for børn og unge med svær selvskadende adfærd',
      '4. FU orienterer',
      '5. Eventuelt',
      '6. Næste møde',
    ]);
    const approval = (await call(backend, 'agenda.list', { meetingId: may.id }))[1]!;
    const item = await call(backend, 'agenda.get', { id: approval.id });
    expect(item.approvesMeetingId).toBe(march.id);
    expect(item.recommendations.map((r) => r.text)).toEqual(['DAS godkender referatet fra mødet den 25. marts 2021']);
    // Applying again adds nothing.
    await call(backend, 'agenda.applyTemplate', { meetingId: may.id });
    expect(await titles(may.id)).toHaveLength(6);
  });

  it('reorders, deletes and restores with numbers that never have gaps', async () => {
    const m = await meeting('2021-05-27');
    for (const title of ['A', 'B', 'C', 'D']) await call(backend, 'agenda.create', { meetingId: m.id, title });
    const ids = (await call(backend, 'agenda.list', { meetingId: m.id })).map((i) => i.id);
    await call(backend, 'agenda.move', { id: ids[3]!, to: 1 });
    expect(await titles(m.id)).toEqual(['1. D', '2. A', '3. B', '4. C']);
    await call(backend, 'agenda.delete', { id: ids[0]! });
    expect(await titles(m.id)).toEqual(['1. D', '2. B', '3. C']);
    await call(backend, 'agenda.restore', { id: ids[0]! });
    expect(await titles(m.id)).toEqual(['1. D', '2. A', '3. B', '4. C']);
    await call(backend, 'agenda.create', { meetingId: m.id, title: 'Indskudt', at: 2 });
    expect(await titles(m.id)).toEqual(['1. D', '2. Indskudt', '3. A', '4. B', '5. C']);
  });

  it('saves sections sanitised, Indstilling points and guests, and records who changed what', async () => {
    await call(backend, 'settings.update', { userName: 'Mette Sørensen' });
    const m = await meeting('2021-05-27');
    const item = await call(backend, 'agenda.create', { meetingId: m.id, title: 'Socialtilsyn Nords årsrapport 2020' });
    const updated = await call(backend, 'agenda.update', {
      id: item.id,
      revision: item.revision,
      patch: {
        resume: '<p onclick="steal()">Årsrapporten <script>alert(1)</script><strong>forelægges</strong> DAS.</p><img src=x onerror=alert(1)>',
        recommendations: ['Den Administrative Styregruppe drøfter Årsrapport 2020 fra Socialtilsyn Nord.'],
        guests: [{ name: 'Susan Havmand Stender', title: 'Leder af tilbudsafdelingen', organisation: 'Socialtilsyn Nord', attended: true }],
        closed: true,
        closedTitleVisible: true,
      },
    });
    expect(updated.resume).toBe('<p>Årsrapporten <strong>forelægges</strong> DAS.</p>');
    expect(updated.recommendations.map((r) => r.text)).toEqual(['Den Administrative Styregruppe drøfter Årsrapport 2020 fra Socialtilsyn Nord.']);
    expect(updated.guests).toMatchObject([{ name: 'Susan Havmand Stender', attended: true }]);
    expect(updated.closed).toBe(true);

    const history = await call(backend, 'agenda.history', { id: item.id });
    expect(history[0]).toMatchObject({ userName: 'Mette Sørensen', action: 'aendret' });
    expect(Object.keys(history[0]!.changes)).toEqual(expect.arrayContaining(['resume', 'closed', 'indstilling', 'gæster']));
    expect(history.at(-1)).toMatchObject({ action: 'oprettet' });

    const stale = await backend.call('agenda.update', { id: item.id, revision: item.revision, patch: { title: 'X' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses an empty title in Danish', async () => {
    const m = await meeting('2021-05-27');
    const result = await backend.call('agenda.create', { meetingId: m.id, title: '   ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { title: 'Punktet skal have en titel' } } });
  });

  it('postpones an item to a later meeting by copy, keeping its text and Indstilling', async () => {
    const may = await meeting('2021-05-27');
    const august = await meeting('2021-08-23');
    const item = await call(backend, 'agenda.create', { meetingId: may.id, title: 'Brug af nye nationale standardkontrakter' });
    await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { recommendations: ['DAS godkender, at …'] } });
    const copy = await call(backend, 'agenda.postpone', { id: item.id, toMeetingId: august.id, mode: 'kopier' });
    expect(copy).toMatchObject({ meetingId: august.id, postponedFromItemId: item.id, title: item.title });
    expect(copy.recommendations.map((r) => r.text)).toEqual(['DAS godkender, at …']);
    expect(await titles(may.id)).toHaveLength(1);
  });
});

describe('decisions, approval of minutes and follow-ups', () => {
  it('records a decision with point outcomes and reservations; approving the minutes locks the earlier meeting', async () => {
    const march = await meeting('2021-03-25');
    const may = await meeting('2021-05-27');
    const marchItem = await call(backend, 'agenda.create', { meetingId: march.id, title: 'Plan for arbejdet med fokusområde 2' });
    await call(backend, 'agenda.applyTemplate', { meetingId: may.id });
    const [, approval] = await call(backend, 'agenda.list', { meetingId: may.id });

    const offer = await call(backend, 'agenda.create', { meetingId: may.id, title: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd' });
    const withPoints = await call(backend, 'agenda.update', { id: offer.id, revision: offer.revision, patch: { recommendations: ['DAS drøfter oplægget', 'DAS godkender finansieringsmodellen'] } });
    const [p1, p2] = withPoints.recommendations;
    const decision = await call(backend, 'decisions.save', {
      itemId: offer.id,
      revision: null,
      text: '<p>Kommunerne kvitterer for præsentationen.</p>',
      outcome: 'godkendt_med_aendringer',
      pointOutcomes: { [p1!.id]: 'droeftet', [p2!.id]: 'udsat' },
      reservations: [{ party: 'Læsø og Morsø kommuner', text: 'vil få svært ved at få den politiske opbakning til en underskudsfinansiering' }],
    });
    expect(decision).toMatchObject({ outcome: 'godkendt_med_aendringer', pointOutcomes: { [p1!.id]: 'droeftet', [p2!.id]: 'udsat' }, reservations: [{ party: 'Læsø og Morsø kommuner' }] });

    await call(backend, 'decisions.save', { itemId: approval!.id, revision: null, text: '<p>Referatet godkendes.</p>', outcome: 'godkendt' });
    expect((await call(backend, 'meetings.get', { id: march.id })).status).toBe('referat_godkendt');
    const locked = await backend.call('agenda.update', { id: marchItem.id, revision: marchItem.revision, patch: { title: 'Ændret bagefter' } });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringMatching(/godkendt og dermed låst/) } });

    const register = await call(backend, 'decisions.register', { bodyId: dasId, year: 2021 });
    expect(register.total).toBe(2);
    expect(register.rows.find((r) => r.itemId === offer.id)).toMatchObject({ itemNumber: 6, outcome: 'godkendt_med_aendringer', reservations: ['Læsø og Morsø kommuner'], text: 'Kommunerne kvitterer for præsentationen.' });
  });

  it('shows open follow-ups by themselves on the body’s next meeting, until they are closed', async () => {
    const may = await meeting('2021-05-27');
    const august = await meeting('2021-08-23');
    const item = await call(backend, 'agenda.create', { meetingId: may.id, title: 'Kobling mellem DAS og Handicapchefkredsen' });
    const followUp = await call(backend, 'followUps.create', { itemId: item.id, action: 'Status på evalueringen på augustmødet', owner: 'Sekretariatet', dueDate: '2021-08-23' });
    expect(followUp.origin).toMatchObject({ bodyCode: 'DAS', meetingDate: '2021-05-27', itemNumber: 1 });
    expect((await call(backend, 'followUps.forMeeting', { meetingId: august.id })).map((f) => f.action)).toEqual(['Status på evalueringen på augustmødet']);
    expect(await call(backend, 'followUps.forMeeting', { meetingId: may.id })).toEqual([]);
    await call(backend, 'followUps.update', { id: followUp.id, revision: followUp.revision, patch: { status: 'afsluttet' } });
    expect(await call(backend, 'followUps.forMeeting', { meetingId: august.id })).toEqual([]);
    expect(await call(backend, 'followUps.list', { status: 'afsluttet' })).toHaveLength(1);
  });
});

describe('search', () => {
  async function seed() {
    const m = await meeting('2021-05-27');
    const item = await call(backend, 'agenda.create', { meetingId: m.id, title: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd' });
    await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { caseText: '<p>Tilbuddet placeres i Aabybro og drives af Region Nordjylland.</p>' } });
    await call(backend, 'decisions.save', { itemId: item.id, revision: null, text: '<p>Læsø og Morsø kommuner vil få svært ved at få den politiske opbakning.</p>', outcome: 'godkendt' });
    return item;
  }

  it('finds items and decisions Danish-aware, with the item they belong to and a marked snippet', async () => {
    const item = await seed();
    const { hits } = await call(backend, 'search.query', { query: 'laesoe opbakning' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ entity: 'decision', itemId: item.id, bodyCode: 'DAS', itemNumber: 1, meetingDate: '2021-05-27' });
    expect(hits[0]!.snippet).toContain('\u0002Læsø\u0003');
    expect((await call(backend, 'search.query', { query: 'ÅBYBRO' })).hits.map((h) => h.entity)).toEqual(['item']);
    expect((await call(backend, 'search.query', { query: 'selvskad' })).hits[0]!.entity).toBe('item');
  });

  it.each(['"', '-', 'AND', 'OR', 'NOT', '"selvskadende', 'a:b', '(', '*', '^'])('survives the query %s', async (query) => {
    await seed();
    const result = await backend.call('search.query', { query });
    expect(result.ok).toBe(true);
  });

  it('follows a meeting that is deleted, restored or moved to another year', async () => {
    const item = await seed();
    const meetingId = (await call(backend, 'agenda.get', { id: item.id })).meetingId;
    await call(backend, 'meetings.delete', { id: meetingId });
    expect((await call(backend, 'search.query', { query: 'opbakning' })).hits).toEqual([]);
    await call(backend, 'meetings.restore', { id: meetingId });
    expect((await call(backend, 'search.query', { query: 'opbakning', year: 2021 })).hits).toHaveLength(1);
    const meeting = await call(backend, 'meetings.get', { id: meetingId });
    await call(backend, 'meetings.update', { id: meetingId, revision: meeting.revision, patch: { date: '2022-01-10' } });
    expect((await call(backend, 'search.query', { query: 'opbakning', year: 2021 })).hits).toEqual([]);
    expect((await call(backend, 'search.query', { query: 'opbakning', year: 2022 })).hits).toHaveLength(1);
  });

  it('forgets deleted items', async () => {
    const item = await seed();
    await call(backend, 'agenda.delete', { id: item.id });
    expect((await call(backend, 'search.query', { query: 'opbakning' })).hits).toEqual([]);
    await call(backend, 'agenda.restore', { id: item.id });
    expect((await call(backend, 'search.query', { query: 'opbakning' })).hits).toHaveLength(1);
  });
});

describe('corrections of approved minutes', () => {
  it('opens approved minutes as a new version with a reason, keeping what was approved', async () => {
    const m = await meeting('2021-03-25');
    const item = await call(backend, 'agenda.create', { meetingId: m.id, title: 'Forlængelse af periode for takststigning på Svenstrupgård' });
    await call(backend, 'decisions.save', { itemId: item.id, revision: null, text: '<p>DAS kredsen godkender, at takststigningen forlænges til 14 år.</p>', outcome: 'godkendt' });
    const open = await backend.call('meetings.correctMinutes', { id: m.id, reason: 'Rettelse af årstal' });
    expect(open).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const current = await call(backend, 'meetings.get', { id: m.id });
    await call(backend, 'meetings.update', { id: m.id, revision: current.revision, patch: { status: 'referat_godkendt' } });
    expect(await backend.call('agenda.update', { id: item.id, revision: item.revision, patch: { title: 'x' } })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    const tooShort = await backend.call('meetings.correctMinutes', { id: m.id, reason: 'x' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('hvorfor referatet rettes') } });

    const corrected = await call(backend, 'meetings.correctMinutes', { id: m.id, reason: 'Perioden er 14 år, ikke 12 år, jf. bilag 4.' });
    expect(corrected.status).toBe('referat_udsendt');
    expect(await call(backend, 'meetings.minutesVersions', { id: m.id })).toMatchObject([{ version: 2, reason: 'Perioden er 14 år, ikke 12 år, jf. bilag 4.' }]);
    const fresh = await call(backend, 'agenda.get', { id: item.id });
    expect((await call(backend, 'agenda.update', { id: item.id, revision: fresh.revision, patch: { caseNumber: 'EMN-2021-001' } })).caseNumber).toBe('EMN-2021-001');
    const snapshot = backend.database.raw.prepare('SELECT approved_snapshot FROM minutes_versions').get() as { approved_snapshot: string };
    expect(JSON.parse(snapshot.approved_snapshot)[0]).toMatchObject({ title: item.title, caseNumber: '', decision: { outcome: 'godkendt' } });
  });
});

describe('trash', () => {
  it('lists deleted meetings and items newest first, and restores them', async () => {
    const m = await meeting('2021-05-27');
    const other = await meeting('2021-08-23');
    const item = await call(backend, 'agenda.create', { meetingId: m.id, title: 'Eventuelt' });
    await call(backend, 'agenda.delete', { id: item.id });
    await call(backend, 'meetings.delete', { id: other.id });
    expect((await call(backend, 'meetings.trash', {})).map((e) => [e.kind, e.title])).toEqual([
      ['møde', 'Møde i Den Administrative Styregruppe (DAS Social)'],
      ['punkt', 'Eventuelt'],
    ]);
    await call(backend, 'agenda.restore', { id: item.id });
    await call(backend, 'meetings.restore', { id: other.id });
    expect(await call(backend, 'meetings.trash', {})).toEqual([]);
  });
});

describe('decision register by organisation', () => {
  it('finds decisions with a reservation from a municipality, also when typed as free text', async () => {
    const m = await meeting('2021-05-27');
    const item = await call(backend, 'agenda.create', { meetingId: m.id, title: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd' });
    await call(backend, 'decisions.save', { itemId: item.id, revision: null, text: '<p>Drøftet.</p>', outcome: 'droeftet', reservations: [{ party: 'Læsø og Morsø kommuner', text: 'politisk opbakning' }] });
    const orgs = await call(backend, 'organisations.list', {});
    const id = (name: string) => orgs.find((o) => o.name === name)!.id;
    expect((await call(backend, 'decisions.register', { organisationId: id('Morsø Kommune') })).total).toBe(1);
    expect((await call(backend, 'decisions.register', { organisationId: id('Aalborg Kommune') })).total).toBe(0);
  });
});

describe('a closed item’s title in the public edition (issue 14, point 1)', () => {
  const publicContents = async (meetingId: string) => (await call(backend, 'documents.preview', { meetingId, kind: 'agenda', edition: 'public' })).html;
  const SECRET = 'Lukket sag: Økonomisk underskud på Botilbud Nord';

  it('hides the title of a new closed item, of an item closed later and of a closed copy; showing it is a choice the preview marks', async () => {
    const may = await meeting('2021-05-27');
    const created = await call(backend, 'agenda.create', { meetingId: may.id, title: SECRET, closed: true });
    expect(created.closedTitleVisible).toBe(false);
    const open = await call(backend, 'agenda.create', { meetingId: may.id, title: 'Underskud i Botilbud Syd, fortroligt' });
    const closedLater = await call(backend, 'agenda.update', { id: open.id, revision: open.revision, patch: { closed: true } });
    expect(closedLater.closedTitleVisible).toBe(false);
    const august = await meeting('2021-08-23');
    const copy = await call(backend, 'agenda.postpone', { id: created.id, toMeetingId: august.id, mode: 'kopier' });
    expect(copy.closedTitleVisible).toBe(false);

    let html = await publicContents(may.id);
    expect(html).not.toContain('Botilbud Nord');
    expect(html).not.toContain('Botilbud Syd');
    expect(html).toContain('Punkt 1. Lukket punkt');
    expect(html).not.toContain('Titel vises offentligt');
    expect(await publicContents(august.id)).not.toContain('Botilbud Nord');

    // Shown only when chosen, and then marked in the preview (not in the printed document).
    const shown = await call(backend, 'agenda.update', { id: closedLater.id, revision: closedLater.revision, patch: { closedTitleVisible: true } });
    expect(shown.closedTitleVisible).toBe(true);
    html = await publicContents(may.id);
    expect(html).toContain('Underskud i Botilbud Syd, fortroligt <span class="public-title-badge">Titel vises offentligt</span>');
    expect(html).not.toContain('Botilbud Nord');
    const internal = (await call(backend, 'documents.preview', { meetingId: may.id, kind: 'agenda', edition: 'internal' })).html;
    expect(internal).not.toContain('Titel vises offentligt');
  });
});
