import { OCCUPANCY_METHOD_LABELS, TariffSheetContent, type Offer, type TariffSheet } from '../../../shared/domain/tariff-year';
import { COST_CATEGORIES } from '../../../shared/logic/tariff/daily-tariff';
import { checkLevelPlaces } from '../../../shared/logic/tariff/level-places';
import { budgetKey, historyKey, historyYears, LEVEL_COLUMNS, LEVELS_SHEET, TARIFF_HEADER } from '../spreadsheets/tariff-template-columns';
import type { ReadRow, ReadTable } from '../spreadsheets/tariff-template-read';

/**
 * One «Takster» row and its offer's rows on «Takstniveauer» as a sheet's content, with the problems an operator must
 * fix (Danish, naming file, sheet, row and cell). The planning around it is services/tariff-import-plan.ts.
 */

type Level = TariffSheetContent['levels'][number];

/** A level row as the reader gives it, with where it stands. */
export interface LevelRow {
  row: ReadRow;
  /** «Aalborg.xlsx, ark Takstniveauer, række 9». */
  where: string;
  /** «Aalborg.xlsx, ark Takstniveauer». */
  sheet: string;
}

/**
 * The filled level rows of a file by offer id; null for a template of the previous version (no «Takstniveauer»),
 * whose stored levels are kept. An empty row (a spare one under an offer) is no level.
 */
export function matchLevelRows(levels: ReadTable | null, sheetsTable: ReadTable, fileName: string, operatorOffers: readonly Offer[], allOffers: ReadonlyMap<string, Offer>, problems: string[]): Map<string, LevelRow[]> | null {
  if (!levels) return null;
  const sheetWhere = `${fileName}, ark ${LEVELS_SHEET}`;
  if (levels.year !== null && sheetsTable.year !== null && levels.year !== sheetsTable.year) {
    problems.push(`${sheetWhere}: takståret er ${levels.year}, men arket «Takster» er for ${sheetsTable.year}. Brug skabelonen fra Sekretariat uden at ændre årstallet.`);
  }
  const byOffer = new Map<string, LevelRow[]>();
  const operatorName = operatorOffers[0]?.operatorName ?? sheetsTable.operatorName ?? '';
  for (const row of levels.rows) {
    if (row.blank) continue;
    const where = `${sheetWhere}, række ${row.row}`;
    const offer = row.id !== null ? allOffers.get(row.id) : operatorOffers.find((o) => o.name === row.name);
    if (!offer) {
      problems.push(
        row.id !== null
          ? `${where}: tilbuddet «${row.name || row.id}» findes ikke i tilbudsregistret (ukendt tilbuds-id ${row.id}).`
          : `${where}: niveauet «${String(row.values.level ?? '')}» har intet tilbuds-id, og ${operatorName} har intet tilbud med navnet «${row.name || '(uden navn)'}». Skriv nye niveauer i de tomme gule rækker under tilbuddet.`,
      );
      continue;
    }
    if (!operatorOffers.includes(offer)) {
      problems.push(`${where}: tilbuddet «${offer.name}» drives af ${offer.operatorName}, ikke af ${operatorName}, som filen er til.`);
      continue;
    }
    byOffer.set(offer.id, [...(byOffer.get(offer.id) ?? []), { row, where, sheet: sheetWhere }]);
  }
  return byOffer;
}

export interface RowContent {
  content: TariffSheetContent | null;
  problems: string[];
  notes: string[];
}

const levelPlacesHeader = LEVEL_COLUMNS.find((c) => c.key === 'places')!.header;

/**
 * The row's figures as a sheet's content, with the problems that refuse it and the notes the preview shows. A file
 * without the history columns keeps the stored history, as before.
 */
export function rowContent(offer: Offer, row: ReadRow, where: string, levelRows: LevelRow[] | null, stored: TariffSheet | undefined, year: number): RowContent {
  const out: RowContent = { content: null, problems: [], notes: [] };
  const v = row.values;
  const levels = readLevels(offer, row, where, levelRows, stored, out);
  const history = occupancyHistory(offer, row, where, stored, year, out);
  if (out.problems.length > 0) return out;
  const parsed = TariffSheetContent.safeParse({
    budgetLines: COST_CATEGORIES.flatMap((c) => {
      const amount = v[budgetKey(c.key)] as number | null;
      return amount ? [{ category: c.key, label: c.label, amount }] : [];
    }),
    statedTotal: v.statedTotal,
    places: v.places,
    occupancy: v.occupancy,
    occupancyMethod: v.occupancyMethod,
    occupancyHistory: history,
    levels,
    firstYearLoss: (v.firstYearLoss as number | null) ?? 0,
    reason: (v.reason as string | null) ?? '',
  });
  if (parsed.success) out.content = parsed.data;
  else out.problems.push(...parsed.error.issues.map((issue) => `${where}: ${issue.message}.`));
  return out;
}

