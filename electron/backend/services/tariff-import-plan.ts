import { open, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { listOrganisations } from '../../../db/queries/organisations';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOffers } from '../../../db/queries/offers';
import { currentSheetsOfYear } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { TariffImportKind, TariffImportOffer, TariffImportPreview } from '../../../shared/domain/tariff-import';
import { OCCUPANCY_METHOD_LABELS, TariffYear, type Offer, type OfferResult, type TariffSheetContent } from '../../../shared/domain/tariff-year';
import { formatFileSize, formatKroner, formatNumber, formatPercent } from '../../../shared/format';
import { COST_CATEGORIES } from '../../../shared/logic/tariff/daily-tariff';
import { historyYears, LEVEL_COLUMNS, LEVELS_SHEET, RESULT_COLUMNS, RESULT_YEAR_LABEL, RESULTS_SHEET, sheetColumns, SHEETS_SHEET, TARIFF_YEAR_LABEL } from '../spreadsheets/tariff-template-columns';
import { readTemplateTable, type ReadRow, type ReadTable } from '../spreadsheets/tariff-template-read';
import { matchLevelRows, rowContent, type LevelRow } from './tariff-import-content';

/**
 * The check of filled operator templates, in full, before anything is written: each file's size and type, then its
 * table read cell by cell, each row matched to an offer of the file's operator (by id, else by exact name), and the
 * figures compared with what is stored. The result is the preview and, when there are no problems, the plan to write.
 */

/** Largest template accepted: a year's offers of one operator take a few hundred kB. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'sheetProtection', 'pageMargins', 'pageSetup', 'headerFooter', 'printOptions', 'extLst', 'drawing', 'picture'];

export interface ImportFile {
  path: string;
  fileName: string;
}

export type PlannedWrite =
  | { kind: 'sheet'; offerId: string; version: number; content: TariffSheetContent }
  | { kind: 'result'; offerId: string; existingId: string | null; values: { basis: number; result: number; setAside: number | null; activity: number | null; capacity: number | null; note: string } };

export interface ImportPlan {
  preview: TariffImportPreview;
  year: number | null;
  writes: PlannedWrite[];
}

/** Size and type, from the file system and the first four bytes: a large or foreign file is never read further. */
async function fileProblem(file: ImportFile): Promise<string | null> {
  if (!file.fileName.toLowerCase().endsWith('.xlsx')) return `${file.fileName}: filen er ikke et Excel-regneark (.xlsx). Brug skabelonen fra Sekretariat.`;
  const { size } = await stat(file.path);
  if (size > MAX_TEMPLATE_BYTES) return `${file.fileName}: filen fylder ${formatFileSize(size)}; en udfyldt skabelon må højst fylde ${formatFileSize(MAX_TEMPLATE_BYTES)}.`;
  const handle = await open(file.path, 'r');
  try {
    const head = Buffer.alloc(ZIP_SIGNATURE.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < head.length || !head.equals(ZIP_SIGNATURE)) return `${file.fileName}: filen er ikke et Excel-regneark (.xlsx), selv om navnet slutter på .xlsx.`;
  } finally {
    await handle.close();
  }
  return null;
}

/** A file's table, and for sheets its «Takstniveauer» (null in a template of the previous version, which had none). */
interface ReadFile {
  table: ReadTable;
  levels: ReadTable | null;
}

const unread = (problem: string): ReadFile => ({ table: { operatorName: null, year: null, rows: [], problems: [problem] }, levels: null });

async function readFile(file: ImportFile, kind: TariffImportKind): Promise<ReadFile> {
  const problem = await fileProblem(file);
  if (problem) return unread(problem);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    // Only the cells are read: validation, print setup and protection are the template's, not the operator's answer.
    await book.xlsx.readFile(file.path, { ignoreNodes: IGNORED_NODES });
  } catch {
    return unread(`${file.fileName}: filen kan ikke læses som et Excel-regneark (den er beskadiget eller ikke gemt som .xlsx).`);
  }
  if (kind === 'results') return { table: readTemplateTable(book, file.fileName, RESULTS_SHEET, RESULT_YEAR_LABEL, RESULT_COLUMNS), levels: null };
  return {
    table: readTemplateTable(book, file.fileName, SHEETS_SHEET, TARIFF_YEAR_LABEL, (year) => sheetColumns(year ?? 0)),
    levels: book.getWorksheet(LEVELS_SHEET) ? readTemplateTable(book, file.fileName, LEVELS_SHEET, TARIFF_YEAR_LABEL, LEVEL_COLUMNS) : null,
  };
}

