import type { ProposalContent, ScenarioFigures, VersionEconomy } from '../../domain/proposal';
import type { ScenarioInput } from '../../domain/scenario';
import { formatInteger, formatPercent } from '../../format/numbers';
import { kroner } from '../tariff/money';
import { computeScenario } from '../tariff/scenario';

/** A start-up scenario of a version with the input its figures come from (the frozen one, once the version is locked). */
export interface ScenarioSource {
  scenarioId: string;
  name: string;
  frozenNumber: number | null;
  input: ScenarioInput;
}

export interface EconomyInput {
  content: ProposalContent;
  scenarios: readonly ScenarioSource[];
  chosenScenarioId: string | null;
  /** The municipalities of the Socialaftale (names as in the keys); a key must weigh every one of them. */
  municipalities: readonly string[];
}

/**
 * A version's money, all from the tariff engine: each start-up scenario computed, the per-municipality table of each,
 * the engine's own consistency checks, and the checks between the proposal's text and its scenarios. Nothing here is
 * typed in by hand, so the proposal cannot show a figure the rules do not give.
 */
export function versionEconomy(input: EconomyInput): VersionEconomy {
  const scenarios: ScenarioFigures[] = [];
  const errors: string[] = [];
  for (const source of input.scenarios) {
    try {
      scenarios.push(scenarioFigures(source));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      errors.push(`Scenariet «${source.name}» kan ikke beregnes: ${error.message}`);
    }
  }
  const keyGaps = input.scenarios.flatMap((s) => missingFromKey(s, input.municipalities));
  return {
    scenarios,
    checks: consistencyChecks(input.content, input.scenarios),
    missing: [...missingFields(input), ...keyGaps],
    errors,
  };
}

function scenarioFigures(source: ScenarioSource): ScenarioFigures {
  const { input } = source;
  const result = computeScenario({ ...input, name: source.name });
  const { startup } = result;
  const firstYear = startup.years[0]?.year ?? null;
  const budgetLines = input.budgetLines.map((l) => ({ label: l.label, ore: kroner(l.amount) }));
  const columns = [
    { label: firstYear === null ? 'Opstart' : `Opstart ${firstYear - 1}`, year: firstYear === null ? null : firstYear - 1, row: startup.startup },
    ...startup.years.map((y, i) => ({ label: `Driftsår ${i + 1} (${y.year})`, year: y.year, row: y })),
  ];
  const perMunicipality = Object.entries(input.split.key).map(([organisationName, weight]) => {
    const amounts = columns.map((c) => ({ label: c.label, year: c.year, ore: c.row.perMunicipality[organisationName] ?? 0 }));
    return { organisationName, weight, share: startup.totals.shares[organisationName] ?? 0, amounts, totalOre: startup.totals.perMunicipality[organisationName] ?? 0 };
  });
  return {
    scenarioId: source.scenarioId,
    name: source.name,
    frozenNumber: source.frozenNumber,
    agreementYear: input.agreementYear,
    places: input.places,
    occupancy: input.occupancy,
    fullOperationBudgetOre: kroner(input.fullOperationBudget),
    budgetLines,
    budgetLinesSumOre: budgetLines.reduce((sum, l) => sum + l.ore, 0),
    levels: input.levels.map((l) => ({ name: l.name, dailyTariffOre: kroner(l.dailyTariff), places: l.places })),
    levelRevenueOre: result.levelRevenue,
    dailyTariffOre: result.dailyTariff,
    startupCostsOre: startup.totals.startupCosts,
    years: startup.years.map((y) => ({ year: y.year, occupancy: y.occupancy, deficitOre: y.deficit, regionOre: y.regionPart, municipalOre: y.municipalPart })),
    regionShare: input.split.regionShare,
    totalOre: startup.totals.amount,
    regionTotalOre: startup.totals.regionPart,
    municipalTotalOre: startup.totals.municipalPart,
    operatingDeficitOre: startup.totals.operatingDeficit,
    perMunicipality,
    warnings: result.warnings,
  };
}

/** A key that leaves out a municipality of the Socialaftale would let it pay nothing: named, and blocks the agenda. */
function missingFromKey(source: ScenarioSource, municipalities: readonly string[]): string[] {
  const key = source.input.split.key;
  return municipalities.filter((m) => !(m in key)).map((m) => `Fordelingsnøglen i scenariet «${source.name}» mangler ${m}`);
}

/** The required fields of domain.md §2.2 that a version on an agenda must have, by their Danish names. */
function missingFields({ content, scenarios, chosenScenarioId }: EconomyInput): string[] {
  const missing: string[] = [];
  const blank = (text: string) => text.trim() === '';
  if (blank(content.operator)) missing.push('Driftsherre');
  if (blank(content.targetGroupPrimary)) missing.push('Målgruppe (primær)');
  if (content.legalBasis.length === 0) missing.push('Lovgrundlag');
  if (content.places === null || content.places === 0) missing.push('Antal pladser');
  if (blank(content.tariffModel)) missing.push('Takstmodel');
  if (blank(content.deficitCoverage.keyLabel)) missing.push('Fordelingsnøgle for underskudsdækningen');
  if (scenarios.length === 0) missing.push('Mindst ét opstartsscenarie');
  else if (chosenScenarioId === null || !scenarios.some((s) => s.scenarioId === chosenScenarioId)) missing.push('Det valgte scenarie');
  return missing;
}

/** Where the proposal's text and its scenarios disagree; shown on the proposal, they do not block the agenda. */
function consistencyChecks(content: ProposalContent, scenarios: readonly ScenarioSource[]): string[] {
  const checks: string[] = [];
  for (const { name, input } of scenarios) {
    if (content.places !== null && content.places > 0 && input.places !== content.places) {
      checks.push(`Scenariet «${name}» regner med ${formatInteger(input.places)} pladser, men forslaget siger ${formatInteger(content.places)}.`);
    }
    const share = content.deficitCoverage.regionShare;
    if (Math.abs(input.split.regionShare - share) > 1e-9) {
      checks.push(`Scenariet «${name}» lader Regionen dække ${formatPercent(input.split.regionShare, 0)}, men forslaget siger ${formatPercent(share, 0)}.`);
    }
    const deficitYears = (input.deficits ?? []).filter((d) => d > 0).length;
    if (content.deficitCoverage.coveredYears > 0 && deficitYears > content.deficitCoverage.coveredYears) {
      checks.push(`Scenariet «${name}» har underskud i ${deficitYears} driftsår, men underskudsdækningen omfatter ${content.deficitCoverage.coveredYears}.`);
    }
    const described = new Set(content.levels.map((l) => l.name));
    for (const level of input.levels) {
      if (content.levels.length > 0 && !described.has(level.name)) checks.push(`Takstniveauet «${level.name}» i scenariet «${name}» er ikke beskrevet i forslaget.`);
    }
  }
  return [...new Set(checks)];
}