/**
 * Levels: the offer's rows on «Takstniveauer» replace the stored ones; with none there, a tariff on «Takster» is one
 * level with all places, and an empty one means no levels. A tariff on «Takster» beside levels is refused: the
 * operator says which one holds. A file without «Takstniveauer» keeps a stored sheet's several levels, as before.
 */
function readLevels(offer: Offer, row: ReadRow, where: string, levelRows: LevelRow[] | null, stored: TariffSheet | undefined, out: RowContent): Level[] {
  const places = row.values.places as number | null;
  const tariff = row.values.tariff as number | null;
  if (levelRows === null) {
    return stored && stored.content.levels.length > 1 ? stored.content.levels : tariff === null ? [] : [{ name: 'Takst', places: places ?? 0, reportedTariff: tariff, ataHours: null }];
  }
  if (levelRows.length === 0) {
    // One tariff keeps the stored single level's name (it may be «Døgntakst» rather than «Takst»).
    const name = stored?.content.levels.length === 1 ? stored.content.levels[0]!.name : 'Takst';
    return tariff === null ? [] : [{ name, places: places ?? 0, reportedTariff: tariff, ataHours: null }];
  }
  const levels = levelRows.filter((l) => !l.row.faulty).map(({ row: l }) => ({
    name: String(l.values.level ?? '').trim(),
    places: (l.values.places as number | null) ?? 0,
    reportedTariff: l.values.tariff as number | null,
    ataHours: l.values.ataHours as number | null,
  }));
  const rows = levelRows.map((l) => l.row.row).join(', ');
  if (tariff !== null) {
    out.problems.push(
      `${where}, celle ${row.cells.tariff}: «${offer.name}» har takstniveauer på arket «${LEVELS_SHEET}» (række ${rows}). Skriv taksterne på niveauerne, og lad «${TARIFF_HEADER}» her stå tom.`,
    );
  }
  const seen = new Set<string>();
  for (const { row: l, where: at } of levelRows) {
    const name = String(l.values.level ?? '').trim().toLocaleLowerCase('da');
    if (name && seen.has(name)) out.problems.push(`${at}, celle ${l.cells.level}: niveauet «${String(l.values.level)}» står to gange under «${offer.name}»; giv niveauerne hver sit navn.`);
    seen.add(name);
  }
  // The sheet form's check (a warning there); a submitted template must add up.
  const mismatch = places !== null && levels.length === levelRows.length ? checkLevelPlaces(levels, places) : null;
  if (mismatch) {
    const cells = levelRows.map((l) => l.row.cells.places).join(', ');
    out.problems.push(`${levelRows[0]!.sheet}, række ${rows}, celle ${cells} («${offer.name}»): ${mismatch} Ret «${levelPlacesHeader}» på niveauerne eller tilbuddets pladser på arket «Takster» (${row.cells.places}).`);
  }
  return levels;
}

/**
 * The two realised years as the sheet keeps them, newer first (Y−2, Y−3). Both or neither: the average needs both,
 * and one alone says nothing the sheet can check.
 */
function occupancyHistory(offer: Offer, row: ReadRow, where: string, stored: TariffSheet | undefined, year: number, out: RowContent): number[] {
  const [older, newer] = historyYears(year);
  if (!(historyKey(older) in row.values) && !(historyKey(newer) in row.values)) return stored?.content.occupancyHistory ?? [];
  const olderValue = (row.values[historyKey(older)] ?? null) as number | null;
  const newerValue = (row.values[historyKey(newer)] ?? null) as number | null;
  if (olderValue !== null && newerValue !== null) return [newerValue, olderValue];
  if (olderValue === null && newerValue === null) return [];
  const [emptyYear, emptyKey] = olderValue === null ? [older, historyKey(older)] : [newer, historyKey(newer)];
  const emptyCell = row.cells[emptyKey] ?? '';
  if (row.values.occupancyMethod === 'average-two-years') {
    out.problems.push(`${where}, celle ${emptyCell}: belægningen er sat som «${OCCUPANCY_METHOD_LABELS['average-two-years']}»; udfyld også «Faktisk belægning ${emptyYear}».`);
  } else {
    out.notes.push(`${where}: «${offer.name}» har kun én af de to års faktiske belægning (${emptyYear} mangler); den gemmes ikke, da gennemsnittet kræver begge år.`);
  }
  return [];
}
