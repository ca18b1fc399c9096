import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resultsOfOffers } from '../../db/queries/offer-results';
import { currentSheetsOfYear } from '../../db/queries/tariff-sheets';
import type { Backend } from '../../electron/backend/backend';
import { applyTariffImport, previewTariffImport, tariffTemplate, type ImportFile, type ImportTarget } from '../../electron/backend/services/tariff-import';
import type { TariffImportKind } from '../../shared/domain/tariff-import';
import { call, jobResult, openTestBackend, refusalOf } from '../helpers/backend';
import { formatPercent } from '../../shared/format';
import { computedSheetsOfYear } from '../../electron/backend/services/tariff-sheets';
import { addOffer, addResult, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';
import { templateToFill } from '../helpers/tariff-template-fill';
import { writeAndAnnounce } from '../../electron/backend/write';

let dir: string;
let backend: Backend;
let nord: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-tariff-import-'));
  backend = await openTestBackend({ databaseFile: join(dir, 'sekretariat.db'), backupDir: join(dir, 'backups') });
  const db = backend.database.db;
  nord = await addOffer(db, 'Aalborg Kommune', { name: 'Botilbud Nord' });
  await addSheet(db, nord, 2026, simpleSheetContent(10_000_000, 20, 0.95));
  await addOffer(db, 'Aalborg Kommune', { name: 'Dagtilbud Syd', legalBasis: 'SEL-104', tariffUnit: 'dag' });
  await addOffer(db, 'Hjørring Kommune', { name: 'Hjørring Bo' });
});

afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

let written = 0;
const target = (): ImportTarget => ({
  db: backend.database.db,
  backups: backend.backups,
  now: () => new Date('2026-11-01T10:00:00Z'),
  newId: () => `20000000-0000-4000-8000-${String(++written).padStart(12, '0')}`,
  transact: (work) => writeAndAnnounce({ db: backend.database.db, now: () => new Date('2026-11-01T10:00:00Z'), emit: () => {} }, [], work),
});

async function counts() {
  const db = backend.database.db;
  const count = async (table: 'tariff_sheets' | 'offer_results') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { sheets: await count('tariff_sheets'), results: await count('offer_results') };
}

/** The XML of the «Takster» sheet as the app writes it (the second sheet, after «Vejledning»). */
async function sheetXml() {
  const { bytes } = await tariffTemplate(backend.database.db, 'Aalborg Kommune', 2027, new Date());
  return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet2.xml')!.async('string');
}

/** A filled Aalborg template for 2027: both offers' figures as the operator reports them. */
async function filledAalborg() {
  const t = await templateToFill(backend.database.db, 'Aalborg Kommune', 2027);
  t.set('Takster', 'Botilbud Nord', 'Pladser', 22);
  t.set('Takster', 'Botilbud Nord', 'Belægning', 0.96);
  t.set('Takster', 'Botilbud Nord', 'Personaleomkostninger (kr.)', 11_000_000.5);
  t.set('Takster', 'Botilbud Nord', 'Finansieringsindtægter (kr.)', -20_000);
  t.set('Takster', 'Botilbud Nord', 'Budget i alt (kr.)', 10_980_000.5);
  t.set('Takster', 'Botilbud Nord', 'Bemærkninger', 'To nye pladser efter aftale med Aalborg Kommune');
  t.set('Takster', 'Dagtilbud Syd', 'Pladser', 12);
  t.set('Takster', 'Dagtilbud Syd', 'Belægning', 0.9);
  t.set('Takster', 'Dagtilbud Syd', 'Belægningsmetode', 'Klar forventning til det kommende år');
  t.set('Takster', 'Dagtilbud Syd', 'Personaleomkostninger (kr.)', 3_000_000);
  t.set('Takster', 'Dagtilbud Syd', 'Budget i alt (kr.)', 3_000_000);
  t.set('Takster', 'Dagtilbud Syd', 'Takst (kr. pr. enhed)', 850.25);
  return t;
}

/** Refused in the preview and by the import, with the message, and nothing written. */
async function expectRefused(files: ImportFile[], message: string | RegExp, kind: TariffImportKind = 'sheets', year?: number) {
  const before = await counts();
  const preview = await previewTariffImport(backend.database.db, files, kind, year);
  const matches = (p: string) => (typeof message === 'string' ? p.includes(message) : message.test(p));
  expect(preview.problems.some(matches), preview.problems.join('\n')).toBe(true);
  await expect(applyTariffImport(target(), files, kind, year)).rejects.toThrow(/Intet er indlæst/);
  expect(await counts()).toEqual(before);
  expect(readdirSync(join(dir, 'backups')).filter((f) => f.includes('import'))).toEqual([]);
  return preview.problems;
}

