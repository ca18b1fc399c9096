import type { Kysely, Transaction } from 'kysely';
import type { WriteScope } from '../write';
import { resultsOfOffers } from '../../../db/queries/offer-results';
import { listOrganisations } from '../../../db/queries/organisations';
import { listOffers } from '../../../db/queries/offers';
import { currentSheetsOfYear, insertSheet } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { TariffImportKind, TariffImportPreview, TariffImportReport } from '../../../shared/domain/tariff-import';
import { legalBasisLabel, tariffUnitLabel, type TariffSheetContent } from '../../../shared/domain/tariff-year';
import type { CategoryKey } from '../../../shared/logic/tariff/daily-tariff';
import { draftFromPreviousSheet } from '../../../shared/logic/tariff/sheet-draft';
import { AppError } from '../errors';
import { writeTariffTemplate, type TemplateOffer, type TemplateSheetValues } from '../spreadsheets/tariff-template';
import { historyYears } from '../../../shared/logic/tariff/sheet-draft';
import { realisedOccupancy } from '../../../shared/logic/tariff/ledger';
import type { BackupService } from './backups';
import { writeResult } from './results';
import { ruleSetInForce } from './rule-sets';
import { planTariffImport, type ImportFile } from './tariff-import-plan';
import { computedSheetsOfYear, SHEET_HISTORY_ENTITY } from './tariff-sheets';

export { MAX_TEMPLATE_BYTES, type ImportFile } from './tariff-import-plan';

/** Problems shown at once; the rest are counted (the preview lists them all). */
const SHOWN_PROBLEMS = 10;

/**
 * The operator's template for `year` as .xlsx bytes: its live offers with the year's stored sheet to correct, else
 * last year's figures to start from (as a new sheet in the window does), and the two last realised occupancies.
 */
export async function tariffTemplate(db: Kysely<DB>, operatorName: string, year: number, now: Date): Promise<{ bytes: Buffer; fileName: string; offers: number }> {
  const operator = (await listOrganisations(db)).find((o) => o.name.toLocaleLowerCase('da') === operatorName.trim().toLocaleLowerCase('da'));
  if (!operator) throw new AppError('INVALID_INPUT', `Driftsherren «${operatorName}» findes ikke blandt kommunerne og regionen.`);
  const offers = (await listOffers(db)).filter((o) => o.operatorId === operator.id && o.status !== 'closed');
  const ids = offers.map((o) => o.id);
  const thisYear = new Map((await currentSheetsOfYear(db, year, ids)).map((s) => [s.offerId, s.content]));
  const lastYear = new Map((await computedSheetsOfYear(db, year - 1, ids)).map((c) => [c.offer.id, c]));
  const allResults = await resultsOfOffers(db, ids);
  const results = new Map(allResults.filter((r) => r.year === year - 1).map((r) => [r.offerId, r]));
  const [older, newer] = historyYears(year);
  const realised = allResults.flatMap((r) => {
    const occupancy = realisedOccupancy(r);
    return occupancy === null ? [] : [{ offerId: r.offerId, year: r.year, occupancy }];
  });
  const rows: TemplateOffer[] = offers.map((offer) => {
    const previous = lastYear.get(offer.id);
    const own = thisYear.get(offer.id);
    const known = realised.filter((r) => r.offerId === offer.id);
    const content = own ?? (previous ? draftFromPreviousSheet(previous.sheet.content, known, year) : null);
    const result = results.get(offer.id);
    // A realised year where one is stored; else what the year's own sheet holds (newer first, as the sheet keeps it).
    const realisedIn = (y: number, i: number) => known.find((r) => r.year === y)?.occupancy ?? own?.occupancyHistory[i] ?? null;
    return {
      id: offer.id,
      name: offer.name,
      legalBasis: legalBasisLabel(offer.legalBasis),
      unit: tariffUnitLabel(offer.tariffUnit),
      previousTariff: previous?.computation.tariff ?? null,
      sheet: content ? templateValues(content, own !== undefined) : null,
      history: [realisedIn(older, 1), realisedIn(newer, 0)],
      result: result ? { basis: result.basis, result: result.result, setAside: result.setAside, activity: result.activity, capacity: result.capacity, note: result.note } : null,
    };
  });
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  writeTariffTemplate(book, { operatorName: operator.name, year, offers: rows, now });
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, fileName: `Takstskema ${year} - ${operator.name}.xlsx`, offers: rows.length };
}

