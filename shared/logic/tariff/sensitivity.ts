import type { ScenarioInput } from '../../domain/scenario';
import { computeScenario } from './scenario';
import type { Ore } from './money';

export interface SensitivityPoint {
  occupancy: number;
  /** The daily tariff if the budget were set at this occupancy. */
  dailyTariff: Ore;
  /** The scenario's total start-up deficit if every ramp-up year ran at this occupancy (computed deficits only). */
  operatingDeficit: Ore | null;
}

/**
 * How the tariff and the deficit move with occupancy: the scenario recomputed at each occupancy, the other inputs
 * unchanged. With entered deficits there is nothing to recompute, so the deficit is null.
 */
export function occupancySensitivity(input: ScenarioInput, occupancies: readonly number[] = [0.8, 0.85, 0.9, 0.95, 1]): SensitivityPoint[] {
  return occupancies.map((occupancy) => {
    const varied: ScenarioInput = {
      ...input,
      occupancy,
      years: input.fixedShare === undefined ? input.years : input.years.map((y) => ({ ...y, occupancy })),
      // Consistency checks are not the point here: no budget lines or levels to compare.
      budgetLines: [],
      levels: [],
    };
    const result = computeScenario(varied);
    return { occupancy, dailyTariff: result.dailyTariff, operatingDeficit: input.fixedShare === undefined ? null : result.startup.totals.operatingDeficit };
  });
}
