import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS, type DemoScenario } from '../../electron/backend/demo/content/scenarios';
import { CALCULATOR_PRESETS } from '../../shared/presets/calculators';
import { ataHourlyRate, ataPrice } from '../../shared/logic/tariff/ata';
import { dailyTariff } from '../../shared/logic/tariff/daily-tariff';
import { projectBudget } from '../../shared/logic/tariff/index-projection';
import { occupancyWarnings } from '../../shared/logic/tariff/occupancy';
import { ScenarioInput } from '../../shared/domain/scenario';
import { formatKroner } from '../../shared/format/numbers';
import { checkBudgetLines } from '../../shared/logic/tariff/budget-check';
import { distribute } from '../../shared/logic/tariff/distribution';
import { kroner, type Ore } from '../../shared/logic/tariff/money';
import { averagePerUnit, objectiveFinancing } from '../../shared/logic/tariff/objective-financing';
import { impliedPlaces, paybackIncrease, paybackYears, perResidentYearCost } from '../../shared/logic/tariff/payback';
import { settleResult } from '../../shared/logic/tariff/result';
import { computeScenario, type ScenarioResult } from '../../shared/logic/tariff/scenario';
import { applyOverrides } from '../../shared/logic/tariff/variants';
import { homeRuleSet } from '../../shared/logic/tariff/rule-set';

const RULES = homeRuleSet(2022);

/*
 * The demo's scenarios and calculator presets against the seed papers (file 002; domain.md AT-01 … AT-13). The printed
 * tables are written out here again, independently of the demo data, in kroner as printed.
 */

const MUNICIPALITIES = ['Brønderslev', 'Frederikshavn', 'Hjørring', 'Jammerbugt', 'Læsø', 'Mariagerfjord', 'Morsø', 'Rebild', 'Thisted', 'Vesthimmerland', 'Aalborg'];
const printedColumn = (kr: readonly number[]): Record<string, number> => Object.fromEntries(MUNICIPALITIES.map((m, i) => [`${m} Kommune`, kr[i] as number]));

/** AT-01, "Fordeling af udgifter efter befolkningstørrelse", NT-1 v1 (002:3235–3257). */
const AT01 = {
  1: printedColumn([269_372, 439_261, 477_766, 284_473, 13_238, 309_949, 149_653, 227_363, 321_442, 270_885, 1_636_600]),
  2: printedColumn([489_767, 798_656, 868_665, 517_223, 24_068, 563_543, 272_096, 413_388, 584_440, 492_518, 2_975_637]),
  3: printedColumn([612_208, 998_320, 1_085_831, 646_529, 30_085, 704_429, 340_119, 516_735, 730_550, 615_647, 3_719_546]),
};
/** AT-02, the municipal 75 % of NT-1 v2 (002:17024–17036); printed totals 4.275.000 / 5.370.000 / 5.590.000. */
const AT02 = {
  1: printedColumn([261_719, 426_782, 464_193, 276_391, 12_861, 301_143, 145_401, 220_904, 312_310, 263_189, 1_590_106]),
  2: printedColumn([328_756, 536_098, 583_091, 347_186, 16_156, 378_278, 182_644, 277_487, 392_306, 330_602, 1_997_396]),
  3: printedColumn([342_224, 558_061, 606_980, 361_409, 16_818, 393_776, 190_127, 288_855, 408_378, 344_147, 2_079_226]),
};

const sum = (parts: Record<string, Ore>): Ore => Object.values(parts).reduce((a, b) => a + b, 0);

/** Every computed part within `kr` kroner of the printed cell, and the same municipalities. */
function expectWithin(parts: Record<string, Ore>, printed: Record<string, number>, kr = 1): void {
  expect(Object.keys(parts).sort()).toEqual(Object.keys(printed).sort());
  for (const [name, ore] of Object.entries(parts)) {
    expect(Math.abs(ore - kroner(printed[name]!)), `${name}: ${ore / 100} kr. vs printed ${printed[name]} kr.`).toBeLessThanOrEqual(kr * 100);
  }
}

