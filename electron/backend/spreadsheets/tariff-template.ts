import type { Cell, Workbook, Worksheet } from 'exceljs';
import { OCCUPANCY_METHOD_LABELS, type OccupancyMethod } from '../../../shared/domain/tariff-year';
import type { CategoryKey } from '../../../shared/logic/tariff/daily-tariff';
import {
  budgetKey,
  GUIDE_SHEET,
  HEADER_ROW,
  OPERATOR_LABEL,
  RESULT_COLUMNS,
  RESULT_YEAR_LABEL,
  RESULTS_SHEET,
  SHEET_COLUMNS,
  SHEETS_SHEET,
  TARIFF_YEAR_LABEL,
  type TemplateColumn,
} from './tariff-template-columns';
import { describeWorkbook, printOnA4 } from './workbook';

/** An offer's figures as the template shows them; money in øre. */
export interface TemplateSheetValues {
  places: number;
  occupancy: number;
  occupancyMethod: OccupancyMethod;
  budget: Partial<Record<CategoryKey, number>>;
  statedTotal: number;
  tariff: number | null;
  firstYearLoss: number;
  reason: string;
}

export interface TemplateResultValues {
  basis: number;
  result: number;
  setAside: number | null;
  activity: number | null;
  capacity: number | null;
  note: string;
}

export interface TemplateOffer {
  id: string;
  name: string;
  legalBasis: string;
  unit: string;
  /** Last year's computed tariff, for reference. */
  previousTariff: number | null;
  /** Last year's sheet, to start from; null for an offer without one. */
  sheet: TemplateSheetValues | null;
  /** The stored result of the results year, if any. */
  result: TemplateResultValues | null;
}

export interface TemplateData {
  operatorName: string;
  year: number;
  offers: readonly TemplateOffer[];
  now: Date;
}

/** Light yellow: the cells to fill in, as the operators know them from the regions' own templates. */
const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const MONEY_FORMAT = '#,##0.00';
const METHODS = Object.entries(OCCUPANCY_METHOD_LABELS) as [OccupancyMethod, string][];

const kroner = (ore: number | null | undefined) => (ore === null || ore === undefined ? null : ore / 100);

function sheetCells(offer: TemplateOffer): Record<string, string | number | null> {
  const s = offer.sheet;
  const cells: Record<string, string | number | null> = {
    id: offer.id,
    name: offer.name,
    legalBasis: offer.legalBasis,
    unit: offer.unit,
    previousTariff: kroner(offer.previousTariff),
    places: s?.places ?? null,
    occupancy: s?.occupancy ?? null,
    occupancyMethod: s ? OCCUPANCY_METHOD_LABELS[s.occupancyMethod] : null,
    statedTotal: kroner(s?.statedTotal),
    tariff: kroner(s?.tariff),
    firstYearLoss: s?.firstYearLoss ? kroner(s.firstYearLoss) : null,
    reason: s?.reason || null,
  };
  for (const [category, amount] of Object.entries(s?.budget ?? {})) cells[budgetKey(category as CategoryKey)] = kroner(amount);
  return cells;
}

function resultCells(offer: TemplateOffer): Record<string, string | number | null> {
  const r = offer.result;
  return {
    id: offer.id,
    name: offer.name,
    basis: kroner(r?.basis),
    result: kroner(r?.result),
    setAside: kroner(r?.setAside),
    activity: r?.activity ?? null,
    capacity: r?.capacity ?? null,
    note: r?.note || null,
  };
}

function validate(cell: Cell, column: TemplateColumn): void {
  const error = (text: string) => ({ showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: column.header, error: text, allowBlank: true });
  if (column.kind === 'method') {
    cell.dataValidation = { type: 'list', formulae: [`"${METHODS.map(([, label]) => label).join(',')}"`], ...error('Vælg en af metoderne på listen.') };
  } else if (column.kind === 'percent') {
    cell.dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 1], ...error('Skriv belægningen i procent, mellem 0 % og 100 %.') };
  } else if (column.kind === 'money' || column.kind === 'number') {
    cell.dataValidation = column.negative
      ? { type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], ...error('Skriv et tal (kroner med højst to decimaler).') }
      : { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], ...error('Skriv et tal, der ikke er negativt.') };
  }
}

