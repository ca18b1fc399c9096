import { isDateCell, type CellValue, type Table } from './register-table';
import { DATE_TIME, describeWorkbook, excelLocalTime, printOnA4, wrappedRowHeight } from './workbook';

/** Shown as 27-05-2021 (dd-mm-åååå in a Danish Excel's format dialog). */
const DATE = 'dd-mm-yyyy';
/** Excel refuses a cell of more text than this; longer text is cut with a note. */
const MAX_CELL_TEXT = 32_767;
const CUT_NOTE = ' … [afkortet – se hele teksten i Sekretariat]';
/** Characters XML 1.0 cannot hold (a workbook with them will not open) and unpaired surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as Excel can store it: only characters XML allows, within Excel's limit. */
export function xlsxText(text: string): string {
  const clean = text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
  return clean.length <= MAX_CELL_TEXT ? clean : clean.slice(0, MAX_CELL_TEXT - CUT_NOTE.length) + CUT_NOTE;
}

/**
 * A cell value for exceljs. Text is always given as a plain string, which exceljs stores as a string – never as a
 * formula, whatever it starts with (a formula needs an object with `formula`, which is never made here).
 * Dates become real Excel dates: midnight UTC of the day, which exceljs writes as that day's serial number.
 */
function cellValue(value: CellValue): string | number | Date | null {
  if (value === null || typeof value === 'number') return value;
  if (isDateCell(value)) {
    const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return xlsxText(value);
}

/**
 * The table as a workbook: a header row in bold, frozen, with an autofilter and repeated on every printed page; widths
 * to suit the columns; long text wrapped in rows tall enough for it; dates as real dates; printed one page wide; and a
 * second sheet saying what was exported and when.
 */
export async function tableWorkbook(table: Table, now: Date): Promise<Uint8Array> {
  // Loaded when used (as in scenario-xlsx.ts): the host starts faster without the large library.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  describeWorkbook(book, { title: table.title, subject: table.subject, now });

  const sheet = book.addWorksheet(table.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
  for (const row of table.rows) {
    const values = row.map(cellValue);
    const added = sheet.addRow(values);
    table.columns.forEach((column, i) => {
      const cell = added.getCell(i + 1);
      if (column.kind === 'date') cell.numFmt = DATE;
      cell.alignment = column.kind === 'long' ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    });
    // LibreOffice keeps the default height of a row with wrapped text, so its lines would overlap the next row's.
    const height = wrappedRowHeight(table.columns.flatMap((column, i) => (column.kind === 'long' && typeof values[i] === 'string' ? [{ text: values[i], width: column.width }] : [])));
    if (height !== null) added.height = height;
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  printOnA4(sheet, { headerRow: true });

  const about = book.addWorksheet('Udtræk');
  about.columns = [{ width: 18 }, { width: 48 }];
  const extracted = about.addRow(['Udtrukket', excelLocalTime(now)]);
  extracted.getCell(2).numFmt = DATE_TIME;
  extracted.getCell(2).alignment = { horizontal: 'left' };
  for (const [label, value] of table.about) about.addRow([label, typeof value === 'string' ? xlsxText(value) : value]);
  about.eachRow((row) => (row.getCell(1).font = { bold: true }));
  printOnA4(about, { headerRow: false });

  return new Uint8Array(await book.xlsx.writeBuffer());
}
