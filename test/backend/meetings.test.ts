import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

async function dasId() {
  const bodies = await call(backend, 'bodies.list', {});
  return bodies.find((b) => b.code === 'DAS')!.id;
}

describe('meetings', () => {
  it('creates, lists, edits and deletes a meeting of a body', async () => {
    const bodyId = await dasId();
    const created = await call(backend, 'meetings.create', { bodyId, date: '2021-05-27', startTime: '13:00', endTime: '16:00', location: 'Teams' });
    expect(created).toMatchObject({ bodyCode: 'DAS', date: '2021-05-27', status: 'planlagt', revision: 1 });

    const updated = await call(backend, 'meetings.update', { id: created.id, revision: 1, patch: { location: 'Aalborg', status: 'afholdt' } });
    expect(updated).toMatchObject({ location: 'Aalborg', status: 'afholdt', revision: 2 });

    expect(await call(backend, 'meetings.list', { year: 2021 })).toHaveLength(1);
    expect(await call(backend, 'meetings.list', { year: 2020 })).toHaveLength(0);

    await call(backend, 'meetings.delete', { id: created.id });
    expect(await call(backend, 'meetings.list', {})).toHaveLength(0);
    const restored = await call(backend, 'meetings.restore', { id: created.id });
    expect(restored.location).toBe('Aalborg');
  });

  it('lists newest first, filtered by body', async () => {
    const bodyId = await dasId();
    const fu = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'FU')!.id;
    for (const date of ['2021-03-25', '2021-08-23', '2021-05-27']) await call(backend, 'meetings.create', { bodyId, date });
    await call(backend, 'meetings.create', { bodyId: fu, date: '2021-03-01' });
    const das = await call(backend, 'meetings.list', { bodyId });
    expect(das.map((m) => m.date)).toEqual(['2021-08-23', '2021-05-27', '2021-03-25']);
  });

  it('refuses a stale revision with a Danish message and keeps the newer data', async () => {
    const bodyId = await dasId();
    const m = await call(backend, 'meetings.create', { bodyId, date: '2021-05-27' });
    await call(backend, 'meetings.update', { id: m.id, revision: 1, patch: { location: 'A' } });
    const result = await backend.call('meetings.update', { id: m.id, revision: 1, patch: { location: 'B' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/ændret et andet sted/);
    expect((await call(backend, 'meetings.get', { id: m.id })).location).toBe('A');
  });

  it('refuses an end time before the start time, also when only one end is changed', async () => {
    const bodyId = await dasId();
    const bad = await backend.call('meetings.create', { bodyId, date: '2021-05-27', startTime: '13:00', endTime: '12:00' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { endTime: expect.stringMatching(/efter/) } } });
    const m = await call(backend, 'meetings.create', { bodyId, date: '2021-05-27', startTime: '13:00', endTime: '16:00' });
    const alsoBad = await backend.call('meetings.update', { id: m.id, revision: 1, patch: { endTime: '09:00' } });
    expect(alsoBad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call(backend, 'meetings.get', { id: m.id })).endTime).toBe('16:00');
  });

  it('rejects a meeting of an unknown body', async () => {
    const result = await backend.call('meetings.create', { bodyId: '00000000-0000-4000-8000-999999999999', date: '2021-05-27' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Organet findes ikke/) } });
    expect(await call(backend, 'meetings.list', {})).toHaveLength(0);
  });
});

describe('bodies', () => {
  it('keeps codes unique and protects a body with meetings', async () => {
    const dup = await backend.call('bodies.create', { code: 'DAS', name: 'Endnu en DAS' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/DAS/) } });

    const bodyId = await dasId();
    await call(backend, 'meetings.create', { bodyId, date: '2021-05-27' });
    const refused = await backend.call('bodies.delete', { id: bodyId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/et møde/) } });

    const group = await call(backend, 'bodies.create', { code: 'SUG', name: 'Socialudviklingsgruppen' });
    await call(backend, 'bodies.delete', { id: group.id });
    expect((await call(backend, 'bodies.list', {})).map((b) => b.code)).not.toContain('SUG');
    await call(backend, 'bodies.restore', { id: group.id });
    expect((await call(backend, 'bodies.list', {})).map((b) => b.code)).toContain('SUG');
  });
});

