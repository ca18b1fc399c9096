import { legalBasisLabel, legalBasisPosition, SHEET_STATUS_LABELS, tariffUnitLabel, type LegalBasis, type SheetStatus, type TariffUnit } from '../../domain/tariff-year';
import { type Ore } from './money';
import type { SheetCheck, SheetCheckCode } from './tariff-sheet';

/*
 * The takstbilag of a tariff year (Styringsaftalen 2.2; issue 17 item 4): every offer's current sheet, grouped by
 * operator (in the organisations' order) and legal basis (in the agreement's order), with last year's tariff, the
 * change, places, occupancy and every check of the sheet as a short flag. Pure: the backend loads and computes the
 * sheets; the PDF, the workbook and «Sæt på dagsorden» all read this one model.
 */

export interface TakstbilagSheet {
  offer: { id: string; name: string; operatorId: string; operatorName: string; legalBasis: LegalBasis; tariffUnit: TariffUnit };
  status: SheetStatus;
  version: number;
  places: number;
  occupancy: number;
  /** The computed tariff of the year, øre per unit. */
  tariff: Ore;
  tariffBasis: Ore;
  /** Last year's computed tariff; null for an offer without a sheet last year. */
  previousTariff: Ore | null;
  checks: readonly SheetCheck[];
  /** Set when the sheet's rule set was borrowed from a later year (rule-sets.ts#ruleSetNote). */
  ruleSetNote: string | null;
  /** Printed figures that differ from the computed ones (AT-21), each «… trykt: 24,2 %, beregnet: 33,1 %». */
  printedNotes?: readonly string[];
}

export interface TakstbilagFlag {
  code: SheetCheckCode | 'printed';
  severity: SheetCheck['severity'];
  /** A few words for the table's column. */
  short: string;
  /** The whole sentence, for the notes under the table. */
  message: string;
}

export interface TakstbilagRow {
  offerId: string;
  offerName: string;
  unit: TariffUnit;
  unitLabel: string;
  places: number;
  occupancy: number;
  tariff: Ore;
  previousTariff: Ore | null;
  /** Tariff − last year's, øre; null without last year's. */
  change: Ore | null;
  /** The change as a fraction of last year's; null without last year's (or when it was 0). */
  changeShare: number | null;
  tariffBasis: Ore;
  flags: TakstbilagFlag[];
  status: SheetStatus;
  statusLabel: string;
  version: number;
}

export interface TakstbilagGroup {
  legalBasis: LegalBasis;
  label: string;
  rows: TakstbilagRow[];
}

export interface TakstbilagTotals {
  offers: number;
  /** Places of the day and døgn offers. */
  places: number;
  tariffBasis: Ore;
  /** Offers with at least one flag. */
  flaggedOffers: number;
  flags: number;
  /** The plain mean of the offers' changes in per cent (offers with last year's tariff); null when none has one. */
  averageChangeShare: number | null;
}

export interface TakstbilagOperator {
  operatorId: string;
  operatorName: string;
  groups: TakstbilagGroup[];
  totals: TakstbilagTotals;
}

export interface Takstbilag {
  year: number;
  operators: TakstbilagOperator[];
  totals: TakstbilagTotals & { operators: number };
  /** Notes on the whole annex: each borrowed rule set once. */
  notes: string[];
}

const SHORT_FLAGS: Readonly<Record<SheetCheckCode, string>> = {
  'unknown-category': 'Ukendt omkostningskategori',
  'budget-total': 'Budgetlinjer ≠ total',
  'occupancy-band': 'Belægning uden for intervallet',
  'occupancy-average': 'Belægning ≠ gennemsnit',
  'level-places': 'Pladser på takstniveauer',
  'places-change-reason': 'Pladsændring ikke begrundet',
  'tariff-change-reason': 'Takstændring ikke begrundet',
  'level-revenue': 'Takstniveauer ≠ takstgrundlag',
};


