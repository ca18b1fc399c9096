/**
 * A sheet as both spreadsheet writers take it: typed columns and rows of plain values. The .xlsx writer
 * (register-xlsx.ts) and the CSV writer (register-csv.ts) lay out the same table, so the two files never disagree.
 */

/** A calendar day as ISO `YYYY-MM-DD`: a real date in Excel, dd-mm-åååå in CSV. */
export interface DateCell {
  date: string;
}

export type CellValue = string | number | DateCell | null;

export interface TableColumn {
  header: string;
  /** Excel column width in characters. */
  width: number;
  /** `long` text wraps in Excel; `date` cells are {@link DateCell}s. */
  kind: 'text' | 'long' | 'number' | 'date';
}

export interface Table {
  /** The worksheet's name (at most 31 characters, none of : \ / ? * [ ]). */
  sheetName: string;
  /** The workbook's title. */
  title: string;
  /** The workbook's subject: what the rows are, for the file's properties. */
  subject: string;
  columns: TableColumn[];
  rows: CellValue[][];
  /** What was exported: filters and how many rows; a sheet of its own in the workbook (with when), left out of CSV. */
  about: [string, string | number][];
}

export const isDateCell = (value: CellValue): value is DateCell => typeof value === 'object' && value !== null;

/** An ISO date as a cell; null stays an empty cell. */
export const dateCell = (iso: string | null | undefined): DateCell | null => (iso ? { date: iso.slice(0, 10) } : null);
