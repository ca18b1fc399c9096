import type { ScenarioInput } from '../../../shared/domain/scenario';
import { compareScenarios, type ComparedFigure } from '../../../shared/logic/tariff/compare';
import { toKroner } from '../../../shared/logic/tariff/money';
import type { ScenarioResult } from '../../../shared/logic/tariff/scenario';
import { DATE_TIME, describeWorkbook, excelLocalTime, printOnA4, wrappedRowHeight } from './workbook';

/** Excel shows these in the user's own locale: 1.234.567 kr. and 37,2 % in a Danish Excel (as in scenario-xlsx.ts). */
const KRONER = '#,##0.00 "kr."';
const WHOLE_KRONER = '#,##0 "kr."';
const PERCENT = '0.0%';
const COUNT = '#,##0';
const DECIMALS = '#,##0.00';

/**
 * Two to four scenarios side by side as a workbook: every key figure of {@link compareScenarios} with each scenario's
 * value and, for every scenario after the first, its difference from the first in kroner (or percentage points) and
 * in per cent as formulas, so a figure changed in the sheet carries through; and each municipality's total part of
 * the start-up, per scenario, with sums as formulas. Every formula has its result written with it, for viewers that
 * do not calculate.
 */
export async function comparisonWorkbook(scenarios: readonly { input: ScenarioInput; result: ScenarioResult }[], now: Date): Promise<Uint8Array> {
  const figures = compareScenarios(scenarios);
  const names = scenarios.map((s, i) => s.input.name || `Scenarie ${i + 1}`);
  const others = names.slice(1);

  // Loaded here, not at the top: an ES module bundle (the host) would otherwise load the large library at every start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  describeWorkbook(book, { title: 'Sammenligning af scenarier', subject: names.join(' / '), now });

  const sheet = book.addWorksheet('Sammenligning');
  sheet.columns = [
    { header: 'Nøgletal', width: 40 },
    ...names.map((name) => ({ header: name, width: 22 })),
    ...others.flatMap((name) => [
      { header: `Forskel: ${name}`, width: 22 },
      { header: `Forskel i %: ${name}`, width: 16 },
    ]),
  ];
  for (const figure of figures) {
    const r = sheet.rowCount + 1;
    const value = (v: number) => (figure.unit === 'øre' ? toKroner(v) : v);
    const first = `B${r}`;
    const row = sheet.addRow([
      figure.label,
      ...figure.values.map(value),
      ...figure.differences.slice(1).flatMap((d, i) => {
        const other = `${columnLetter(3 + i)}${r}`;
        return [
          { formula: `${other}-${first}`, result: value(d.absolute) },
          // No per cent of nothing: an empty text where the first scenario's figure is 0.
          { formula: `IF(${first}=0,"",(${other}-${first})/${first})`, result: d.relative ?? '' },
        ];
      }),
    ]);
    const format = formatOf(figure);
    for (let c = 2; c <= 1 + names.length; c++) row.getCell(c).numFmt = format;
    others.forEach((_, i) => {
      row.getCell(2 + names.length + 2 * i).numFmt = format;
      row.getCell(3 + names.length + 2 * i).numFmt = PERCENT;
    });
  }
  sheet.addRow([]);
  const made = sheet.addRow(['Beregnet', excelLocalTime(now)]);
  made.getCell(2).numFmt = DATE_TIME;
  made.getCell(2).alignment = { horizontal: 'left' };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  const headerHeight = wrappedRowHeight(sheet.columns.map((c) => ({ text: String(c.header ?? ''), width: c.width ?? 9 })));
  if (headerHeight !== null) sheet.getRow(1).height = headerHeight;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  printOnA4(sheet, { headerRow: true });

  const municipalities = book.addWorksheet('Kommuner');
  municipalities.columns = [{ header: 'Kommune', width: 22 }, ...names.map((name) => ({ header: name, width: 22 }))];
  // Every municipality of any scenario, in the order the keys give them; one left out of a key pays nothing there.
  const all = [...new Set(scenarios.flatMap((s) => Object.keys(s.result.startup.totals.perMunicipality)))];
  for (const name of all) municipalities.addRow([name, ...scenarios.map((s) => toKroner(s.result.startup.totals.perMunicipality[name] ?? 0))]);
  const last = municipalities.rowCount;
  municipalities.addRow([
    'I alt',
    ...scenarios.map((s, i) => ({ formula: `SUM(${columnLetter(2 + i)}2:${columnLetter(2 + i)}${last})`, result: toKroner(s.result.startup.totals.municipalPart) })),
  ]).font = { bold: true };
  for (let c = 2; c <= 1 + names.length; c++) municipalities.getColumn(c).numFmt = WHOLE_KRONER;
  municipalities.getRow(1).font = { bold: true };
  printOnA4(municipalities, { headerRow: true });

  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Amounts in whole kroner unless the row has øre (a daily tariff); shares as per cent; counts as numbers. */
function formatOf(figure: ComparedFigure): string {
  if (figure.unit === 'fraction') return PERCENT;
  if (figure.unit === 'count') return figure.values.every(Number.isInteger) ? COUNT : DECIMALS;
  const amounts = [...figure.values, ...figure.differences.map((d) => d.absolute)];
  return amounts.some((ore) => ore % 100 !== 0) ? KRONER : WHOLE_KRONER;
}

const columnLetter = (n: number) => String.fromCharCode(64 + n);