function toRow(sheet: TakstbilagSheet): TakstbilagRow {
  const change = sheet.previousTariff === null ? null : sheet.tariff - sheet.previousTariff;
  const flags: TakstbilagFlag[] = sheet.checks.map((c) => ({ code: c.code, severity: c.severity, short: SHORT_FLAGS[c.code], message: c.message }));
  for (const note of sheet.printedNotes ?? []) flags.push({ code: 'printed', severity: 'warning', short: 'Trykt ≠ beregnet', message: note });
  return {
    offerId: sheet.offer.id,
    offerName: sheet.offer.name,
    unit: sheet.offer.tariffUnit,
    unitLabel: tariffUnitLabel(sheet.offer.tariffUnit),
    places: sheet.places,
    occupancy: sheet.occupancy,
    tariff: sheet.tariff,
    previousTariff: sheet.previousTariff,
    change,
    changeShare: change === null || !sheet.previousTariff ? null : change / sheet.previousTariff,
    tariffBasis: sheet.tariffBasis,
    flags,
    status: sheet.status,
    statusLabel: SHEET_STATUS_LABELS[sheet.status],
    version: sheet.version,
  };
}

function totalsOf(rows: readonly TakstbilagRow[]): TakstbilagTotals {
  const shares = rows.flatMap((r) => (r.changeShare === null ? [] : [r.changeShare]));
  return {
    offers: rows.length,
    // An hour or unit tariff's «places» are the year's capacity in hours or services: not places to add up.
    places: Math.round(rows.reduce((sum, r) => sum + (r.unit === 'døgn' || r.unit === 'dag' ? r.places : 0), 0) * 1000) / 1000,
    tariffBasis: rows.reduce((sum, r) => sum + r.tariffBasis, 0),
    flaggedOffers: rows.filter((r) => r.flags.length > 0).length,
    flags: rows.reduce((sum, r) => sum + r.flags.length, 0),
    averageChangeShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null,
  };
}

/**
 * Builds the annex. `operatorOrder` is the organisations' ids in their order (the municipalities, then the Region);
 * an operator not in it comes last, by name. Offers within a legal basis are sorted by name (Danish order).
 */
export function buildTakstbilag(year: number, sheets: readonly TakstbilagSheet[], operatorOrder: readonly string[]): Takstbilag {
  const collator = new Intl.Collator('da-DK');
  const rank = new Map(operatorOrder.map((id, i) => [id, i]));
  const byOperator = new Map<string, { name: string; sheets: TakstbilagSheet[] }>();
  for (const sheet of sheets) {
    const entry = byOperator.get(sheet.offer.operatorId) ?? { name: sheet.offer.operatorName, sheets: [] };
    entry.sheets.push(sheet);
    byOperator.set(sheet.offer.operatorId, entry);
  }
  const operatorIds = [...byOperator.keys()].sort(
    (a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || collator.compare(byOperator.get(a)!.name, byOperator.get(b)!.name),
  );

  const operators = operatorIds.map((operatorId): TakstbilagOperator => {
    const { name, sheets: own } = byOperator.get(operatorId)!;
    const bases = [...new Set(own.map((s) => s.offer.legalBasis))].sort((a, b) => legalBasisPosition(a) - legalBasisPosition(b));
    const groups = bases.map((legalBasis) => ({
      legalBasis,
      label: legalBasisLabel(legalBasis),
      rows: own
        .filter((s) => s.offer.legalBasis === legalBasis)
        .sort((a, b) => collator.compare(a.offer.name, b.offer.name))
        .map(toRow),
    }));
    return { operatorId, operatorName: name, groups, totals: totalsOf(groups.flatMap((g) => g.rows)) };
  });
  const allRows = operators.flatMap((o) => o.groups.flatMap((g) => g.rows));
  const notes = [...new Set(sheets.flatMap((s) => (s.ruleSetNote ? [s.ruleSetNote] : [])))];
  return { year, operators, totals: { ...totalsOf(allRows), operators: operators.length }, notes };
}

/** Every row of the annex in its order, with its operator and legal basis (the workbook's rows). */
export function takstbilagRows(annex: Takstbilag): { operator: TakstbilagOperator; group: TakstbilagGroup; row: TakstbilagRow }[] {
  return annex.operators.flatMap((operator) => operator.groups.flatMap((group) => group.rows.map((row) => ({ operator, group, row }))));
}
