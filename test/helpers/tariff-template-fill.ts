import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { tariffTemplate } from '../../electron/backend/services/tariff-import';
import { HEADER_ROW } from '../../electron/backend/spreadsheets/tariff-template-columns';

/**
 * An operator's template as the operator would fill it: written by the app, then opened with exceljs, cells set by
 * their header text (as a person finds them), and saved under the operator's own file name.
 */
export interface FilledTemplate {
  book: ExcelJS.Workbook;
  /** Sets the cell of `header` in the row of the offer named `offer` on `sheet` (its `nth` row on «Takstniveauer»). */
  set(sheet: string, offer: string, header: string, value: ExcelJS.CellValue, nth?: number): void;
  /** The cell's address (F7) for messages. */
  address(sheet: string, offer: string, header: string, nth?: number): string;
  /** The cell's value as the app wrote it. */
  get(sheet: string, offer: string, header: string, nth?: number): ExcelJS.CellValue;
  save(dir: string, fileName: string): Promise<{ path: string; fileName: string }>;
}

export async function templateToFill(db: Kysely<DB>, operator: string, year: number): Promise<FilledTemplate> {
  const { bytes } = await tariffTemplate(db, operator, year, new Date(Date.UTC(2026, 9, 1)));
  return fillable(bytes);
}

/** A template's bytes (written by the app, or downloaded from the window) opened to be filled in. */
export async function fillable(bytes: Uint8Array): Promise<FilledTemplate> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = (sheetName: string, offer: string, header: string, nth = 0) => {
    const sheet = book.getWorksheet(sheetName)!;
    const headers = sheet.getRow(HEADER_ROW).values as unknown[];
    const column = headers.indexOf(header);
    const name = headers.indexOf('Tilbud');
    if (column < 0) throw new Error(`Ingen kolonne «${header}»`);
    const rows = [];
    for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(name).value === offer) rows.push(sheet.getRow(r));
    if (!rows[nth]) throw new Error(`Intet tilbud «${offer}» (række nr. ${nth + 1})`);
    return rows[nth].getCell(column);
  };
  return {
    book,
    set: (sheet, offer, header, value, nth) => {
      cell(sheet, offer, header, nth).value = value;
    },
    address: (sheet, offer, header, nth) => cell(sheet, offer, header, nth).address,
    get: (sheet, offer, header, nth) => cell(sheet, offer, header, nth).value,
    async save(dir, fileName) {
      const path = join(dir, fileName);
      await writeFile(path, Buffer.from(await book.xlsx.writeBuffer()));
      return { path, fileName };
    },
  };
}
