import { type z } from 'zod';
import { REFERENCE_ORGANISATIONS } from '../../../../shared/domain/reference-data';
import { type ScenarioInput } from '../../../../shared/domain/scenario';
import { kroner, type Ore } from '../../../../shared/logic/tariff/money';
import { type ObjectiveFinancingInput } from '../../../../shared/logic/tariff/objective-financing';
import {
  impliedPlaces,
  type ImpliedPlacesInput,
  type PaybackIncreaseInput,
  type PaybackYearsInput,
  type PerResidentYearCostOptions,
} from '../../../../shared/logic/tariff/payback';
import { type ResultInput } from '../../../../shared/logic/tariff/result';

/*
 * The demo's tariff scenarios and calculator presets, entered from the seed papers (file 002, lines cited as
 * '002:NNNN'; domain.md §2.2, §3 and the worked examples AT-01 … AT-13). Every figure is as printed; where the papers
 * contradict themselves the components are entered and the app computes the total (domain.md §8), and the printed
 * figure is kept next to it for comparison. test/backend/demo-scenarios.test.ts pins all of it to the seeds.
 */

/** A scenario as the demo loader creates it: a base with its whole input, or a variant of a base with its overrides. */
export interface DemoScenario {
  name: string;
  /** Name of the base, for a variant. */
  base?: string;
  /** A base's input, as JSON (kroner; occupancies and shares as fractions). */
  input?: z.input<typeof ScenarioInput>;
  /** A variant's changes to its base (see shared/logic/tariff/variants.ts); the loader sets the name. */
  overrides?: Record<string, unknown>;
  /** Where the figures are printed, e.g. '002:3004–3048'. */
  source: string;
  /** Danish remark for the user: where the papers' own figures disagree with what the app computes. */
  note?: string;
}

/** The population key of NT-1: "Befolkningstal pr. 2. kvartal 2021" of the 11 municipalities (002:3227–3257, 17018–17036). */
function populationKey(quarter: string): Record<string, number> {
  const key: Record<string, number> = {};
  for (const org of REFERENCE_ORGANISATIONS) {
    if (org.kind !== 'kommune') continue;
    const population = org.population[quarter];
    if (population === undefined) throw new Error(`Reference data: no population ${quarter} for ${org.name}`);
    key[org.name] = population;
  }
  return key;
}

/**
 * Years of the ramp-up. The ideoplæg counts "første/andet/tredje driftsår" without calendar years; its only calendar
 * anchor is the billing example "Hvis tilbuddets ibrugtages pr. 1. januar 2024, vil der være opstartsomkostninger i
 * 2023 og et forventet underskud i 2024" (v1, 002:2996–2998), so driftsår 1–3 are 2024–2026 (start-up costs in 2023).
 * v2 names no year at all; it keeps the same years so that v1 and v2 line up when compared.
 */
const YEAR_1 = 2024;
/** "Fuld belægning" after the ramp-up (the scenarios' 100 %, not the 90 % budgeted at full operation). */
const FULL = 1;
const years = (...occupancies: number[]) => occupancies.map((occupancy, i) => ({ year: YEAR_1 + i, occupancy }));

/** The four tariff levels and the mix the budget at full operation assumes: 3/3/2/2 residents (identical in v1 and v2). */
const NT1_LEVELS = [
  { name: 'Takst 4', dailyTariff: 8_900, places: 3 },
  { name: 'Takst 3', dailyTariff: 7_500, places: 3 },
  { name: 'Takst 2', dailyTariff: 6_200, places: 2 },
  { name: 'Takst 1', dailyTariff: 4_800, places: 2 },
];

const NT1_V1 = 'NT-1 v1 – scenarie 1';
const NT1_V2 = 'NT-1 v2 – scenarie 1';

/**
 * NT-1 v1 (ideoplæg, DAS 27.05.2021). Operating deficits as the table "Udgifter ved etablering af nyt tilbud" prints
 * them for driftsår 1–3 (002:3214–3224); scenario 3's fourth year, at full occupancy, has no deficit and is not printed.
 */
