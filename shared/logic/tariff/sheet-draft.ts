import type { TariffSheetContent } from '../../domain/tariff-year';

/*
 * A new year's sheet starts from the offer's latest sheet, as the operators' templates do: the budget, places,
 * occupancy and levels carried over for the operator to correct, the texts that belong to one year left out.
 */

export interface RealisedOccupancy {
  year: number;
  /** Activity over capacity, a fraction. */
  occupancy: number;
}

/**
 * The content a sheet for `year` starts from. With the two-year average (Styringsaftalen 5.2) the occupancy is
 * recomputed from the two latest realised years before `year` when both are known; a new offer's first-year
 * occupancy becomes a stated expectation, since the first year is over.
 */
export function draftFromPreviousSheet(previous: TariffSheetContent, realised: readonly RealisedOccupancy[], year: number): TariffSheetContent {
  const lastTwo = realised
    .filter((r) => r.year < year)
    .sort((a, b) => b.year - a.year)
    .slice(0, 2)
    .map((r) => r.occupancy);
  // Rounded to a hundredth of a per cent, the precision the sheet shows; the sheet's check allows that much.
  const average = lastTwo.length === 2 ? Math.round(((lastTwo[0]! + lastTwo[1]!) / 2) * 10_000) / 10_000 : null;
  // An overbooked pair of years (above 100 %) is no budget occupancy: the operator states one instead.
  const recomputed = previous.occupancyMethod === 'average-two-years' && average !== null && average > 0 && average <= 1;
  return {
    ...previous,
    occupancyMethod: previous.occupancyMethod === 'new-offer-first-year' ? 'expectation' : previous.occupancyMethod,
    occupancy: recomputed ? average : previous.occupancy,
    occupancyHistory: recomputed ? lastTwo : [],
    reason: '',
    approvalNote: '',
    dueResultsAtApproval: null,
  };
}
