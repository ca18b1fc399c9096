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
 * The two years whose actual occupancy the average of Styringsaftalen 5.2 uses for tariff year `year`, older first.
 * The operators report in October of Y−1, before that year is over: the last realised years are then Y−3 and Y−2
 * (domain.md §3.2), the same two-year lag as a result's way into the tariff (5.3). The template and the window agree.
 */
export const historyYears = (year: number): [number, number] => [year - 3, year - 2];

/**
 * The content a sheet for `year` starts from. With the two-year average (Styringsaftalen 5.2) the occupancy is
 * recomputed from the two years of historyYears when both are known; a new offer's first-year
 * occupancy becomes a stated expectation, since the first year is over.
 */
export function draftFromPreviousSheet(previous: TariffSheetContent, realised: readonly RealisedOccupancy[], year: number): TariffSheetContent {
  const [older, newer] = historyYears(year);
  const lastTwo = [newer, older].flatMap((y) => realised.filter((r) => r.year === y).map((r) => r.occupancy));
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