/**
 * A sheet's figures as the template shows them. One reported tariff without ATA hours stands on «Takster»; any other
 * levels on «Takstniveauer». A reason and a first-year loss are carried only from the year's own sheet.
 */
function templateValues(content: TariffSheetContent, ownYear: boolean): TemplateSheetValues {
  const budget: Partial<Record<CategoryKey, number>> = {};
  for (const line of content.budgetLines) budget[line.category as CategoryKey] = (budget[line.category as CategoryKey] ?? 0) + line.amount;
  const [only] = content.levels;
  const single = content.levels.length === 1 && only!.reportedTariff !== null && only!.ataHours === null;
  return {
    places: content.places,
    occupancy: content.occupancy,
    occupancyMethod: content.occupancyMethod,
    budget,
    statedTotal: content.statedTotal,
    tariff: single ? only!.reportedTariff : null,
    levels: single ? [] : content.levels.map((l) => ({ name: l.name, places: l.places, tariff: l.reportedTariff, ataHours: l.ataHours })),
    firstYearLoss: ownYear ? content.firstYearLoss : 0,
    reason: ownYear ? content.reason : '',
  };
}

export async function previewTariffImport(db: Kysely<DB>, files: readonly ImportFile[], kind: TariffImportKind, year?: number): Promise<TariffImportPreview> {
  return (await planTariffImport(db, files, kind, year)).preview;
}

/** The problems as one Danish refusal. */
export function importRefusal(problems: readonly string[]): AppError {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('\n');
  const more = problems.length > SHOWN_PROBLEMS ? `\n… og ${problems.length - SHOWN_PROBLEMS} problem${problems.length - SHOWN_PROBLEMS === 1 ? '' : 'er'} mere.` : '';
  return new AppError('INVALID_INPUT', `Intet er indlæst. Ret filerne, og prøv igen:\n${shown}${more}`);
}

export interface ImportTarget {
  db: Kysely<DB>;
  backups: BackupService;
  now: () => Date;
  newId: () => string;
  /** One transaction with its history (the backend's ctx.write, so the windows hear of it). */
  transact: <T>(work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>) => Promise<T>;
}

/**
 * Checks the files again (they may have changed since the preview) and, with no problem, takes a backup and writes
 * every sheet as «submitted» (a new version where one is stored) or every result in one transaction.
 */
export async function applyTariffImport(
  target: ImportTarget,
  files: readonly ImportFile[],
  kind: TariffImportKind,
  year?: number,
  onProgress?: (step: string, fraction: number) => void,
): Promise<TariffImportReport> {
  onProgress?.('Kontrollerer filerne', 0);
  const plan = await planTariffImport(target.db, files, kind, year);
  if (plan.preview.problems.length > 0) throw importRefusal(plan.preview.problems);
  if (plan.year === null) throw new AppError('INVALID_INPUT', 'Filerne angiver intet år. Intet er indlæst.');
  const planYear = plan.year;
  const unchanged = plan.preview.offers.filter((o) => o.action === 'unchanged').length;
  if (plan.writes.length === 0) return { kind, year: planYear, written: 0, unchanged, backup: null };
  // Before the transaction, never inside it (the backup waits for open transactions).
  onProgress?.('Tager en sikkerhedskopi', 0.5);
  const backup = target.backups.dir ? await target.backups.create('import') : null;
  onProgress?.('Skriver i databasen', 0.8);
  const ruleSetId = (await ruleSetInForce(target.db, planYear)).id;
  await target.transact(async (trx, scope) => {
    const now = target.now().toISOString();
    for (const write of plan.writes) {
      if (write.kind === 'result') {
        await writeResult(trx, scope, { offerId: write.offerId, year: planYear, values: write.values, existing: 'correct' }, target.newId, now);
        continue;
      }
      const id = target.newId();
      await insertSheet(trx, { id, offerId: write.offerId, year: planYear, version: write.version, status: 'submitted', ruleSetId, content: write.content }, now);
      await scope.history({
        entity: SHEET_HISTORY_ENTITY,
        entityId: id,
        meetingId: null,
        itemId: null,
        action: 'oprettet',
        changes: { version: { before: write.version > 1 ? write.version - 1 : null, after: write.version }, status: { before: null, after: 'submitted' } },
      });
    }
  });
  return { kind, year: planYear, written: plan.writes.length, unchanged, backup: backup?.fileName ?? null };
}
