import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { AppError } from '../../electron/backend/errors';
import { writeAndAnnounce } from '../../electron/backend/write';
import { insertBody, listBodies } from '../../db/queries/bodies';
import { historyOfItem } from '../../db/queries/history';
import { call, openTestBackend } from '../helpers/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { countingQueries } from '../helpers/query-count';

let backend: Backend;
let events: { event: string; payload: unknown }[];
beforeEach(async () => {
  backend = await openTestBackend();
  events = [];
  backend.subscribe((event, payload) => events.push({ event, payload }));
});
afterEach(() => backend.close());

const now = () => new Date(Date.UTC(2026, 10, 22, 12));

async function itemOnDas() {
  const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: '2021-05-27', startTime: '13:00', endTime: '16:00' });
  const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Takster 2022' });
  return { meeting, item };
}

describe('a write (ctx.write)', () => {
  it('refused after it has written: everything rolls back, its history too, and no window is told', async () => {
    const { item } = await itemOnDas();
    const bodiesBefore = await listBodies(backend.database.db);
    const historyBefore = await historyOfItem(backend.database.db, item.id);
    const seen: unknown[] = [];
    const refusal = writeAndAnnounce({ db: backend.database.db, now, emit: (event, payload) => seen.push([event, payload]) }, ['bodies'], async (trx, scope) => {
      await insertBody(trx, 'b0d1e500-0000-4000-8000-000000000001', { code: 'SUG', name: 'Socialudviklingsgruppen', description: '' }, now().toISOString());
      await scope.history({ entity: 'punkt', entityId: item.id, meetingId: item.meetingId, itemId: item.id, action: 'aendret', changes: { titel: { before: 'a', after: 'b' } } });
      scope.announce({ ids: ['b0d1e500-0000-4000-8000-000000000001'] });
      throw new AppError('CONFLICT', 'Organet er ændret et andet sted.');
    });
    await expect(refusal).rejects.toThrow('Organet er ændret et andet sted.');
    expect(await listBodies(backend.database.db)).toEqual(bodiesBefore);
    expect(await historyOfItem(backend.database.db, item.id)).toEqual(historyBefore);
    expect(seen).toEqual([]);
  });

  it('refused by the backend (approved minutes are locked): nothing changes and no change event is sent', async () => {
    const { meeting, item } = await itemOnDas();
    await call(backend, 'meetings.update', { id: meeting.id, revision: meeting.revision, patch: { status: 'referat_godkendt' } });
    events.length = 0;
    const result = await backend.call('agenda.update', { id: item.id, revision: item.revision, patch: { title: 'Takster 2023', recommendations: ['DAS godkender taksterne'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call(backend, 'agenda.get', { id: item.id })).toMatchObject({ title: 'Takster 2022', recommendations: [] });
    expect(events).toEqual([]);
  });

  it('that succeeds tells every window once, after the commit, which records changed', async () => {
    const { meeting, item } = await itemOnDas();
    events.length = 0;
    const titleWhenTold: string[] = [];
    backend.subscribe(async () => titleWhenTold.push((await call(backend, 'agenda.get', { id: item.id })).title));
    await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { title: 'Takster 2023', recommendations: ['DAS godkender taksterne'] } });
    expect(events).toEqual([{ event: 'data.changed', payload: { entities: ['agenda'], ids: [item.id, meeting.id] } }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(titleWhenTold).toEqual(['Takster 2023']);
  });

  it('announces what it learns inside the transaction: approving minutes locks the earlier meeting', async () => {
    const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const march = await call(backend, 'meetings.create', { bodyId: das.id, date: '2021-03-25', startTime: '13:00', endTime: '16:00' });
    const may = await call(backend, 'meetings.create', { bodyId: das.id, date: '2021-05-27', startTime: '13:00', endTime: '16:00' });
    await call(backend, 'agenda.applyTemplate', { meetingId: may.id });
    const approval = (await call(backend, 'agenda.list', { meetingId: may.id })).find((i) => i.standing === 'godkendelse_referat')!;
    events.length = 0;
    const decision = await call(backend, 'decisions.save', { itemId: approval.id, revision: null, text: '<p>Godkendt.</p>', outcome: 'godkendt' });
    expect(events).toEqual([{ event: 'data.changed', payload: { entities: ['agenda', 'meetings'], ids: [approval.id, may.id, decision.id, march.id] } }]);
  });
});

describe("a meeting's items", () => {
  async function meetingWith(items: number) {
    const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: `2021-06-${String(items).padStart(2, '0')}`, startTime: '13:00', endTime: '16:00' });
    for (let n = 1; n <= items; n++) {
      const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: `Punkt ${n}` });
      await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { recommendations: [`DAS godkender ${n}`], guests: [{ name: `Gæst ${n}`, title: '', organisation: '', attended: true }] } });
      await call(backend, 'decisions.save', { itemId: item.id, revision: null, text: `<p>Godkendt ${n}.</p>`, outcome: 'godkendt', reservations: [{ party: 'Læsø Kommune' }] });
    }
    return meeting;
  }

  it('are read for the documents with the same few queries for 3 items as for 30, each as agenda.get shows it', async () => {
    const statements: number[] = [];
    for (const items of [3, 30]) {
      const meeting = await meetingWith(items);
      const counting = countingQueries(backend.database.db);
      const model = await buildDocumentModel(counting.db, meeting.id, 'agenda', 'internal');
      statements.push(counting.count());
      const listed = await call(backend, 'agenda.list', { meetingId: meeting.id });
      expect(model.items.map((i) => `${i.number}. ${i.title}`)).toEqual(listed.map((i) => `${i.number}. ${i.title}`));
      for (const [index, summary] of listed.entries()) {
        const item = await call(backend, 'agenda.get', { id: summary.id });
        expect(model.items[index]).toMatchObject({
          recommendations: item.recommendations.map((r) => r.text),
          guests: item.guests,
          decision: { text: item.decision!.text, outcome: item.decision!.outcome, reservations: item.decision!.reservations },
        });
      }
    }
    expect(statements[1]).toBe(statements[0]);
    // Meeting, body and its paper layout, settings, items with their parts, attachments, and the follow-ups agreed
    // at the items: a fixed number, whatever the number of items.
    expect(statements[1]).toBeLessThanOrEqual(14);
  });
});
