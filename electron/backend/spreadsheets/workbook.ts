import type { Workbook, Worksheet } from 'exceljs';

/**
 * What every workbook of the app shares: its properties, how its sheets print, and row heights for wrapped text.
 * Excel and LibreOffice both honour these; neither grows a row that has a height of its own.
 */

export const APP_NAME = 'Sekretariat';
/** Shown as 07-12-2026 14:53 (a Danish Excel offers it as dd-mm-åååå tt:mm). */
export const DATE_TIME = 'dd-mm-yyyy hh:mm';

/** Who and when, so the file's properties do not say «Unknown» or 1970. */
export function describeWorkbook(book: Workbook, about: { title: string; subject: string; now: Date }): void {
  book.creator = APP_NAME;
  book.lastModifiedBy = APP_NAME;
  book.title = about.title;
  book.subject = about.subject;
  book.created = about.now;
  book.modified = about.now;
}

/**
 * The wall-clock time of `now` as Excel stores it: Excel dates have no time zone, and exceljs writes a Date's UTC
 * fields, so the local fields are given as UTC (the time the user saw on the screen, as formatTimestamp shows it).
 */
export const excelLocalTime = (now: Date) =>
  new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes()));

/** Wider than this (in characters) prints across the page; A4 portrait holds about 90 at 100 %. */
const PORTRAIT_WIDTH = 95;

/**
 * A4, as many pages tall as needed but one page wide (exceljs writes fitToWidth only when fitToPage is on), landscape
 * when the columns are wide, and the header row repeated on every page.
 */
export function printOnA4(sheet: Worksheet, options: { headerRow: boolean }): void {
  const width = sheet.columns.reduce((sum, column) => sum + (column.width ?? 9), 0);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: width > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (options.headerRow) sheet.pageSetup.printTitlesRow = '1:1';
  sheet.headerFooter.oddFooter = '&L&A&RSide &P af &N';
}

/** Points per line of the default 11 pt font, as Excel's default row height. */
const LINE_HEIGHT = 15;
/** Excel's highest row. */
const MAX_ROW_HEIGHT = 409;

/**
 * How many lines a text takes in a column `width` characters wide, wrapped at spaces as Excel does. A column's width
 * counts digits of the default font; text averages about as wide, so one character is kept spare for the padding.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) used = needed;
      else if (used === 0) {
        // A word longer than the line breaks inside it.
        lines += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
      } else {
        lines += Math.ceil(word.length / perLine);
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

/** A row's height for its tallest wrapped cell; null when one line does. */
export function wrappedRowHeight(cells: readonly { text: string; width: number }[]): number | null {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
  return lines === 1 ? null : Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}
