import type { Cell, Workbook, Worksheet } from 'exceljs';
import { OCCUPANCY_METHOD_LABELS, type OccupancyMethod } from '../../../shared/domain/tariff-year';
import type { CategoryKey } from '../../../shared/logic/tariff/daily-tariff';
import {
  budgetKey,
  GUIDE_SHEET,
  HEADER_ROW,
  historyKey,
  historyYears,
  LEVEL_COLUMNS,
  LEVELS_SHEET,
  OPERATOR_LABEL,
  RESULT_COLUMNS,
  RESULT_YEAR_LABEL,
  RESULTS_SHEET,
  sheetColumns,
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
  /** The one tariff of an offer without levels on «Takstniveauer». */
  tariff: number | null;
  /** The levels shown on «Takstniveauer» (empty when the one tariff stands on «Takster»). */
  levels: readonly TemplateLevel[];
  firstYearLoss: number;
  reason: string;
}

export interface TemplateLevel {
  name: string;
  places: number;
  tariff: number | null;
  ataHours: number | null;
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
  /** The sheet to start from (the year's own, else last year's); null for an offer without one. */
  sheet: TemplateSheetValues | null;
  /** The actual occupancy of the two years of historyYears (older first), where known. */
  history: readonly [number | null, number | null];
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

/** Empty level rows under each offer's levels, for the operator to add one. */
export const EMPTY_LEVEL_ROWS = 2;

const kroner = (ore: number | null | undefined) => (ore === null || ore === undefined ? null : ore / 100);

function sheetCells(offer: TemplateOffer, year: number): Record<string, string | number | null> {
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
  historyYears(year).forEach((y, i) => (cells[historyKey(y)] = offer.history[i] ?? null));
  return cells;
}

/** Each offer's levels, then empty rows carrying the offer's id and name, so a level added there finds its offer. */
function levelRows(offers: readonly TemplateOffer[]): { cells: Record<string, string | number | null>; first: boolean }[] {
  return offers.flatMap((offer) => {
    const levels = offer.sheet?.levels ?? [];
    const filled = levels.map((l) => ({ level: l.name, places: l.places, tariff: kroner(l.tariff), ataHours: l.ataHours }));
    const empty = Array.from({ length: EMPTY_LEVEL_ROWS }, () => ({}));
    return [...filled, ...empty].map((values, i) => ({ cells: { id: offer.id, name: offer.name, ...values }, first: i === 0 }));
  });
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

interface TableAbout {
  title: string;
  operator: string;
  yearLabel: string;
  year: number;
  hint?: string;
  /** Rows that begin a group (an offer's levels): a line above them. */
  groupStarts?: ReadonlySet<number>;
}

function tableSheet(book: Workbook, name: string, about: TableAbout, columns: readonly TemplateColumn[], rows: Record<string, string | number | null>[]): Worksheet {
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
  sheet.getCell('B4').value = about.hint ?? 'Udfyld de gule celler. Se arket «Vejledning».';
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
      if (r > 0 && about.groupStarts?.has(r)) cell.border = { top: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
    });
  });
  printOnA4(sheet, { headerRow: false });
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  return sheet;
}

const GUIDE = (year: number) => [
  `Takstskema for ${year}: sådan udfylder I skabelonen`,
  '',
  `Arket «${SHEETS_SHEET}» har én række pr. tilbud. Tallene er tilbuddets skema for ${year}, hvis sekretariatet har et, ellers sidste års;`,
  `ret dem til ${year}.`,
  'Udfyld kun de gule celler. De øvrige celler er låst, så sekretariatet kan læse filen igen.',
  'Beløb skrives i kroner (højst to decimaler). Finansieringsindtægter skrives som et negativt beløb.',
  'Belægning skrives i procent (fx 95 %). Vælg belægningsmetoden på listen i cellen.',
  'Budgettet fordeles på omkostningskategorierne i Tabel 4 i Styringsaftalen; «Budget i alt» skal svare til summen.',
  '«Takst» kan stå tom: så bruges den beregnede takst.',
  `«Faktisk belægning ${historyYears(year)[0]}» og «… ${historyYears(year)[1]}» er de to seneste regnskabsårs realiserede belægning`,
  '(aktivitet ÷ kapacitet). Er belægningen sat som gennemsnittet af de to foregående år, skal begge udfyldes.',
  'Forklar en ændring i antal pladser eller en væsentlig takstændring under «Bemærkninger».',
  '',
  `Arket «${LEVELS_SHEET}» er tilbuddenes takstniveauer (differentierede takster), én række pr. niveau:`,
  'niveauets navn, antal pladser, taksten (tom: den beregnede) og de gennemsnitlige ATA-timer pr. uge i taksten.',
  'Under hvert tilbud er der tomme gule rækker til et nyt niveau. Slet et niveau ved at tømme dets gule celler.',
  'Niveauernes pladser skal tilsammen give tilbuddets pladser på arket «Takster».',
  `Har et tilbud niveauer, skal «Takst» på arket «${SHEETS_SHEET}» stå tom: taksterne står på niveauerne.`,
  'Et tilbud med én takst og uden ATA-timer har ingen niveauer; dets takst står på arket «Takster».',
  '',
  `Arket «${RESULTS_SHEET}» er årets realiserede resultat pr. tilbud (regnskabsåret ${year - 1}):`,
  'takstgrundlaget G, resultatet R (overskud positivt, underskud negativt), det henlagte beløb',
  '(tomt: det højst tilladte), den realiserede aktivitet og kapaciteten (samme enhed).',
  '',
  `Tilføj ikke rækker (et nyt niveau skrives i en tom gul række på «${LEVELS_SHEET}»), og slet ikke kolonner.`,
  'Et nyt tilbud oprettes først i sekretariatets tilbudsregister; derefter sendes en ny skabelon.',
  'Kolonnerne må gerne flyttes, men overskrifterne skal stå uændret.',
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
  const sheetsAbout = { operator: data.operatorName, yearLabel: TARIFF_YEAR_LABEL, year: data.year };
  const columns = sheetColumns(data.year);
  const takster = tableSheet(book, SHEETS_SHEET, { ...sheetsAbout, title: `Takstskema ${data.year}` }, columns, data.offers.map((o) => sheetCells(o, data.year)));
  // Where the tariffs stand on the levels, the empty «Takst» cell says so (a note is not read back).
  const tariffColumn = columns.findIndex((c) => c.key === 'tariff') + 1;
  data.offers.forEach((offer, i) => {
    if (offer.sheet?.levels.length) takster.getRow(HEADER_ROW + 1 + i).getCell(tariffColumn).note = `Tilbuddet har takstniveauer: taksterne står på arket «${LEVELS_SHEET}».`;
  });
  const levels = levelRows(data.offers);
  const groupStarts = new Set(levels.flatMap((l, i) => (l.first ? [i] : [])));
  const hint = 'Én række pr. takstniveau; tilføj et niveau i en tom gul række under tilbuddet. Se arket «Vejledning».';
  tableSheet(book, LEVELS_SHEET, { ...sheetsAbout, title: `Takstniveauer ${data.year}`, hint, groupStarts }, LEVEL_COLUMNS, levels.map((l) => l.cells));
  tableSheet(book, RESULTS_SHEET, { title: `Resultater ${data.year - 1}`, operator: data.operatorName, yearLabel: RESULT_YEAR_LABEL, year: data.year - 1 }, RESULT_COLUMNS, data.offers.map(resultCells));
  // Without a password: the protection keeps the layout, not a secret.
  for (const name of [SHEETS_SHEET, LEVELS_SHEET, RESULTS_SHEET]) {
    void book.getWorksheet(name)!.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
}
