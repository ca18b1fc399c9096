import type { TariffSheetContent, TariffUnit } from '../../domain/tariff-year';
import { formatKroner, formatNumber, formatPercent } from '../../format/numbers';
import { checkBudgetLines } from './budget-check';
import { COST_CATEGORIES } from './daily-tariff';
import { roundToOre } from './guards';
import { checkLevelPlaces } from './level-places';
import { type Ore } from './money';
import { firstYearLossWriteOff } from './new-offer';
import { occupancyWarnings, type OfferKind } from './occupancy';
import { type RuleSet } from './rule-set';

/*
 * A tariff sheet (takstberegningsskema) computed and checked: Styringsaftalen 2.2.1 (places and significant changes
 * explained), 5.1–5.3 (365 days, budgeted occupancy, results carried two years on), 5.5.1 (Tabel 4) and 6.1.2 (a new
 * offer's first-year loss over three years). Pure: the caller loads the offer, last year's sheet and the ledger.
 */

export interface SheetComputationInput {
  content: TariffSheetContent;
  year: number;
  offer: { offerKind: OfferKind; tariffUnit: TariffUnit; firstYear: number | null };
  /** Results due in this year's tariff from the 5 % ledger, signed: + raises the tariff (deficit), − lowers it. */
  dueResults: Ore;
  /** Last year's sheet as approved (its places and computed tariff), for the change checks; null for a first sheet. */
  previous: { places: number; tariff: Ore } | null;
  rules: RuleSet;
}

export type SheetCheckCode =
  | 'unknown-category'
  | 'budget-total'
  | 'occupancy-band'
  | 'occupancy-average'
  | 'level-places'
  | 'places-change-reason'
  | 'tariff-change-reason'
  | 'level-revenue';

export interface SheetCheck {
  code: SheetCheckCode;
  /** error: the sheet cannot be submitted; warning: DAS must see it; hint: advice. */
  severity: 'error' | 'warning' | 'hint';
  /** Danish, for the user and the takstbilag's flags. */
  message: string;
}

export interface SheetComputation {
  /** Sum of the budget lines (costs minus financial income). */
  budgetTotal: Ore;
  dueResults: Ore;
  /** This year's share of a new offer's first-year loss (6.1.2); 0 when none. */
  lossWriteOff: Ore;
  /** The tariff basis: budget + due results + loss write-off, never below 0. */
  tariffBasis: Ore;
  /** Units sold in the year: places × 365 × occupancy for day tariffs, places × occupancy for hours and units. */
  units: number;
  /** The computed (average) tariff per unit, øre: tariffBasis ÷ units, rounded once to whole øre. */
  tariff: Ore;
  /** Each level's tariff: the reported one, or the computed average when none is reported. */
  levels: { name: string; places: number; tariff: Ore; reported: boolean }[];
  /** Revenue of the levels at the budgeted occupancy; null when there are no levels. */
  levelRevenue: Ore | null;
  /** Change against last year; null without a previous sheet. */
  change: { places: number; tariff: Ore; tariffShare: number | null } | null;
  checks: SheetCheck[];
}

const isDayUnit = (unit: TariffUnit) => unit === 'døgn' || unit === 'dag';
const CATEGORY_KEYS = new Set<string>(COST_CATEGORIES.map((c) => c.key));

