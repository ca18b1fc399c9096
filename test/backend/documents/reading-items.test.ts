import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { call, openTestBackend } from '../../helpers/backend';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

describe('the items beside the papers in the reading view (documents.preview)', () => {
  it('lists the items in order as the edition shows them: a closed item’s title only in the internal one', async () => {
    const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: '2021-05-27' });
    const open = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Socialtilsyn Nords årsrapport 2020' });
    const closed = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Personsag om en ansat i Botilbud Syd', closed: true });
    const items = async (edition: 'internal' | 'public') => (await call(backend, 'documents.preview', { meetingId: meeting.id, kind: 'minutes', edition })).items;

    expect(await items('internal')).toEqual([
      { id: open.id, number: 1, title: 'Socialtilsyn Nords årsrapport 2020' },
      { id: closed.id, number: 2, title: 'Personsag om en ansat i Botilbud Syd' },
    ]);
    expect(await items('public')).toEqual([
      { id: open.id, number: 1, title: 'Socialtilsyn Nords årsrapport 2020' },
      { id: closed.id, number: 2, title: 'Lukket punkt' },
    ]);
  });
});