function effectiveInput(scenario: DemoScenario): ScenarioInput {
  if (scenario.input) return ScenarioInput.parse(scenario.input);
  const base = DEMO_SCENARIOS.find((s) => s.name === scenario.base);
  if (!base) throw new Error(`No base ${scenario.base} for ${scenario.name}`);
  return ScenarioInput.parse({ ...applyOverrides(effectiveInput(base), scenario.overrides ?? {}), name: scenario.name });
}

const computed = new Map<string, ScenarioResult>(DEMO_SCENARIOS.map((s) => [s.name, computeScenario(effectiveInput(s))]));
const result = (name: string): ScenarioResult => computed.get(name) ?? expect.unreachable(`no scenario ${name}`);

describe('demo scenarios: NT-1 v1 and v2 as printed', () => {
  it('has two bases with two variants each; every scenario parses (a variant after its overrides) and computes', () => {
    expect(DEMO_SCENARIOS.map((s) => [s.name, s.base ?? null])).toEqual([
      ['NT-1 v1 – scenarie 1', null],
      ['NT-1 v1 – scenarie 2', 'NT-1 v1 – scenarie 1'],
      ['NT-1 v1 – scenarie 3', 'NT-1 v1 – scenarie 1'],
      ['NT-1 v2 – scenarie 1', null],
      ['NT-1 v2 – scenarie 2', 'NT-1 v2 – scenarie 1'],
      ['NT-1 v2 – scenarie 3', 'NT-1 v2 – scenarie 1'],
    ]);
    for (const s of DEMO_SCENARIOS) {
      expect(s.source).toMatch(/^002:\d/);
      if (s.base) {
        expect(s.input).toBeUndefined();
        // Variants change only the ramp-up: its years and their deficits (and the total as printed, where it is wrong).
        expect(Object.keys(s.overrides ?? {}).filter((k) => k !== 'printedTotal').sort()).toEqual(['deficits', 'years']);
      } else {
        expect(s.overrides).toBeUndefined();
        expect(ScenarioInput.safeParse(s.input).success).toBe(true);
      }
      expect(result(s.name).startup.totals.amount).toBeGreaterThan(0);
    }
  });

  it('keys the deficits by population 2. kvt. 2021 of the 11 municipalities (590.322 in all)', () => {
    const key = effectiveInput(DEMO_SCENARIOS[0]!).split.key;
    expect(Object.keys(key)).toHaveLength(11);
    expect(key['Aalborg Kommune']).toBe(219_573);
    expect(key['Læsø Kommune']).toBe(1_776);
    expect(Object.values(key).reduce((a, b) => a + b, 0)).toBe(590_322);
  });

  it('v1: totals 4,4 / 8 / 10 mio. kr., all on the municipalities, matching AT-01 cell by cell within 1 kr.', () => {
    const expected = [
      { n: 1, total: 4_400_000, operating: 2_200_000, deficits: [2_200_000, 0, 0], occupancy: [0.5, 1, 1] },
      // The text's "samlet set ca. 5,8 / 7,8 mio. kr." are the operating deficits alone (AT-03).
      { n: 2, total: 8_000_000, operating: 5_800_000, deficits: [2_200_000, 3_600_000, 0], occupancy: [0.5, 0.7, 1] },
      { n: 3, total: 10_000_000, operating: 7_800_000, deficits: [2_200_000, 3_600_000, 2_000_000], occupancy: [0.5, 0.7, 0.8] },
    ] as const;
    for (const e of expected) {
      const { startup } = result(`NT-1 v1 – scenarie ${e.n}`);
      expect(startup.startup.amount).toBe(kroner(2_200_000));
      expect(startup.years.map((y) => y.deficit)).toEqual(e.deficits.map(kroner));
      expect(startup.years.map((y) => y.occupancy)).toEqual([...e.occupancy]);
      expect(startup.totals.amount).toBe(kroner(e.total));
      expect(startup.totals.operatingDeficit).toBe(kroner(e.operating));
      expect(startup.totals.regionPart).toBe(0);
      expect(startup.totals.municipalPart).toBe(kroner(e.total));
      // The parts add up to the total exactly (the printed rows are off by +2 / +1 / −1 kr., AT-01) …
      expect(sum(startup.totals.perMunicipality)).toBe(kroner(e.total));
      // … and each is within 1 kr. of the printed cell.
      expectWithin(startup.totals.perMunicipality, AT01[e.n]);
    }
  });

  it('v1: warns that the budget lines (23.730.000 kr.) do not add up to the stated 22.900.000 kr., and that the levels bring in more', () => {
    const r = result('NT-1 v1 – scenarie 1');
    const lines = r.warnings.find((w) => w.includes(formatKroner(kroner(23_730_000))));
    expect(lines).toBeDefined();
    expect(lines).toContain(formatKroner(kroner(22_900_000)));
    expect(lines).toContain(formatKroner(kroner(830_000)));
    // AT-05: 71.200 kr. per day × 365 × 90 % = 23.389.200 kr., not the printed "ca. 22,9 mio. kr.".
    expect(r.levelRevenue).toBe(kroner(23_389_200));
    expect(r.revenueGap).toBe(kroner(489_200));
    // The variants inherit the budget and show the same warning.
    expect(result('NT-1 v1 – scenarie 3').warnings).toContain(lines);
  });

  it('v2: totals 5,7 / 7,13 / 7,43 mio. kr. from the components (printed 5,7 / 7,16 / 7,45), split 25 % Region / 75 % municipalities', () => {
    const expected = [
      { n: 1, total: 5_700_000, printedTotal: 5_700_000, deficits: [3_800_000, 0, 0] },
      { n: 2, total: 7_130_000, printedTotal: 7_160_000, deficits: [3_800_000, 1_430_000, 0] },
      { n: 3, total: 7_430_000, printedTotal: 7_450_000, deficits: [3_800_000, 1_430_000, 300_000] },
    ] as const;
    const differences: number[] = [];
    for (const e of expected) {
      const { startup } = result(`NT-1 v2 – scenarie ${e.n}`);
      expect(startup.startup.amount).toBe(kroner(1_900_000));
      expect(startup.years.map((y) => y.deficit)).toEqual(e.deficits.map(kroner));
      expect(startup.totals.amount).toBe(kroner(e.total));
      expect(startup.totals.regionPart).toBe(kroner(e.total * 0.25));
      expect(startup.totals.municipalPart).toBe(kroner(e.total * 0.75));
      expect(sum(startup.totals.perMunicipality)).toBe(startup.totals.municipalPart);
      // Every row is split 25/75 too (the amounts are multiples of 4 kr., so no rounding).
      for (const row of [startup.startup, ...startup.years]) expect(row.regionPart * 4).toBe(row.amount);
      differences.push((startup.totals.amount - kroner(e.printedTotal)) / 100);
    }
    // AT-04: the printed totals of scenarios 2 and 3 are 30.000 and 20.000 kr. above their components.
    expect(differences).toEqual([0, -30_000, -20_000]);
  });

  it('v2: the municipal parts match AT-02 where the printed total is right; elsewhere AT-02 distributes the printed (wrong) total', () => {
    // Scenario 1: the printed 4.275.000 kr. is right, and every cell is within 1 kr.
    expectWithin(result('NT-1 v2 – scenarie 1').startup.totals.perMunicipality, AT02[1]);
    // Scenarios 2 and 3: the app distributes 75 % of 7,13 / 7,43 mio. = 5.347.500 / 5.572.500 kr. (not the printed
    // 5.370.000 / 5.590.000), so e.g. Aalborg pays 1.989.027 / 2.072.717 kr., 8.369 / 6.509 kr. less than the printed
    // 1.997.396 / 2.079.226. The printed cells are the same key applied to the printed total.
    const key = effectiveInput(DEMO_SCENARIOS[3]!).split.key;
    for (const [n, municipal, printedMunicipal, aalborg] of [
      [2, 5_347_500, 5_370_000, 1_989_027],
      [3, 5_572_500, 5_590_000, 2_072_717],
    ] as const) {
      const parts = result(`NT-1 v2 – scenarie ${n}`).startup.totals.perMunicipality;
      expect(sum(parts)).toBe(kroner(municipal));
      expectWithin(distribute(kroner(printedMunicipal), key).parts, AT02[n]);
      expect(parts['Aalborg Kommune']).toBe(kroner(aalborg));
    }
  });

  it('v2: warns that the budget lines (23.750.000 kr.) do not add up to the stated 23.100.000 kr.', () => {
    const r = result('NT-1 v2 – scenarie 1');
    const lines = r.warnings.find((w) => w.includes(formatKroner(kroner(23_750_000))));
    expect(lines).toContain(formatKroner(kroner(23_100_000)));
    expect(r.levelRevenue).toBe(kroner(23_389_200));
    expect(r.revenueGap).toBe(kroner(289_200));
  });

  it('v2: flags the printed totals 7,16 and 7,45 mio. kr. beside the computed 7,13 and 7,43 (AT-04), and scenario 1 (printed right) not', () => {
    const printed = (name: string) => result(name).warnings.filter((w) => w.startsWith('Trykt i alt'));
    expect(printed('NT-1 v2 – scenarie 2')).toEqual([
      `Trykt i alt ${formatKroner(kroner(7_160_000))}, men opstart og underskud summerer til ${formatKroner(kroner(7_130_000))} (forskel ${formatKroner(kroner(30_000))}); beregningen bruger summen.`,
    ]);
    expect(printed('NT-1 v2 – scenarie 3')).toEqual([
      `Trykt i alt ${formatKroner(kroner(7_450_000))}, men opstart og underskud summerer til ${formatKroner(kroner(7_430_000))} (forskel ${formatKroner(kroner(20_000))}); beregningen bruger summen.`,
    ]);
    expect(printed('NT-1 v2 – scenarie 1')).toEqual([]);
  });
});

