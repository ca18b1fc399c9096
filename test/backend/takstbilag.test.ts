import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend, type PdfPrinter } from '../../electron/backend/backend';
import { DAS_NEXT_MEETING_ID } from '../../electron/backend/demo/content/das-2021';
import { runCli } from '../../electron/host/cli';
import { call, jobResult, refusalOf } from '../helpers/backend';
import { addOffer, addSheet, simpleSheetContent } from '../helpers/tariff-year-fixture';

/*
 * The takstbilag on a DAS agenda and the decision that approves the year's sheets, the workbook and the command line's
 * refusals. The PDF is printed by a stand-in for Chromium here (a real one: test/backend/documents/takstbilag-pdf.test.ts).
 */

const PSU_MEETING_ID = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';

/** Prints a one-page PDF whatever the HTML, and remembers the HTML it was given. */
function fakePrinter(printed: string[]): PdfPrinter {
  return async () => ({
    async print(html) {
      printed.push(html);
      const doc = await PDFDocument.create();
      doc.addPage();
      return doc.save();
    },
    async close() {},
  });
}

describe('the takstbilag', () => {
  let dir: string;
  let backend: Backend;
  const printed: string[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sekretariat-takstbilag-'));
    printed.length = 0;
    let id = 0;
    backend = await openBackend({
      databaseFile: join(dir, 'sekretariat.db'),
      appVersion: '0.0.0-test',
      printer: fakePrinter(printed),
      now: () => new Date(Date.UTC(2021, 7, 23, 15, 0, id)),
      newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
      log: { error: () => {} },
    });
    await call(backend, 'demo.load', {});
  });
  afterEach(() => backend.close());

  const sheetsOf2022 = () => backend.database.db.selectFrom('tariff_sheets').select(['id', 'status', 'approved_item_id', 'approved_at']).where('year', '=', 2022).execute();

  it('puts the year on a DAS meeting with a drafted Resumé and Indstilling and the printed takstbilag attached, once per meeting', async () => {
    const { itemId } = await jobResult(backend, 'tariffAnnex.putOnAgenda', { year: 2022, meetingId: DAS_NEXT_MEETING_ID }, 'agendaItem');
    const item = await call(backend, 'agenda.get', { id: itemId });
    expect(item.title).toBe('Takstbilag 2022');
    expect(item.kind).toBe('beslutning');
    expect(item.resume).toContain('8 tilbud hos 5 driftsherrer');
    expect(item.resume).toMatch(/Taksterne ændres i gennemsnit \+\d+,\d/);
    expect(item.resume).toMatch(/\d+ bemærkninger ved \d+ tilbud/);
    expect(item.recommendations.map((r) => r.text)).toEqual(['DAS godkender takstbilaget for 2022']);
    expect(item.attachments).toHaveLength(1);
    expect(item.attachments[0]).toMatchObject({ title: 'Takstbilag 2022', fileName: 'Takstbilag 2022.pdf' });
    const bytes = readFileSync(backend.files!.pathOf(item.attachments[0]!.sha256!));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // What was printed is the takstbilag of the year, every offer in it.
    expect(printed.at(-1)).toContain('<h1>Takstbilag 2022</h1>');
    expect(printed.at(-1)).toContain('Neurocenter Østerskoven');
    expect(await backend.database.db.selectFrom('tariff_annexes').select(['year', 'item_id']).execute()).toEqual([{ year: 2022, item_id: itemId }]);

    const again = await refusalOf(backend, 'tariffAnnex.putOnAgenda', { year: 2022, meetingId: DAS_NEXT_MEETING_ID });
    expect(again?.message).toMatch(/Takstbilaget for 2022 står allerede på dagsordenen til dette møde som punkt \d+/);
  });

  it('refuses a year without sheets and a meeting that is not DAS, in Danish', async () => {
    expect((await refusalOf(backend, 'tariffAnnex.putOnAgenda', { year: 2030, meetingId: DAS_NEXT_MEETING_ID }))?.message).toBe(
      'Der er ingen takstberegningsskemaer for 2030, så der er intet takstbilag. Indlæs eller opret skemaerne for 2030 først.',
    );
    expect((await refusalOf(backend, 'tariffAnnex.putOnAgenda', { year: 2022, meetingId: PSU_MEETING_ID }))?.message).toMatch(/Takstbilaget godkendes af DAS; mødet er et PSU-møde/);
  });

  it('approves and locks the year\'s submitted sheets when the decision approves the item, in the decision\'s own write; a draft stays a draft', async () => {
    const draftOffer = await addOffer(backend.database.db, 'Rebild Kommune', { name: 'Nyt tilbud under udarbejdelse' });
    const draft = await addSheet(backend.database.db, draftOffer, 2022, simpleSheetContent(5_000_000, 10, 0.95), 'draft');
    const { itemId } = await jobResult(backend, 'tariffAnnex.putOnAgenda', { year: 2022, meetingId: DAS_NEXT_MEETING_ID }, 'agendaItem');
    expect((await sheetsOf2022()).filter((s) => s.status === 'approved')).toEqual([]);

    // «Udsat» approves nothing.
    const postponed = await call(backend, 'decisions.save', { itemId, revision: null, text: '<p>Punktet udsættes.</p>', outcome: 'udsat' });
    expect((await sheetsOf2022()).filter((s) => s.status === 'approved')).toEqual([]);

    await call(backend, 'decisions.save', { itemId, revision: postponed.revision, text: '<p>Takstbilaget godkendes.</p>', outcome: 'godkendt' });
    const sheets = await sheetsOf2022();
    const approved = sheets.filter((s) => s.id !== draft);
    expect(approved).toHaveLength(8);
    for (const sheet of approved) expect(sheet).toMatchObject({ status: 'approved', approved_item_id: itemId, approved_at: expect.stringMatching(/^2021-08-23T/) });
    expect(sheets.find((s) => s.id === draft)).toMatchObject({ status: 'draft', approved_item_id: null });
    const history = await call(backend, 'agenda.history', { id: itemId });
    expect(history.find((h) => h.entity === 'takstbilag')?.changes.takstberegningsskemaer).toEqual({ before: '8 indsendt for 2022', after: '8 godkendt og låst' });
  });

  it('leaves the sheets approved when the decision is changed afterwards, and says so in the item\'s history', async () => {
    const { itemId } = await jobResult(backend, 'tariffAnnex.putOnAgenda', { year: 2022, meetingId: DAS_NEXT_MEETING_ID }, 'agendaItem');
    const decision = await call(backend, 'decisions.save', { itemId, revision: null, text: '<p>Godkendt.</p>', outcome: 'godkendt' });
    await call(backend, 'decisions.save', { itemId, revision: decision.revision, text: '<p>Ikke godkendt.</p>', outcome: 'ikke_godkendt' });
    expect((await sheetsOf2022()).every((s) => s.status === 'approved' && s.approved_item_id === itemId)).toBe(true);
    const history = await call(backend, 'agenda.history', { id: itemId });
    const notes = history.filter((h) => h.entity === 'takstbilag').map((h) => h.changes.takstberegningsskemaer?.after);
    expect(notes).toContain('Beslutningen er ændret, men de 8 skemaer for 2022 forbliver godkendt og låst. Et skema åbnes kun igen som en ny version, som FU godkender.');
  });

  it('exports the workbook with typed figures, a frozen and repeated header, one page wide', async () => {
    const made = await call(backend, 'tariffAnnex.export', { year: 2022, format: 'xlsx' });
    expect(made.fileName).toBe('Takstbilag 2022.xlsx');
    expect(made.summary).toMatchObject({ year: 2022, offers: 8, operators: 5 });
    const file = await backend.exports.find(made.exportId, made.fileName);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file!.path);
    expect(book.title).toBe('Takstbilag 2022');
    const sheet = book.getWorksheet('Takstbilag 2022')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape', printTitlesRow: '1:1' });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual(['Driftsherre', 'Tilbud', 'Lovgrundlag', 'Enhed', 'Pladser', 'Belægning', 'Takst 2022 (kr.)', 'Takst 2021 (kr.)', 'Ændring (kr.)', 'Ændring (%)']);
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(2).value === 'Neurocenter Østerskoven')!;
    expect(row.getCell(1).value).toBe('Region Nordjylland');
    expect(typeof row.getCell(7).value).toBe('number');
    expect(row.getCell(6).value).toBe(0.91);
    expect(row.getCell(6).numFmt).toBe('0.0%');
    expect(typeof row.getCell(10).value).toBe('number');
  });
});

describe('takstbilag on the command line', () => {
  it('exits 2 with a Danish message on an unknown extension, a missing year and a year without sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-takstbilag-cli-'));
    const cli = async (...args: string[]) => {
      const err: string[] = [];
      const code = await runCli(args, { out: () => undefined, err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
      return { code, err: err.join('\n') };
    };
    expect(await cli('takstbilag', '--year', '2022', '--out', join(dir, 'bilag.docx'))).toEqual({ code: 2, err: 'Fejl: Ukendt filtype: «.docx». Takstbilaget gemmes som .pdf eller .xlsx.' });
    expect(await cli('takstbilag', '--out', join(dir, 'bilag.xlsx'))).toEqual({ code: 2, err: 'Fejl: takstbilag kræver --year ÅR, fx --year 2022.' });
    expect(await cli('takstbilag', '--year', '2030', '--out', join(dir, 'bilag.xlsx'))).toEqual({
      code: 2,
      err: 'Fejl: Der er ingen takstberegningsskemaer for 2030, så der er intet takstbilag. Indlæs eller opret skemaerne for 2030 først.',
    });
  });
});
