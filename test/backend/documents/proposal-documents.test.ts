import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportStore } from '../../../electron/backend/documents/export-store';
import type { PdfPrinter } from '../../../electron/backend/documents/printer';
import { exportMunicipalityFigures, printProposalAnnexes } from '../../../electron/backend/documents/proposal-documents';
import { AppError } from '../../../electron/backend/errors';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';
import type { MunicipalityFiguresInput } from '../../../shared/documents/municipality-figures';
import { renderProposalAnnexes } from '../../../shared/documents/proposal-annexes';
import { nt1AnnexInput, nt1Economy } from '../../helpers/proposal-fixture';

/*
 * A proposal's documents as files: the annexes printed by Chromium (read back with pdftotext), and one municipality's
 * figures as PDF and as a workbook (read back with exceljs: numbers, not text, and sums that add up).
 */

/** Where the printed pages are kept as PNG for a person to look at (git-ignored). */
const PNG_DIR = join(__dirname, '..', '..', '..', '.tmp', 'proposal-documents');

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-proposal-documents-'));
const store = new ExportStore(join(dir, 'exports'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** pdftotext -layout spaces columns out: one space between words is enough to compare a row. */
const squeeze = (text: string) => text.replace(/[ \t\u00a0]+/g, ' ');
const storeEntries = () => (existsSync(store.dir) ? readdirSync(store.dir) : []);

function figuresInput(municipality = 'Aalborg Kommune'): MunicipalityFiguresInput {
  const scenario = nt1Economy(2, 2).economy.scenarios[1]!;
  return {
    code: 'NT-1',
    title: 'Nyt botilbud til unge med svær selvskadende adfærd',
    versionNumber: 2,
    scenario,
    municipality: scenario.perMunicipality.find((m) => m.organisationName === municipality)!,
    keyLabel: 'Befolkningstal pr. 2. kvartal 2021',
    regionShare: 0.25,
    madeOn: '2021-08-23',
    agreementYear: 2022,
  };
}

describe('printing the annexes of a proposal', () => {
  it('says in Danish that no PDF can be made without Chromium', async () => {
    const annexes = renderProposalAnnexes(nt1AnnexInput(1));
    const error = await printProposalAnnexes(annexes, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toContain('PDF kan ikke dannes her, fordi Chromium mangler');
  });

  it('prints nothing, and starts no Chromium, for no annexes', async () => {
    let started = 0;
    const printer: PdfPrinter = async () => {
      started += 1;
      return { print: async () => new Uint8Array(), close: async () => undefined };
    };
    expect(await printProposalAnnexes([], printer)).toEqual([]);
    expect(started).toBe(0);
  });

  it('uses one session for all the annexes and closes it, also when a print fails', async () => {
    let started = 0;
    let closed = 0;
    let printed = 0;
    const printer: PdfPrinter = async () => {
      started += 1;
      return {
        print: async () => {
          printed += 1;
          if (printed === 2) throw new Error('Chromium crashed');
          return new Uint8Array([37, 80, 68, 70]);
        },
        close: async () => {
          closed += 1;
        },
      };
    };
    await expect(printProposalAnnexes(renderProposalAnnexes(nt1AnnexInput(1)), printer)).rejects.toThrow('Chromium crashed');
    expect({ started, printed, closed }).toEqual({ started: 1, printed: 2, closed: 1 });
  });

  const printer = chromiumPrinter();
  it.skipIf(!printer)(
    'prints every annex of NT-1 v1 as its own PDF with the figures a reader checks',
    async () => {
      const printed = await printProposalAnnexes(renderProposalAnnexes({ ...nt1AnnexInput(1, 1), madeOn: '2021-05-27' }), printer);
      expect(printed.map((p) => p.key)).toEqual(['budget', 'scenarier', 'fordeling', 'hoeringssvar']);
      expect(printed.map((p) => p.fileName)).toEqual([
        'Bilag – NT-1 v1 – Budget ved fuld drift.pdf',
        'Bilag – NT-1 v1 – Opstartsscenarier.pdf',
        'Bilag – NT-1 v1 – Fordeling pr. kommune.pdf',
        'Bilag – NT-1 v1 – Høringssvar.pdf',
      ]);
      expect(storeEntries()).toEqual([]);
      mkdirSync(PNG_DIR, { recursive: true });
      const texts: Record<string, string> = {};
      const pages: Record<string, number> = {};
      for (const p of printed) {
        expect(Buffer.from(p.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
        const file = join(dir, p.fileName);
        writeFileSync(file, p.bytes);
        pages[p.key] = pageCount(file);
        texts[p.key] = squeeze(pdfText(file));
        execFileSync('pdftoppm', ['-r', '60', '-png', file, join(PNG_DIR, `v1-${p.key}`)]);
      }
      // Each fits one numbered page (the budget's blocks were made compact to keep the levels beside the lines).
      expect(pages).toEqual({ budget: 1, scenarier: 1, fordeling: 1, hoeringssvar: 1 });
      for (const p of printed) {
        const text = texts[p.key]!;
        expect(text).toContain(`${p.title} · 27. maj 2021`);
        expect(text).toContain(`Side 1 af ${pages[p.key]}`);
        expect(text).toContain('NT-1 v1: Nyt botilbud til unge med svær selvskadende adfærd');
      }
      expect(texts.budget).toContain('Beregnet af Sekretariat ud fra takstreglerne');
      expect(texts.budget).toContain('Sum af linjerne (beregnet) 23.730.000 kr.');
      expect(texts.budget).toContain('Driftsudgifter i alt (angivet) 22.900.000 kr.');
      expect(texts.budget).toContain('Forskel (linjerne − angivet) +830.000 kr.');
      expect(texts.budget).toContain('23.389.200 kr.');
      expect(texts.budget).toContain('Fællesudgifter vedr. Specialsektoren');
      expect(texts.scenarier).toContain('I alt 4.400.000 8.000.000 10.000.000');
      expect(texts.scenarier).toContain('valgt');
      expect(texts.fordeling).toMatch(/Aalborg Kommune 219\.573 37,20 % 1\.636\.600 2\.975\.637 3\.719\.546/);
      expect(texts.fordeling).toMatch(/I alt 590\.322 100,00 % 4\.400\.000 8\.000\.000 10\.000\.000/);
      expect(texts.hoeringssvar).toContain('Høringsperiode 29.04.2021 – 07.05.2021');
      expect(texts.hoeringssvar).toContain('Støtter med bemærkninger');
      expect(texts.hoeringssvar).toMatch(/Har ikke svaret: Brønderslev Kommune, Frederikshavn Kommune/);
    },
    120_000,
  );

  it.skipIf(!printer)(
    'prints the annexes of NT-1 v2 with the Region beside the municipalities',
    async () => {
      const printed = await printProposalAnnexes(renderProposalAnnexes({ ...nt1AnnexInput(2, 2), madeOn: '2021-08-23' }), printer);
      expect(printed.map((p) => p.key)).toEqual(['budget', 'scenarier', 'fordeling']);
      const fordeling = printed.find((p) => p.key === 'fordeling')!;
      const file = join(dir, 'v2-fordeling.pdf');
      writeFileSync(file, fordeling.bytes);
      const text = squeeze(pdfText(file));
      expect(text).toMatch(/Kommunerne i alt 590\.322 100,00 % 4\.275\.000 5\.347\.500 5\.572\.500/);
      expect(text).toMatch(/Regionen \(25 %\) 1\.425\.000 1\.782\.500 1\.857\.500/);
      mkdirSync(PNG_DIR, { recursive: true });
      for (const p of printed) {
        const path = join(dir, `v2-${p.key}.pdf`);
        writeFileSync(path, p.bytes);
        execFileSync('pdftoppm', ['-r', '60', '-png', path, join(PNG_DIR, `v2-${p.key}`)]);
      }
    },
    120_000,
  );
});

describe('one municipality’s figures as a file', () => {
  it('is a workbook of real numbers whose sums add up, with the whole table beside it', async () => {
    const input = figuresInput();
    const made = await exportMunicipalityFigures(input, 'xlsx', { printer: null, store });
    expect(made.fileName).toBe('NT-1 v2 – Aalborg Kommune – scenarie 2.xlsx');
    expect(made.pages).toBeNull();
    const file = await store.find(made.exportId, made.fileName);
    expect(file?.size).toBe(made.bytes);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file!.path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Betaling', 'Alle kommuner']);

    const sheet = book.getWorksheet('Betaling')!;
    expect(sheet.getCell('A1').value).toBe('Aalborg Kommune');
    const fact = (label: string) => {
      let value: ExcelJS.CellValue = null;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(fact('Forslag')).toBe('NT-1 – Nyt botilbud til unge med svær selvskadende adfærd');
    expect(fact('Version')).toBe(2);
    expect(fact('Scenarie')).toBe('NT-1 v2 – scenarie 2 (fastfrosset version 1)');
    expect(fact('Fordelingsnøgle')).toBe('Befolkningstal pr. 2. kvartal 2021');
    expect(fact('Kommunens vægt')).toBe(219_573);
    expect(fact('Andel af kommunernes del')).toBeCloseTo(219_573 / 590_322, 12);
    expect(fact('Regionens andel')).toBe(0.25);

    // The table: a heading row, one row per year, and the total as a formula with its value cached.
    let header = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === 'År') header = n;
    });
    expect(header).toBeGreaterThan(0);
    expect(sheet.getRow(header).getCell(2).value).toBe('Beløb (kr.)');
    const years = [1, 2, 3, 4].map((i) => sheet.getRow(header + i));
    expect(years.map((r) => r.getCell(1).value)).toEqual(['Opstart 2023', 'Driftsår 1 (2024)', 'Driftsår 2 (2025)', 'Driftsår 3 (2026)']);
    const amounts = years.map((r) => r.getCell(2).value);
    for (const a of amounts) expect(typeof a).toBe('number');
    expect(amounts).toEqual([530_035, 1_060_071, 398_921, 0]);
    expect(years.map((r) => r.getCell(5).value)).toEqual([1_900_000, 3_800_000, 1_430_000, 0]);
    for (const r of years) expect(r.getCell(2).numFmt).toBe('#,##0');
    const total = sheet.getRow(header + 5);
    expect(total.getCell(1).value).toBe('I alt');
    expect(total.getCell(2).value).toEqual({ formula: `SUM(B${header + 1}:B${header + 4})`, result: 1_989_027 });
    expect((amounts as number[]).reduce((a, b) => a + b, 0)).toBe(1_989_027);
    expect(total.getCell(3).value).toMatchObject({ result: 5_347_500 });
    expect(total.getCell(4).value).toMatchObject({ result: 1_782_500 });
    expect(total.getCell(5).value).toMatchObject({ result: 7_130_000 });
    expect(total.getCell(2).numFmt).toBe('#,##0');
    // The header block and the table's heading stay frozen.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });

    const all = book.getWorksheet('Alle kommuner')!;
    expect(all.getRow(1).values).toEqual([undefined, 'Kommune', 'Vægt', 'Andel', 'Opstart 2023', 'Driftsår 1 (2024)', 'Driftsår 2 (2025)', 'Driftsår 3 (2026)', 'I alt']);
    const municipalityRows = Array.from({ length: 11 }, (_, i) => all.getRow(i + 2));
    const totals = municipalityRows.map((r) => (r.getCell(8).value as { result: number }).result);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(5_347_500);
    for (const r of municipalityRows) {
      const parts = [4, 5, 6, 7].map((c) => r.getCell(c).value as number);
      for (const p of parts) expect(typeof p).toBe('number');
      expect(parts.reduce((a, b) => a + b, 0)).toBe((r.getCell(8).value as { result: number }).result);
    }
    const aalborg = municipalityRows.find((r) => r.getCell(1).value === 'Aalborg Kommune')!;
    expect(aalborg.getCell(2).value).toBe(219_573);
    expect(aalborg.getCell(8).value).toMatchObject({ formula: `SUM(D${aalborg.number}:G${aalborg.number})`, result: 1_989_027 });
    const sum = all.getRow(13);
    expect(sum.getCell(1).value).toBe('Kommunerne i alt');
    expect(sum.getCell(2).value).toMatchObject({ result: 590_322 });
    expect(sum.getCell(8).value).toMatchObject({ formula: 'SUM(H2:H12)', result: 5_347_500 });
    expect(all.getRow(14).getCell(1).value).toBe('Regionen (25\u00a0%)');
    expect(all.getRow(14).getCell(8).value).toBe(1_782_500);
    expect(all.getRow(15).getCell(8).value).toBe(7_130_000);
    expect(all.getColumn(8).numFmt).toBe('#,##0');
    expect(all.getColumn(3).numFmt).toBe('0.00%');
  });

  it('leaves nothing in the store when no PDF can be made', async () => {
    const before = storeEntries();
    const error = await exportMunicipalityFigures(figuresInput(), 'pdf', { printer: null, store }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('Hent tallene som regneark i stedet');
    const failing: PdfPrinter = async () => ({
      print: async () => {
        throw new Error('Chromium crashed');
      },
      close: async () => undefined,
    });
    await expect(exportMunicipalityFigures(figuresInput(), 'pdf', { printer: failing, store })).rejects.toThrow('Chromium crashed');
    expect(storeEntries()).toEqual(before);
  });

  const printer = chromiumPrinter();
  it.skipIf(!printer)(
    'is one printed page with the payment per year, the key and the basis',
    async () => {
      const made = await exportMunicipalityFigures(figuresInput(), 'pdf', { printer, store });
      expect(made.fileName).toBe('NT-1 v2 – Aalborg Kommune – scenarie 2.pdf');
      const path = (await store.find(made.exportId, made.fileName))!.path;
      expect(pageCount(path)).toBe(1);
      expect(made.pages).toBe(1);
      const text = squeeze(pdfText(path));
      expect(text).toContain('Side 1 af 1');
      expect(text).toContain('Aalborg Kommune betaler i alt 1.989.027 kr.');
      expect(text).toContain('Opstart 2023 530.035 1.425.000 475.000 1.900.000');
      expect(text).toContain('Driftsår 1 (2024) 1.060.071 2.850.000 950.000 3.800.000');
      expect(text).toContain('I alt 1.989.027 5.347.500 1.782.500 7.130.000');
      expect(text).toContain('37,20 %');
      expect(text).toContain('Fordelt efter befolkningstal pr. 2. kvartal 2021.');
      expect(text).toContain('Beregnet efter Styringsaftalen for Nordjysk Socialaftale 2022');
      expect(text).toContain('største brøkdels metode');
      mkdirSync(PNG_DIR, { recursive: true });
      execFileSync('pdftoppm', ['-r', '60', '-png', path, join(PNG_DIR, 'kommune-aalborg')]);

      // Læsø, the smallest: the same page.
      const laeso = await exportMunicipalityFigures(figuresInput('Læsø Kommune'), 'pdf', { printer, store });
      expect(laeso.fileName).toBe('NT-1 v2 – Læsø Kommune – scenarie 2.pdf');
      expect(laeso.pages).toBe(1);
    },
    120_000,
  );
});