const EMPTY_VALUES = new Set(['–', formatKroner(0)]);
const money = (ore: number | null | undefined) => (ore === null || ore === undefined ? '–' : formatKroner(ore));
const categoryTotal = (content: TariffSheetContent, category: string) => content.budgetLines.filter((l) => l.category === category).reduce((sum, l) => sum + l.amount, 0);

/** «4 pladser, 1.250,00 kr., 12 ATA-timer pr. uge»: a level as one readable value. */
function levelValue(level: TariffSheetContent['levels'][number]): string {
  const places = `${formatNumber(level.places)} ${level.places === 1 ? 'plads' : 'pladser'}`;
  const tariff = level.reportedTariff === null ? 'beregnet takst' : money(level.reportedTariff);
  const ata = level.ataHours === null ? 'ingen ATA-timer' : `${formatNumber(level.ataHours)} ATA-timer pr. uge`;
  return `${places}, ${tariff}, ${ata}`;
}

/** The levels as fields: one tariff without more to it as «Takst», as it stands on «Takster»; else one per level. */
function levelFields(content: TariffSheetContent): [string, string][] {
  const [only] = content.levels;
  if (content.levels.length === 0) return [['Takst', '–']];
  if (content.levels.length === 1 && only!.ataHours === null && only!.reportedTariff !== null && only!.places === content.places) return [['Takst', money(only!.reportedTariff)]];
  return content.levels.map((level): [string, string] => [`Takstniveau «${level.name}»`, levelValue(level)]);
}

/** The fields the template carries, as the preview shows them. */
function sheetFields(content: TariffSheetContent, year: number): [string, string][] {
  const [older, newer] = historyYears(year);
  const history = content.occupancyHistory.length === 2 ? content.occupancyHistory : [];
  return [
    ['Pladser', formatNumber(content.places)],
    ['Belægning', formatPercent(content.occupancy, 1)],
    ['Belægningsmetode', OCCUPANCY_METHOD_LABELS[content.occupancyMethod]],
    [`Faktisk belægning ${older}`, history[1] === undefined ? '–' : formatPercent(history[1], 1)],
    [`Faktisk belægning ${newer}`, history[0] === undefined ? '–' : formatPercent(history[0], 1)],
    ...COST_CATEGORIES.map((c): [string, string] => [c.label, money(categoryTotal(content, c.key))]),
    ['Budget i alt', money(content.statedTotal)],
    ...levelFields(content),
    ['Underskud første driftsår', money(content.firstYearLoss)],
    ['Bemærkninger', content.reason || '–'],
  ];
}

function resultFields(r: { basis: number; result: number; setAside: number | null; activity: number | null; capacity: number | null; note: string }): [string, string][] {
  const count = (n: number | null) => (n === null ? '–' : formatNumber(n));
  return [
    ['Takstgrundlag G', money(r.basis)],
    ['Resultat R', money(r.result)],
    ['Henlagt', r.setAside === null ? 'Højst tilladte' : money(r.setAside)],
    ['Realiseret aktivitet', count(r.activity)],
    ['Kapacitet', count(r.capacity)],
    ['Note', r.note || '–'],
  ];
}

/**
 * The fields that differ, by name (a sheet's levels come and go); for a new record only those with a value (an empty
 * budget line is no news). A field only stored (a level removed) shows as «–».
 */