describe('operator templates: round trip', () => {
  it('starts from last year\'s sheet, and stores what the operator filled in as submitted sheets after a backup', async () => {
    const t = await filledAalborg();
    // Last year's figures were filled in: Botilbud Nord's 20 places and 95 % came from its 2026 sheet.
    const fresh = await templateToFill(backend.database.db, 'Aalborg Kommune', 2027);
    const sheet = fresh.book.getWorksheet('Takster')!;
    const placesCell = sheet.getCell(fresh.address('Takster', 'Botilbud Nord', 'Pladser'));
    expect(placesCell.value).toBe(20);
    expect(placesCell.protection?.locked).toBe(false);
    expect(sheet.getCell(fresh.address('Takster', 'Botilbud Nord', 'Tilbud')).protection?.locked).not.toBe(false);
    // Protected without a password: the layout is kept, anyone may lift it.
    const xml = await sheetXml();
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).not.toMatch(/<sheetProtection [^>]*hashValue/);
    expect(xml).toMatch(/<dataValidation type="decimal"/);
    const file = await t.save(dir, 'Aalborg.xlsx');

    const preview = await previewTariffImport(backend.database.db, [file], 'sheets');
    expect(preview.problems).toEqual([]);
    expect(preview.year).toBe(2027);
    expect(preview.offers.map((o) => [o.offerName, o.action])).toEqual([
      ['Botilbud Nord', 'new'],
      ['Dagtilbud Syd', 'new'],
    ]);
    expect(preview.offers[0]!.changes).toContainEqual({ field: 'Pladser', stored: '–', incoming: '22' });
    // A new sheet lists what it holds, not its empty budget lines.
    expect(preview.offers[0]!.changes.map((c) => c.field)).not.toContain('Kompetenceudvikling');
    expect(await counts()).toEqual({ sheets: 1, results: 0 });

    const report = await applyTariffImport(target(), [file], 'sheets');
    expect(report).toMatchObject({ year: 2027, written: 2, unchanged: 0 });
    expect(report.backup).toMatch(/-import\.db$/);
    const stored = await currentSheetsOfYear(backend.database.db, 2027);
    const byOffer = new Map(stored.map((s) => [s.offerId, s]));
    expect(stored.every((s) => s.status === 'submitted' && s.version === 1)).toBe(true);
    expect(byOffer.get(nord)!.content).toEqual({
      budgetLines: [
        { category: 'personnel', label: 'Personaleomkostninger', amount: 1_100_000_050 },
        { category: 'financialIncome', label: 'Finansieringsindtægter', amount: -2_000_000 },
      ],
      statedTotal: 1_098_000_050,
      places: 22,
      occupancy: 0.96,
      occupancyMethod: 'expectation',
      occupancyHistory: [],
      levels: [],
      firstYearLoss: 0,
      reason: 'To nye pladser efter aftale med Aalborg Kommune',
      approvalNote: '',
      dueResultsAtApproval: null,
    });
    const syd = stored.find((s) => s.offerId !== nord)!;
    expect(syd.content).toMatchObject({ places: 12, occupancy: 0.9, statedTotal: 300_000_000, levels: [{ name: 'Takst', places: 12, reportedTariff: 85_025, ataHours: null }] });

    // The same file again changes nothing; a corrected one is a new version of the submitted sheet.
    expect(await applyTariffImport(target(), [file], 'sheets')).toMatchObject({ written: 0, unchanged: 2, backup: null });
    t.set('Takster', 'Dagtilbud Syd', 'Pladser', 14);
    t.set('Takster', 'Dagtilbud Syd', 'Bemærkninger', 'To pladser mere');
    const corrected = await t.save(dir, 'Aalborg rettet.xlsx');
    const again = await previewTariffImport(backend.database.db, [corrected], 'sheets');
    expect(again.offers.find((o) => o.offerName === 'Dagtilbud Syd')).toMatchObject({ action: 'version', changes: expect.arrayContaining([{ field: 'Pladser', stored: '12', incoming: '14' }]) });
    await applyTariffImport(target(), [corrected], 'sheets');
    const versions = await currentSheetsOfYear(backend.database.db, 2027, [syd.offerId]);
    expect(versions[0]).toMatchObject({ version: 2, status: 'submitted', content: { places: 14 } });
  });

  it('reads the year\'s results from the same template, inserting and then updating them', async () => {
    const t = await templateToFill(backend.database.db, 'Aalborg Kommune', 2027);
    t.set('Resultater', 'Botilbud Nord', 'Takstgrundlag G (kr.)', 9_500_000);
    t.set('Resultater', 'Botilbud Nord', 'Resultat R (kr.)', -250_000.75);
    t.set('Resultater', 'Botilbud Nord', 'Realiseret aktivitet', 6900);
    t.set('Resultater', 'Botilbud Nord', 'Kapacitet', 7300);
    const file = await t.save(dir, 'Aalborg resultater.xlsx');
    const report = await applyTariffImport(target(), [file], 'results');
    expect(report).toMatchObject({ year: 2026, written: 1 });
    const [result] = await resultsOfOffers(backend.database.db, [nord]);
    expect(result).toMatchObject({ year: 2026, basis: 950_000_000, result: -25_000_075, setAside: null, activity: 6900, capacity: 7300 });

    t.set('Resultater', 'Botilbud Nord', 'Resultat R (kr.)', -260_000);
    const corrected = await t.save(dir, 'Aalborg resultater rettet.xlsx');
    const preview = await previewTariffImport(backend.database.db, [corrected], 'results');
    expect(preview.offers[0]).toMatchObject({ action: 'update', changes: [{ field: 'Resultat R', stored: '-250.000,75 kr.', incoming: '-260.000 kr.' }] });
    await applyTariffImport(target(), [corrected], 'results');
    expect((await resultsOfOffers(backend.database.db, [nord]))).toMatchObject([{ result: -26_000_000, revision: 2 }]);
  });

  it('imports a result over one deleted in the window, and writes every imported sheet and result into the history', async () => {
    const db = backend.database.db;
    const entered = await call(backend, 'results.save', { offerId: nord, year: 2026, basis: 900_000_000, result: 10_000_000, setAside: null, activity: null, capacity: null, note: '' });
    await call(backend, 'results.delete', { id: entered.id });
    const t = await templateToFill(db, 'Aalborg Kommune', 2027);
    t.set('Resultater', 'Botilbud Nord', 'Takstgrundlag G (kr.)', 9_500_000);
    t.set('Resultater', 'Botilbud Nord', 'Resultat R (kr.)', -250_000);
    // The year is unique per offer: the deleted result's row takes the imported figures.
    expect(await applyTariffImport(target(), [await t.save(dir, 'Aalborg resultater.xlsx')], 'results')).toMatchObject({ year: 2026, written: 1 });
    expect(await resultsOfOffers(db, [nord])).toMatchObject([{ id: entered.id, year: 2026, basis: 950_000_000, result: -25_000_000 }]);

    await applyTariffImport(target(), [await (await filledAalborg()).save(dir, 'Aalborg.xlsx')], 'sheets');
    const sheets = await currentSheetsOfYear(db, 2027);
    const history = await db.selectFrom('history').select(['entity', 'entity_id', 'action']).where('entity', 'in', ['resultat', 'takstskema']).orderBy('id').execute();
    expect(history.slice(-4)).toEqual([
      { entity: 'resultat', entity_id: entered.id, action: 'slettet' },
      { entity: 'resultat', entity_id: entered.id, action: 'oprettet' },
      ...sheets.map((s) => ({ entity: 'takstskema', entity_id: s.id, action: 'oprettet' })),
    ]);
  });

  it('finds a column the operator moved by its header', async () => {
    const t = await filledAalborg();
    const sheet = t.book.getWorksheet('Takster')!;
    // «Pladser» moved to the far right: its values go with it.
    const placesColumn = (sheet.getRow(5).values as unknown[]).indexOf('Pladser');
    const values = sheet.getColumn(placesColumn).values;
    sheet.spliceColumns(placesColumn, 1);
    sheet.getColumn(sheet.columnCount + 1).values = values as CellValue[];
    const file = await t.save(dir, 'Aalborg flyttet.xlsx');
    const preview = await previewTariffImport(backend.database.db, [file], 'sheets');
    expect(preview.problems).toEqual([]);
    await applyTariffImport(target(), [file], 'sheets');
    expect((await currentSheetsOfYear(backend.database.db, 2027, [nord]))[0]!.content.places).toBe(22);
  });
});

