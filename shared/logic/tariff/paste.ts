/**
 * Rows copied from Excel into the modeller's tables: tab-separated cells, one row a line, numbers as a Danish Excel
 * writes them ("1.234.567,50", "-1.234", "1.234 kr."). An empty row is skipped and an empty number cell counts as 0, as
 * in an Excel sum; a first row that is not figures (the column headings) is left out. The whole text is read before
 * anything is used: one bad cell refuses it all, with a Danish message naming its row and column as Excel does
 * ("række 3, kolonne B"), so nothing changes on bad input.
 */

export type Pasted<T> = { ok: true; rows: T[] } | { ok: false; message: string };

export interface PastedBudgetLine {
  label: string;
  amount: number;
}

export interface PastedLevel {
  name: string;
  dailyTariff: number;
  places: number;
}

/** True when pasted text is more than one cell, so the table takes it rather than the field it was pasted into. */
export const isCellBlock = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

/** Budget lines: a text and an amount in kroner (negative for income and reductions). */
export function pasteBudgetLines(text: string): Pasted<PastedBudgetLine> {
  return pasteRows(text, [
    { header: 'Linje', kind: 'text' },
    { header: 'Beløb', kind: 'kroner' },
  ], ([label, amount]) => ({ label: label as string, amount: amount as number }));
}

/** Tariff levels: name, daily tariff in kroner and places, none of the figures negative. */
export function pasteLevels(text: string): Pasted<PastedLevel> {
  return pasteRows(text, [
    { header: 'Niveau', kind: 'text' },
    { header: 'Døgntakst', kind: 'kroner', nonNegative: true },
    { header: 'Pladser', kind: 'number', nonNegative: true },
  ], ([name, dailyTariff, places]) => ({ name: name as string, dailyTariff: dailyTariff as number, places: places as number }));
}

interface ColumnSpec {
  header: string;
  kind: 'text' | 'kroner' | 'number';
  nonNegative?: boolean;
}

/** "A", "B" … as Excel names the columns of the pasted block. */
const columnName = (index: number) => String.fromCharCode(65 + index);

/** Danish thousands (dots, or spaces as some sheets format them) and a decimal comma; a sign in front. */
const DANISH_NUMBER = /^[-−]?(\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+|\d+)(,\d+)?$/;

/**
 * A number as a Danish Excel shows it; null for an empty cell, undefined when it is not a number. "kr." after it and
 * the non-breaking spaces Excel puts in thousands are allowed.
 */
export function parseDanishNumber(cell: string): number | null | undefined {
  const text = cell.replace(/[\u00a0\u202f]/g, ' ').trim().replace(/(\d)\s*kr\.?$/i, '$1');
  if (text === '') return null;
  if (!DANISH_NUMBER.test(text)) return undefined;
  const value = Number(text.replace(/^−/, '-').replace(/[. ]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** Excel quotes a cell holding a line break or a quote: "Linje ""A""". */
const unquote = (cell: string) => (/^".*"$/s.test(cell) ? cell.slice(1, -1).replaceAll('""', '"') : cell).trim();

function pasteRows<T>(text: string, columns: ColumnSpec[], make: (cells: (string | number)[]) => T): Pasted<T> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.split('\t').map(unquote));
  const rows: T[] = [];
  for (const [index, cells] of lines.entries()) {
    const row = index + 1;
    if (cells.every((c) => c === '')) continue;
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== '')) {
      return refuse(row, `har ${cells.length} kolonner, men tabellen har ${columns.length} (${columns.map((c) => c.header).join(', ')})`);
    }
    // Column headings on the first row: every figure column holds a word («Beløb»), not a number or a mistyped one.
    if (index === 0 && columns.every((c, i) => c.kind === 'text' || /\p{L}/u.test((cells[i] ?? '').replace(/kr\.?$/i, '')))) continue;
    const values: (string | number)[] = [];
    for (const [i, column] of columns.entries()) {
      const cell = cells[i] ?? '';
      const where = `Række ${row}, kolonne ${columnName(i)} (${column.header})`;
      if (column.kind === 'text') {
        if (!cell) return { ok: false, message: `${where} er tom: hver række skal have en tekst. Intet er ændret.` };
        values.push(cell);
        continue;
      }
      const value = parseDanishNumber(cell);
      if (value === undefined) return { ok: false, message: `${where}: «${cell}» er ikke et tal, som Excel skriver det på dansk (fx 1.234.567,50). Intet er ændret.` };
      if (column.nonNegative && value !== null && value < 0) return { ok: false, message: `${where}: «${cell}» må ikke være negativ. Intet er ændret.` };
      if (column.kind === 'kroner' && value !== null && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
        return { ok: false, message: `${where}: «${cell}» har flere end to decimaler (øre). Intet er ændret.` };
      }
      values.push(value ?? 0);
    }
    rows.push(make(values));
  }
  if (rows.length === 0) return { ok: false, message: 'Der var ingen rækker at indsætte. Intet er ændret.' };
  return { ok: true, rows };
}

const refuse = (row: number, problem: string): Pasted<never> => ({ ok: false, message: `Række ${row} ${problem}. Intet er ændret.` });
