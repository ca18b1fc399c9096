import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COST_CATEGORIES,
  PRICE_WAGE_FACTORS,
  RULE_SETS,
  annualCostPerPlace,
  ataHourlyRate,
  ataPrice,
  averageOfTwoPreviousYears,
  budgetFromTariff,
  checkBudgetLines,
  citizenDirectedPart,
  compareAtaModels,
  compareOccupancyWithPrinted,
  dailyTariff,
  kroner,
  levelMixRevenue,
  negotiableShare,
  negotiatedTariff,
  newOfferFirstYearOccupancy,
  occupancyForRevenue,
  occupancyWarnings,
  printedModelAtaHourlyRate,
  projectBudget,
  revenueGap,
  homeRuleSet,
  ruleSetFor,
  splitTariff,
  supplementaryServicePrice,
  type CategoryKey,
  type NegotiationInput,
} from '../../shared/logic/tariff';

const mio = (m: number) => kroner(m * 1_000_000);
const RULES = homeRuleSet(2022);

/** NT-1's four tariff levels and the mix 3/3/2/2 (domain.md AT-05). */
const NT1_LEVELS = [
  { name: 'Takst 4', dailyTariff: kroner(8900), places: 3 },
  { name: 'Takst 3', dailyTariff: kroner(7500), places: 3 },
  { name: 'Takst 2', dailyTariff: kroner(6200), places: 2 },
  { name: 'Takst 1', dailyTariff: kroner(4800), places: 2 },
];

/** NT-1 budget lines as printed (domain.md AT-06), in mio. kr. */
const NT1_V1_LINES = [
  { label: 'Lønudgift', amount: mio(17.8) },
  { label: 'Kurser', amount: mio(0.2) },
  { label: 'Direkte drift', amount: mio(1) },
  { label: 'Adm. Drift', amount: mio(0.1) },
  { label: 'E&K Udgifter', amount: mio(0.7) },
  { label: 'Finansielle udgifter', amount: mio(1.75) },
  { label: 'Overhead', amount: mio(1.38) },
  { label: 'Tilsyn', amount: mio(0.35) },
  { label: 'Fællesudgifter vedr. Specialsektoren', amount: mio(0.45) },
];
const NT1_V2_LINES = [
  { label: 'Lønudgift, variabel', amount: mio(14.8) },
  { label: 'Lønudgift, fast', amount: mio(3.1) },
  { label: 'Kurser', amount: mio(0.2) },
  { label: 'Direkte drift', amount: mio(1) },
  { label: 'Adm. Drift', amount: mio(0.2) },
  { label: 'E&K Udgifter', amount: mio(0.7) },
  { label: 'Finansielle udgifter', amount: mio(1.75) },
  { label: 'Overhead', amount: mio(1.2) },
  { label: 'Tilsyn', amount: mio(0.35) },
  { label: 'Fællesudgifter vedr. Specialsektoren', amount: mio(0.45) },
];

describe('rule sets', () => {
  it('holds the Styringsaftale 2022 parameters as data', () => {
    const r = RULE_SETS.find((set) => set.region === 'nordjylland' && set.year === 2022);
    expect(r).toMatchObject({
      region: 'nordjylland',
      year: 2022,
      daysPerYear: 365,
      resultThreshold: 0.05,
      resultTariffLagYears: 2,
      setAsideUseYears: 5,
      occupancyBand: { normal: { min: 0.95, max: 1 }, recommended: { min: 0.95, max: 0.98 }, shortStay: { min: 0.9 } },
      supplementaryMarkupMax: 0.05,
      newOfferLossWriteOffYears: 3,
      noticeExtraMonths: 1,
      substitutionNoticeDays: 14,
    });
    expect(Object.isFrozen(r?.occupancyBand.normal)).toBe(true);
  });

  it("uses the region's latest set not after the year and refuses years before the first in Danish", () => {
    const nordjylland = (year: number) => ruleSetFor({ region: 'nordjylland', year });
    expect(nordjylland(2022).year).toBe(2022);
    expect(nordjylland(2030).year).toBe(2022);
    expect(homeRuleSet(2030)).toBe(nordjylland(2030));
    expect(() => nordjylland(2021)).toThrow(RangeError);
    expect(() => nordjylland(2021)).toThrow('Der findes ingen takstregler for 2021; de første gælder fra 2022');
    expect(() => nordjylland(2022.5)).toThrow(/helt årstal/);
  });

  it('looks rules up by region too: a region without an agreement is refused in Danish', () => {
    expect(() => ruleSetFor({ region: 'midtjylland' as 'nordjylland', year: 2022 })).toThrow('Der findes ingen takstregler for regionen «midtjylland»');
  });
});

