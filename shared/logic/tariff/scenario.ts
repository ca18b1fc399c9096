import { formatKroner } from '../../format/numbers';
import type { ScenarioInput } from '../../domain/scenario';
import { checkBudgetLines } from './budget-check';
import { dailyTariff } from './daily-tariff';
import { checkLevelPlaces } from './level-places';
import { kroner, type Ore } from './money';
import { occupancyWarnings } from './occupancy';
import { homeRuleSet } from './rule-set';
import { startupScenario, type StartupScenarioResult } from './startup';
import { levelMixRevenue, revenueGap } from './structures';

export interface ScenarioResult {
  name: string;
  /** Budget ÷ (places × 365 × occupancy). */
  dailyTariff: Ore;
  /** Revenue of the level mix at the budgeted occupancy, and its gap to the budget (null without levels). */
  levelRevenue: Ore | null;
  revenueGap: Ore | null;
  startup: StartupScenarioResult;
  /** Every inconsistency and rule warning, in Danish, for the user to see. */
  warnings: string[];
}

/**
 * Computes a whole scenario with the rules of its agreement year: the daily tariff, the level mix against the budget,
 * the start-up years with their deficits split between Region and municipalities, and the consistency checks (budget
 * lines against the stated total, the levels' places against the offer's, level revenue against the budget, occupancy
 * outside the band, a printed total against the computed one).
 */
export function computeScenario(input: ScenarioInput): ScenarioResult {
  const rules = homeRuleSet(input.agreementYear);
  const budget = kroner(input.fullOperationBudget);
  const warnings: string[] = [];
  const lines = checkBudgetLines(input.budgetLines.map((l) => ({ label: l.label, amount: kroner(l.amount) })), budget);
  if (input.budgetLines.length > 0 && lines) warnings.push(lines.message);
  warnings.push(...occupancyWarnings(input.occupancy, input.offerKind, rules).filter((w) => w.severity === 'warning').map((w) => w.message));

  const places = checkLevelPlaces(input.levels, input.places);
  if (places) warnings.push(places);
  const levels = input.levels.map((l) => ({ name: l.name, dailyTariff: kroner(l.dailyTariff), places: l.places }));
  const levelRevenue = levels.length ? levelMixRevenue({ levels, occupancy: input.occupancy, rules }) : null;
  const gap = levelRevenue === null ? null : revenueGap(levelRevenue, budget);
  if (gap !== null && gap !== 0) {
    warnings.push(`Takstniveauernes indtægt ved den budgetterede belægning er ${formatKroner(Math.abs(gap))} ${gap < 0 ? 'mindre' : 'mere'} end budgettet.`);
  }
  const tariff = dailyTariff({ budget, places: input.places, occupancy: input.occupancy, rules });
  const startup = startupScenario({
    name: input.name,
    places: input.places,
    years: input.years,
    startupCosts: kroner(input.startupCosts),
    fullOperationBudget: budget,
    ...(input.fixedShare !== undefined ? { fixedShare: input.fixedShare } : { deficits: input.deficits!.map(kroner) }),
    split: { regionShare: input.split.regionShare, municipalities: input.split.key },
    rules,
  });
  if (input.printedTotal !== undefined && kroner(input.printedTotal) !== startup.totals.amount) {
    const printed = kroner(input.printedTotal);
    warnings.push(`Trykt i alt ${formatKroner(printed)}, men opstart og underskud summerer til ${formatKroner(startup.totals.amount)} (forskel ${formatKroner(printed - startup.totals.amount)}); beregningen bruger summen.`);
  }
  return { name: input.name, dailyTariff: tariff, levelRevenue, revenueGap: gap, startup, warnings };
}