describe('demo calculator presets reproduce the printed results', () => {
  it('Svenstrupgård (AT-10): 14 years at +50 kr., or +144 kr. over 5 years; 18.250 / 9.125 and 52.560 / 26.280 kr. per resident', () => {
    const [preset] = CALCULATOR_PRESETS.payback;
    if (!preset) throw new Error('no payback preset');
    expect(preset.source).toBe('002:1445–1524');
    expect(preset.firstPlan.amount).toBe(kroner(preset.printed.firstAmount));
    // The places are implied by the first plan (6,8 mio. kr. at 50 kr. over 5 years), not printed.
    expect(impliedPlaces(preset.firstPlan)).toBeCloseTo(74.52, 2);
    expect(preset.extendPeriod.places).toBe(preset.keepPeriod.places);

    const years = paybackYears(preset.extendPeriod);
    expect(years.exactYears).toBeCloseTo(14.41, 2);
    expect(years.years).toBe(preset.printed.years);
    const increase = paybackIncrease(preset.keepPeriod);
    expect(increase.increase).toBe(kroner(preset.printed.increase));

    const [at50, at144] = preset.perResident.map((p) => perResidentYearCost(p.increase, p.options));
    expect(at50).toEqual({ gross: kroner(18_250), refund: kroner(9_125), net: kroner(preset.printed.net) });
    expect(at50!.gross).toBe(kroner(preset.printed.gross));
    expect(at144).toEqual({ gross: kroner(preset.printed.grossKeepPeriod), refund: kroner(26_280), net: kroner(preset.printed.netKeepPeriod) });
  });

  it('Tilbud X (AT-07): budget 8.000.000, result +770.000 (9,6 %): 400.000 set aside, 370.000 lowers the tariff by 2024', () => {
    const [preset] = CALCULATOR_PRESETS.result;
    if (!preset) throw new Error('no result preset');
    const { printed } = preset;
    // The input follows from the printed tables.
    const toOre = (lines: { label: string; amount: number }[]) => lines.map((l) => ({ label: l.label, amount: kroner(l.amount) }));
    expect(checkBudgetLines(toOre(printed.budgetLines), kroner(printed.budgetTotal))).toBeNull();
    expect(preset.input.basis).toBe(kroner(printed.budgetTotal));
    expect(printed.income - printed.costLines.reduce((a, l) => a + l.amount, 0)).toBe(printed.result);
    expect(preset.input.result).toBe(kroner(printed.result));

    const s = settleResult(preset.input);
    expect(s.kind).toBe('surplus');
    expect(Math.round(s.resultShare * 1000) / 10).toBe(printed.resultPercent);
    expect(s.setAside).toBe(kroner(printed.setAside));
    expect(s.toTariff).toBe(-kroner(printed.toTariff));
    // The paper says "202Y"; the preset's 2022 puts the tariff year at 2024 and the set-aside's use-by year at 2027.
    expect(s.tariffYear).toBe(2024);
    expect(s.setAsideUseBy).toBe(2027);
  });

  it('Socialtilsyn Nord 2020, 2021 (2022-priser) and 2022 (AT-12, AT-13): each municipality within 1 kr., parts adding up to the budget', () => {
    const presets = CALCULATOR_PRESETS.objectiveFinancing;
    expect(presets.map((p) => [p.id, p.printed.total])).toEqual([
      ['socialtilsyn-nord-2020', 19_474_430],
      ['socialtilsyn-nord-2021', 19_504_196],
      ['socialtilsyn-nord-2022', 18_745_427],
    ]);
    /** Σ 0–17-year-olds and Σ printed rows − total (AT-12: exact; AT-13: −2 and +1 kr.). */
    const expected = [
      { children: 121_454, rowsOff: 0, silkeborg: 20_681 },
      { children: 121_212, rowsOff: -2, silkeborg: 20_913 },
      { children: 120_469, rowsOff: 1, silkeborg: 20_636 },
    ];
    presets.forEach((preset, i) => {
      const e = expected[i]!;
      const weights = preset.input.weights;
      // Ten municipalities without Hjørring, plus Silkeborg.
      expect(Object.keys(weights)).toHaveLength(11);
      expect(weights['Hjørring Kommune']).toBeUndefined();
      expect(weights['Silkeborg Kommune']).toBe(e.silkeborg);
      expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBe(e.children);

      const { parts } = objectiveFinancing(preset.input);
      expect(sum(parts)).toBe(kroner(preset.printed.total));
      expectWithin(parts, preset.printed.parts);
      expect(Object.values(preset.printed.parts).reduce((a, b) => a + b, 0) - preset.printed.total).toBe(e.rowsOff);
    });
    // The average price per foster family (1.110 and 1.070 families): 17.571 and 17.519 kr.
    for (const preset of presets.filter((p) => p.average)) {
      expect(averagePerUnit(preset.average!.total, preset.average!.units)).toBe(kroner(preset.printed.average!));
    }
    expect(presets.filter((p) => p.average)).toHaveLength(2);
  });

  it('Bilag 2 (AT-08): 206 kr. × (1 + 0,25 + 0,05 + 0,33) = 335,78 kr. an hour; 5 × ½ hour = 839,45 kr.', () => {
    const [preset] = CALCULATOR_PRESETS.ata;
    if (!preset) throw new Error('no ATA preset');
    const rate = ataHourlyRate(preset.input);
    expect(rate).toBe(kroner(preset.printed.rate));
    expect(ataPrice({ rate, hoursPerDay: preset.hoursPerDay, days: preset.days })).toBe(kroner(preset.printed.price));
  });

  it('NT-1 v1 at full operation (AT-05): 22,9 mio. kr. over 10 places at 90 % is 6.971,08 kr. a day, with a warning on the occupancy', () => {
    const [preset] = CALCULATOR_PRESETS.dailyTariff;
    if (!preset) throw new Error('no daily tariff preset');
    expect(dailyTariff(preset.input)).toBe(kroner(6_971.08));
    expect(occupancyWarnings(preset.input.occupancy, preset.kind, RULES)).toMatchObject([{ severity: 'warning' }]);
    // The note's average of the four levels at the mix 3/3/2/2.
    expect((3 * 8_900 + 3 * 7_500 + 2 * 6_200 + 2 * 4_800) / 10).toBe(7_120);
    expect(preset.note).toContain('7.120 kr.');
  });

  it('Socialtilsyn Nord 2021 in 2022 prices (§3.14): the derived factor 1,0169 lands within 0,001 % of the printed amounts', () => {
    const presets = CALCULATOR_PRESETS.indexProjection;
    expect(presets.map((p) => [p.printed.amount, p.printed.projected])).toEqual([
      [34_370_000, 34_951_021],
      [19_180_000, 19_504_196],
      [15_190_000, 15_446_825],
    ]);
    for (const preset of presets) {
      const projected = projectBudget(preset.amount, preset.fromYear, preset.toYear);
      expect(Math.abs(projected - kroner(preset.printed.projected)) / projected).toBeLessThan(1e-5);
    }
    expect(projectBudget(presets[0]!.amount, 2021, 2022)).toBe(kroner(34_950_853));
  });
});