function changes(stored: [string, string][] | null, incoming: [string, string][]) {
  const before = new Map(stored ?? []);
  const after = new Map(incoming);
  const list = incoming.flatMap(([field, value]) => {
    if (stored ? before.get(field) === value : EMPTY_VALUES.has(value)) return [];
    return [{ field, stored: before.get(field) ?? '–', incoming: value }];
  });
  for (const [field, value] of stored ?? []) if (!after.has(field) && value !== '–') list.push({ field, stored: value, incoming: '–' });
  return list;
}

/** Reads and checks every file, then compares each row with what is stored. Writes nothing. */
export async function planTariffImport(db: Kysely<DB>, files: readonly ImportFile[], kind: TariffImportKind, expectedYear?: number): Promise<ImportPlan> {
  const problems: string[] = [];
  const notes: string[] = [];
  const tables: ({ file: ImportFile } & ReadFile)[] = [];
  for (const file of files) {
    const read = await readFile(file, kind);
    problems.push(...read.table.problems, ...(read.levels?.problems ?? []));
    tables.push({ file, ...read });
  }

  // One year for all files: the one asked for, else the first file's.
  const yearLabel = kind === 'sheets' ? 'takståret' : 'regnskabsåret';
  const year = expectedYear ?? tables.find((t) => t.table.year !== null)?.table.year ?? null;
  for (const { file, table } of tables) {
    if (table.year !== null && !TariffYear.safeParse(table.year).success) problems.push(`${file.fileName}: ${yearLabel} ${table.year} er ikke et gyldigt år.`);
    else if (table.year !== null && year !== null && table.year !== year) {
      problems.push(`${file.fileName}: skabelonen er for ${yearLabel} ${table.year}, ikke ${year}. Hent skabelonen for ${year}.`);
    }
  }

  const [offers, organisations] = await Promise.all([listOffers(db), listOrganisations(db)]);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const seen = new Map<string, string>();
  const matched: Matched = [];
  for (const { file, table, levels } of tables) {
    if (table.operatorName === null) continue;
    const where = `${file.fileName}, ark ${kind === 'sheets' ? SHEETS_SHEET : RESULTS_SHEET}`;
    const operator = organisations.find((o) => o.name.toLocaleLowerCase('da') === table.operatorName!.toLocaleLowerCase('da'));
    if (!operator) {
      problems.push(`${where}: driftsherren «${table.operatorName}» findes ikke blandt kommunerne og regionen.`);
      continue;
    }
    const levelRows = matchLevelRows(levels, table, file.fileName, offers.filter((o) => o.operatorId === operator.id), offerById, problems);
    for (const row of table.rows) {
      const at = `${where}, række ${row.row}`;
      let offer: Offer | undefined;
      if (row.id !== null) {
        offer = offerById.get(row.id);
        if (!offer) {
          problems.push(`${at}: tilbuddet «${row.name || row.id}» findes ikke i tilbudsregistret (ukendt tilbuds-id ${row.id}).`);
          continue;
        }
        if (offer.operatorId !== operator.id) {
          problems.push(`${at}: tilbuddet «${offer.name}» drives af ${offer.operatorName}, ikke af ${operator.name}, som filen er til.`);
          continue;
        }
        if (row.name && row.name !== offer.name) notes.push(`${at}: navnet «${row.name}» står i registret som «${offer.name}»; rækken er fundet på tilbuds-id'et, og registrets navn bevares.`);
      } else {
        offer = offers.find((o) => o.operatorId === operator.id && o.name === row.name);
        if (!offer) {
          problems.push(
            `${at}: rækken «${row.name || '(uden navn)'}» har intet tilbuds-id, og ${operator.name} har intet tilbud med det navn. Rækker kan ikke tilføjes i skabelonen: opret tilbuddet i tilbudsregistret, og hent en ny skabelon.`,
          );
          continue;
        }
      }
      const earlier = seen.get(offer.id);
      if (earlier) {
        problems.push(`${at}: tilbuddet «${offer.name}» står også i ${earlier}; hvert tilbud må kun indberettes én gang.`);
        continue;
      }
      seen.set(offer.id, `${file.fileName} række ${row.row}`);
      if (row.blank) {
        notes.push(`${at}: «${offer.name}» er ikke udfyldt og springes over.`);
        continue;
      }
      if (row.faulty) continue;
      matched.push({ file, row, offer, where: at, levels: levelRows && (levelRows.get(offer.id) ?? []) });
    }
  }

  const plan: ImportPlan = {
    year,
    writes: [],
    preview: {
      kind,
      year,
      files: tables.map(({ file, table }) => ({ fileName: file.fileName, operatorName: table.operatorName ?? '', rows: table.rows.length })),
      problems,
      offers: [],
      notes,
    },
  };
  if (year === null) return plan;
  const ids = matched.map((m) => m.offer.id);
  if (kind === 'sheets') await compareSheets(db, year, matched, ids, plan);
  else await compareResults(db, year, matched, ids, plan);
  return plan;
}