const NT1_V1_BASE: DemoScenario = {
  name: NT1_V1,
  source: '002:2926–2936, 2977–3014, 3056–3143, 3214–3257',
  note:
    'Budgetlinjerne summerer til 23,73 mio. kr., men driftsudgifterne er trykt som 22,9 mio. kr. (lønudgiften er trykt «17.8 mio.»). ' +
    'Takstniveauerne giver 23,39 mio. kr. ved 90 % belægning, ikke de trykte «ca. 22,9 mio. kr.».',
  input: {
    name: NT1_V1,
    agreementYear: 2022,
    places: 10,
    occupancy: 0.9,
    offerKind: 'normal',
    fullOperationBudget: 22_900_000,
    budgetLines: [
      { label: 'Lønudgift', amount: 17_800_000 },
      { label: 'Kurser', amount: 200_000 },
      { label: 'Direkte drift', amount: 1_000_000 },
      { label: 'Adm. Drift', amount: 100_000 },
      { label: 'E&K Udgifter', amount: 700_000 },
      { label: 'Finansielle udgifter', amount: 1_750_000 },
      { label: 'Overhead', amount: 1_380_000 },
      { label: 'Tilsyn', amount: 350_000 },
      { label: 'Fællesudgifter vedr. Specialsektoren', amount: 450_000 },
    ],
    levels: NT1_LEVELS,
    startupCosts: 2_200_000,
    // Scenario 1: 50 % the first year, then full occupancy.
    years: years(0.5, FULL, FULL),
    deficits: [2_200_000, 0, 0],
    // v1: the municipalities carry it all, "efter principperne for objektiv finansiering" (002:2987–2993).
    split: { regionShare: 0, key: populationKey('2021K2') },
  },
};

/**
 * NT-1 v2 ("IDEOPLÆG – REVIDERET", ~August 2021): new budget lines, start-up 1,9 mio. kr., Region 25 % (002:16910).
 * Scenarios 2 and 3 print totals 7,16 and 7,45 mio. kr., but their components add up to 7,13 and 7,43 (and the text
 * itself says "ca. 7,13" / "ca. 7,43"); the components are entered (AT-04).
 */