describe('daily tariff (Styringsaftalen 5.1, 5.2)', () => {
  it('divides the budget by places × 365 × occupancy and rounds to whole øre', () => {
    expect(dailyTariff({ rules: RULES, budget: kroner(23_389_200), places: 10, occupancy: 0.9 })).toBe(kroner(7120));
    // 1.000.000 kr. / (7 × 365 × 0,95 = 2.427,25) = 411,9897… kr.
    expect(dailyTariff({ rules: RULES, budget: kroner(1_000_000), places: 7, occupancy: 0.95 })).toBe(41199);
    expect(budgetFromTariff({ rules: RULES, tariff: kroner(7120), places: 10, occupancy: 0.9 })).toBe(kroner(23_389_200));
  });

  it('uses 365 days also in a leap year', () => {
    const leap = homeRuleSet(2024);
    expect(leap.daysPerYear).toBe(365);
    expect(dailyTariff({ budget: kroner(365_000), places: 1, occupancy: 1, rules: leap })).toBe(kroner(1000));
  });

  it('AT-10 / §3.1: annual cost of a full-time place is tariff × 365 (50 kr. → 18.250 kr.; 144 kr. → 52.560 kr.)', () => {
    expect(annualCostPerPlace(kroner(50), RULES)).toBe(kroner(18_250));
    expect(annualCostPerPlace(kroner(144), RULES)).toBe(kroner(52_560));
  });

  it('refuses impossible input with Danish messages', () => {
    const ok = { budget: kroner(1_000_000), places: 10, occupancy: 0.95 };
    expect(() => dailyTariff({ rules: RULES, ...ok, occupancy: 0 })).toThrow(RangeError);
    expect(() => dailyTariff({ rules: RULES, ...ok, occupancy: 0 })).toThrow(/Belægningsprocenten skal være større end 0 % og højst 100 %/);
    expect(() => dailyTariff({ rules: RULES, ...ok, occupancy: 1.2 })).toThrow(/højst 100 % \(fik 120,0\s%\)/);
    expect(() => dailyTariff({ rules: RULES, ...ok, occupancy: Number.NaN })).toThrow(/Belægningsprocenten/);
    expect(() => dailyTariff({ rules: RULES, ...ok, places: 0 })).toThrow('Antal pladser skal være større end 0 (fik 0)');
    expect(() => dailyTariff({ rules: RULES, ...ok, places: -3 })).toThrow(/Antal pladser/);
    expect(() => dailyTariff({ rules: RULES, ...ok, budget: -100 })).toThrow(/Budgettet kan ikke være negativ/);
    expect(() => dailyTariff({ rules: RULES, ...ok, budget: 10.5 })).toThrow(/helt antal øre/);
  });

  it('a higher occupancy never raises the daily tariff (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (budget, places, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(dailyTariff({ rules: RULES, budget, places, occupancy: high })).toBeLessThanOrEqual(dailyTariff({ rules: RULES, budget, places, occupancy: low }));
        },
      ),
    );
  });
});

