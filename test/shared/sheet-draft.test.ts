import { describe, expect, it } from 'vitest';
import { draftFromPreviousSheet } from '../../shared/logic/tariff/sheet-draft';
import { simpleSheetContent } from '../helpers/tariff-year-fixture';

describe('a new year’s sheet drafted from the latest one', () => {
  it('keeps a stated occupancy and leaves out the texts that belong to last year', () => {
    const previous = simpleSheetContent(10_000_000, 20, 0.9, { reason: 'Ny leder', approvalNote: 'FU 14.03.2025, punkt 5', dueResultsAtApproval: [{ resultYear: 2023, amount: 100 }] });
    const draft = draftFromPreviousSheet(previous, [{ year: 2024, occupancy: 0.97 }, { year: 2025, occupancy: 0.99 }], 2027);
    expect(draft).toEqual({ ...previous, reason: '', approvalNote: '', dueResultsAtApproval: null, occupancyHistory: [] });
  });

  it('recomputes the two-year average from the realised Y−3 and Y−2, newest first', () => {
    const previous = simpleSheetContent(10_000_000, 20, 0.9, { occupancyMethod: 'average-two-years', occupancyHistory: [0.9, 0.9] });
    const realised = [2022, 2023, 2024, 2027].map((year, i) => ({ year, occupancy: [0.8, 0.9, 0.95, 0.5][i]! }));
    expect(draftFromPreviousSheet(previous, realised, 2026)).toMatchObject({ occupancy: 0.925, occupancyHistory: [0.95, 0.9] });
    // With one realised year, or an overbooked pair above 100 %, the previous occupancy stands.
    expect(draftFromPreviousSheet(previous, realised.slice(0, 1), 2026)).toMatchObject({ occupancy: 0.9, occupancyHistory: [] });
    expect(draftFromPreviousSheet(previous, [{ year: 2023, occupancy: 1.04 }, { year: 2024, occupancy: 1.02 }], 2026)).toMatchObject({ occupancy: 0.9, occupancyHistory: [] });
  });

  it('turns a new offer’s first-year occupancy into a stated expectation: the first year is over', () => {
    const previous = simpleSheetContent(10_000_000, 20, 0.7, { occupancyMethod: 'new-offer-first-year', firstYearLoss: 50_000_000 });
    expect(draftFromPreviousSheet(previous, [], 2026)).toMatchObject({ occupancyMethod: 'expectation', occupancy: 0.7, firstYearLoss: 50_000_000 });
  });
});
