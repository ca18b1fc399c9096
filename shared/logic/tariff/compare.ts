import type { ScenarioInput } from '../../domain/scenario';
import type { ScenarioResult } from './scenario';

export interface ComparedFigure {
  label: string;
  /** One value per scenario, in the order given (kroner as øre; fractions as fractions). */
  values: number[];
  unit: 'øre' | 'fraction' | 'count';
  /** Against the first scenario: absolute difference and relative (null where the first is 0). */
  differences: { absolute: number; relative: number | null }[];
}

/**
 * Two to four scenarios side by side: the inputs and outputs a manager compares, each with its difference from the
 * first scenario (the base) in absolute terms and in per cent.
 */
export function compareScenarios(scenarios: readonly { input: ScenarioInput; result: ScenarioResult }[]): ComparedFigure[] {
  if (scenarios.length < 2 || scenarios.length > 4) throw new RangeError('Der kan sammenlignes to til fire scenarier ad gangen');
  const figure = (label: string, unit: ComparedFigure['unit'], of: (s: (typeof scenarios)[number]) => number): ComparedFigure => {
    const values = scenarios.map(of);
    const base = values[0]!;
    return { label, unit, values, differences: values.map((v) => ({ absolute: v - base, relative: base === 0 ? null : (v - base) / base })) };
  };
  const kr = (amount: number) => Math.round(amount * 100);
  return [
    figure('Pladser', 'count', (s) => s.input.places),
    figure('Budgetteret belægning', 'fraction', (s) => s.input.occupancy),
    figure('Budget ved fuld drift', 'øre', (s) => kr(s.input.fullOperationBudget)),
    figure('Etablering og opstart', 'øre', (s) => kr(s.input.startupCosts)),
    figure('Regionens andel', 'fraction', (s) => s.input.split.regionShare),
    figure('Døgntakst', 'øre', (s) => s.result.dailyTariff),
    figure('Samlet underskud i opstarten', 'øre', (s) => s.result.startup.totals.operatingDeficit),
    figure('Samlet at dække (opstart + underskud)', 'øre', (s) => s.result.startup.totals.amount),
    figure('Heraf Regionen', 'øre', (s) => s.result.startup.totals.regionPart),
    figure('Heraf kommunerne', 'øre', (s) => s.result.startup.totals.municipalPart),
  ];
}