const NT1_V2_BASE: DemoScenario = {
  name: NT1_V2,
  source: '002:16697–16725, 16748–16788, 16887, 16903–16920, 16958–16970, 17007–17036',
  note: 'Budgetlinjerne summerer til 23,75 mio. kr., men driftsudgifterne er trykt som 23,1 mio. kr. Takstniveauerne giver 23,39 mio. kr. ved 90 % belægning.',
  input: {
    name: NT1_V2,
    agreementYear: 2022,
    places: 10,
    occupancy: 0.9,
    offerKind: 'normal',
    fullOperationBudget: 23_100_000,
    budgetLines: [
      { label: 'Lønudgift, variabel', amount: 14_800_000 },
      { label: 'Lønudgift, fast', amount: 3_100_000 },
      { label: 'Kurser', amount: 200_000 },
      { label: 'Direkte drift', amount: 1_000_000 },
      { label: 'Adm. Drift', amount: 200_000 },
      { label: 'E&K Udgifter', amount: 700_000 },
      { label: 'Finansielle udgifter', amount: 1_750_000 },
      { label: 'Overhead', amount: 1_200_000 },
      { label: 'Tilsyn', amount: 350_000 },
      { label: 'Fællesudgifter vedr. Specialsektoren', amount: 450_000 },
    ],
    levels: NT1_LEVELS,
    startupCosts: 1_900_000,
    years: years(0.5, FULL, FULL),
    deficits: [3_800_000, 0, 0],
    split: { regionShare: 0.25, key: populationKey('2021K2') },
  },
};

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  NT1_V1_BASE,
  {
    name: 'NT-1 v1 – scenarie 2',
    base: NT1_V1,
    source: '002:3017–3025, 3214–3257',
    note: 'Teksten siger «samlet set ca. 5,8 mio. kr.»: det er driftsunderskuddet alene; i alt med opstartsudgifterne er det 8 mio. kr.',
    // 50 %, 70 %, then full occupancy.
    overrides: { years: years(0.5, 0.7, FULL), deficits: [2_200_000, 3_600_000, 0] },
  },
  {
    name: 'NT-1 v1 – scenarie 3',
    base: NT1_V1,
    source: '002:3029–3039, 3214–3257',
    note:
      'Teksten siger «samlet set ca. 7,8 mio. kr.»: det er driftsunderskuddet alene; i alt med opstartsudgifterne er det 10 mio. kr. ' +
      'Afsnittet begynder «I andet scenarie», men er scenarie 3.',
    // 50 %, 70 %, 80 %, then full occupancy (the fourth year has no deficit).
    overrides: { years: years(0.5, 0.7, 0.8), deficits: [2_200_000, 3_600_000, 2_000_000] },
  },
  NT1_V2_BASE,
  {
    name: 'NT-1 v2 – scenarie 2',
    base: NT1_V2,
    source: '002:16972–16982, 17007–17036',
    note:
      'Trykt «Underskud i alt: 7,16 mio. kr.», men 1,9 + 3,8 + 1,43 = 7,13 mio. kr. (teksten siger selv «ca. 7,13»). ' +
      'Regionens trykte 1,8 og kommunernes 5,37 mio. kr. er regnet af 7,16; fordelingstabellen fordeler 5.370.000 kr.',
    overrides: { years: years(0.5, 0.7, FULL), deficits: [3_800_000, 1_430_000, 0] },
  },
  {
    name: 'NT-1 v2 – scenarie 3',
    base: NT1_V2,
    source: '002:16984–16996, 17007–17036',
    note:
      'Trykt «Underskud i alt: 7,45 mio. kr.», men 1,9 + 3,8 + 1,43 + 0,3 = 7,43 mio. kr. (teksten siger selv «ca. 7,43»). ' +
      'Regionens trykte 1,86 og kommunernes 5,59 mio. kr. er regnet af 7,45; fordelingstabellen fordeler 5.590.000 kr.',
    overrides: { years: years(0.5, 0.7, 0.8), deficits: [3_800_000, 1_430_000, 300_000] },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Calculator presets. Each carries exactly the input of its engine function (amounts in øre, made with kroner()),
// and `printed`: the figures as the paper prints them, in KRONER (not øre), to compare the computed result with.

interface DemoCalculation {
  /** Stable id for the calculator UI. */
  id: string;
  /** Danish, shown in the preset picker. */
  name: string;
  source: string;
}

/** A per-resident cost: the arguments of perResidentYearCost(increase, options). */
export interface DemoPerResidentCost {
  increase: Ore;
  options: PerResidentYearCostOptions;
}

/** Svenstrupgård (DAS 25.03.2021, punkt 8): a tariff increase that repays the municipality's co-financing. */
export interface DemoPaybackPreset extends DemoCalculation {
  /** impliedPlaces: the first plan, 6,8 mio. kr. at +50 kr. per døgn over 5 years (FU 15.5.2020). */
  firstPlan: ImpliedPlacesInput;
  /** paybackYears: keep +50 kr. and repay the actual 19,6 mio. kr. ("det vil tage 14 år"). */
  extendPeriod: PaybackYearsInput;
  /** paybackIncrease: keep 5 years and raise the increase instead ("144 kr."). */
  keepPeriod: PaybackIncreaseInput;
  /** perResidentYearCost at the current and the alternative increase. */
  perResident: DemoPerResidentCost[];
  printed: {
    firstAmount: number;
    amount: number;
    years: number;
    increase: number;
    /** Per full-time resident and year at +50 kr., before and after the 50 % refusion. */
    gross: number;
    net: number;
    /** The same at +144 kr. */
    grossKeepPeriod: number;
    netKeepPeriod: number;
  };
}

/** Tilbud X (Styringsaftale 2022, 5.3): a surplus above 5 % of the basis. */
export interface DemoResultPreset extends DemoCalculation {
  /** settleResult; the set-aside is left to its default, the maximum, as in the example. */
  input: ResultInput;
  printed: {
    /** Tabel 1: budget lines and "Ordinært bruttobudget i alt". */
    budgetLines: { label: string; amount: number }[];
    budgetTotal: number;
    /** Tabel 3: income, cost lines and the year's result. */
    income: number;
    costLines: { label: string; amount: number }[];
    result: number;
    /** "9,6 %" as a percentage. */
    resultPercent: number;
    setAside: number;
    toTariff: number;
  };
}

/** Socialtilsyn Nord's plejefamilie budget, paid by the 0–17-year-olds of its coverage area. */
export interface DemoObjectiveFinancingPreset extends DemoCalculation {
  /** The key's description, e.g. "0–17-årige pr. 2. kvt. 2020". */
  keyLabel: string;
  /** objectiveFinancing. */
  input: ObjectiveFinancingInput;
  /** averagePerUnit(total, units): the average price per foster family, where printed. */
  average?: { total: Ore; units: number };
  printed: {
    total: number;
    /** The printed rows, each rounded on its own to the nearest krone (they need not add up to the total). */
    parts: Record<string, number>;
    average?: number;
  };
}

export interface DemoCalculations {
  payback: readonly DemoPaybackPreset[];
  result: readonly DemoResultPreset[];
  objectiveFinancing: readonly DemoObjectiveFinancingPreset[];
}

const SVENSTRUPGAARD_FIRST_PLAN: ImpliedPlacesInput = { amount: kroner(6_800_000), increase: kroner(50), years: 5 };
/** ≈ 74,5 full-time residents: implied by the first plan, not printed (domain.md §3.10, AT-10). */
const SVENSTRUPGAARD_PLACES = impliedPlaces(SVENSTRUPGAARD_FIRST_PLAN);

const SVENSTRUPGAARD: DemoPaybackPreset = {
  id: 'svenstrupgaard-2021',
  name: 'Svenstrupgård – forlængelse af takststigningen (DAS 25.03.2021)',
  source: '002:1445–1524',
  firstPlan: SVENSTRUPGAARD_FIRST_PLAN,
  extendPeriod: { amount: kroner(19_600_000), increase: kroner(50), places: SVENSTRUPGAARD_PLACES },
  keepPeriod: { amount: kroner(19_600_000), years: 5, places: SVENSTRUPGAARD_PLACES },
  perResident: [
    { increase: kroner(50), options: { refundShare: 0.5 } },
    { increase: kroner(144), options: { refundShare: 0.5 } },
  ],
  printed: { firstAmount: 6_800_000, amount: 19_600_000, years: 14, increase: 144, gross: 18_250, net: 9_125, grossKeepPeriod: 52_560, netKeepPeriod: 26_280 },
};

/**
 * The example's year is printed as a placeholder, "I år 202Y" (002:17598); 2022, the year of the Styringsaftale it is
 * taken from, stands in for it, so the part above 5 % enters the tariff by 2024 at the latest.
 */
const TILBUD_X: DemoResultPreset = {
  id: 'tilbud-x-overskud',
  name: 'Tilbud X – overskud over 5 % (Styringsaftalen 2022, 5.3)',
  source: '002:17576–17644',
  input: { basis: kroner(8_000_000), result: kroner(770_000), year: 2022 },
  printed: {
    budgetLines: [
      { label: 'Lønomkostninger', amount: 6_500_000 },
      { label: 'Ejendomsomkostninger', amount: 675_000 },
      { label: 'Øvrige omkostninger', amount: 825_000 },
    ],
    budgetTotal: 8_000_000,
    income: 8_418_000,
    costLines: [
      { label: 'Lønomkostninger', amount: 6_236_000 },
      { label: 'Ejendomsomkostninger', amount: 611_000 },
      { label: 'Øvrige omkostninger', amount: 801_000 },
    ],
    result: 770_000,
    resultPercent: 9.6,
    setAside: 400_000,
    toTariff: 370_000,
  },
};

/** Silkeborg (Region Midtjylland) is in Socialtilsyn Nord's area but not a party of the agreement, so not in the reference data. */
const SILKEBORG = 'Silkeborg Kommune';
const SILKEBORG_CHILDREN: Record<string, number> = { '2019K2': 20_681, '2020K2': 20_913, '2021K2': 20_636 };

/**
 * Socialtilsyn Nord's coverage area: the North Jutland municipalities except Hjørring (a socialtilsyn may not supervise
 * its own municipality; Hjørring is supervised by Socialtilsyn Øst), plus Silkeborg (002:3469–3471).
 */
const SOCIALTILSYN_NORD_AREA: readonly string[] = [
  SILKEBORG,
  ...REFERENCE_ORGANISATIONS.filter((o) => o.kind === 'kommune' && o.name !== 'Hjørring Kommune').map((o) => o.name),
];

/** 0–17-year-olds of the coverage area in a quarter (Danmarks Statistik, 2nd quarter of the year before the budget year). */
function childrenKey(quarter: string): Record<string, number> {
  const key: Record<string, number> = {};
  for (const name of SOCIALTILSYN_NORD_AREA) {
    const children = name === SILKEBORG ? SILKEBORG_CHILDREN[quarter] : REFERENCE_ORGANISATIONS.find((o) => o.name === name)?.children[quarter];
    if (children === undefined) throw new Error(`Reference data: no 0–17-year-olds ${quarter} for ${name}`);
    key[name] = children;
  }
  return key;
}

/** Printed rows by municipality ("Aalborg" for Aalborg Kommune); exactly one per municipality of the coverage area. */
function rows(kr: Readonly<Record<string, number>>): Record<string, number> {
  const out = Object.fromEntries(Object.entries(kr).map(([short, amount]) => [`${short} Kommune`, amount]));
  const missing = SOCIALTILSYN_NORD_AREA.filter((name) => out[name] === undefined);
  if (missing.length > 0 || Object.keys(out).length !== SOCIALTILSYN_NORD_AREA.length) {
    throw new Error(`Socialtilsyn Nord: the printed rows do not match the coverage area (missing: ${missing.join(', ')})`);
  }
  return out;
}

function socialtilsynNord(preset: {
  id: string;
  name: string;
  source: string;
  quarter: string;
  keyLabel: string;
  total: number;
  parts: Readonly<Record<string, number>>;
  average?: { units: number; printed: number };
}): DemoObjectiveFinancingPreset {
  const out: DemoObjectiveFinancingPreset = {
    id: preset.id,
    name: preset.name,
    source: preset.source,
    keyLabel: preset.keyLabel,
    input: { budget: kroner(preset.total), weights: childrenKey(preset.quarter), coverageArea: SOCIALTILSYN_NORD_AREA },
    printed: { total: preset.total, parts: rows(preset.parts) },
  };
  if (preset.average) {
    out.average = { total: kroner(preset.total), units: preset.average.units };
    out.printed.average = preset.average.printed;
  }
  return out;
}

export const DEMO_CALCULATIONS: DemoCalculations = {
  payback: [SVENSTRUPGAARD],
  result: [TILBUD_X],
  objectiveFinancing: [
    // Årsrapport 2020, Tabel 15 (AT-12). No average per foster family is printed for 2020.
    socialtilsynNord({
      id: 'socialtilsyn-nord-2020',
      name: 'Socialtilsyn Nord – objektiv finansiering 2020',
      source: '002:6007–6039',
      quarter: '2019K2',
      keyLabel: '0–17-årige pr. 2. kvt. 2019',
      total: 19_474_430,
      parts: {
        Silkeborg: 3_316_076, Brønderslev: 1_253_891, Frederikshavn: 1_686_339, Jammerbugt: 1_255_173, Læsø: 37_360, Mariagerfjord: 1_318_349, Morsø: 616_363, Rebild: 1_143_414, Thisted: 1_398_681, Vesthimmerland: 1_182_858, Aalborg: 6_265_926,
      },
    }),
    // Budget 2022: 2021 restated in 2022 prices (AT-13). 1.110 foster families = 1.000 + 110 new approvals (002:18802).
    socialtilsynNord({
      id: 'socialtilsyn-nord-2021',
      name: 'Socialtilsyn Nord – objektiv finansiering 2021 (i 2022-priser)',
      source: '002:18859–18905',
      quarter: '2020K2',
      keyLabel: '0–17-årige pr. 2. kvt. 2020',
      total: 19_504_196,
      parts: {
        Silkeborg: 3_365_106, Brønderslev: 1_256_705, Frederikshavn: 1_667_991, Jammerbugt: 1_249_786, Læsø: 36_687, Mariagerfjord: 1_292_588, Morsø: 607_756, Rebild: 1_154_849, Thisted: 1_389_456, Vesthimmerland: 1_161_608, Aalborg: 6_321_662,
      },
      average: { units: 1_110, printed: 17_571 },
    }),
    // Budget 2022 (AT-13). 1.070 foster families = 980 + 90 new approvals (002:18802–18803).
    socialtilsynNord({
      id: 'socialtilsyn-nord-2022',
      name: 'Socialtilsyn Nord – objektiv finansiering 2022',
      source: '002:18859–18905',
      quarter: '2021K2',
      keyLabel: '0–17-årige pr. 2. kvt. 2021',
      total: 18_745_427,
      parts: {
        Silkeborg: 3_211_039, Brønderslev: 1_198_616, Frederikshavn: 1_593_071, Jammerbugt: 1_205_462, Læsø: 35_011, Mariagerfjord: 1_231_448, Morsø: 580_402, Rebild: 1_129_528, Thisted: 1_316_252, Vesthimmerland: 1_109_455, Aalborg: 6_135_144,
      },
      average: { units: 1_070, printed: 17_519 },
    }),
  ],
};
