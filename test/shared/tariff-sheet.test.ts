import { describe, expect, it } from 'vitest';
import type { TariffSheetContent, TariffUnit } from '../../shared/domain/tariff-year';
import { homeRuleSet } from '../../shared/logic/tariff/rule-set';
import { computeTariffSheet, type SheetComputationInput } from '../../shared/logic/tariff/tariff-sheet';
import { simpleSheetContent } from '../helpers/tariff-year-fixture';

/*
 * The tariff sheet (takstberegningsskema) computed and checked: domain.md §3.2–3.6 and the worked examples AT-05
 * (NT-1's four tariff levels), AT-06 (NT-1's budget lines against its printed total) and AT-08 (an hourly rate).
 */

const RULES = homeRuleSet(2026);
const kr = (kroner: number) => Math.round(kroner * 100);

/** A single-level sheet of 10 mio. kr., 20 places and 95 % (the fixture's), changed by `extra`. */
const content = (extra: Partial<TariffSheetContent> = {}) => simpleSheetContent(10_000_000, 20, 0.95, extra);

function compute(extra: Partial<TariffSheetContent> = {}, input: Partial<Omit<SheetComputationInput, 'content'>> & { unit?: TariffUnit; firstYear?: number } = {}) {
  const { unit = 'døgn', firstYear = null, ...rest } = input as typeof input & { firstYear?: number | null };
  return computeTariffSheet({
    content: content(extra),
    year: 2026,
    offer: { offerKind: 'normal', tariffUnit: unit, firstYear },
    dueResults: 0,
    previous: null,
    rules: RULES,
    ...rest,
  });
}

const codes = (checks: { code: string }[]) => checks.map((c) => c.code);

// AT-06, NT-1 v1: nine lines summing to 23,73 mio. kr. printed with the total 22,9 mio. kr.
const NT1_V1_LINES = [
  ['personnel', 'Lønudgift', 17_800_000],
  ['personnel', 'Kurser', 200_000],
  ['citizenRelated', 'Direkte drift', 1_000_000],
  ['administration', 'Adm. Drift', 100_000],
  ['property', 'E&K Udgifter', 700_000],
  ['financialExpenses', 'Finansielle udgifter', 1_750_000],
  ['administration', 'Overhead', 1_380_000],
  ['administration', 'Tilsyn', 350_000],
  ['administration', 'Fællesudgifter vedr. Specialsektoren', 450_000],
] as const;
const nt1Lines = NT1_V1_LINES.map(([category, label, amount]) => ({ category, label, amount: kr(amount) }));

// AT-05: Takst 4 … 1 = 8.900, 7.500, 6.200, 4.800 kr./døgn for 3 + 3 + 2 + 2 residents.
const NT1_LEVELS = [
  { name: 'Takst 4', places: 3, reportedTariff: kr(8_900), ataHours: null },
  { name: 'Takst 3', places: 3, reportedTariff: kr(7_500), ataHours: null },
  { name: 'Takst 2', places: 2, reportedTariff: kr(6_200), ataHours: null },
  { name: 'Takst 1', places: 2, reportedTariff: kr(4_800), ataHours: null },
];

