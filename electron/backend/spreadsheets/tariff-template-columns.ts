import { historyYears } from '../../../shared/logic/tariff/sheet-draft';
import { COST_CATEGORIES, type CategoryKey } from '../../../shared/logic/tariff/daily-tariff';

/**
 * The operator template's layout, shared by the writer (tariff-template.ts) and the reader (tariff-template-read.ts)
 * so both use the same columns. Columns are found by their header text, so an operator who moves a column does no
 * harm; a renamed or deleted header is refused by name. The README documents these columns.
 */

export const SHEETS_SHEET = 'Takster';
export const LEVELS_SHEET = 'Takstniveauer';
export const RESULTS_SHEET = 'Resultater';
export const GUIDE_SHEET = 'Vejledning';

/** Rows 1–3 name the operator and the year (column B), row 4 is a hint, row 5 the headers, offers from row 6. */
export const OPERATOR_LABEL = 'Driftsherre';
export const TARIFF_YEAR_LABEL = 'Takstår';
export const RESULT_YEAR_LABEL = 'Regnskabsår';
export const HEADER_ROW = 5;

/**
 * How a cell is read: `money` in kroner (two decimals, stored as øre), `number`, `percent` (a fraction 0–1, shown as
 * %), `text`, `method` (one of the occupancy methods' Danish labels).
 */
export type ColumnKind = 'id' | 'text' | 'money' | 'number' | 'percent' | 'method';

export interface TemplateColumn<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  width: number;
  /** Filled in by the operator: marked, unlocked and validated; the rest is locked. */
  input: boolean;
  /** May be below 0 (a result, the financial income). */
  negative?: boolean;
  /** Must be filled in a row that is filled at all. */
  required?: boolean;
  /** Absent from templates of an earlier version: a file without it is read as before. */
  optional?: boolean;
}

/** The tariff's header, on «Takster» (one tariff) and on «Takstniveauer» (a level's). */
export const TARIFF_HEADER = 'Takst (kr. pr. enhed)';

const ID_COLUMN = { key: 'id', header: 'Tilbuds-id', kind: 'id', width: 38, input: false } as const;
const NAME_COLUMN = { key: 'name', header: 'Tilbud', kind: 'text', width: 36, input: false } as const;

export type BudgetKey = `budget:${CategoryKey}`;
export const budgetKey = (category: CategoryKey): BudgetKey => `budget:${category}`;

export { historyYears };
export const historyKey = (year: number) => `history:${year}`;

const historyColumns = (year: number): TemplateColumn[] =>
  historyYears(year).map((y) => ({ key: historyKey(y), header: `Faktisk belægning ${y}`, kind: 'percent', width: 11, input: true, optional: true }));

/** The «Takster» columns for tariff year `year` (the history columns name their years). */
export const sheetColumns = (year: number): readonly TemplateColumn[] => [
  ID_COLUMN,
  NAME_COLUMN,
  { key: 'legalBasis', header: 'Lovgrundlag', kind: 'text', width: 26, input: false },
  { key: 'unit', header: 'Takstenhed', kind: 'text', width: 12, input: false },
  { key: 'previousTariff', header: 'Sidste års takst (kr.)', kind: 'money', width: 14, input: false },
  { key: 'places', header: 'Pladser', kind: 'number', width: 10, input: true, required: true },
  { key: 'occupancy', header: 'Belægning', kind: 'percent', width: 11, input: true, required: true },
  { key: 'occupancyMethod', header: 'Belægningsmetode', kind: 'method', width: 30, input: true, required: true },
  ...historyColumns(year),
  ...COST_CATEGORIES.map(
    (c): TemplateColumn => ({ key: budgetKey(c.key), header: `${c.label} (kr.)`, kind: 'money', width: 16, input: true, negative: c.kind === 'income' }),
  ),
  { key: 'statedTotal', header: 'Budget i alt (kr.)', kind: 'money', width: 16, input: true, required: true },
  { key: 'tariff', header: TARIFF_HEADER, kind: 'money', width: 14, input: true },
  { key: 'firstYearLoss', header: 'Underskud første driftsår (kr.)', kind: 'money', width: 16, input: true },
  { key: 'reason', header: 'Bemærkninger', kind: 'text', width: 40, input: true },
];

/** One row per tariff level of an offer (a differentiated tariff, Styringsaftalen 5.4). */
export const LEVEL_COLUMNS: readonly TemplateColumn[] = [
  ID_COLUMN,
  NAME_COLUMN,
  { key: 'level', header: 'Niveau', kind: 'text', width: 30, input: true, required: true },
  { key: 'places', header: 'Pladser', kind: 'number', width: 10, input: true, required: true },
  { key: 'tariff', header: TARIFF_HEADER, kind: 'money', width: 14, input: true },
  { key: 'ataHours', header: 'ATA-timer pr. uge', kind: 'number', width: 12, input: true },
];

export const RESULT_COLUMNS: readonly TemplateColumn[] = [
  ID_COLUMN,
  NAME_COLUMN,
  { key: 'basis', header: 'Takstgrundlag G (kr.)', kind: 'money', width: 18, input: true, required: true },
  { key: 'result', header: 'Resultat R (kr.)', kind: 'money', width: 16, input: true, negative: true, required: true },
  { key: 'setAside', header: 'Henlagt (kr.)', kind: 'money', width: 14, input: true },
  { key: 'activity', header: 'Realiseret aktivitet', kind: 'number', width: 14, input: true },
  { key: 'capacity', header: 'Kapacitet', kind: 'number', width: 12, input: true },
  { key: 'note', header: 'Note', kind: 'text', width: 36, input: true },
];

/** Header text as compared: case, spacing and line breaks do not matter. */
export const normalHeader = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');
