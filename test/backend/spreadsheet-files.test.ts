import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { wrappedLines } from '../../electron/backend/spreadsheets/workbook';
import type { MethodOutput } from '../../shared/contract';
import { ScenarioInput } from '../../shared/domain/scenario';
import { call, openTestBackend } from '../helpers/backend';
import { fromSerial, openXlsx } from '../helpers/xlsx-parts';

/**
 * The workbooks as Excel and LibreOffice open them, read from the file's XML: how they print, row heights for
 * wrapped text, real dates, formulas with their results, and the file's properties.
 */

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

const bytesOf = async (made: { exportId: string }) => readFileSync((await backend.exports.find(made.exportId))!.path);

/** The test backend's clock: 22 November 2026 at 09:00 UTC, shown in the machine's own time as the user saw it. */
const madeAt = () => {
  const at = new Date(Date.UTC(2026, 10, 22, 9, 0));
  return new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes())).toISOString().slice(0, 16);
};

function expectPrintsOnePageWide(xml: string, orientation: 'landscape' | 'portrait') {
  expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
  const setup = /<pageSetup [^>]*>/.exec(xml)?.[0] ?? '';
  expect(setup).toContain('paperSize="9"'); // A4
  expect(setup).toContain(`orientation="${orientation}"`);
  expect(setup).toContain('fitToWidth="1"');
  expect(setup).toContain('fitToHeight="0"');
}

function expectDescribed(core: string) {
  expect(core).toContain('<dc:creator>Sekretariat</dc:creator>');
  expect(core).toContain('<cp:lastModifiedBy>Sekretariat</cp:lastModifiedBy>');
  expect(core).toMatch(/<dcterms:created [^>]*>2026-11-22T09:00:\d\dZ<\/dcterms:created>/);
  expect(core).not.toContain('1970');
}

