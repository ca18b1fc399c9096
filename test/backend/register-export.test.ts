import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { csvField, tableCsv } from '../../electron/backend/spreadsheets/register-csv';
import { xlsxText } from '../../electron/backend/spreadsheets/register-xlsx';
import { runCli } from '../../electron/host/cli';
import { call, openTestBackend } from '../helpers/backend';

let backend: Backend;
let dasId: string;
beforeEach(async () => {
  backend = await openTestBackend();
  await call(backend, 'demo.load', {});
  dasId = (await call(backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!.id;
});
afterEach(() => backend.close());

const FORMULA_TITLE = '=HYPERLINK("https://example.invalid";"Klik")';
const DECISION_HTML = '<p>DAS godkender forslaget; dog med bemærkninger fra Læsø</p><p>Anden linje: «ÆØÅ æøå»</p>';

/** A meeting of our own with a title Excel would take for a formula, a decision with a semicolon and a line break, and a follow-up. */
async function addTrickyItem() {
  const meeting = await call(backend, 'meetings.create', { bodyId: dasId, date: '2021-12-09', startTime: '13:00', endTime: '15:00' });
  const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: FORMULA_TITLE });
  await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { caseNumber: '27.00.00-A00-1-21', closed: true } });
  await call(backend, 'decisions.save', {
    itemId: item.id,
    revision: null,
    text: DECISION_HTML,
    outcome: 'godkendt_med_aendringer',
    reservations: [{ party: 'Læsø Kommune', text: 'ønsker sagen genoptaget' }],
  });
  await call(backend, 'followUps.create', { itemId: item.id, action: '+45 ring til Læsø; aftal "møde"', owner: 'Sekretariatet', dueDate: '2022-01-31' });
  return item;
}

async function exported(input: Parameters<typeof call<'decisions.export'>>[2]) {
  const made = await call(backend, 'decisions.export', input);
  const file = await backend.exports.find(made.exportId, made.fileName);
  expect(file).not.toBeNull();
  return { made, path: file!.path, bytes: readFileSync(file!.path) };
}

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** Reads CSV as Excel does: fields separated by `;`, quoted with `"` ("" inside), rows ended by CRLF (a line break inside quotes is text). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const registerTotal = async (filter: Record<string, unknown> = {}) => (await call(backend, 'decisions.register', { ...filter, limit: 1 })).total;

