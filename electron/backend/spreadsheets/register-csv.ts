import { isDateCell, type CellValue, type Table } from './register-table';

/** Danish Excel opens a CSV file by double-click when it is separated by semicolons and starts with a UTF-8 BOM. */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const LINE_END = '\r\n';

/**
 * Text Excel would read as a formula (= + - @) or that starts with a tab or carriage return gets an apostrophe in
 * front, as OWASP recommends against CSV injection: a title like "=HYPERLINK(…)" stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** "27-05-2021" */
export const csvDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** One field: quoted (with quotes doubled) when it holds a separator, a quote or a line break. */
export function csvField(value: CellValue): string {
  let text: string;
  if (value === null) text = '';
  else if (typeof value === 'number') text = String(value).replace('.', ',');
  else if (isDateCell(value)) text = csvDate(value.date);
  else {
    text = (FORMULA_START.test(value) ? `'${value}` : value).replace(/\r\n?/g, '\n');
  }
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as a CSV file: semicolon-separated, UTF-8 with BOM, CRLF between rows, a header row first. */
export function tableCsv(table: Table): Uint8Array {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => row.map(csvField))].map((fields) => fields.join(CSV_SEPARATOR));
  return new Uint8Array(Buffer.from(BOM + lines.join(LINE_END) + LINE_END, 'utf8'));
}