/** Computes a sheet's tariff(s) and every check; throws a RangeError (Danish) only for input the schema lets through and the engine cannot use. */
export function computeTariffSheet(input: SheetComputationInput): SheetComputation {
  const { content, year, offer, dueResults, previous, rules } = input;
  const checks: SheetCheck[] = [];

  for (const line of content.budgetLines) {
    if (!CATEGORY_KEYS.has(line.category)) {
      checks.push({ code: 'unknown-category', severity: 'error', message: `Budgetlinjen «${line.label}» har en ukendt omkostningskategori (${line.category}).` });
    }
  }
  const budgetTotal = content.budgetLines.reduce((sum, line) => sum + line.amount, 0);
  const totalWarning = checkBudgetLines(content.budgetLines, content.statedTotal);
  if (totalWarning) checks.push({ code: 'budget-total', severity: 'warning', message: totalWarning.message });

  const lossWriteOff =
    content.firstYearLoss > 0 && offer.firstYear !== null
      ? (firstYearLossWriteOff(content.firstYearLoss, offer.firstYear, { rules }).find((share) => share.tariffYear === year)?.amount ?? 0)
      : 0;
  const tariffBasis = Math.max(0, budgetTotal + dueResults + lossWriteOff);
  const units = content.places * content.occupancy * (isDayUnit(offer.tariffUnit) ? rules.daysPerYear : 1);
  const tariff = roundToOre(tariffBasis / units);

  const firstYear = content.occupancyMethod === 'new-offer-first-year';
  for (const warning of occupancyWarnings(content.occupancy, offer.offerKind, rules)) {
    // A new offer may budget its expected, lower occupancy in the first year (6.1.2): then the band is advice only.
    checks.push({ code: 'occupancy-band', severity: firstYear ? 'hint' : warning.severity, message: warning.message });
  }
  if (content.occupancyMethod === 'average-two-years' && content.occupancyHistory.length === 2) {
    const [a1, a2] = content.occupancyHistory as [number, number];
    const average = (a1 + a2) / 2;
    if (Math.abs(average - content.occupancy) > 0.0005) {
      checks.push({
        code: 'occupancy-average',
        severity: 'warning',
        message: `Belægningen er angivet som gennemsnittet af de to foregående år (${formatPercent(a1, 1)} og ${formatPercent(a2, 1)} = ${formatPercent(average, 1)}), men er sat til ${formatPercent(content.occupancy, 1)}.`,
      });
    }
  }

  const levelPlaces = checkLevelPlaces(content.levels, content.places);
  if (levelPlaces) checks.push({ code: 'level-places', severity: 'warning', message: levelPlaces });
  const levels = content.levels.map((level) => ({
    name: level.name,
    places: level.places,
    tariff: level.reportedTariff ?? tariff,
    reported: level.reportedTariff !== null,
  }));
  const levelRevenue = levels.length ? roundToOre(levels.reduce((sum, l) => sum + l.tariff * l.places, 0) * content.occupancy * (isDayUnit(offer.tariffUnit) ? rules.daysPerYear : 1)) : null;
  if (levelRevenue !== null && levels.some((l) => l.reported) && tariffBasis > 0 && Math.abs(levelRevenue - tariffBasis) > tariffBasis * 0.005) {
    checks.push({
      code: 'level-revenue',
      severity: 'warning',
      message: `Takstniveauerne giver en indtægt på ${formatKroner(levelRevenue)} ved den budgetterede belægning, men takstgrundlaget er ${formatKroner(tariffBasis)} (forskel ${formatKroner(levelRevenue - tariffBasis)}).`,
    });
  }

  let change: SheetComputation['change'] = null;
  if (previous) {
    const placesChange = Math.round((content.places - previous.places) * 1000) / 1000;
    const tariffChange = tariff - previous.tariff;
    const tariffShare = previous.tariff > 0 ? tariffChange / previous.tariff : null;
    change = { places: placesChange, tariff: tariffChange, tariffShare };
    const explained = content.reason.trim().length > 0;
    if (placesChange !== 0 && !explained) {
      checks.push({
        code: 'places-change-reason',
        severity: 'warning',
        message: `Antal pladser ændres fra ${formatNumber(previous.places)} til ${formatNumber(content.places)}: ændringen skal begrundes i skemaets bemærkninger (Styringsaftalen 2.2.3).`,
      });
    }
    if (tariffShare !== null && Math.abs(tariffShare) > rules.significantTariffChange && !explained) {
      checks.push({
        code: 'tariff-change-reason',
        severity: 'warning',
        message: `Taksten ændres ${formatPercent(tariffShare, 1)} (${formatKroner(tariffChange)}), mere end ${formatPercent(rules.significantTariffChange, 0)}: ændringen skal begrundes (Styringsaftalen 2.2.1).`,
      });
    }
  }

  return { budgetTotal, dueResults, lossWriteOff, tariffBasis, units, tariff, levels, levelRevenue, change, checks };
}