describe('splitTariff (Tabel 4)', () => {
  it('lists the eight Tabel 4 categories with Danish labels and sub-lines', () => {
    expect(COST_CATEGORIES.map((c) => c.label)).toEqual([
      'Personaleomkostninger',
      'Borgerrelaterede udgifter/aktivitetsomkostninger',
      'Administrationsomkostninger',
      'Kompetenceudvikling',
      'Ejendomsomkostninger',
      'Afskrivninger/øvrige kapitalapparatsomkostninger',
      'Finansieringsindtægter',
      'Finansieringsudgifter',
    ]);
    expect(COST_CATEGORIES.find((c) => c.key === 'property')?.lines).toContain('Husleje (kun lejede bygninger)');
  });

  it('gives the leftover øre to the largest remainders, ties in Tabel 4 order', () => {
    // 3 × 10 kr. over 365 place-days: each exactly 2,739… øre, total 8,219… → 8 øre; two øre go by table order.
    const split = splitTariff({ personnel: 1000, property: 1000, administration: 1000 }, 1, 1, RULES);
    expect(split.total).toBe(8);
    expect(split.byCategory).toMatchObject({ personnel: 3, administration: 3, property: 2, citizenRelated: 0 });
  });

  it('lets interest income lower the tariff and refuses it with a positive sign', () => {
    const split = splitTariff({ personnel: kroner(36_500), financialIncome: kroner(-365) }, 1, 1, RULES);
    expect(split).toMatchObject({ total: kroner(99), byCategory: { personnel: kroner(100), financialIncome: kroner(-1) } });
    expect(() => splitTariff({ financialIncome: 100 }, 1, 1, RULES)).toThrow(/negativt fortegn/);
    expect(() => splitTariff({ personnel: -100 }, 1, 1, RULES)).toThrow(/Personaleomkostninger kan ikke være negative/);
  });

  it('parts always sum exactly to the total tariff, each within one øre of its exact share (property)', () => {
    const keys = COST_CATEGORIES.map((c) => c.key);
    const lines = fc.record(
      Object.fromEntries(
        keys.map((k) => [k, k === 'financialIncome' ? fc.integer({ min: -1e8, max: 0 }) : fc.integer({ min: 0, max: 1e10 })]),
      ) as Record<CategoryKey, fc.Arbitrary<number>>,
    );
    fc.assert(
      fc.property(
        lines,
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (budgetLines, places, occupancy) => {
          const budget = Object.values(budgetLines).reduce((s, a) => s + a, 0);
          fc.pre(budget >= 0);
          const { total, byCategory } = splitTariff(budgetLines, places, occupancy, RULES);
          expect(total).toBe(dailyTariff({ rules: RULES, budget, places, occupancy }));
          expect(Object.values(byCategory).reduce((s, a) => s + a, 0)).toBe(total);
          for (const key of keys) {
            expect(Math.abs(byCategory[key] - budgetLines[key] / (places * 365 * occupancy))).toBeLessThan(1 + 1e-6);
          }
        },
      ),
    );
  });
});

