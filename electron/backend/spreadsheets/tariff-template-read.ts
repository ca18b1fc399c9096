import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { OCCUPANCY_METHOD_LABELS, OccupancyMethod } from '../../../shared/domain/tariff-year';
import { HEADER_ROW, normalHeader, OPERATOR_LABEL, type TemplateColumn } from './tariff-template-columns';

/**
 * Reads one table of a filled operator template back, cell by cell, into typed values. Every problem is collected
 * (not just the first) as a Danish sentence naming file, sheet, row and cell; matching the rows to offers is the
 * import's (services/tariff-import.ts).
 */

export type ReadValue = string | number | null;

export interface ReadRow {
  row: number;
  id: string | null;
  name: string;
  values: Record<string, ReadValue>;
  /** Each read column's cell address (F7), for messages about the row. */
  cells: Record<string, string>;
  /** No cell to fill has anything in it: the operator left the offer out. */
  blank: boolean;
  /** A cell of the row was refused (told in the table's problems): its figures are not checked further. */
  faulty: boolean;
}

export interface ReadTable {
  operatorName: string | null;
  year: number | null;
  rows: ReadRow[];
  problems: string[];
}

/** How far down the header row is looked for (an operator may have added a line above it). */
const HEADER_SEARCH_ROWS = HEADER_ROW + 10;
const DANISH_NUMBER = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const METHOD_BY_TEXT = new Map<string, OccupancyMethod>([
  ...Object.entries(OCCUPANCY_METHOD_LABELS).map(([key, label]) => [normalHeader(label), key as OccupancyMethod] as const),
  ...OccupancyMethod.options.map((key) => [key, key] as const),
]);