describe('the decision register as a workbook', () => {
  it('has every row of the register, real dates, Danish labels, a bold frozen header with an autofilter', async () => {
    const item = await addTrickyItem();
    const { made, path } = await exported({ what: 'decisions', format: 'xlsx', filter: {} });
    expect(made).toMatchObject({ fileName: 'Beslutningsregister.xlsx', pages: null, warnings: [] });

    const book = await workbook(path);
    const sheet = book.getWorksheet('Beslutninger')!;
    const total = await registerTotal();
    expect(sheet.rowCount).toBe(total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Mødedato', 'Organ', 'Punkt', 'Titel', 'Sagsnummer', 'Sagsbehandler', 'Art', 'Udfald', 'Beslutning', 'Forbehold', 'Lukket']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(9).width).toBeGreaterThan(50);

    // A known decision: DAS 27.05.2021, punkt 3.
    const rows = sheet.getRows(2, total)!;
    const known = rows.find((r) => r.getCell(4).value === 'Kobling mellem DAS og Handicapchefkredsen')!;
    expect(known).toBeDefined();
    const date = known.getCell(1);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2021-05-27T00:00:00.000Z');
    expect(date.numFmt).toBe('dd-mm-yyyy');
    expect(known.getCell(2).value).toBe('DAS');
    expect(known.getCell(3).value).toBe(3);
    expect(known.getCell(7).value).toBe('Drøftelse');
    expect(known.getCell(8).value).toBe('Drøftet');
    expect(String(known.getCell(9).value)).toMatch(/^DAS vurderer, at det kan give god mening/);
    expect(String(known.getCell(9).value)).not.toContain('<p>');
    expect(known.getCell(9).alignment?.wrapText).toBe(true);
    expect(known.getCell(11).value).toBe('Nej');

    // Text that looks like a formula is a string in the workbook, never a formula; rich text becomes lines.
    const tricky = rows.find((r) => r.getCell(4).value === FORMULA_TITLE)!;
    expect(tricky.getCell(4).type).toBe(ExcelJS.ValueType.String);
    expect(tricky.getCell(5).value).toBe('27.00.00-A00-1-21');
    expect(tricky.getCell(8).value).toBe('Godkendt med ændringer');
    expect(tricky.getCell(9).value).toBe('DAS godkender forslaget; dog med bemærkninger fra Læsø\nAnden linje: «ÆØÅ æøå»');
    expect(tricky.getCell(10).value).toBe('Læsø Kommune: ønsker sagen genoptaget');
    expect(tricky.getCell(11).value).toBe('Ja');
    for (const row of rows) row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    expect(item.title).toBe(FORMULA_TITLE);

    // What was exported, on a sheet of its own.
    const about = book.getWorksheet('Udtræk')!;
    expect(about.getRows(1, about.rowCount)!.map((r) => [r.getCell(1).value, r.getCell(2).value])).toContainEqual(['Antal rækker', total]);
  });

  it('takes the register’s filters: a year, a body, an outcome', async () => {
    const filter = { year: 2021, bodyId: dasId };
    const { made, path } = await exported({ what: 'decisions', format: 'xlsx', filter });
    expect(made.fileName).toBe('Beslutningsregister DAS 2021.xlsx');
    const sheet = (await workbook(path)).getWorksheet('Beslutninger')!;
    const total = await registerTotal(filter);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(await registerTotal());
    expect(sheet.rowCount).toBe(total + 1);
    for (const row of sheet.getRows(2, total)!) {
      expect((row.getCell(1).value as Date).getUTCFullYear()).toBe(2021);
      expect(row.getCell(2).value).toBe('DAS');
    }

    const { path: onlyDiscussed } = await exported({ what: 'decisions', format: 'xlsx', filter: { outcome: 'droeftet' } });
    const discussed = (await workbook(onlyDiscussed)).getWorksheet('Beslutninger')!;
    expect(discussed.rowCount).toBe((await registerTotal({ outcome: 'droeftet' })) + 1);
    for (const row of discussed.getRows(2, discussed.rowCount - 1)!) expect(row.getCell(8).value).toBe('Drøftet');

    // An empty result is still a workbook with its header.
    const { path: none } = await exported({ what: 'decisions', format: 'xlsx', filter: { year: 1999 } });
    expect((await workbook(none)).getWorksheet('Beslutninger')!.rowCount).toBe(1);
  });

  it('has all rows, not one page: more than the largest page the register gives', async () => {
    const meeting = await call(backend, 'meetings.create', { bodyId: dasId, date: '2022-03-03', startTime: '13:00', endTime: '15:00' });
    // Written straight into the database: 510 items through the contract would take half a minute.
    const raw = backend.database.raw;
    const at = '2026-11-22T09:00:00.000Z';
    const item = raw.prepare(`INSERT INTO agenda_items (id, created_at, updated_at, meeting_id, position, title, kind) VALUES (?, '${at}', '${at}', ?, ?, ?, 'beslutning')`);
    const decision = raw.prepare(`INSERT INTO decisions (id, created_at, updated_at, item_id, text, outcome) VALUES (?, '${at}', '${at}', ?, ?, 'godkendt')`);
    raw.transaction(() => {
      for (let n = 1; n <= 510; n++) {
        const id = `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        item.run(id, meeting.id, n, `Punkt til prøve ${n}`);
        decision.run(`20000000-0000-4000-8000-${String(n).padStart(12, '0')}`, id, `<p>Beslutning ${n}</p>`);
      }
    })();
    const total = await registerTotal();
    expect(total).toBeGreaterThan(500);
    const { path } = await exported({ what: 'decisions', format: 'xlsx', filter: {} });
    expect((await workbook(path)).getWorksheet('Beslutninger')!.rowCount).toBe(total + 1);
    const { bytes } = await exported({ what: 'decisions', format: 'csv', filter: { year: 2022 } });
    expect(parseCsv(bytes.toString('utf8').slice(1))).toHaveLength((await registerTotal({ year: 2022 })) + 1);
  });
});

describe('the decision register as CSV', () => {
  it('is semicolon-separated UTF-8 with BOM and CRLF, quoted where needed, with formulas defused', async () => {
    await addTrickyItem();
    const { made, bytes } = await exported({ what: 'decisions', format: 'csv', filter: { year: 2021 } });
    expect(made.fileName).toBe('Beslutningsregister 2021.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Mødedato;Organ;Punkt;Titel;Sagsnummer;Sagsbehandler;Art;Udfald;Beslutning;Forbehold;Lukket');

    const rows = parseCsv(text);
    expect(rows).toHaveLength((await registerTotal({ year: 2021 })) + 1);
    for (const row of rows) expect(row).toHaveLength(11);

    const known = rows.find((r) => r[3] === 'Kobling mellem DAS og Handicapchefkredsen')!;
    expect(known.slice(0, 3)).toEqual(['27-05-2021', 'DAS', '3']);
    expect(known[7]).toBe('Drøftet');

    const tricky = rows.find((r) => r[3]!.includes('HYPERLINK'))!;
    expect(tricky[3]).toBe(`'${FORMULA_TITLE}`);
    expect(tricky[0]).toBe('09-12-2021');
    expect(tricky[7]).toBe('Godkendt med ændringer');
    expect(tricky[8]).toBe('DAS godkender forslaget; dog med bemærkninger fra Læsø\nAnden linje: «ÆØÅ æøå»');
    expect(tricky[10]).toBe('Ja');
  });

  it('writes fields as Excel reads them', () => {
    expect(csvField('Læsø')).toBe('Læsø');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sagt "ja"')).toBe('"sagt ""ja"""');
    expect(csvField('to\r\nlinjer')).toBe('"to\nlinjer"');
    for (const danger of ['=1+1', '+45 12 34 56 78', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvField(danger).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=cmd|"/c calc"!A0')).toBe(`"'=cmd|""/c calc""!A0"`);
    expect(csvField(' =ikke i starten')).toBe(' =ikke i starten');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(2.5)).toBe('2,5');
    expect(csvField({ date: '2021-05-27' })).toBe('27-05-2021');
    expect(csvField(null)).toBe('');
    const csv = Buffer.from(tableCsv({ sheetName: 'X', title: 'X', subject: 'X', columns: [{ header: 'A', width: 1, kind: 'text' }], rows: [['ø']], about: [] })).toString('utf8');
    expect(csv).toBe('\uFEFFA\r\nø\r\n');
  });

  it('keeps workbook text within what Excel can open', () => {
    expect(xlsxText('a\u0000b\u0007c\nd')).toBe('abc\nd');
    expect(xlsxText('x'.repeat(40_000))).toHaveLength(32_767);
  });
});

describe('the follow-ups', () => {
  it('as a workbook and as CSV: task, owner, due date, Danish status, where it was agreed', async () => {
    const item = await addTrickyItem();
    const all = await call(backend, 'followUps.list', {});
    expect(all.length).toBeGreaterThan(5);

    const { made, path } = await exported({ what: 'followUps', format: 'xlsx', filter: {} });
    expect(made.fileName).toBe('Opfølgninger.xlsx');
    const sheet = (await workbook(path)).getWorksheet('Opfølgninger')!;
    expect(sheet.rowCount).toBe(all.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Opgave', 'Ansvarlig', 'Frist', 'Til møde', 'Status', 'Organ', 'Mødedato', 'Punkt', 'Punktets titel', 'Oprettet']);
    const ours = sheet.getRows(2, all.length)!.find((r) => r.getCell(9).value === FORMULA_TITLE)!;
    expect(ours.getCell(1).value).toBe('+45 ring til Læsø; aftal "møde"');
    expect(ours.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(ours.getCell(2).value).toBe('Sekretariatet');
    expect((ours.getCell(3).value as Date).toISOString()).toBe('2022-01-31T00:00:00.000Z');
    expect(ours.getCell(3).numFmt).toBe('dd-mm-yyyy');
    expect(ours.getCell(5).value).toBe('Åben');
    expect(ours.getCell(6).value).toBe('DAS');
    expect((ours.getCell(7).value as Date).toISOString()).toBe('2021-12-09T00:00:00.000Z');
    expect(ours.getCell(10).value).toBeInstanceOf(Date);

    const { made: csvMade, bytes } = await exported({ what: 'followUps', format: 'csv', filter: { bodyId: dasId } });
    expect(csvMade.fileName).toBe('Opfølgninger DAS.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength((await call(backend, 'followUps.list', { bodyId: dasId })).length + 1);
    const line = rows.find((r) => r[8]!.includes('HYPERLINK'))!;
    expect(line.slice(0, 8)).toEqual([`'+45 ring til Læsø; aftal "møde"`, 'Sekretariatet', '31-01-2022', '', 'Åben', 'DAS', '09-12-2021', '1']);
    expect(line[8]).toBe(`'${FORMULA_TITLE}`);
    expect(item.id).toBeTruthy();
  });

  it('filters by the year of the meeting where they were agreed', async () => {
    const all = await call(backend, 'followUps.list', {});
    const of2021 = all.filter((f) => f.origin.meetingDate.startsWith('2021'));
    expect(of2021.length).toBeGreaterThan(0);
    expect(of2021.length).toBeLessThan(all.length);
    const { made, bytes } = await exported({ what: 'followUps', format: 'csv', filter: { year: 2021 } });
    expect(made.fileName).toBe('Opfølgninger 2021.csv');
    const rows = parseCsv(bytes.toString('utf8').slice(1)).slice(1);
    expect(rows).toHaveLength(of2021.length);
    for (const row of rows) expect(row[6]).toMatch(/-2021$/);
  });
});

describe('the command line', () => {
  it('exports the register and the follow-ups to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-register-'));
    const db = join(dir, 'a.db');
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
    };
    const env = { SEKRETARIAT_DATA_DIR: dir };
    expect(await runCli(['demo', '--db', db], io().io, env)).toBe(0);

    const xlsx = io();
    const xlsxFile = join(dir, 'register.xlsx');
    expect(await runCli(['register', '--db', db, '--out', xlsxFile, '--year', '2021', '--body', 'DAS', '--json'], xlsx.io, env)).toBe(0);
    const report = JSON.parse(xlsx.out.join('\n')) as { file: string; rows: number; fileName: string };
    expect(report).toMatchObject({ file: xlsxFile, fileName: 'Beslutningsregister DAS 2021.xlsx' });
    const sheet = (await workbook(xlsxFile)).getWorksheet('Beslutninger')!;
    expect(sheet.rowCount).toBe(report.rows + 1);
    expect(report.rows).toBeGreaterThan(0);

    const csv = io();
    const csvFile = join(dir, 'opf.csv');
    expect(await runCli(['register', '--db', db, '--out', csvFile, '--what', 'followUps'], csv.io, env)).toBe(0);
    expect(csv.out.join('\n')).toMatch(/^Opfølgningerne gemt i .*opf\.csv: \d+ rækker\.$/);
    expect(readFileSync(csvFile).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    const bad = io();
    expect(await runCli(['register', '--db', db, '--out', csvFile, '--body', 'XYZ'], bad.io, env)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/Ukendt organ: XYZ/);
    const badYear = io();
    expect(await runCli(['register', '--db', db, '--out', csvFile, '--year', 'i år'], badYear.io, env)).toBe(2);
    expect(await runCli(['register', '--db', db], io().io, env)).toBe(2);
  });
});
