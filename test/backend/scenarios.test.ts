import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { AppError } from '../../electron/backend/errors';
import { exportScenarioAnnex } from '../../electron/backend/documents/scenario-annex';
import { scenarioHash } from '../../electron/backend/services/scenario-hash';
import type { MethodOutput } from '../../shared/contract';
import { ScenarioInput } from '../../shared/domain/scenario';
import { toKroner } from '../../shared/logic/tariff/money';
import { computeScenario } from '../../shared/logic/tariff/scenario';
import { call, openTestBackend } from '../helpers/backend';

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json'), 'utf8')) as unknown;
const baseInput = ScenarioInput.parse(fixture);

type Scenario = MethodOutput<'scenarios.get'>;

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const createBase = (name = 'NT-1 grundscenarie') => call(backend, 'scenarios.create', { name, input: baseInput });
const createVariant = (base: Scenario, name: string) => call(backend, 'scenarios.create', { name, baseId: base.id });
const setOverrides = (s: Scenario, overrides: Record<string, unknown>) => call(backend, 'scenarios.update', { id: s.id, revision: s.revision, patch: { overrides } });

async function workbookOf(exportId: string) {
  const file = await backend.exports.find(exportId);
  expect(file).not.toBeNull();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file!.path);
  return book;
}

describe('bases and variants', () => {
  it('stores a base with the record’s name as the input’s name', async () => {
    const base = await createBase();
    expect(base).toMatchObject({ name: 'NT-1 grundscenarie', baseId: null, versionCount: 0, overrides: {}, overriddenPaths: [], versions: [] });
    expect(base.input).toEqual({ ...baseInput, name: 'NT-1 grundscenarie' });
    expect(await call(backend, 'scenarios.get', { id: base.id })).toEqual(base);
  });

  it('starts a variant equal to its base and lays its overrides over it', async () => {
    const base = await createBase();
    const variant = await createVariant(base, 'Senere opstart, Regionen betaler 25 %');
    expect(variant).toMatchObject({ baseId: base.id, overrides: {}, overriddenPaths: [] });
    expect(variant.input).toEqual({ ...base.input, name: 'Senere opstart, Regionen betaler 25 %' });

    const years = [
      { year: 2023, occupancy: 0.4 },
      { year: 2024, occupancy: 0.8 },
      { year: 2025, occupancy: 1 },
    ];
    const changed = await setOverrides(variant, { years, split: { regionShare: 0.25 } });
    expect(changed.revision).toBe(variant.revision + 1);
    expect(changed.input.years).toEqual(years);
    expect(changed.input.split).toEqual({ regionShare: 0.25, key: baseInput.split.key });
    expect(changed.input.places).toBe(10);
    expect(changed.overriddenPaths).toEqual(['years', 'split.regionShare']);
    // The Region's quarter of 8 mio. kr.: the municipalities pay the rest.
    expect(toKroner(computeScenario(changed.input).startup.totals.municipalPart)).toBe(6_000_000);
  });

  it('lets a variant compute its deficits where the base enters them (null removes the base’s field)', async () => {
    const base = await createBase();
    const variant = await setOverrides(await createVariant(base, 'Beregnede underskud'), { fixedShare: 0.6, deficits: null });
    expect(variant.input.fixedShare).toBe(0.6);
    expect(variant.input).not.toHaveProperty('deficits');
    expect(variant.overriddenPaths).toEqual(['fixedShare', 'deficits']);
    expect(variant.overrides).toEqual({ fixedShare: 0.6, deficits: null });
  });

  it('lets a change to the base flow into its variants', async () => {
    const base = await createBase();
    const variant = await setOverrides(await createVariant(base, 'Belægning 85 %'), { occupancy: 0.85 });
    await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...baseInput, places: 12, fullOperationBudget: 24_000_000 } } });
    const after = await call(backend, 'scenarios.get', { id: variant.id });
    expect(after.input).toMatchObject({ name: 'Belægning 85 %', places: 12, fullOperationBudget: 24_000_000, occupancy: 0.85 });
    expect(after.overriddenPaths).toEqual(['occupancy']);
    expect(after.revision).toBe(variant.revision);
  });

  it('refuses a base change that would make a variant invalid, naming the variant', async () => {
    const base = await createBase();
    await setOverrides(await createVariant(base, 'Fire år'), { deficits: [2_200_000, 3_600_000, 0] });
    const result = await backend.call('scenarios.update', {
      id: base.id,
      revision: base.revision,
      patch: { input: { ...baseInput, years: [{ year: 2022, occupancy: 0.5 }, { year: 2023, occupancy: 1 }], deficits: [1_000_000, 0] } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Ændringen gør varianten «Fire år» ugyldig: Der skal være ét underskud pr. driftsår' } });
    expect((await call(backend, 'scenarios.get', { id: base.id })).revision).toBe(base.revision);
  });

  it.each([
    ['an occupancy above 100 %', { occupancy: 1.5 }, 'Andelen må ikke være over 1 (100 %)'],
    ['years out of order', { years: [{ year: 2024, occupancy: 0.5 }, { year: 2023, occupancy: 0.7 }, { year: 2025, occupancy: 1 }] }, 'Årene skal stå i stigende rækkefølge'],
    ['a field scenarios do not have', { beds: 12 }, 'Et scenarie har ikke feltet «beds».'],
  ])('refuses overrides with %s in Danish and leaves the variant as it was', async (_, overrides, message) => {
    const base = await createBase();
    const variant = await setOverrides(await createVariant(base, 'Variant'), { occupancy: 0.85 });
    const result = await backend.call('scenarios.update', { id: variant.id, revision: variant.revision, patch: { overrides } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: `Varianten giver et ugyldigt scenarie: ${message}` } });
    expect(await call(backend, 'scenarios.get', { id: variant.id })).toEqual(variant);
  });

  it('refuses a stale revision, the input of a variant, the overrides of a base and a variant of a variant', async () => {
    const base = await createBase();
    const variant = await createVariant(base, 'Variant');
    await call(backend, 'scenarios.update', { id: variant.id, revision: variant.revision, patch: { name: 'Variant A' } });
    const stale = await backend.call('scenarios.update', { id: variant.id, revision: variant.revision, patch: { name: 'Variant B' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Scenariet er ændret et andet sted') } });
    const current = await call(backend, 'scenarios.get', { id: variant.id });
    expect(current.name).toBe('Variant A');
    expect(current.input.name).toBe('Variant A');

    expect(await backend.call('scenarios.update', { id: variant.id, revision: current.revision, patch: { input: baseInput } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('En variant gemmer kun det, den ændrer') },
    });
    expect(await backend.call('scenarios.update', { id: base.id, revision: base.revision, patch: { overrides: { occupancy: 0.8 } } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Et grundscenarie har ingen ændringer') },
    });
    expect(await backend.call('scenarios.create', { name: 'Variant af variant', baseId: variant.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '«Variant A» er selv en variant. Lav varianten af grundscenariet i stedet.' },
    });
  });

  it('lists bases in Danish order, each followed by its variants, with their version counts', async () => {
    const aarhus = await createBase('Århus-model');
    const oersted = await createBase('Ørsted-model');
    await createBase('aktuel model');
    await createVariant(oersted, 'Ørsted, variant b');
    await createVariant(oersted, 'Ørsted, Variant a');
    await createVariant(aarhus, 'Århus, variant');
    await call(backend, 'scenarios.freeze', { id: aarhus.id });
    const list = await call(backend, 'scenarios.list', {});
    expect(list.map((s) => s.name)).toEqual(['aktuel model', 'Ørsted-model', 'Ørsted, Variant a', 'Ørsted, variant b', 'Århus-model', 'Århus, variant']);
    expect(list.find((s) => s.id === aarhus.id)!.versionCount).toBe(1);
  });
});

describe('deleting and restoring', () => {
  it('refuses to delete a base with variants; a variant is deleted and restored, but not while its base is deleted', async () => {
    const base = await createBase();
    const variant = await setOverrides(await createVariant(base, 'Belægning 85 %'), { occupancy: 0.85 });
    expect(await backend.call('scenarios.delete', { id: base.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Grundscenariet «NT-1 grundscenarie» har varianter. Slet varianterne først.' },
    });

    expect(await call(backend, 'scenarios.delete', { id: variant.id })).toEqual({ id: variant.id });
    expect((await call(backend, 'scenarios.list', {})).map((s) => s.id)).toEqual([base.id]);
    expect(await backend.call('scenarios.get', { id: variant.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const restored = await call(backend, 'scenarios.restore', { id: variant.id });
    expect(restored).toMatchObject({ id: variant.id, overrides: { occupancy: 0.85 }, overriddenPaths: ['occupancy'] });

    await call(backend, 'scenarios.delete', { id: variant.id });
    await call(backend, 'scenarios.delete', { id: base.id });
    expect(await call(backend, 'scenarios.list', {})).toEqual([]);
    expect(await backend.call('scenarios.restore', { id: variant.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Varianten «Belægning 85 %» kan ikke gendannes, fordi grundscenariet «NT-1 grundscenarie» er slettet. Gendan grundscenariet først.' },
    });
    await call(backend, 'scenarios.restore', { id: base.id });
    await call(backend, 'scenarios.restore', { id: variant.id });
    expect((await call(backend, 'scenarios.list', {})).map((s) => s.id)).toEqual([base.id, variant.id]);
    expect(await backend.call('scenarios.restore', { id: variant.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('tells every window that scenarios changed after each write', async () => {
    const seen: unknown[] = [];
    const unsubscribe = backend.subscribe((event, payload) => seen.push([event, payload]));
    const base = await createBase();
    await call(backend, 'scenarios.freeze', { id: base.id });
    await call(backend, 'scenarios.delete', { id: base.id });
    unsubscribe();
    expect(seen).toEqual(Array(3).fill(['data.changed', { entities: ['scenarios'], ids: [base.id] }]));
  });
});

describe('frozen versions', () => {
  it('numbers versions, hashes the input, records who froze them and lists them newest first', async () => {
    await call(backend, 'settings.update', { userName: 'Mette Sekretær' });
    const base = await createBase();
    const variant = await createVariant(base, 'Belægning 85 %');
    const first = await call(backend, 'scenarios.freeze', { id: variant.id, note: 'Til FU 3. marts' });
    const second = await call(backend, 'scenarios.freeze', { id: variant.id });
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ scenarioId: variant.id, frozenBy: 'Mette Sekretær', note: 'Til FU 3. marts' });
    expect(second.hash).toBe(first.hash);
    const current = await call(backend, 'scenarios.get', { id: variant.id });
    expect(first.hash).toBe(scenarioHash(current.input));
    expect(first.input).toEqual(current.input);

    const changed = await setOverrides(current, { occupancy: 0.85 });
    const third = await call(backend, 'scenarios.freeze', { id: variant.id });
    expect(third.number).toBe(3);
    expect(third.hash).not.toBe(first.hash);
    expect(third.hash).toBe(scenarioHash(changed.input));

    const after = await call(backend, 'scenarios.get', { id: variant.id });
    expect(after.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(after.versions[2]).toEqual(first);
    expect(after.versionCount).toBe(3);
    // Each scenario numbers its own versions.
    expect((await call(backend, 'scenarios.freeze', { id: base.id })).number).toBe(1);
  });

  it('records no name when the user has given none', async () => {
    const base = await createBase();
    expect((await call(backend, 'scenarios.freeze', { id: base.id })).frozenBy).toBe('');
  });
});

describe('export', () => {
  it('writes one scenario as its workbook with the daily tariff', async () => {
    const base = await createBase('NT-1 v1/scenarie 2');
    const exported = await call(backend, 'scenarios.export', { ids: [base.id], format: 'xlsx' });
    expect(exported).toMatchObject({ fileName: 'Takstscenarie – NT-1 v1-scenarie 2.xlsx', pages: null, warnings: [] });
    const file = await backend.exports.find(exported.exportId);
    expect(file).toMatchObject({ fileName: exported.fileName, size: exported.bytes });
    const book = await workbookOf(exported.exportId);
    const summary = book.getWorksheet('Scenarie')!;
    expect(summary.getRow(1).getCell(1).value).toBe('NT-1 v1/scenarie 2');
    const daily = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Døgntakst')!;
    expect(daily.getCell(2).value).toBe(6971.08);
  });

  it('compares three scenarios: values, differences from the first and each municipality’s total', async () => {
    const base = await createBase();
    const occupancy = await setOverrides(await createVariant(base, 'Belægning 85 %'), { occupancy: 0.85 });
    const region = await setOverrides(await createVariant(base, 'Regionen 25 %'), { split: { regionShare: 0.25 } });
    const exported = await call(backend, 'scenarios.export', { ids: [base.id, occupancy.id, region.id], format: 'xlsx' });
    expect(exported).toMatchObject({ fileName: 'Sammenligning af scenarier.xlsx', pages: null, warnings: [] });
    const book = await workbookOf(exported.exportId);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Sammenligning', 'Kommuner']);

    const sheet = book.getWorksheet('Sammenligning')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Nøgletal',
      'NT-1 grundscenarie',
      'Belægning 85 %',
      'Regionen 25 %',
      'Forskel: Belægning 85 %',
      'Forskel i %: Belægning 85 %',
      'Forskel: Regionen 25 %',
      'Forskel i %: Regionen 25 %',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const row = (label: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === label)!;

    const tariff = (s: Scenario) => computeScenario(s.input).dailyTariff;
    const daily = row('Døgntakst');
    expect(daily.getCell(2).value).toBe(6971.08);
    expect(daily.getCell(3).value).toBe(toKroner(tariff(occupancy)));
    // The differences are formulas with their results.
    // (exceljs reads a cached 0 or "" back as no result; the file holds them: spreadsheet-files.test.ts.)
    const result = (c: number) => (daily.getCell(c).value as { result?: number }).result ?? 0;
    expect(result(5)).toBe(toKroner(tariff(occupancy) - tariff(base)));
    expect(result(6)).toBeCloseTo((tariff(occupancy) - tariff(base)) / tariff(base), 12);
    expect(result(6)).toBeCloseTo(0.9 / 0.85 - 1, 4);
    expect(result(7)).toBe(0);
    expect(daily.getCell(2).numFmt).toBe('#,##0.00 "kr."');
    expect(daily.getCell(6).numFmt).toBe('0.0%');

    const share = row('Regionens andel');
    const valueOf = (cell: ExcelJS.Cell) => (typeof cell.value === 'object' && cell.value !== null && 'result' in cell.value ? cell.value.result : cell.value);
    expect([2, 3, 4, 7].map((c) => valueOf(share.getCell(c)))).toEqual([0, 0, 0.25, 0.25]);
    expect(share.getCell(8).value).toMatchObject({ formula: expect.stringContaining('=0,""') }); // no per cent of nothing
    expect(share.getCell(4).numFmt).toBe('0.0%');

    const municipal = row('Heraf kommunerne');
    expect([2, 4, 7, 8].map((c) => valueOf(municipal.getCell(c)))).toEqual([8_000_000, 6_000_000, -2_000_000, -0.25]);
    expect(municipal.getCell(2).numFmt).toBe('#,##0 "kr."');

    const municipalities = book.getWorksheet('Kommuner')!;
    expect(municipalities.getRow(1).values).toEqual([undefined, 'Kommune', 'NT-1 grundscenarie', 'Belægning 85 %', 'Regionen 25 %']);
    const names = Object.keys(baseInput.split.key);
    const rows = municipalities.getRows(2, names.length)!;
    expect(rows.map((r) => r.getCell(1).value)).toEqual(names);
    expect(rows.find((r) => r.getCell(1).value === 'Aalborg')!.getCell(2).value).toBe(2_975_637);
    const total = municipalities.getRow(names.length + 2);
    expect(total.getCell(1).value).toBe('I alt');
    for (const [column, expected] of [[2, 8_000_000], [4, 6_000_000]] as const) {
      const sum = rows.reduce((acc, r) => acc + (r.getCell(column).value as number), 0);
      expect(sum).toBe(expected);
      expect(total.getCell(column).value).toMatchObject({ formula: `SUM(${'ABCD'[column - 1]}2:${'ABCD'[column - 1]}${names.length + 1})`, result: expected });
    }
  });

  it('refuses five scenarios in Danish and an unknown one as not found', async () => {
    const base = await createBase();
    const five = await backend.call('scenarios.export', { ids: Array(5).fill(base.id), format: 'xlsx' });
    expect(five).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Der kan sammenlignes højst fire scenarier') } });
    const unknown = await backend.call('scenarios.export', { ids: [base.id, '00000000-0000-4000-8000-999999999999'], format: 'xlsx' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Scenariet findes ikke (længere). Måske er det slettet.' } });
  });

  it('hands a PDF annex to the annex export, which explains in Danish why it cannot print without Chromium', async () => {
    const base = await createBase();
    const scenario = await call(backend, 'scenarios.get', { id: base.id });
    const expected = await exportScenarioAnnex([{ scenario, result: computeScenario(scenario.input) }], { printer: null, store: backend.exports }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(expected).toBeInstanceOf(AppError);
    const { code, message } = expected as AppError;
    expect(message).not.toBe('');
    expect(await backend.call('scenarios.export', { ids: [base.id], format: 'pdf' })).toEqual({ ok: false, error: { code, message } });
  });
});