describe('computeTariffSheet', () => {
  it('divides the tariff basis by places × 365 × occupancy for a døgn tariff, with no check on a clean sheet', () => {
    const sheet = compute();
    expect(sheet.budgetTotal).toBe(kr(10_000_000));
    expect(sheet.units).toBeCloseTo(20 * 365 * 0.95, 9);
    // 10.000.000 / 6.935 = 1.441,96 kr.
    expect(sheet.tariff).toBe(144_196);
    expect(sheet.checks).toEqual([]);
  });

  it('warns when the budget lines do not add up to the stated total (AT-06: 23,73 against 22,9 mio. kr.)', () => {
    const sheet = compute({ budgetLines: nt1Lines, statedTotal: kr(22_900_000), places: 10, occupancy: 0.95 });
    expect(sheet.budgetTotal).toBe(kr(23_730_000));
    expect(sheet.checks).toEqual([
      { code: 'budget-total', severity: 'warning', message: expect.stringMatching(/23\.730\.000 kr\..*22\.900\.000 kr\..*830\.000 kr\. mere/) },
    ]);
    // The tariff follows the lines, not the printed total.
    expect(sheet.tariffBasis).toBe(kr(23_730_000));
  });

  it('refuses a budget line of an unknown cost category as an error', () => {
    const sheet = compute({ budgetLines: [{ category: 'lottery', label: 'Lotteri', amount: kr(10_000_000) }] });
    expect(sheet.checks).toEqual([{ code: 'unknown-category', severity: 'error', message: 'Budgetlinjen «Lotteri» har en ukendt omkostningskategori (lottery).' }]);
  });

  it('computes the revenue of reported tariff levels and finds it equal to the basis (AT-05: 23.389.200 kr. at 90 %)', () => {
    const sheet = compute({
      budgetLines: [{ category: 'personnel', label: 'Driftsudgifter', amount: kr(23_389_200) }],
      statedTotal: kr(23_389_200),
      places: 10,
      occupancy: 0.9,
      occupancyMethod: 'new-offer-first-year',
      levels: NT1_LEVELS,
    });
    expect(sheet.levelRevenue).toBe(kr(23_389_200));
    // The average tariff: 71.200 kr. a day for ten places is 7.120 kr.
    expect(sheet.tariff).toBe(kr(7_120));
    expect(sheet.levels.map((l) => [l.name, l.tariff, l.reported])).toEqual([
      ['Takst 4', kr(8_900), true],
      ['Takst 3', kr(7_500), true],
      ['Takst 2', kr(6_200), true],
      ['Takst 1', kr(4_800), true],
    ]);
    expect(codes(sheet.checks)).not.toContain('level-revenue');
  });

  it('warns when the reported levels do not earn the basis (AT-05 levels on AT-06 v1 lines: 340.800 kr. short)', () => {
    const sheet = compute({ budgetLines: nt1Lines, statedTotal: kr(23_730_000), places: 10, occupancy: 0.9, occupancyMethod: 'new-offer-first-year', levels: NT1_LEVELS });
    const check = sheet.checks.find((c) => c.code === 'level-revenue');
    expect(check?.severity).toBe('warning');
    expect(check?.message).toMatch(/23\.389\.200 kr\..*23\.730\.000 kr\..*-340\.800 kr\./);
  });

  it('gives a level without a reported tariff the computed average, and warns when the levels hold other places than the offer', () => {
    const sheet = compute({
      places: 10,
      levels: [
        { name: 'Høj', places: 4, reportedTariff: null, ataHours: 20 },
        { name: 'Lav', places: 5, reportedTariff: null, ataHours: 10 },
      ],
    });
    expect(sheet.levels.map((l) => l.tariff)).toEqual([sheet.tariff, sheet.tariff]);
    expect(sheet.levels.every((l) => !l.reported)).toBe(true);
    expect(sheet.checks).toEqual([{ code: 'level-places', severity: 'warning', message: 'Takstniveauerne har 9 pladser i alt, men tilbuddet har 10 pladser: 1 plads har intet takstniveau.' }]);
  });

  it('divides an hourly or unit tariff by places × occupancy, without 365 (AT-08: 335,78 kr. an hour)', () => {
    for (const unit of ['time', 'enhed'] as const) {
      const sheet = compute({ budgetLines: [{ category: 'personnel', label: 'Timer', amount: kr(3_189_910) }], statedTotal: kr(3_189_910), places: 10_000 }, { unit });
      expect(sheet.units).toBeCloseTo(9_500, 9);
      expect(sheet.tariff).toBe(kr(335.78));
    }
    const daily = compute({ budgetLines: [{ category: 'personnel', label: 'Timer', amount: kr(3_189_910) }], statedTotal: kr(3_189_910), places: 10_000 }, { unit: 'dag' });
    expect(daily.units).toBeCloseTo(9_500 * 365, 6);
  });

  it('adds the results due this year to the basis, and never lets a large surplus take the basis below 0', () => {
    // Østerskoven 2020 (AT-21): 1.945.571 kr. of the deficit falls due in 2022; AT-07's Tilbud X gives 370.000 kr. back.
    expect(compute({}, { dueResults: kr(1_945_571) }).tariffBasis).toBe(kr(11_945_571));
    expect(compute({}, { dueResults: kr(-370_000) }).tariffBasis).toBe(kr(9_630_000));
    const emptied = compute({}, { dueResults: kr(-12_000_000) });
    expect(emptied.tariffBasis).toBe(0);
    expect(emptied.tariff).toBe(0);
  });

  it('rounds once, the whole basis divided by the units, not each part on its own', () => {
    // 1.004 kr. + 2.004 kr. on 1.000 units: 1,004 → 1,00 and 2,004 → 2,00 would make 3,00; once it is 3,008 → 3,01.
    const sheet = compute({ budgetLines: [{ category: 'personnel', label: 'Drift', amount: 100_400 }], statedTotal: 100_400, places: 1_000, occupancy: 1 }, { unit: 'enhed', dueResults: 200_400 });
    expect(sheet.tariff).toBe(301);
  });

  it('writes a new offer’s first-year loss off over the rule set’s three years, in shares that add up to the øre (6.1.2)', () => {
    const loss = kr(1_000_000.01);
    const shares = [2025, 2026, 2027, 2028].map((year) => compute({ firstYearLoss: loss }, { year, firstYear: 2024 }).lossWriteOff);
    // 100.000.001 øre: two thirds rounded up by an øre, the last down; nothing in the fourth year.
    expect(shares).toEqual([33_333_334, 33_333_334, 33_333_333, 0]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(loss);
    expect(compute({ firstYearLoss: loss }, { year: 2025, firstYear: 2024 }).tariffBasis).toBe(kr(10_000_000) + 33_333_334);
    // The write-off follows the rule set: over two years under another agreement.
    const twoYears = { ...RULES, newOfferLossWriteOffYears: 2 };
    expect(compute({ firstYearLoss: loss }, { year: 2026, firstYear: 2024, rules: twoYears }).lossWriteOff).toBe(50_000_000);
    // An offer with no first year has nothing to write off.
    expect(compute({ firstYearLoss: loss }, { year: 2025 }).lossWriteOff).toBe(0);
  });

  it('checks the budgeted occupancy against the band: a warning below 95 %, a hint above 98 %, only a hint for a new offer’s first year', () => {
    expect(compute({ occupancy: 0.9 }).checks).toEqual([{ code: 'occupancy-band', severity: 'warning', message: expect.stringMatching(/90,0\s%.*95\s%–100\s%/) }]);
    expect(compute({ occupancy: 0.99 }).checks).toEqual([{ code: 'occupancy-band', severity: 'hint', message: expect.stringMatching(/anbefalede interval/) }]);
    // AT-09: 8 of 12 places in the first year.
    expect(compute({ occupancy: 8 / 12, occupancyMethod: 'new-offer-first-year' }).checks).toEqual([{ code: 'occupancy-band', severity: 'hint', message: expect.stringMatching(/66,7\s%/) }]);
  });

  it('warns when the occupancy said to be the two years’ average is not their average', () => {
    const stated = { occupancyMethod: 'average-two-years' as const, occupancyHistory: [0.96, 0.98] };
    expect(compute({ ...stated, occupancy: 0.97 }).checks).toEqual([]);
    expect(compute({ ...stated, occupancy: 0.95 }).checks).toEqual([
      { code: 'occupancy-average', severity: 'warning', message: expect.stringMatching(/gennemsnittet af de to foregående år \(96,0\s% og 98,0\s% = 97,0\s%\), men er sat til 95,0\s%\./) },
    ]);
  });

  it('asks for a reason when places change or the tariff changes more than the rule set’s threshold, and reads the threshold from the rules', () => {
    // Last year 20 places at 1.350 kr.: this year's 1.441,96 kr. is +6,8 %.
    const previous = { places: 20, tariff: kr(1_350) };
    const sheet = compute({}, { previous });
    expect(sheet.change).toEqual({ places: 0, tariff: 144_196 - 135_000, tariffShare: (144_196 - 135_000) / 135_000 });
    expect(codes(sheet.checks)).toEqual(['tariff-change-reason']);
    expect(compute({}, { previous, rules: { ...RULES, significantTariffChange: 0.1 } }).checks).toEqual([]);
    expect(codes(compute({}, { previous: { places: 22, tariff: kr(1_440) } }).checks)).toEqual(['places-change-reason']);
    expect(compute({ reason: 'Ny normering efter tilsyn' }, { previous: { places: 22, tariff: kr(1_350) } }).checks).toEqual([]);
  });
});