/** Botilbud Nord's 2026 sheet with two levels: a reported tariff and a computed one, each with its ATA hours. */
const TWO_LEVELS = [
  { name: 'Almindelig', places: 12, reportedTariff: 150_000, ataHours: 10 },
  { name: 'Særlig', places: 8, reportedTariff: null, ataHours: 20 },
];

describe('operator templates: tariff levels, ATA hours and the occupancy history', () => {
  it('shows the levels on «Takstniveauer» with spare rows, and reads the operator\'s changes and a level added', async () => {
    const db = backend.database.db;
    await addSheet(db, nord, 2026, simpleSheetContent(10_000_000, 20, 0.95, { levels: TWO_LEVELS }), 'submitted', 2);
    const t = await filledAalborg();
    // The levels stand on their own sheet, with two empty yellow rows under each offer; «Takst» on «Takster» is empty.
    expect(t.get('Takstniveauer', 'Botilbud Nord', 'Niveau', 0)).toBe('Almindelig');
    expect(t.get('Takstniveauer', 'Botilbud Nord', 'Takst (kr. pr. enhed)', 0)).toBe(1500);
    expect(t.get('Takstniveauer', 'Botilbud Nord', 'ATA-timer pr. uge', 1)).toBe(20);
    expect(t.get('Takstniveauer', 'Botilbud Nord', 'Niveau', 2)).toBeNull();
    expect(t.get('Takstniveauer', 'Botilbud Nord', 'Niveau', 3)).toBeNull();
    expect(t.get('Takstniveauer', 'Dagtilbud Syd', 'Niveau', 1)).toBeNull();
    expect(t.get('Takster', 'Botilbud Nord', 'Takst (kr. pr. enhed)')).toBeNull();
    const levels = t.book.getWorksheet('Takstniveauer')!;
    const spare = levels.getCell(t.address('Takstniveauer', 'Botilbud Nord', 'ATA-timer pr. uge', 2));
    expect(spare.protection?.locked).toBe(false);
    expect(spare.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(levels.getCell(t.address('Takstniveauer', 'Botilbud Nord', 'Tilbud', 2)).protection?.locked).not.toBe(false);
    expect(levels.getColumn(1).hidden).toBe(true);

    // The operator: more ATA hours on one level, a tariff on the other, and a third level in a spare row.
    t.set('Takstniveauer', 'Botilbud Nord', 'ATA-timer pr. uge', 12, 0);
    t.set('Takstniveauer', 'Botilbud Nord', 'Takst (kr. pr. enhed)', 2100.5, 1);
    t.set('Takstniveauer', 'Botilbud Nord', 'Niveau', 'Akut', 2);
    t.set('Takstniveauer', 'Botilbud Nord', 'Pladser', 2, 2);
    t.set('Takstniveauer', 'Botilbud Nord', 'ATA-timer pr. uge', 30, 2);
    const file = await t.save(dir, 'Aalborg.xlsx');
    const preview = await previewTariffImport(db, [file], 'sheets');
    expect(preview.problems).toEqual([]);
    expect(preview.offers[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'Takstniveau «Almindelig»', stored: '–', incoming: '12 pladser, 1.500 kr., 12 ATA-timer pr. uge' },
        { field: 'Takstniveau «Særlig»', stored: '–', incoming: '8 pladser, 2.100,50 kr., 20 ATA-timer pr. uge' },
        { field: 'Takstniveau «Akut»', stored: '–', incoming: '2 pladser, beregnet takst, 30 ATA-timer pr. uge' },
      ]),
    );
    await applyTariffImport(target(), [file], 'sheets');
    const [stored] = await currentSheetsOfYear(db, 2027, [nord]);
    expect(stored!.content.levels).toEqual([
      { name: 'Almindelig', places: 12, reportedTariff: 150_000, ataHours: 12 },
      { name: 'Særlig', places: 8, reportedTariff: 210_050, ataHours: 20 },
      { name: 'Akut', places: 2, reportedTariff: null, ataHours: 30 },
    ]);
    // A one-tariff offer still reports on «Takster».
    expect((await currentSheetsOfYear(db, 2027)).find((s) => s.offerId !== nord)!.content.levels).toEqual([{ name: 'Takst', places: 12, reportedTariff: 85_025, ataHours: null }]);

    // A template sent again starts from the year's own sheet; a level emptied is removed, and the preview says so.
    const again = await templateToFill(db, 'Aalborg Kommune', 2027);
    expect(again.get('Takstniveauer', 'Botilbud Nord', 'Niveau', 2)).toBe('Akut');
    for (const header of ['Niveau', 'Pladser', 'ATA-timer pr. uge']) again.set('Takstniveauer', 'Botilbud Nord', header, null, 2);
    again.set('Takster', 'Botilbud Nord', 'Pladser', 20);
    const second = await previewTariffImport(db, [await again.save(dir, 'Aalborg igen.xlsx')], 'sheets');
    expect(second.problems).toEqual([]);
    expect(second.offers.find((o) => o.offerName === 'Botilbud Nord')!.changes).toEqual([
      { field: 'Pladser', stored: '22', incoming: '20' },
      { field: 'Takstniveau «Akut»', stored: '2 pladser, beregnet takst, 30 ATA-timer pr. uge', incoming: '–' },
    ]);
  });

  it('prefills the two last realised years\' occupancy from the results, reads them, and the sheet checks the average', async () => {
    const db = backend.database.db;
    await addResult(db, nord, 2024, 9_000_000, 0, { activity: 6570, capacity: 7300 });
    await addResult(db, nord, 2025, 9_000_000, 0, { activity: 7008, capacity: 7300 });
    await addSheet(db, nord, 2026, simpleSheetContent(10_000_000, 20, 0.9, { occupancyMethod: 'average-two-years', occupancyHistory: [0.9, 0.9] }), 'submitted', 2);
    const fresh = await templateToFill(db, 'Aalborg Kommune', 2027);
    // For 2027, reported in the autumn of 2026: 2024 and 2025 are the last years with accounts (domain.md §3.2).
    expect(fresh.get('Takster', 'Botilbud Nord', 'Faktisk belægning 2024')).toBe(0.9);
    expect(fresh.get('Takster', 'Botilbud Nord', 'Faktisk belægning 2025')).toBe(0.96);
    // The average method starts from the new average, as a new sheet in the window does.
    expect(fresh.get('Takster', 'Botilbud Nord', 'Belægning')).toBe(0.93);
    expect(fresh.get('Takster', 'Dagtilbud Syd', 'Faktisk belægning 2025')).toBeNull();

    const t = await filledAalborg();

    // The operator corrects 2025 and keeps 96 %: the sheet's check sees the average is 94 %.
    t.set('Takster', 'Botilbud Nord', 'Belægningsmetode', 'Gennemsnit af de to foregående års faktiske belægning');
    t.set('Takster', 'Botilbud Nord', 'Faktisk belægning 2025', 0.98);
    const file = await t.save(dir, 'Aalborg.xlsx');
    const preview = await previewTariffImport(db, [file], 'sheets');
    expect(preview.offers[0]!.changes).toEqual(expect.arrayContaining([{ field: 'Faktisk belægning 2025', stored: '–', incoming: formatPercent(0.98, 1) }]));
    await applyTariffImport(target(), [file], 'sheets');
    const [computed] = await computedSheetsOfYear(db, 2027, [nord]);
    expect(computed!.sheet.content.occupancyHistory).toEqual([0.98, 0.9]);
    expect(computed!.computation.checks.find((c) => c.code === 'occupancy-average')?.message).toBe(
      `Belægningen er angivet som gennemsnittet af de to foregående år (${formatPercent(0.98, 1)} og ${formatPercent(0.9, 1)} = ${formatPercent(0.94, 1)}), men er sat til ${formatPercent(0.96, 1)}.`,
    );
  });

  it('imports a template of the previous version (no «Takstniveauer», no history columns) as before, keeping the stored levels', async () => {
    const db = backend.database.db;
    await addSheet(db, nord, 2027, simpleSheetContent(10_000_000, 20, 0.95, { levels: TWO_LEVELS, occupancyHistory: [0.96, 0.94] }), 'draft');
    const t = await filledAalborg();
    t.set('Takster', 'Botilbud Nord', 'Pladser', 20);
    t.book.removeWorksheet(t.book.getWorksheet('Takstniveauer')!.id);
    const sheet = t.book.getWorksheet('Takster')!;
    for (const header of ['Faktisk belægning 2024', 'Faktisk belægning 2025']) sheet.spliceColumns((sheet.getRow(5).values as unknown[]).indexOf(header), 1);
    const file = await t.save(dir, 'Aalborg gammel.xlsx');
    const preview = await previewTariffImport(db, [file], 'sheets');
    expect(preview.problems).toEqual([]);
    await applyTariffImport(target(), [file], 'sheets');
    const [stored] = await currentSheetsOfYear(db, 2027, [nord]);
    expect(stored).toMatchObject({ version: 2, status: 'submitted', content: { places: 20, levels: TWO_LEVELS, occupancyHistory: [0.96, 0.94] } });
  });
});

