/**
 * Distribution keys from Danmarks Statistik: a StatBank table (e.g. FOLK1A, population by area and quarter, or the
 * 0–17-year-olds) saved as "CSV (semikolonsepareret)". Such a file has a title line, a header row whose cells are
 * periods ("2021K2"), then one row per area ("Aalborg";219573), sometimes totals (Hele landet, Region Nordjylland),
 * ".." for missing values and footnotes at the end. Parsed in full before anything is used; every problem is named with
 * its line.
 */
export interface DstTable {
  /** The periods of the columns, e.g. ["2020K2", "2021K2"]. */
  periods: string[];
  rows: { line: number; area: string; values: (number | null)[] }[];
}

const PERIOD = /^\d{4}(K[1-4]|M\d{2}|H[12])?$/;
/** Rows that are sums of others, not municipalities. */
const TOTAL_AREA = /^(hele landet|region |landsdel |i alt$)/i;

const cellsOf = (line: string) => line.split(';').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());

/** StatBank's header row: empty label cells, then the periods ("";"2020K2";"2021K2"). */
function isHeader(line: string): boolean {
  const cells = cellsOf(line);
  return cells.length > 1 && cells[0] === '' && cells.slice(1).some((c) => PERIOD.test(c)) && cells.slice(1).every((c) => c === '' || PERIOD.test(c));
}

/** True when the text looks like a StatBank export (a header row of periods), not a plain "navn;vægt" key. */
export function isDstExport(text: string): boolean {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 5).some(isHeader);
}

export function parseDstTable(text: string): DstTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex(isHeader);
  if (headerIndex < 0) throw new RangeError('Filen ligner ikke en tabel fra Danmarks Statistik: der er ingen overskriftslinje med perioder som «2021K2».');
  const header = cellsOf(lines[headerIndex]!);
  // Leading label columns are empty in the header; the periods follow them.
  const first = header.findIndex((c, i) => i > 0 && PERIOD.test(c));
  const periods = header.slice(first);
  const rows: DstTable['rows'] = [];
  const seen = new Set<string>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = cellsOf(line);
    // Footnotes and source lines have a single cell.
    if (cells.length === 1) continue;
    const area = cells.slice(0, first).filter(Boolean).join(' ');
    if (!area) throw new RangeError(`Linje ${i + 1} har intet område: «${line}».`);
    if (TOTAL_AREA.test(area)) continue;
    if (cells.length !== first + periods.length) throw new RangeError(`Linje ${i + 1} har ${cells.length - first} tal, men overskriften har ${periods.length} perioder: «${line}».`);
    if (seen.has(area)) throw new RangeError(`${area} står to gange (linje ${i + 1}).`);
    seen.add(area);
    const values = cells.slice(first).map((cell) => {
      if (cell === '..' || cell === '') return null;
      const value = Number(cell.replace(/\./g, '').replace(',', '.'));
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`Linje ${i + 1}: «${cell}» for ${area} er ikke et antal.`);
      return value;
    });
    rows.push({ line: i + 1, area, values });
  }
  if (rows.length === 0) throw new RangeError('Tabellen fra Danmarks Statistik har ingen kommuner.');
  return { periods, rows };
}

/** One period of a StatBank table as weights per area; the newest period when none is named. */
export function dstWeights(table: DstTable, period?: string): { period: string; weights: Record<string, number> } {
  const chosen = period ?? table.periods[table.periods.length - 1]!;
  const column = table.periods.indexOf(chosen);
  if (column < 0) throw new RangeError(`Perioden ${chosen} findes ikke i tabellen (den har ${table.periods.join(', ')}).`);
  const weights: Record<string, number> = {};
  for (const row of table.rows) {
    const value = row.values[column];
    if (value === null || value === undefined) throw new RangeError(`${row.area} har intet tal for ${chosen} (linje ${row.line}).`);
    weights[row.area] = value;
  }
  return { period: chosen, weights };
}
