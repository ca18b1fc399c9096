import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { MethodInput, MethodName } from '../../shared/contract';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
  await call(backend, 'demo.load', {});
});
afterEach(() => backend.close());

/** The demo's DAS meeting of 25 March 2021, whose minutes were approved on 27 May 2021. */
const DAS_MARCH = '5a3e8c21-7d4f-4b6a-9c0e-202103250001';
const MINUTES_LOCKED = 'Referatet af mødet 25. marts 2021 er godkendt og dermed låst. Vælg «Ret referatet» for at åbne en ny version, hvis noget skal rettes.';

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>) {
  const result = await backend.call(method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

describe('approved minutes', () => {
  it('refuse every change of the meeting – details, participants, items, decisions, follow-ups agreed – and say how to reopen them', async () => {
    const meeting = await call(backend, 'meetings.get', { id: DAS_MARCH });
    const [first] = await call(backend, 'agenda.list', { meetingId: DAS_MARCH });
    const item = await call(backend, 'agenda.get', { id: first!.id });
    const attendance = await call(backend, 'meetings.attendance', { meetingId: DAS_MARCH });
    const locked = { code: 'LOCKED', message: MINUTES_LOCKED };

    expect(await refusal('meetings.update', { id: DAS_MARCH, revision: meeting.revision, patch: { location: 'Aalborg' } })).toEqual(locked);
    // Not even back to an earlier status: «Ret referatet» is the way, and it keeps the approved version.
    expect(await refusal('meetings.update', { id: DAS_MARCH, revision: meeting.revision, patch: { status: 'afholdt' } })).toEqual(locked);
    expect(await refusal('meetings.setAttendance', { meetingId: DAS_MARCH, attendees: [] })).toEqual(locked);
    expect(await refusal('meetings.attendanceFromMembers', { meetingId: DAS_MARCH })).toEqual(locked);
    expect(await refusal('agenda.update', { id: item.id, revision: item.revision, patch: { resume: '<p>Tilføjet bagefter</p>' } })).toEqual(locked);
    expect(await refusal('decisions.save', { itemId: item.id, revision: item.decision?.revision ?? null, text: '<p>Ændret</p>', outcome: 'godkendt' })).toEqual(locked);
    expect(await refusal('followUps.create', { itemId: item.id, action: 'Aftalt bagefter', owner: '', dueDate: null })).toEqual(locked);

    expect(await call(backend, 'meetings.get', { id: DAS_MARCH })).toMatchObject({ location: meeting.location, status: 'referat_godkendt', revision: meeting.revision });
    expect(await call(backend, 'meetings.attendance', { meetingId: DAS_MARCH })).toEqual(attendance);
    expect(await call(backend, 'agenda.get', { id: item.id })).toMatchObject({ resume: item.resume, revision: item.revision, decision: item.decision });
    expect(await call(backend, 'followUps.list', { itemId: item.id })).toEqual([]);

    // Reopened as a new version, they can be changed again.
    await call(backend, 'meetings.correctMinutes', { id: DAS_MARCH, reason: 'Stedet var forkert' });
    const reopened = await call(backend, 'meetings.get', { id: DAS_MARCH });
    expect(await call(backend, 'meetings.update', { id: DAS_MARCH, revision: reopened.revision, patch: { location: 'Aalborg' } })).toMatchObject({ location: 'Aalborg' });
  });

  it('keep what was agreed in a follow-up, while whether it has been done is still followed up', async () => {
    const [open] = await call(backend, 'followUps.list', { status: 'aaben' });
    const origin = await call(backend, 'meetings.get', { id: open!.origin.meetingId });
    expect(origin.status).toBe('referat_udsendt');
    // Lock the meeting the follow-up was agreed at: approve its minutes.
    await call(backend, 'meetings.update', { id: origin.id, revision: origin.revision, patch: { status: 'referat_godkendt' } });

    expect(await refusal('followUps.update', { id: open!.id, revision: open!.revision, patch: { action: 'Omformuleret' } })).toMatchObject({ code: 'LOCKED' });
    expect(await call(backend, 'followUps.update', { id: open!.id, revision: open!.revision, patch: { status: 'afsluttet' } })).toMatchObject({ action: open!.action, status: 'afsluttet' });
  });
});

describe('a proposal version treated on an agenda', () => {
  it('refuses changes to its content and its consultation responses, as treated', async () => {
    const nt1 = (await call(backend, 'proposals.list', {})).find((p) => p.code === 'NT-1')!;
    const proposal = await call(backend, 'proposals.get', { id: nt1.id });
    const v1 = proposal.versions[0]!;
    const response = proposal.responses.find((r) => r.versionId === v1.id)!;
    const locked = { code: 'LOCKED', message: expect.stringMatching(/^Version 1 har været på en dagsorden og er låst/) };

    expect(await refusal('proposals.updateVersion', { id: v1.id, revision: v1.revision, patch: { note: 'Rettet bagefter' } })).toMatchObject(locked);
    const { id, revision, versionId, organisationId, respondent, receivedOn, stance } = response;
    expect(await refusal('proposals.saveResponse', { id, revision, versionId, organisationId, respondent, receivedOn, stance, text: 'Rettet bagefter' })).toMatchObject(locked);
    expect(await refusal('proposals.saveResponse', { versionId, organisationId: null, respondent: 'Nyt svar', receivedOn, stance, text: 'For sent' })).toMatchObject(locked);
    expect(await refusal('proposals.deleteResponse', { id })).toMatchObject(locked);

    const after = await call(backend, 'proposals.get', { id: nt1.id });
    expect(after.versions[0]).toMatchObject({ revision: v1.revision, note: v1.note });
    expect(after.responses).toEqual(proposal.responses);
  });
});