function tableSheet(book: Workbook, name: string, about: { title: string; operator: string; yearLabel: string; year: number }, columns: readonly TemplateColumn[], rows: Record<string, string | number | null>[]): Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, hidden: c.kind === 'id' }));
  // Column A (the id) is hidden: the title, the operator and the year stand in B and C.
  sheet.getCell('B1').value = about.title;
  sheet.getCell('B1').font = { bold: true, size: 14 };
  sheet.getCell('B2').value = OPERATOR_LABEL;
  sheet.getCell('C2').value = about.operator;
  sheet.getCell('B3').value = about.yearLabel;
  sheet.getCell('C3').value = about.year;
  sheet.getCell('C3').numFmt = '0';
  sheet.getCell('C3').alignment = { horizontal: 'left' };
  for (const ref of ['B2', 'B3']) sheet.getCell(ref).font = { bold: true };
  sheet.getCell('B4').value = 'Udfyld de gule celler. Se arket «Vejledning».';
  sheet.getCell('B4').font = { italic: true };

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  header.height = 45;

  rows.forEach((values, r) => {
    const row = sheet.getRow(HEADER_ROW + 1 + r);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[c.key] ?? null;
      if (c.kind === 'money') cell.numFmt = MONEY_FORMAT;
      if (c.kind === 'percent') cell.numFmt = '0.0%';
      if (c.kind === 'number') cell.numFmt = '#,##0.##';
      if (c.input) {
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
        validate(cell, c);
      }
      if (c.kind === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  printOnA4(sheet, { headerRow: false });
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  return sheet;
}

const GUIDE = (year: number) => [
  `Takstskema for ${year}: sådan udfylder I skabelonen`,
  '',
  `Arket «${SHEETS_SHEET}» har én række pr. tilbud. Tallene er sidste års takstberegningsskema; ret dem til ${year}.`,
  'Udfyld kun de gule celler. De øvrige celler er låst, så sekretariatet kan læse filen igen.',
  'Beløb skrives i kroner (højst to decimaler). Finansieringsindtægter skrives som et negativt beløb.',
  'Belægning skrives i procent (fx 95 %). Vælg belægningsmetoden på listen i cellen.',
  'Budgettet fordeles på omkostningskategorierne i Tabel 4 i Styringsaftalen; «Budget i alt» skal svare til summen.',
  '«Takst» kan stå tom: så bruges den beregnede takst.',
  'Forklar en ændring i antal pladser eller en væsentlig takstændring under «Bemærkninger».',
  '',
  `Arket «${RESULTS_SHEET}» er årets realiserede resultat pr. tilbud (regnskabsåret ${year - 1}):`,
  'takstgrundlaget G, resultatet R (overskud positivt, underskud negativt), det henlagte beløb',
  '(tomt: det højst tilladte), den realiserede aktivitet og kapaciteten (samme enhed).',
  '',
  'Tilføj ikke rækker og slet ikke kolonner. Et nyt tilbud oprettes først i sekretariatets tilbudsregister;',
  'derefter sendes en ny skabelon. Kolonnerne må gerne flyttes, men overskrifterne skal stå uændret.',
];

/** The operator's workbook for year `year`: its offers to fill in, the results of `year − 1`, and the instructions. */
export function writeTariffTemplate(book: Workbook, data: TemplateData): void {
  describeWorkbook(book, { title: `Takstskema ${data.year} – ${data.operatorName}`, subject: 'Takster og resultater til Nordjysk Socialaftale', now: data.now });
  const guide = book.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 110 }];
  GUIDE(data.year).forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  printOnA4(guide, { headerRow: false });
  tableSheet(book, SHEETS_SHEET, { title: `Takstskema ${data.year}`, operator: data.operatorName, yearLabel: TARIFF_YEAR_LABEL, year: data.year }, SHEET_COLUMNS, data.offers.map(sheetCells));
  tableSheet(book, RESULTS_SHEET, { title: `Resultater ${data.year - 1}`, operator: data.operatorName, yearLabel: RESULT_YEAR_LABEL, year: data.year - 1 }, RESULT_COLUMNS, data.offers.map(resultCells));
  // Without a password: the protection keeps the layout, not a secret.
  for (const name of [SHEETS_SHEET, RESULTS_SHEET]) {
    void book.getWorksheet(name)!.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
}