describe('settings and reference data', () => {
  it('starts with the 11 municipalities, the region and their population per 2nd quarter 2021', async () => {
    const orgs = await call(backend, 'organisations.list', {});
    expect(orgs).toHaveLength(12);
    const municipalities = orgs.filter((o) => o.kind === 'kommune');
    expect(municipalities).toHaveLength(11);
    expect(municipalities.reduce((sum, o) => sum + o.population!.count, 0)).toBe(590_322);
    expect(orgs.find((o) => o.name === 'Aalborg Kommune')!.population).toEqual({ quarter: '2021K2', count: 219_573 });
    expect(orgs.find((o) => o.kind === 'region')).toMatchObject({ name: 'Region Nordjylland', population: null });
  });

  it('edits a population figure under revision control', async () => {
    const laesoe = (await call(backend, 'organisations.list', {})).find((o) => o.name === 'Læsø Kommune')!;
    const updated = await call(backend, 'organisations.update', { id: laesoe.id, revision: laesoe.revision, patch: { population: { quarter: '2021K2', count: 1_777 } } });
    expect(updated.population).toEqual({ quarter: '2021K2', count: 1_777 });
    const stale = await backend.call('organisations.update', { id: laesoe.id, revision: laesoe.revision, patch: { name: 'X' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('takes a quarter of figures for every municipality at once, and refuses a table that lacks one', async () => {
    const before = await call(backend, 'organisations.list', {});
    const municipalities = before.filter((o) => o.kind === 'kommune');
    const figures = municipalities.map((o, i) => ({ organisationId: o.id, count: 10_000 + i }));

    const refused = await backend.call('organisations.importPopulation', { quarter: '2022K1', ageGroup: '0-17', figures: figures.slice(1) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(`Tallene mangler for ${municipalities[0]!.name}`) } });
    expect(await call(backend, 'organisations.list', {})).toEqual(before);

    const after = await call(backend, 'organisations.importPopulation', { quarter: '2022K1', ageGroup: '0-17', figures });
    const aalborg = after.find((o) => o.id === municipalities[0]!.id)!;
    expect(aalborg.children).toEqual({ quarter: '2022K1', count: 10_000 });
    // The total population is another age group, untouched; the row's revision moved with its figures.
    expect(aalborg.population).toEqual(municipalities[0]!.population);
    expect(aalborg.revision).toBe(municipalities[0]!.revision + 1);
  });

  it('stores the local user name', async () => {
    await call(backend, 'settings.update', { userName: '  Mette Sørensen ' });
    expect(await call(backend, 'settings.get', {})).toEqual({ userName: 'Mette Sørensen', secretariatName: 'Sekretariat for Nordjysk Socialaftale', welcomeDone: false });
  });

  it('stores the secretariat’s name, the author of the papers; an emptied name falls back to the default', async () => {
    await call(backend, 'settings.update', { secretariatName: ' Sekretariatet for Socialaftalen ' });
    expect((await call(backend, 'settings.get', {})).secretariatName).toBe('Sekretariatet for Socialaftalen');
    await call(backend, 'settings.update', { secretariatName: '' });
    expect((await call(backend, 'settings.get', {})).secretariatName).toBe('Sekretariat for Nordjysk Socialaftale');
  });

  it('reports an empty database until meetings exist', async () => {
    expect((await call(backend, 'app.info', {})).isEmpty).toBe(true);
    await call(backend, 'demo.load', {});
    expect((await call(backend, 'app.info', {})).isEmpty).toBe(false);
  });
});

describe('demo data', () => {
  it('loads the DAS meetings of 25.03.2021 and 27.05.2021, the NT-1 scenarios and proposal, and a second load adds nothing', async () => {
    const first = await call(backend, 'demo.load', {});
    expect(first).toEqual({ bodies: 3, organisations: 0, meetings: 5, items: 48, scenarios: 6, proposals: 1 });
    const das = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const meetings = await call(backend, 'meetings.list', { bodyId: das.id });
    expect(meetings.map((m) => [m.bodyCode, m.date, m.location])).toEqual([
      ['DAS', '2021-08-23', ''],
      ['DAS', '2021-05-27', 'Aalborg ÆH, Hammer Bakker'],
      ['DAS', '2021-03-25', 'Teams'],
    ]);
    expect(await call(backend, 'demo.load', {})).toEqual({ bodies: 0, organisations: 0, meetings: 0, items: 0, scenarios: 0, proposals: 0 });
    expect(await call(backend, 'meetings.list', {})).toHaveLength(5);
    expect((await call(backend, 'settings.get', {})).welcomeDone).toBe(true);
  });
});

describe('events', () => {
  it('pushes data.changed after a write', async () => {
    const seen: unknown[] = [];
    const unsubscribe = backend.subscribe((event, payload) => seen.push([event, payload]));
    const body = await call(backend, 'bodies.create', { code: 'SUG', name: 'Socialudviklingsgruppen' });
    unsubscribe();
    await call(backend, 'bodies.create', { code: 'SAG', name: 'Styringsaftalegruppen' });
    expect(seen).toEqual([['data.changed', { entities: ['bodies'], ids: [body.id] }]]);
  });
});