describe('occupancy (Styringsaftalen 5.2, 6.1.2)', () => {
  it('averages the two preceding years', () => {
    expect(averageOfTwoPreviousYears(0.96, 0.92)).toBeCloseTo(0.94, 12);
    expect(() => averageOfTwoPreviousYears(-0.1, 0.9)).toThrow(RangeError);
  });

  it('warns outside 95–100 % and hints outside the recommended 95–98 %', () => {
    expect(occupancyWarnings(0.97, 'normal', RULES)).toEqual([]);
    expect(occupancyWarnings(0.99, 'normal', RULES)).toEqual([{ severity: 'hint', message: expect.stringMatching(/anbefalede interval 95\s%–98\s%/) }]);
    expect(occupancyWarnings(0.9, 'normal', RULES)).toEqual([{ severity: 'warning', message: expect.stringMatching(/90,0\s% ligger uden for det forventede interval 95\s%–100\s%/) }]);
    expect(occupancyWarnings(1.05, 'normal', RULES)[0]?.severity).toBe('warning');
    expect(() => occupancyWarnings(0, 'normal', RULES)).toThrow(/Belægningsprocenten skal være større end 0/);
  });

  it('requires 90 % for short-stay, acute and respite offers', () => {
    expect(occupancyWarnings(0.9, 'short-stay', RULES)).toEqual([]);
    expect(occupancyWarnings(0.92, 'short-stay', RULES)).toEqual([]);
    expect(occupancyWarnings(0.85, 'short-stay', RULES)).toEqual([
      { severity: 'warning', message: expect.stringMatching(/under minimum 90\s% for korttids-, akut- og aflastningstilbud/) },
    ]);
  });

  it('AT-09: 8 expected residents on 12 places is 66,7 %, not the printed 75 % (which would be 9 of 12)', () => {
    const occupancy = newOfferFirstYearOccupancy(8, 12);
    expect(occupancy).toBeCloseTo(2 / 3, 12);
    const printed = compareOccupancyWithPrinted(occupancy, 0.75);
    expect(printed.matches).toBe(false);
    expect(printed.difference).toBeCloseTo(0.08333, 5);
    expect(printed.message).toMatch(/trykte belægning på 75,0\s% stemmer ikke med den beregnede 66,7\s% \(forskel 8,3\sprocentpoint\)/);
    expect(compareOccupancyWithPrinted(occupancy, 0.667).matches).toBe(true);
    expect(newOfferFirstYearOccupancy(9, 12)).toBe(0.75);
    expect(newOfferFirstYearOccupancy(6, 12)).toBe(0.5); // the follow-up: only six occupied
    expect(() => newOfferFirstYearOccupancy(13, 12)).toThrow(/kan ikke være større end antal pladser/);
    expect(() => newOfferFirstYearOccupancy(8, 0)).toThrow(/Antal pladser skal være større end 0/);
  });
});

