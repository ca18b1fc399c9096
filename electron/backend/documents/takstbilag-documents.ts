import type { DocumentExport } from '../../../shared/domain/documents';
import { renderTakstbilag, takstbilagFileName } from '../../../shared/documents/takstbilag';
import { toKroner } from '../../../shared/logic/tariff/money';
import { takstbilagRows, type Takstbilag } from '../../../shared/logic/tariff/takstbilag';
import { xlsxText } from '../spreadsheets/register-xlsx';
import { DATE_TIME, describeWorkbook, excelLocalTime, printOnA4, wrappedRowHeight } from '../spreadsheets/workbook';
import type { ExportStore } from './export-store';
import { PDF_CREATOR } from './pdf-finish';
import { loadPdf, printDocument } from './print-session';
import type { PdfPrinter } from './printer';

const INSTEAD = 'Hent takstbilaget som regneark i stedet';

/** The annex printed by Chromium, with its properties set (title, subject, language), and its page count. */
export async function printTakstbilag(annex: Takstbilag, printer: PdfPrinter | null, now: Date): Promise<{ bytes: Uint8Array; pages: number }> {
  const { bytes } = await printDocument(printer, renderTakstbilag(annex, now.toISOString().slice(0, 10)), INSTEAD);
  const doc = await loadPdf(bytes);
  doc.setTitle(`Takstbilag ${annex.year}`, { showInWindowTitleBar: true });
  doc.setSubject(`Takster for ${annex.year} efter driftsherre og lovgrundlag – Nordjysk Socialaftale`);
  doc.setAuthor(PDF_CREATOR);
  doc.setCreator(PDF_CREATOR);
  doc.setLanguage('da-DK');
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

/** The annex as .pdf or .xlsx in the export store (downloaded in the window, copied to --out by the CLI). */
export async function exportTakstbilag(annex: Takstbilag, format: 'pdf' | 'xlsx', deps: { printer: PdfPrinter | null; store: ExportStore; now: Date }): Promise<DocumentExport> {
  const fileName = takstbilagFileName(annex.year, format);
  if (format === 'xlsx') return deps.store.saveFile(fileName, await takstbilagWorkbook(annex, deps.now));
  const { bytes, pages } = await printTakstbilag(annex, deps.printer, deps.now);
  return { ...(await deps.store.saveFile(fileName, bytes)), pages };
}

const KRONER = '#,##0.00';
const SIGNED_KRONER = '+#,##0.00;-#,##0.00;0.00';
const PERCENT = '0.0%';
const SIGNED_PERCENT = '+0.0%;-0.0%;0.0%';
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE9ECEF' } };

/**
 * One row per offer with typed numbers (tariffs in kroner, shares as percent), the header frozen and repeated on
 * every printed page, and the checks' sentences in the last column; «Om takstbilaget» holds the totals and notes.
 */
export async function takstbilagWorkbook(annex: Takstbilag, now: Date): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  describeWorkbook(book, { title: `Takstbilag ${annex.year}`, subject: `Takster for ${annex.year} efter driftsherre og lovgrundlag`, now });

  const sheet = book.addWorksheet(`Takstbilag ${annex.year}`, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    { header: 'Driftsherre', width: 22 },
    { header: 'Tilbud', width: 32 },
    { header: 'Lovgrundlag', width: 30 },
    { header: 'Enhed', width: 12 },
    // General: 24 and 4,5 as they are (a format with optional decimals leaves «24,» in Excel).
    { header: 'Pladser', width: 9 },
    { header: 'Belægning', width: 11, style: { numFmt: PERCENT } },
    { header: `Takst ${annex.year} (kr.)`, width: 14, style: { numFmt: KRONER } },
    { header: `Takst ${annex.year - 1} (kr.)`, width: 14, style: { numFmt: KRONER } },
    { header: 'Ændring (kr.)', width: 13, style: { numFmt: SIGNED_KRONER } },
    { header: 'Ændring (%)', width: 11, style: { numFmt: SIGNED_PERCENT } },
    { header: 'Takstgrundlag (kr.)', width: 16, style: { numFmt: KRONER } },
    { header: 'Status', width: 12 },
    { header: 'Bemærkninger', width: 60 },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const { operator, group, row } of takstbilagRows(annex)) {
    const flags = xlsxText(row.flags.map((f) => `${f.short}: ${f.message}`).join('\n'));
    const added = sheet.addRow([
      xlsxText(operator.operatorName),
      xlsxText(row.offerName),
      xlsxText(group.label),
      row.unitLabel,
      row.places,
      row.occupancy,
      toKroner(row.tariff),
      row.previousTariff === null ? null : toKroner(row.previousTariff),
      row.change === null ? null : toKroner(row.change),
      row.changeShare,
      toKroner(row.tariffBasis),
      row.version > 1 ? `${row.statusLabel} (v${row.version})` : row.statusLabel,
      flags,
    ]);
    added.getCell(13).alignment = { wrapText: true, vertical: 'top' };
    const height = wrappedRowHeight([{ text: flags, width: 60 }]);
    if (height !== null) added.height = height;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  printOnA4(sheet, { headerRow: true });

  const about = book.addWorksheet('Om takstbilaget');
  about.columns = [{ width: 34 }, { width: 22 }, { width: 10 }, { width: 20 }, { width: 14 }, { width: 14 }];
  about.addRow([`Takstbilag ${annex.year}`]).font = { bold: true, size: 14 };
  const fact = (label: string, value: string | number | Date | null, numFmt?: string) => {
    const added = about.addRow([label, value]);
    added.getCell(1).font = { bold: true };
    added.getCell(2).alignment = { horizontal: 'left' };
    if (numFmt) added.getCell(2).numFmt = numFmt;
  };
  fact('Dannet', excelLocalTime(now), DATE_TIME);
  fact('Tilbud', annex.totals.offers);
  fact('Driftsherrer', annex.totals.operators);
  fact('Pladser', annex.totals.places);
  fact('Takstgrundlag i alt (kr.)', toKroner(annex.totals.tariffBasis), KRONER);
  fact(`Gennemsnitlig ændring fra ${annex.year - 1}`, annex.totals.averageChangeShare, SIGNED_PERCENT);
  fact('Bemærkninger fra kontrollen', annex.totals.flags);
  for (const note of annex.notes) fact('Regelsæt', xlsxText(note));
  about.addRow([]);
  const head = about.addRow(['Driftsherre', 'Tilbud', 'Pladser', 'Takstgrundlag (kr.)', 'Bemærkninger', 'Gns. ændring']);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const operator of annex.operators) {
    const t = operator.totals;
    const added = about.addRow([xlsxText(operator.operatorName), t.offers, t.places, toKroner(t.tariffBasis), t.flags, t.averageChangeShare]);
    added.getCell(4).numFmt = KRONER;
    added.getCell(6).numFmt = SIGNED_PERCENT;
  }
  printOnA4(about, { headerRow: false });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
