import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { MethodInput } from '../../shared/contract';
import { call, openTestBackend } from '../helpers/backend';
import { addSheet, organisationId, simpleSheetContent } from '../helpers/tariff-year-fixture';

describe('the register of offers', () => {
  let backend: Backend;
  let aalborg: string;
  let region: string;
  beforeEach(async () => {
    backend = await openTestBackend();
    aalborg = await organisationId(backend.database.db, 'Aalborg Kommune');
    region = await organisationId(backend.database.db, 'Region Nordjylland');
  });
  afterEach(() => backend.close());

  const create = (draft: Partial<MethodInput<'offers.create'>> & { name: string }) =>
    call(backend, 'offers.create', { operatorId: aalborg, legalBasis: 'SEL-108', category: 3, fromYear: 2024, ...draft });

  it('creates an offer with its first category, lists it with its operator, and keeps its history of categories', async () => {
    const offer = await create({ name: 'Bostedet Birken', address: 'Birkevej 1, 9000 Aalborg', portalNumber: '12345' });
    expect(offer).toMatchObject({ name: 'Bostedet Birken', operatorName: 'Aalborg Kommune', category: 3, year: 2026, status: 'active', latestPlaces: null });
    expect(offer.categories).toEqual([expect.objectContaining({ fromYear: 2024, category: 3 })]);

    const changed = await call(backend, 'offers.setCategory', { offerId: offer.id, fromYear: 2027, category: 2, reason: 'Udmeldt ved den årlige ind- og udmelding', decidedBy: 'DAS 12.10.2026' });
    expect(changed.categories.map((c) => [c.fromYear, c.category, c.decidedBy])).toEqual([
      [2024, 3, ''],
      [2027, 2, 'DAS 12.10.2026'],
    ]);
    // This year is still category 3; from 2027 it is 2.
    expect(changed.category).toBe(3);
    const [in2027] = await call(backend, 'offers.list', { year: 2027 });
    expect(in2027!.category).toBe(2);
  });

  it('filters by operator, legal basis, category of a year and status, and sorts by name, operator, legal basis or category', async () => {
    await create({ name: 'Åbrinken', legalBasis: 'SEL-104', category: 2 });
    await create({ name: 'Kvisten', operatorId: region, legalBasis: 'SEL-66-7' });
    await create({ name: 'Birken', status: 'closing' });
    const names = async (query: MethodInput<'offers.list'>) => (await call(backend, 'offers.list', query)).map((o) => o.name);

    expect(await names({ operatorId: aalborg, sort: 'name' })).toEqual(['Birken', 'Åbrinken']);
    expect(await names({ legalBasis: 'SEL-66-7' })).toEqual(['Kvisten']);
    expect(await names({ category: 2 })).toEqual(['Åbrinken']);
    // Before any of them was registered, none has a category.
    expect(await names({ category: 3, year: 2023 })).toEqual([]);
    expect(await names({ status: 'closing' })).toEqual(['Birken']);
    // The operators in the app's order of the parties (the municipalities, then the Region), each by name.
    expect(await names({ sort: 'operator' })).toEqual(['Birken', 'Åbrinken', 'Kvisten']);
    expect(await names({ sort: 'legalBasis' })).toEqual(['Kvisten', 'Åbrinken', 'Birken']);
    expect(await names({ sort: 'category' })).toEqual(['Åbrinken', 'Birken', 'Kvisten']);
  });

  it('updates with the revision seen, refuses a stale one, and soft-deletes', async () => {
    const offer = await create({ name: 'Birken' });
    const updated = await call(backend, 'offers.update', { id: offer.id, revision: offer.revision, patch: { targetGroup: 'Voksne med udviklingshæmning', status: 'closing' } });
    expect(updated).toMatchObject({ targetGroup: 'Voksne med udviklingshæmning', status: 'closing', revision: offer.revision + 1 });
    const stale = await backend.call('offers.update', { id: offer.id, revision: offer.revision, patch: { notes: 'For sent' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Tilbuddet er ændret et andet sted/) } });
    await call(backend, 'offers.delete', { id: offer.id });
    expect(await call(backend, 'offers.list', {})).toEqual([]);
    expect(await backend.call('offers.get', { id: offer.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses in Danish a category change for a year whose tariff sheet is approved, and writes nothing', async () => {
    const offer = await create({ name: 'Birken' });
    await addSheet(backend.database.db, offer.id, 2026, simpleSheetContent(10_000_000, 12, 0.96), 'approved');
    const refused = await backend.call('offers.setCategory', { offerId: offer.id, fromYear: 2025, category: 2, reason: 'Udmeldt' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'Kategorien kan ikke skiftes fra 2025: takstberegningsskemaet for 2026 er godkendt og låst. Vælg et år efter 2026.' } });
    const after = await call(backend, 'offers.get', { id: offer.id });
    expect(after.categories).toHaveLength(1);
    // The latest sheet's places show in the register.
    expect(after.latestPlaces).toEqual({ year: 2026, places: 12 });
    // From the year after the approved sheet it is allowed.
    await call(backend, 'offers.setCategory', { offerId: offer.id, fromYear: 2027, category: 2, reason: 'Udmeldt' });
  });

  it('shows each offer’s places from its own latest sheet: the highest year, then that year’s highest version', async () => {
    const db = backend.database.db;
    const birken = await create({ name: 'Birken' });
    const egen = await create({ name: 'Egen' });
    await addSheet(db, birken.id, 2025, simpleSheetContent(10_000_000, 10, 0.96), 'approved');
    await addSheet(db, birken.id, 2026, simpleSheetContent(10_000_000, 12, 0.96), 'approved');
    await addSheet(db, birken.id, 2026, simpleSheetContent(10_000_000, 14, 0.96), 'amended', 2);
    await addSheet(db, egen.id, 2027, simpleSheetContent(10_000_000, 30, 0.96), 'draft');
    expect((await call(backend, 'offers.get', { id: birken.id })).latestPlaces).toEqual({ year: 2026, places: 14 });
    const places = new Map((await call(backend, 'offers.list', {})).map((o) => [o.name, o.latestPlaces]));
    expect(places).toEqual(new Map([['Birken', { year: 2026, places: 14 }], ['Egen', { year: 2027, places: 30 }]]));
  });

  it('refuses a reason too short, an unknown operator and an unknown deciding item', async () => {
    const offer = await create({ name: 'Birken' });
    expect(await backend.call('offers.setCategory', { offerId: offer.id, fromYear: 2027, category: 2, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = '00000000-0000-4000-8000-999999999999';
    expect(await backend.call('offers.create', { name: 'X', operatorId: unknown, legalBasis: 'SEL-108', category: 3, fromYear: 2026 })).toMatchObject({
      ok: false,
      error: { message: 'Driftsherren findes ikke blandt kommunerne og regionen.' },
    });
    expect(await backend.call('offers.setCategory', { offerId: offer.id, fromYear: 2027, category: 2, reason: 'Udmeldt', decisionItemId: unknown })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Dagsordenspunktet med beslutningen findes ikke/) },
    });
  });

  it('announces the change to the windows as «offer»', async () => {
    const seen: unknown[] = [];
    const unsubscribe = backend.subscribe((event, payload) => event === 'data.changed' && seen.push(payload));
    const offer = await create({ name: 'Birken' });
    unsubscribe();
    expect(seen).toEqual([expect.objectContaining({ entities: ['offer'], ids: [offer.id] })]);
  });

  it('exports the filtered register as .xlsx with typed cells, fitted to the page width', async () => {
    await create({ name: 'Birken' });
    await create({ name: 'Kvisten', operatorId: region, legalBasis: 'SEL-66-7' });
    const made = await call(backend, 'offers.export', { operatorId: aalborg });
    expect(made.fileName).toBe('Tilbudsregister Aalborg Kommune 2026.xlsx');
    const file = await backend.exports.find(made.exportId, made.fileName);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file!.path);
    const sheet = book.getWorksheet('Tilbud')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['Tilbud', 'Driftsherre', 'Lovgrundlag', 'Kategori', 'Pladser', 'Status']));
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Birken');
    expect(sheet.getRow(2).getCell(4).value).toBe(3);
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1 });
  });
});
