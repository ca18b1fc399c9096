import type { ScenarioInput } from '../../../shared/domain/scenario';
import { toKroner } from '../../../shared/logic/tariff/money';
import type { ScenarioResult } from '../../../shared/logic/tariff/scenario';
import { DATE_TIME, describeWorkbook, excelLocalTime, printOnA4, wrappedRowHeight } from './workbook';

/** Excel shows these in the user's own locale: 1.234.567,89 kr. and 37,2 % in a Danish Excel. */
const KRONER = '#,##0.00 "kr."';
const WHOLE_KRONER = '#,##0 "kr."';
const PERCENT = '0.0%';

/**
 * A scenario as a workbook a municipality or manager can take on: the inputs and key figures, the years of the
 * ramp-up, the parts per municipality and year (with sums as formulas, so edits add up), and the warnings.
 */
export async function scenarioWorkbook(input: ScenarioInput, result: ScenarioResult, now: Date): Promise<Uint8Array> {
  // Loaded when used: the host starts half a second faster without it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  describeWorkbook(book, { title: result.name || 'Takstscenarie', subject: 'Takstscenarie', now });

  const summary = book.addWorksheet('Scenarie');
  summary.columns = [{ width: 44 }, { width: 22 }];
  const add = (label: string, value: number | string | Date, format?: string) => {
    const row = summary.addRow([label, value]);
    if (format) row.getCell(2).numFmt = format;
  };
  summary.addRow([result.name || 'Takstscenarie']).font = { bold: true, size: 14 };
  add('Beregnet', excelLocalTime(now), DATE_TIME);
  summary.getRow(summary.rowCount).getCell(2).alignment = { horizontal: 'left' };
  summary.addRow([]);
  add('Styringsaftale', input.agreementYear);
  add('Pladser', input.places);
  add('Budgetteret belægning', input.occupancy, PERCENT);
  add('Budget ved fuld drift', input.fullOperationBudget, KRONER);
  add('Døgntakst', toKroner(result.dailyTariff), KRONER);
  if (result.levelRevenue !== null) add('Takstniveauernes indtægt ved budgetteret belægning', toKroner(result.levelRevenue), KRONER);
  if (result.revenueGap !== null) add('Forskel til budgettet', toKroner(result.revenueGap), KRONER);
  add('Etablering og opstart', input.startupCosts, KRONER);
  add('Regionens andel', input.split.regionShare, PERCENT);
  add('Samlet at dække (opstart + underskud)', toKroner(result.startup.totals.amount), KRONER);
  add('– heraf Regionen', toKroner(result.startup.totals.regionPart), KRONER);
  add('– heraf kommunerne', toKroner(result.startup.totals.municipalPart), KRONER);
  printOnA4(summary, { headerRow: false });

  const years = book.addWorksheet('År');
  years.columns = ['År', 'Belægning', 'Indtægt', 'Omkostning', 'Underskud', 'Regionen', 'Kommunerne'].map((header) => ({ header, width: 18 }));
  years.addRow(['Opstart', null, null, null, toKroner(result.startup.startup.amount), toKroner(result.startup.startup.regionPart), toKroner(result.startup.startup.municipalPart)]);
  for (const y of result.startup.years) {
    years.addRow([y.year, y.occupancy, toKroner(y.revenue), y.cost === null ? null : toKroner(y.cost), toKroner(y.deficit), toKroner(y.regionPart), toKroner(y.municipalPart)]);
  }
  const last = years.rowCount;
  years.addRow(['I alt', null, null, null, ...['E', 'F', 'G'].map((c, i) => ({ formula: `SUM(${c}2:${c}${last})`, result: toKroner([result.startup.totals.amount, result.startup.totals.regionPart, result.startup.totals.municipalPart][i]!) }))]).font = { bold: true };
  years.getColumn(2).numFmt = PERCENT;
  for (const c of [3, 4, 5, 6, 7]) years.getColumn(c).numFmt = WHOLE_KRONER;
  years.getRow(1).font = { bold: true };
  printOnA4(years, { headerRow: true });

  const municipalities = book.addWorksheet('Kommuner');
  const rows = [result.startup.startup, ...result.startup.years];
  municipalities.columns = [
    { header: 'Kommune', width: 22 },
    { header: 'Andel', width: 10 },
    { header: 'Opstart', width: 16 },
    ...result.startup.years.map((y) => ({ header: String(y.year), width: 16 })),
    { header: 'I alt', width: 18 },
  ];
  const names = Object.keys(result.startup.totals.perMunicipality);
  names.forEach((name, i) => {
    const r = i + 2;
    const lastColumn = columnLetter(2 + rows.length);
    municipalities.addRow([
      name,
      result.startup.totals.shares[name] ?? 0,
      ...rows.map((row) => toKroner(row.perMunicipality[name] ?? 0)),
      { formula: `SUM(C${r}:${lastColumn}${r})`, result: toKroner(result.startup.totals.perMunicipality[name]!) },
    ]);
  });
  municipalities.getColumn(2).numFmt = PERCENT;
  for (let c = 3; c <= 3 + rows.length; c++) municipalities.getColumn(c).numFmt = WHOLE_KRONER;
  municipalities.getRow(1).font = { bold: true };
  printOnA4(municipalities, { headerRow: true });

  if (result.warnings.length > 0) {
    const warnings = book.addWorksheet('Advarsler');
    warnings.columns = [{ header: 'Advarsler', width: 90 }];
    for (const w of result.warnings) {
      const row = warnings.addRow([w]);
      row.getCell(1).alignment = { vertical: 'top', wrapText: true };
      const height = wrappedRowHeight([{ text: w, width: 90 }]);
      if (height !== null) row.height = height;
    }
    warnings.getRow(1).font = { bold: true };
    printOnA4(warnings, { headerRow: true });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const columnLetter = (n: number) => String.fromCharCode(64 + n);