describe('the decision register as .xlsx', () => {
  it('prints one page wide in landscape on A4 with the header on every page, rows tall enough for their text, and says when it was made', async () => {
    await call(backend, 'demo.load', {});
    const made = await call(backend, 'decisions.export', { what: 'decisions', format: 'xlsx', filter: {} });
    const book = await openXlsx(await bytesOf(made));
    expect(book.sheetNames).toEqual(['Beslutninger', 'Udtræk']);
    expectDescribed(book.core);
    expect(book.core).toContain('<dc:title>Beslutningsregister</dc:title>');

    const sheet = await book.sheet('Beslutninger');
    expectPrintsOnePageWide(sheet.xml, 'landscape');
    expect(book.workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Beslutninger&apos;!\$1:\$1<\/definedName>/);

    // A decision of several lines has a row as tall as its lines, not the 15 pt LibreOffice keeps otherwise.
    const header = sheet.rows[0]!.cells.map((c) => c.value);
    const decisionColumn = header.indexOf('Beslutning');
    const width = 64;
    let tall = 0;
    for (const row of sheet.rows.slice(1)) {
      const text = row.cells.find((c) => c.ref.startsWith(String.fromCharCode(65 + decisionColumn)))?.value ?? '';
      const lines = wrappedLines(text, width);
      if (lines < 3) continue;
      tall++;
      expect(row.customHeight).toBe(true);
      expect(row.height).toBeGreaterThanOrEqual(Math.min(409, lines * 15));
    }
    expect(tall).toBeGreaterThan(5);
    // The meeting date is a date: a number with a day-month-year format.
    const date = sheet.cell('A2')!;
    expect(date.type).toBeNull();
    expect(date.numFmt).toBe('dd-mm-yyyy');
    expect(fromSerial(Number(date.value))).toMatch(/^20\d\d-\d\d-\d\dT00:00$/);

    const about = await book.sheet('Udtræk');
    expect(about.cell('A1')!.value).toBe('Udtrukket');
    const when = about.cell('B1')!;
    expect(when.type).toBeNull();
    expect(when.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(fromSerial(Number(when.value))).toBe(madeAt());
    expectPrintsOnePageWide(about.xml, 'portrait');
  });
});

describe('the scenario workbooks', () => {
  const input = ScenarioInput.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json'), 'utf8')));
  type Scenario = MethodOutput<'scenarios.get'>;
  const variant = async (base: Scenario, name: string, overrides: Record<string, unknown>) => {
    const created = await call(backend, 'scenarios.create', { name, baseId: base.id });
    return call(backend, 'scenarios.update', { id: created.id, revision: created.revision, patch: { overrides } });
  };

  it('the comparison computes its differences with formulas that carry their results, and prints one page wide', async () => {
    const base = await call(backend, 'scenarios.create', { name: 'Grundscenarie', input });
    const occupancy = await variant(base, 'Belægning 85 %', { occupancy: 0.85 });
    const region = await variant(base, 'Regionen 25 %', { split: { regionShare: 0.25 } });
    const made = await call(backend, 'scenarios.export', { ids: [base.id, occupancy.id, region.id], format: 'xlsx' });
    const book = await openXlsx(await bytesOf(made));
    expectDescribed(book.core);
    expect(book.core).toContain('<dc:title>Sammenligning af scenarier</dc:title>');
    expect(book.core).toContain('<dc:subject>Grundscenarie / Belægning 85 % / Regionen 25 %</dc:subject>');

    const sheet = await book.sheet('Sammenligning');
    expectPrintsOnePageWide(sheet.xml, 'landscape');
    const row = (label: string) => sheet.rows.find((r) => r.cells[0]?.value === label)!;
    const cellIn = (label: string, column: string) => row(label).cells.find((c) => c.ref === `${column}${row(label).r}`)!;

    const r = row('Heraf Regionen').r;
    // Column E: «Forskel: Belægning 85 %» = C − B; F: the same in per cent; G and H for «Regionen 25 %».
    expect(cellIn('Heraf Regionen', 'E')).toMatchObject({ formula: `C${r}-B${r}` });
    expect(cellIn('Heraf Regionen', 'F').formula).toBe(`IF(B${r}=0,"",(C${r}-B${r})/B${r})`);
    expect(cellIn('Heraf Regionen', 'G').formula).toBe(`D${r}-B${r}`);
    // The result is written with the formula: a viewer that does not calculate shows the same figure.
    const regionDifference = Number(cellIn('Heraf Regionen', 'G').value);
    expect(regionDifference).toBe(Number(cellIn('Heraf Regionen', 'D').value) - Number(cellIn('Heraf Regionen', 'B').value));
    expect(regionDifference).toBeGreaterThan(0);
    expect(cellIn('Heraf Regionen', 'G').numFmt).toBe('#,##0 "kr."');
    // The Region's share was 0 in the first scenario: no per cent of nothing, an empty text.
    const share = cellIn('Regionens andel', 'H');
    expect(share).toMatchObject({ type: 'str', value: '' });
    expect(share.formula).toContain('=0,""');
    // Every difference is a formula.
    for (const figure of sheet.rows.slice(1).filter((x) => x.cells.length > 4)) {
      expect(figure.cells.slice(4).every((c) => c.formula !== null)).toBe(true);
    }

    const beregnet = row('Beregnet').cells[1]!;
    expect(beregnet.type).toBeNull();
    expect(beregnet.numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(fromSerial(Number(beregnet.value))).toBe(madeAt());
    expectPrintsOnePageWide((await book.sheet('Kommuner')).xml, 'portrait');
  });

  it('one scenario prints every sheet on A4, one page wide, and says when it was calculated', async () => {
    const base = await call(backend, 'scenarios.create', { name: 'NT-1', input });
    const book = await openXlsx(await bytesOf(await call(backend, 'scenarios.export', { ids: [base.id], format: 'xlsx' })));
    expectDescribed(book.core);
    expect(book.core).toContain('<dc:title>NT-1</dc:title>');
    for (const name of book.sheetNames) expect((await book.sheet(name)).xml).toContain('<pageSetUpPr fitToPage="1"/>');
    const summary = await book.sheet('Scenarie');
    expect(summary.cell('A2')!.value).toBe('Beregnet');
    expect(summary.cell('B2')).toMatchObject({ type: null, numFmt: 'dd-mm-yyyy hh:mm' });
    expect(fromSerial(Number(summary.cell('B2')!.value))).toBe(madeAt());
    expect(book.workbook).toContain('&apos;År&apos;!$1:$1');
  });
});

describe('wrappedLines', () => {
  it('counts the lines of text wrapped at spaces, each paragraph on a line of its own', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('kort', 10)).toBe(1);
    expect(wrappedLines('en to tre fire', 10)).toBe(2); // «en to tre» | «fire»
    expect(wrappedLines('linje et\nlinje to', 40)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3); // a long word breaks inside it
    expect(wrappedLines('ab ' + 'x'.repeat(25), 10)).toBe(4);
  });
});
