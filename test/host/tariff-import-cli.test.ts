import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/host/cli';
import { addOffer, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-tariffs-cli-'));
  db = join(dir, 'sekretariat.db');
  const backend = await openBackend({ databaseFile: db, appVersion: '0.0.0-test', log: { error: () => {} } });
  const offer = await addOffer(backend.database.db, 'Aalborg Kommune', { name: 'Botilbud Nord' });
  await addSheet(backend.database.db, offer, 2026, simpleSheetContent(10_000_000, 20, 0.95));
  await backend.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const storedSheets = async () => {
  const backend = await openBackend({ databaseFile: db, appVersion: '0.0.0-test', log: { error: () => {} } });
  try {
    return await backend.database.db.selectFrom('tariff_sheets').select(['year', 'version', 'status', 'content']).orderBy('year').orderBy('version').execute();
  } finally {
    await backend.close();
  }
};

it('writes the template, previews an import without writing, and imports it with --yes', async () => {
  const file = join(dir, 'Aalborg.xlsx');
  const made = await cli('tariffs', 'template', '--operator', 'Aalborg Kommune', '--year', '2027', '--out', file);
  expect(made.err).toBe('');
  expect(made.code).toBe(0);
  expect(made.out).toContain('Skabelonen for Aalborg Kommune 2027 er gemt');

  // The operator raises the places from last year's 20 to 21.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Takster')!;
  const places = (sheet.getRow(5).values as unknown[]).indexOf('Pladser');
  expect(sheet.getRow(6).getCell(places).value).toBe(20);
  sheet.getRow(6).getCell(places).value = 21;
  await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));

  const dry = await cli('tariffs', 'import', file);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('Botilbud Nord – nyt');
  expect(dry.out).toContain('Pladser: – → 21');
  expect(dry.out).toContain('Intet er skrevet');
  expect((await storedSheets()).length).toBe(1);

  // A window open on the same database hears of the command line's import and reloads.
  const window = await openBackend({ databaseFile: db, appVersion: '0.0.0-test', log: { error: () => {} }, otherWritersPollMs: 20 });
  const heard: unknown[] = [];
  window.subscribe((event, payload) => event === 'data.changed' && heard.push(payload));
  let applied: Awaited<ReturnType<typeof cli>>;
  try {
    // Its own write is announced once, by itself, not again as another process's.
    await window.call('bodies.create', { code: 'AG1', name: 'Arbejdsgruppe 1' });
    await new Promise((done) => setTimeout(done, 200));
    expect(heard).toEqual([expect.objectContaining({ entities: ['bodies'] })]);

    applied = await cli('tariffs', 'import', file, '--yes', '--json');
    expect(applied.code).toBe(0);
    await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ entities: expect.arrayContaining(['tariffSheet', 'offer', 'ledger']) }), { timeout: 30_000, interval: 50 });
    expect(heard.at(-1)).not.toHaveProperty('origin');
  } finally {
    await window.close();
  }
  expect(JSON.parse(applied.out)).toMatchObject({ imported: true, report: { kind: 'sheets', year: 2027, written: 1 } });
  const sheets = await storedSheets();
  expect(sheets.map((s) => [s.year, s.version, s.status])).toEqual([
    [2026, 1, 'submitted'],
    [2027, 1, 'submitted'],
  ]);
  expect(JSON.parse(sheets[1]!.content).places).toBe(21);
});

it('refuses bad input with exit code 2 and a Danish message, writing nothing', async () => {
  const before = (await storedSheets()).length;
  const pdf = join(dir, 'Aalborg.pdf');
  writeFileSync(pdf, '%PDF-1.7\n');
  const notXlsx = await cli('tariffs', 'import', pdf, '--yes');
  expect(notXlsx.code).toBe(2);
  expect(notXlsx.err).toContain('Aalborg.pdf: filen er ikke et Excel-regneark (.xlsx)');

  const noYear = await cli('tariffs', 'template', '--operator', 'Aalborg Kommune', '--out', join(dir, 'x.xlsx'));
  expect(noYear.code).toBe(2);
  expect(noYear.err).toContain('tariffs template kræver --year ÅR');

  const unknownOperator = await cli('tariffs', 'template', '--operator', 'Atlantis Kommune', '--year', '2027', '--out', join(dir, 'y.xlsx'));
  expect(unknownOperator.code).toBe(2);
  expect(unknownOperator.err).toContain('Driftsherren «Atlantis Kommune» findes ikke');

  const noFile = await cli('results', 'import');
  expect(noFile.code).toBe(2);
  expect(noFile.err).toContain('results import kræver mindst én udfyldt skabelon');
  expect((await storedSheets()).length).toBe(before);
});