/** A cell's value as shown: a formula's result, rich text joined, a hyperlink's text. */
function plain(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) return plain(value.result as CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

const asText = (value: ReturnType<typeof plain>) => (value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();

function findHeaderRow(sheet: Worksheet, firstColumn: TemplateColumn): number | null {
  const first = normalHeader(firstColumn.header);
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (normalHeader(asText(plain(row.getCell(c).value))) === first) return r;
  }
  return null;
}

/** The value right of a label above the header row («Driftsherre», «Takstår»). */
function labelled(sheet: Worksheet, label: string, above: number): ReturnType<typeof plain> {
  for (let r = 1; r < above; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (normalHeader(asText(plain(row.getCell(c).value))) === normalHeader(label)) return plain(row.getCell(c + 1).value);
  }
  return null;
}

/** `columnsOf` may depend on the year the sheet states (the «Takster» history columns name their years). */
export function readTemplateTable(
  book: Workbook,
  fileName: string,
  sheetName: string,
  yearLabel: string,
  columnsOf: readonly TemplateColumn[] | ((year: number | null) => readonly TemplateColumn[]),
): ReadTable {
  const table: ReadTable = { operatorName: null, year: null, rows: [], problems: [] };
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) {
    table.problems.push(`${fileName}: arket «${sheetName}» mangler. Brug skabelonen fra Sekretariat uden at omdøbe arkene.`);
    return table;
  }
  const where = `${fileName}, ark ${sheetName}`;
  const first = (typeof columnsOf === 'function' ? columnsOf(null) : columnsOf)[0]!;
  const headerRow = findHeaderRow(sheet, first);
  if (headerRow === null) {
    table.problems.push(`${where}: overskriften «${first.header}» findes ikke. Brug skabelonen fra Sekretariat, og lad overskrifterne stå.`);
    return table;
  }

  const operator = asText(labelled(sheet, OPERATOR_LABEL, headerRow));
  table.operatorName = operator || null;
  if (!operator) table.problems.push(`${where}: driftsherren mangler ud for «${OPERATOR_LABEL}» over tabellen.`);
  const year = labelled(sheet, yearLabel, headerRow);
  if (typeof year === 'number' && Number.isInteger(year)) table.year = year;
  else table.problems.push(`${where}: ${yearLabel.toLowerCase()} ud for «${yearLabel}» over tabellen skal være et årstal${year === null ? '' : `, ikke «${asText(year)}»`}.`);
  const stated = typeof columnsOf === 'function' ? columnsOf(table.year) : columnsOf;

  // Columns by their header text: moved columns are found, renamed or deleted ones are named.
  const positions = new Map<string, number>();
  const header = sheet.getRow(headerRow);
  for (let c = 1; c <= header.cellCount; c++) {
    const text = normalHeader(asText(plain(header.getCell(c).value)));
    const column = stated.find((col) => normalHeader(col.header) === text);
    if (!column) continue;
    if (positions.has(column.key)) table.problems.push(`${where}, række ${headerRow}: overskriften «${column.header}» står to gange.`);
    else positions.set(column.key, c);
  }
  const missing = stated.filter((c) => !positions.has(c.key) && !c.optional);
  const columns = stated.filter((c) => positions.has(c.key));
  if (missing.length > 0) {
    const names = missing.map((c) => `«${c.header}»`).join(', ');
    table.problems.push(`${where}, række ${headerRow}: ${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} ${names} mangler (omdøbt eller slettet?). Overskrifterne skal stå som i skabelonen.`);
    return table;
  }

  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const read: ReadRow = { row: r, id: null, name: '', values: {}, cells: {}, blank: true, faulty: false };
    let anything = false;
    const rowProblems: string[] = [];
    for (const column of columns) {
      const cell = row.getCell(positions.get(column.key)!);
      const raw = plain(cell.value);
      const text = asText(raw);
      if (text !== '') anything = true;
      const at = `${where}, række ${r}, celle ${cell.address}`;
      const value = parseCell(column, raw, text, (message) => rowProblems.push(`${at}: ${message}`));
      read.cells[column.key] = cell.address;
      if (column.key === 'id') read.id = text || null;
      else if (column.key === 'name') read.name = text;
      else if (column.input) {
        read.values[column.key] = value;
        if (value !== null) read.blank = false;
      }
    }
    if (!anything) continue;
    if (!read.blank) {
      for (const column of columns.filter((c) => c.required && read.values[c.key] === null)) {
        const cell = row.getCell(positions.get(column.key)!);
        if (asText(plain(cell.value)) === '') rowProblems.push(`${where}, række ${r}, celle ${cell.address}: «${column.header}» skal udfyldes.`);
      }
    }
    read.faulty = rowProblems.length > 0;
    table.problems.push(...rowProblems);
    table.rows.push(read);
  }
  return table;
}

/** A cell's value by its column's kind; null when empty or wrong (then `problem` was told why). */
function parseCell(column: TemplateColumn, raw: ReturnType<typeof plain>, text: string, problem: (message: string) => void): ReadValue {
  if (text === '') return null;
  switch (column.kind) {
    case 'id':
    case 'text':
      return text;
    case 'method': {
      const method = METHOD_BY_TEXT.get(normalHeader(text));
      if (!method) problem(`«${text}» er ikke en af belægningsmetoderne (vælg på listen i cellen).`);
      return method ?? null;
    }
    default: {
      const number = typeof raw === 'number' ? raw : DANISH_NUMBER.test(text) ? Number(text.replaceAll('.', '').replace(',', '.')) : NaN;
      if (!Number.isFinite(number)) {
        problem(`teksten «${text}» er ikke et tal.`);
        return null;
      }
      if (number < 0 && !column.negative) {
        problem(`«${column.header}» må ikke være negativ (${text}).`);
        return null;
      }
      if (column.kind === 'percent' && number > 1) {
        problem(`belægningen skal være mellem 0 % og 100 %, ikke ${Math.round(number * 100)} %.`);
        return null;
      }
      return column.kind === 'money' ? Math.round(number * 100) : number;
    }
  }
}