/** A «Takster» or «Resultater» row and its offer; for sheets the offer's filled level rows (null: no «Takstniveauer»). */
type Matched = { file: ImportFile; row: ReadRow; offer: Offer; where: string; levels: LevelRow[] | null }[];

const offerLine = (m: Matched[number], action: TariffImportOffer['action'], list: TariffImportOffer['changes']): TariffImportOffer => ({
  offerId: m.offer.id,
  offerName: m.offer.name,
  operatorName: m.offer.operatorName,
  fileName: m.file.fileName,
  row: m.row.row,
  action,
  changes: list,
});

async function compareSheets(db: Kysely<DB>, year: number, matched: Matched, ids: string[], plan: ImportPlan) {
  const stored = new Map((await currentSheetsOfYear(db, year, ids)).map((s) => [s.offerId, s]));
  for (const m of matched) {
    const current = stored.get(m.offer.id);
    if (current && (current.status === 'approved' || current.status === 'amended')) {
      plan.preview.problems.push(`${m.where}: takstskemaet for «${m.offer.name}» ${year} er godkendt og låst; en ændring i årets løb er en ny version, som FU godkender.`);
      continue;
    }
    const read = rowContent(m.offer, m.row, m.where, m.levels, current, year);
    plan.preview.problems.push(...read.problems);
    plan.preview.notes.push(...read.notes);
    if (!read.content) continue;
    const list = changes(current ? sheetFields(current.content, year) : null, sheetFields(read.content, year));
    // An unchanged submitted sheet needs no new version; an unchanged draft is submitted as it stands.
    if (current && list.length === 0 && current.status === 'submitted') {
      plan.preview.offers.push(offerLine(m, 'unchanged', []));
      continue;
    }
    plan.preview.offers.push(offerLine(m, current ? 'version' : 'new', list));
    plan.writes.push({ kind: 'sheet', offerId: m.offer.id, version: (current?.version ?? 0) + 1, content: read.content });
  }
}

async function compareResults(db: Kysely<DB>, year: number, matched: Matched, ids: string[], plan: ImportPlan) {
  const stored = new Map<string, OfferResult>((await resultsOfOffers(db, ids)).filter((r) => r.year === year).map((r) => [r.offerId, r]));
  for (const m of matched) {
    const v = m.row.values;
    const values = {
      basis: v.basis as number,
      result: v.result as number,
      setAside: v.setAside as number | null,
      activity: v.activity as number | null,
      capacity: v.capacity as number | null,
      note: (v.note as string | null) ?? '',
    };
    if (values.basis === null || values.result === null) continue; // told by the reader: «skal udfyldes»
    if (values.setAside !== null && values.setAside > Math.max(0, values.result)) {
      plan.preview.problems.push(`${m.where}: «${m.offer.name}» kan højst henlægge overskuddet (${money(Math.max(0, values.result))}), ikke ${money(values.setAside)}.`);
      continue;
    }
    const current = stored.get(m.offer.id);
    const list = changes(current ? resultFields(current) : null, resultFields(values));
    if (current && list.length === 0) {
      plan.preview.offers.push(offerLine(m, 'unchanged', []));
      continue;
    }
    plan.preview.offers.push(offerLine(m, current ? 'update' : 'new', list));
    plan.writes.push({ kind: 'result', offerId: m.offer.id, existingId: current?.id ?? null, values });
  }
}
