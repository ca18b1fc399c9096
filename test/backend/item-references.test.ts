import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

async function meetingOf(code: string, date: string, titles: string[], closed: string[] = []) {
  const bodyId = (await call(backend, 'bodies.list', {})).find((b) => b.code === code)!.id;
  const meeting = await call(backend, 'meetings.create', { bodyId, date, startTime: '13:00', endTime: '15:00' });
  const items = [];
  for (const title of titles) items.push(await call(backend, 'agenda.create', { meetingId: meeting.id, title, closed: closed.includes(title) }));
  return items;
}

const cited = (refs: { bodyCode: string; meetingDate: string; itemNumber: number; itemTitle: string }[]) =>
  refs.map((r) => `${r.bodyCode} ${r.meetingDate} ${r.itemNumber}. ${r.itemTitle}`);

describe('agenda.references: the items a category change or a sheet version can cite', () => {
  it('lists the bodies’ items newest meeting first in agenda order, closed ones too, with whether a decision is recorded', async () => {
    const [, category] = await meetingOf('DAS', '2022-12-14', ['Godkendelse af dagsorden', 'Kategoriændringer 2023']);
    const [tariff] = await meetingOf('FU', '2023-03-14', ['Takstændring Kvisten', 'Personsag'], ['Personsag']);
    await meetingOf('KKR', '2023-04-01', ['Rammeaftale']);
    await call(backend, 'decisions.save', { itemId: category!.id, revision: null, text: '<p>Godkendt.</p>', outcome: 'godkendt' });

    const refs = await call(backend, 'agenda.references', { bodyCodes: ['DAS', 'FU'] });
    expect(cited(refs)).toEqual([
      'FU 2023-03-14 1. Takstændring Kvisten',
      'FU 2023-03-14 2. Personsag',
      'DAS 2022-12-14 1. Godkendelse af dagsorden',
      'DAS 2022-12-14 2. Kategoriændringer 2023',
    ]);
    expect(refs.find((r) => r.itemId === category!.id)).toMatchObject({ hasDecision: true, outcome: 'godkendt', closed: false });
    expect(refs.find((r) => r.itemTitle === 'Personsag')).toMatchObject({ hasDecision: false, outcome: null, closed: true });
    expect(cited(await call(backend, 'agenda.references', { bodyCodes: ['FU'], limit: 1 }))).toEqual(['FU 2023-03-14 1. Takstændring Kvisten']);

    // A cited item of another body is found by its id; a deleted one is not.
    const [other] = await meetingOf('KKR', '2023-05-01', ['Orientering']);
    await call(backend, 'agenda.delete', { id: tariff!.id });
    expect(cited(await call(backend, 'agenda.references', { ids: [other!.id, tariff!.id] }))).toEqual(['KKR 2023-05-01 1. Orientering']);
  });
});