describe('tariff structures (Styringsaftalen 5.4)', () => {
  it('AT-05: NT-1 levels 8.900/7.500/6.200/4.800 kr., mix 3/3/2/2, 10 places at 90 % earn 23.389.200 kr., not the printed 22,9/23,1 mio.', () => {
    const revenue = levelMixRevenue({ rules: RULES, levels: NT1_LEVELS, occupancy: 0.9 });
    expect(revenue).toBe(kroner(23_389_200));
    // The seed's figures: 22,9 mio. (v1) and 23,1 mio. (v2) are 489.200 kr. and 289.200 kr. too low …
    expect(revenueGap(revenue, mio(22.9))).toBe(kroner(489_200));
    expect(revenueGap(revenue, mio(23.1))).toBe(kroner(289_200));
    // … and correspond to 88,1 % and 88,9 % occupancy; at 100 % the mix earns 25.988.000 kr.
    expect(occupancyForRevenue(NT1_LEVELS, mio(22.9), RULES)).toBeCloseTo(0.8812, 4);
    expect(occupancyForRevenue(NT1_LEVELS, mio(23.1), RULES)).toBeCloseTo(0.8889, 4);
    expect(levelMixRevenue({ rules: RULES, levels: NT1_LEVELS, occupancy: 1 })).toBe(kroner(25_988_000));
    // Average tariff 7.120 kr./døgn.
    expect(dailyTariff({ rules: RULES, budget: revenue, places: 10, occupancy: 0.9 })).toBe(kroner(7120));
  });

  it('AT-05 × AT-06: the revenue falls 340.800 kr. short of the v1 budget lines (23,73 mio.)', () => {
    const revenue = levelMixRevenue({ rules: RULES, levels: NT1_LEVELS, occupancy: 0.9 });
    expect(revenueGap(revenue, mio(23.73))).toBe(kroner(-340_800));
  });

  it('refuses a level mix without places or with an impossible occupancy', () => {
    expect(() => levelMixRevenue({ rules: RULES, levels: NT1_LEVELS.map((l) => ({ ...l, places: 0 })), occupancy: 0.9 })).toThrow(/Antal pladser i alt/);
    expect(() => levelMixRevenue({ rules: RULES, levels: NT1_LEVELS, occupancy: 0 })).toThrow(/Belægningsprocenten/);
    expect(() => levelMixRevenue({ rules: RULES, levels: NT1_LEVELS, occupancy: 1.01 })).toThrow(/højst 100 %/);
  });

  it('prices a supplementary service at marginal cost plus at most 5 %', () => {
    expect(supplementaryServicePrice(kroner(1000), 0, RULES)).toBe(kroner(1000));
    expect(supplementaryServicePrice(kroner(1000), 0.05, RULES)).toBe(kroner(1050));
    expect(supplementaryServicePrice(333, 0.05, RULES)).toBe(350); // 349,65 øre
    expect(supplementaryServicePrice(kroner(-1000), 0.05, RULES)).toBe(kroner(-1050));
    expect(() => supplementaryServicePrice(kroner(1000), 0.06, RULES)).toThrow(/må højst være 5\s% af marginalomkostningen \(fik 6,0\s%/);
    expect(() => supplementaryServicePrice(kroner(1000), -0.01, RULES)).toThrow(RangeError);
  });

  it('negotiates only the citizen-directed part', () => {
    const part = citizenDirectedPart({ directSupportHours: 4, hourlyCost: kroner(450) });
    expect(part).toBe(kroner(1800));
    expect(negotiableShare({ baseTariff: kroner(6000), citizenDirectedPart: part })).toBeCloseTo(0.3, 12);
    const fewer = citizenDirectedPart({ directSupportHours: 3, hourlyCost: kroner(450) });
    expect(negotiatedTariff({ baseTariff: kroner(6000), citizenDirectedPart: part, newCitizenDirectedPart: fewer })).toBe(kroner(5550));
    const priceCut = { baseTariff: kroner(6000), citizenDirectedPart: part, newCitizenDirectedPart: fewer, hourlyCost: kroner(400) };
    expect(() => negotiatedTariff(priceCut as NegotiationInput)).toThrow(/Kun den borgerrettede del .* kan forhandles.*fjern: hourlyCost/);
    expect(() => negotiatedTariff({ baseTariff: kroner(1000), citizenDirectedPart: kroner(1800), newCitizenDirectedPart: 0 })).toThrow(
      /kan ikke være større end taksten/,
    );
  });
});

describe('ATA hourly rate (Bilag 2)', () => {
  const at08 = { hourCost: kroner(206), shift: 0.25, vfo: 0.05, absence: 0.33 };

  it('AT-08: 206 kr. × (1 + 0,25 + 0,05 + 0,33) = 335,78 kr./time; 5 days × 0,5 h = 839,45 kr./uge', () => {
    const rate = ataHourlyRate(at08);
    expect(rate).toBe(kroner(335.78));
    expect(ataPrice({ rate, hoursPerDay: 0.5, days: 5 })).toBe(kroner(839.45));
  });

  it('AT-08: the printed model without absence gives 267,80 kr. (669,50 kr./uge), 67,98 kr./time less', () => {
    expect(printedModelAtaHourlyRate(at08)).toBe(kroner(267.8));
    const cmp = compareAtaModels(at08);
    expect(cmp).toMatchObject({ effective: kroner(335.78), printedModel: kroner(267.8), difference: kroner(67.98) });
    expect(cmp.message).toMatch(/udelader fraværet/);
    expect(ataPrice({ rate: cmp.printedModel, hoursPerDay: 0.5, days: 5 })).toBe(kroner(669.5));
  });

  it('refuses negative coefficients', () => {
    expect(() => ataHourlyRate({ ...at08, absence: -0.1 })).toThrow(/Fraværskorrektionen kan ikke være negativ/);
    expect(() => ataPrice({ rate: 100, hoursPerDay: -1, days: 5 })).toThrow(RangeError);
  });

  it('is monotone in each coefficient (property)', () => {
    const coefficient = fc.double({ min: 0, max: 3, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        coefficient,
        coefficient,
        coefficient,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('shift', 'vfo', 'absence') as fc.Arbitrary<'shift' | 'vfo' | 'absence'>,
        (hourCost, shift, vfo, absence, raise, which) => {
          const base = { hourCost, shift, vfo, absence };
          const raised = { ...base, [which]: base[which] + raise };
          expect(ataHourlyRate(raised)).toBeGreaterThanOrEqual(ataHourlyRate(base));
        },
      ),
    );
  });
});

describe('price and wage index projection (§3.14)', () => {
  it('projects 2021 → 2022 with 1,0169; the derived factor is rounded, so Socialtilsyn Nord is 168 kr. off the printed 34.951.021 kr.', () => {
    expect(PRICE_WAGE_FACTORS[2022]).toBe(1.0169);
    const projected = projectBudget(kroner(34_370_000), 2021, 2022);
    expect(projected).toBe(kroner(34_950_853));
    expect(kroner(34_951_021) - projected).toBe(kroner(168));
    expect(projectBudget(kroner(19_180_000), 2021, 2022)).toBe(kroner(19_504_142)); // printed 19.504.196
  });

  it('compounds over several years, goes back by division and rounds once to whole kroner', () => {
    const factors = { 2022: 1.0169, 2023: 1.02 };
    expect(projectBudget(kroner(1_000_000), 2021, 2023, factors)).toBe(kroner(1_037_238)); // 1.037.238,00
    expect(projectBudget(kroner(1_016_900), 2022, 2021)).toBe(kroner(1_000_000));
    expect(projectBudget(12_345, 2022, 2022)).toBe(12_300);
    expect(() => projectBudget(kroner(1000), 2022, 2023)).toThrow('Der mangler en pris- og lønfremskrivningsfaktor fra 2022 til 2023');
  });
});

describe('budget consistency (AT-06)', () => {
  it('AT-06: NT-1 v1 lines sum to 23,73 mio. kr., 830.000 kr. more than the printed 22,9 mio.', () => {
    const warning = checkBudgetLines(NT1_V1_LINES, mio(22.9));
    expect(warning).toMatchObject({ computedTotal: mio(23.73), statedTotal: mio(22.9), difference: kroner(830_000) });
    expect(warning?.message).toBe(
      'Budgetlinjerne summerer til 23.730.000 kr., men totalen er angivet til 22.900.000 kr.: linjerne er 830.000 kr. mere end totalen.',
    );
  });

  it('AT-06: NT-1 v2 lines sum to 23,75 mio. kr., 650.000 kr. more than the printed 23,1 mio.', () => {
    expect(checkBudgetLines(NT1_V2_LINES, mio(23.1))).toMatchObject({ computedTotal: mio(23.75), difference: kroner(650_000) });
  });

  it('AT-06: v1 without Tilsyn and Fællesudgifter sums to 22,93 mio., which matches 22,9 at the printed precision', () => {
    const firstSeven = NT1_V1_LINES.slice(0, 7);
    expect(checkBudgetLines(firstSeven, mio(22.9))?.difference).toBe(kroner(30_000));
    expect(checkBudgetLines(firstSeven, mio(22.9), kroner(50_000))).toBeNull();
  });

  it('returns null for lines that add up, and says "mindre" for a shortfall', () => {
    expect(checkBudgetLines([{ label: 'a', amount: 100 }, { label: 'b', amount: 250 }], 350)).toBeNull();
    expect(checkBudgetLines([{ label: 'a', amount: kroner(100) }], kroner(150))?.message).toMatch(/50 kr\. mindre end totalen/);
  });
});