describe('operator templates: refusals, with nothing written', () => {
  it('refuses text in a number cell, naming file, sheet, row and cell', async () => {
    const t = await filledAalborg();
    t.set('Takster', 'Dagtilbud Syd', 'Pladser', 'ca. 12');
    const cell = t.address('Takster', 'Dagtilbud Syd', 'Pladser');
    const message = `Aalborg.xlsx, ark Takster, række ${cell.replace(/\D/g, '')}, celle ${cell}: teksten «ca. 12» er ikke et tal.`;
    // Said once: the row's figures are not checked again behind it.
    expect(await expectRefused([await t.save(dir, 'Aalborg.xlsx')], message)).toEqual([message]);
  });

  it('refuses negative places and a negative cost', async () => {
    const t = await filledAalborg();
    t.set('Takster', 'Dagtilbud Syd', 'Pladser', -3);
    t.set('Takster', 'Botilbud Nord', 'Personaleomkostninger (kr.)', -5);
    const file = await t.save(dir, 'Aalborg.xlsx');
    await expectRefused([file], /celle \w+\d+: «Pladser» må ikke være negativ/);
    await expectRefused([file], /«Personaleomkostninger \(kr\.\)» må ikke være negativ/);
  });

  it('refuses a template for another year than the one asked for', async () => {
    const file = await (await filledAalborg()).save(dir, 'Aalborg.xlsx');
    await expectRefused([file], 'Aalborg.xlsx: skabelonen er for takståret 2027, ikke 2028. Hent skabelonen for 2028.', 'sheets', 2028);
  });

  it('refuses an unknown offer, an offer of another operator and a row added without an id', async () => {
    const hjorring = await templateToFill(backend.database.db, 'Hjørring Kommune', 2027);
    const otherId = hjorring.book.getWorksheet('Takster')!.getRow(6).getCell(1).value as string;

    const unknown = await filledAalborg();
    unknown.set('Takster', 'Dagtilbud Syd', 'Tilbuds-id', '99999999-0000-4000-8000-000000000000');
    await expectRefused([await unknown.save(dir, 'ukendt.xlsx')], /række \d+: tilbuddet «Dagtilbud Syd» findes ikke i tilbudsregistret/);

    const foreign = await filledAalborg();
    foreign.set('Takster', 'Dagtilbud Syd', 'Tilbuds-id', otherId);
    await expectRefused([await foreign.save(dir, 'fremmed.xlsx')], 'tilbuddet «Hjørring Bo» drives af Hjørring Kommune, ikke af Aalborg Kommune, som filen er til.');

    const added = await filledAalborg();
    const sheet = added.book.getWorksheet('Takster')!;
    const row = sheet.getRow(sheet.rowCount + 1);
    row.getCell(2).value = 'Nyt botilbud Øst';
    row.getCell(6).value = 8;
    await expectRefused([await added.save(dir, 'tilfoejet.xlsx')], /rækken «Nyt botilbud Øst» har intet tilbuds-id, og Aalborg Kommune har intet tilbud med det navn\. Rækker kan ikke tilføjes/);
  });

  it('refuses a renamed column, naming the header that is missing', async () => {
    const t = await filledAalborg();
    const sheet = t.book.getWorksheet('Takster')!;
    const column = (sheet.getRow(5).values as unknown[]).indexOf('Belægning');
    sheet.getRow(5).getCell(column).value = 'Belægning 2027';
    await expectRefused([await t.save(dir, 'Aalborg.xlsx')], 'Aalborg.xlsx, ark Takster, række 5: kolonnen «Belægning» mangler (omdøbt eller slettet?)');
  });

  it('refuses a tariff on «Takster» beside levels, levels whose places do not add up, and half a history for the average', async () => {
    const db = backend.database.db;
    await addSheet(db, nord, 2026, simpleSheetContent(10_000_000, 20, 0.95, { levels: TWO_LEVELS }), 'submitted', 2);
    const both = await filledAalborg();
    both.set('Takster', 'Botilbud Nord', 'Pladser', 20);
    both.set('Takster', 'Botilbud Nord', 'Takst (kr. pr. enhed)', 1400);
    const cell = both.address('Takster', 'Botilbud Nord', 'Takst (kr. pr. enhed)');
    const rows = [0, 1].map((n) => both.address('Takstniveauer', 'Botilbud Nord', 'Pladser', n).replace(/\D/g, '')).join(', ');
    await expectRefused(
      [await both.save(dir, 'Aalborg.xlsx')],
      `Aalborg.xlsx, ark Takster, række ${cell.replace(/\D/g, '')}, celle ${cell}: «Botilbud Nord» har takstniveauer på arket «Takstniveauer» (række ${rows}). Skriv taksterne på niveauerne, og lad «Takst (kr. pr. enhed)» her stå tom.`,
    );

    // 22 places on «Takster», 20 on the levels.
    const uneven = await filledAalborg();
    const places = [0, 1].map((n) => uneven.address('Takstniveauer', 'Botilbud Nord', 'Pladser', n));
    await expectRefused(
      [await uneven.save(dir, 'Aalborg.xlsx')],
      `Aalborg.xlsx, ark Takstniveauer, række ${rows}, celle ${places.join(', ')} («Botilbud Nord»): Takstniveauerne har 20 pladser i alt, men tilbuddet har 22 pladser: 2 pladser har intet takstniveau.`,
    );

    const half = await filledAalborg();
    half.set('Takster', 'Botilbud Nord', 'Pladser', 20);
    half.set('Takster', 'Botilbud Nord', 'Belægningsmetode', 'Gennemsnit af de to foregående års faktiske belægning');
    half.set('Takster', 'Botilbud Nord', 'Faktisk belægning 2025', 0.96);
    const empty = half.address('Takster', 'Botilbud Nord', 'Faktisk belægning 2024');
    await expectRefused(
      [await half.save(dir, 'Aalborg.xlsx')],
      `Aalborg.xlsx, ark Takster, række ${empty.replace(/\D/g, '')}, celle ${empty}: belægningen er sat som «Gennemsnit af de to foregående års faktiske belægning»; udfyld også «Faktisk belægning 2024».`,
    );
  });

  it('refuses a set-aside larger than the surplus', async () => {
    const t = await templateToFill(backend.database.db, 'Aalborg Kommune', 2027);
    t.set('Resultater', 'Botilbud Nord', 'Takstgrundlag G (kr.)', 9_500_000);
    t.set('Resultater', 'Botilbud Nord', 'Resultat R (kr.)', -250_000);
    t.set('Resultater', 'Botilbud Nord', 'Henlagt (kr.)', 100_000);
    await expectRefused([await t.save(dir, 'Aalborg.xlsx')], '«Botilbud Nord» kan højst henlægge overskuddet (0 kr.), ikke 100.000 kr.', 'results');
  });

  it('refuses a sheet that is approved (locked), naming the offer', async () => {
    await addSheet(backend.database.db, nord, 2027, simpleSheetContent(10_000_000, 20, 0.95), 'approved');
    const file = await (await filledAalborg()).save(dir, 'Aalborg.xlsx');
    await expectRefused([file], /takstskemaet for «Botilbud Nord» 2027 er godkendt og låst/);
  });

  it('refuses a file that is not .xlsx, and one that only is called so', async () => {
    const pdf = join(dir, 'Aalborg.pdf');
    await writeFile(pdf, '%PDF-1.7\n');
    await expectRefused([{ path: pdf, fileName: 'Aalborg.pdf' }], 'Aalborg.pdf: filen er ikke et Excel-regneark (.xlsx)');
    const fake = join(dir, 'Aalborg.xlsx');
    await writeFile(fake, 'Tilbud;Pladser\nBotilbud Nord;22\n');
    await expectRefused([{ path: fake, fileName: 'Aalborg.xlsx' }], 'Aalborg.xlsx: filen er ikke et Excel-regneark (.xlsx), selv om navnet slutter på .xlsx.');
  });

  it('refuses a 50 MB file by its size, before reading it', async () => {
    const big = join(dir, 'Stor.xlsx');
    const handle = await open(big, 'w');
    await handle.write(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    await expectRefused([{ path: big, fileName: 'Stor.xlsx' }], 'Stor.xlsx: filen fylder 50,0 MB; en udfyldt skabelon må højst fylde 10,0 MB.');
  });

  it('refuses all files when one of several is bad', async () => {
    const good = await (await filledAalborg()).save(dir, 'Aalborg.xlsx');
    const hjorring = await templateToFill(backend.database.db, 'Hjørring Kommune', 2027);
    hjorring.set('Takster', 'Hjørring Bo', 'Pladser', 'mange');
    hjorring.set('Takster', 'Hjørring Bo', 'Belægning', 0.9);
    hjorring.set('Takster', 'Hjørring Bo', 'Budget i alt (kr.)', 1000);
    await expectRefused([good, await hjorring.save(dir, 'Hjørring.xlsx')], /Hjørring\.xlsx, ark Takster, række 6, celle \w+6: teksten «mange» er ikke et tal/);
  });
});

describe('operator templates through the contract', () => {
  it('receives the files as byte streams, previews them as a job, and imports them in one announced write', async () => {
    const template = await call(backend, 'tariffs.template', { operatorName: 'Aalborg Kommune', year: 2027 });
    expect(template.fileName).toBe('Takstskema 2027 - Aalborg Kommune.xlsx');
    const file = await (await filledAalborg()).save(dir, 'Aalborg.xlsx');
    const received = await backend.receiveTemplate(createReadStream(file.path), 'Aalborg.xlsx');
    if (!received.ok) throw new Error(received.error.message);

    const { preview } = await jobResult(backend, 'tariffs.previewImport', { kind: 'sheets', fileIds: [received.data.fileId] }, 'tariffImportPreview');
    expect(preview.problems).toEqual([]);
    expect(preview.offers).toHaveLength(2);
    expect(await counts()).toEqual({ sheets: 1, results: 0 });

    const events: unknown[] = [];
    backend.subscribe((event, payload) => event === 'data.changed' && events.push(payload));
    const { report } = await jobResult(backend, 'tariffs.applyImport', { kind: 'sheets', fileIds: [received.data.fileId], year: 2027 }, 'tariffImport');
    expect(report).toMatchObject({ year: 2027, written: 2 });
    expect(events).toEqual([{ entities: ['tariffSheet', 'ledger'] }]);
    expect(await counts()).toEqual({ sheets: 3, results: 0 });
    // The received file is let go of once imported.
    expect((await backend.call('tariffs.applyImport', { kind: 'sheets', fileIds: [received.data.fileId] })).ok).toBe(false);
  });

  it('refuses an upload over 10 MB as it streams in, and a preview with problems fails the import job', async () => {
    const big = await backend.receiveTemplate(Readable.from([Buffer.alloc(11 * 1024 * 1024)]), 'Stor.xlsx');
    expect(big).toMatchObject({ ok: false, error: { message: 'Stor.xlsx: filen er større end 10,0 MB, som er det største, en udfyldt skabelon må fylde. Intet er indlæst.' } });
    const declared = await backend.receiveTemplate(Readable.from([]), 'Stor.xlsx', { declaredBytes: 50 * 1024 * 1024 });
    expect(declared.ok).toBe(false);

    const t = await filledAalborg();
    t.set('Takster', 'Dagtilbud Syd', 'Pladser', 'ca. 12');
    const received = await backend.receiveTemplate(createReadStream((await t.save(dir, 'Aalborg.xlsx')).path), 'Aalborg.xlsx');
    if (!received.ok) throw new Error(received.error.message);
    const refusal = await refusalOf(backend, 'tariffs.applyImport', { kind: 'sheets', fileIds: [received.data.fileId] });
    expect(refusal?.message).toMatch(/^Intet er indlæst\. Ret filerne, og prøv igen:\nAalborg\.xlsx, ark Takster, række \d+, celle \w+: teksten «ca\. 12» er ikke et tal\./);
    expect(await counts()).toEqual({ sheets: 1, results: 0 });
  });
});
