import { REFERENCE_ORGANISATIONS } from '../domain/reference-data';
import { type AtaRateInput } from '../logic/tariff/ata';
import { type DailyTariffInput } from '../logic/tariff/daily-tariff';
import { kroner, type Ore } from '../logic/tariff/money';
import { type ObjectiveFinancingInput } from '../logic/tariff/objective-financing';
import { type OfferKind } from '../logic/tariff/occupancy';
import {
  impliedPlaces,
  type ImpliedPlacesInput,
  type PaybackIncreaseInput,
  type PaybackYearsInput,
  type PerResidentYearCostOptions,
} from '../logic/tariff/payback';
import { type ResultInput } from '../logic/tariff/result';
import { homeRuleSet } from '../logic/tariff/rule-set';

/*
 * The presets of the calculators (Takstscenarier → Beregninger): the worked examples of the seed papers (file 002,
 * lines cited as '002:NNNN'; domain.md AT-07 … AT-13 and §3.14). Each preset carries exactly the input of its engine
 * function (amounts in øre, made with kroner()), and `printed`: the figures as the paper prints them, in KRONER (not
 * øre), to compare the computed result with. Pure data: the renderer shows them, test/backend/demo-scenarios.test.ts
 * pins them to the seeds.
 */


export interface CalculatorPreset {
  /** Stable id for the calculator UI. */
  id: string;
  /** Danish, shown in the preset picker. */
  name: string;
  source: string;
}

/** A per-resident cost: the arguments of perResidentYearCost(increase, options). */
export interface PerResidentCost {
  increase: Ore;
  options: PerResidentYearCostOptions;
}

/** Svenstrupgård (DAS 25.03.2021, punkt 8): a tariff increase that repays the municipality's co-financing. */
export interface PaybackPreset extends CalculatorPreset {
  /** impliedPlaces: the first plan, 6,8 mio. kr. at +50 kr. per døgn over 5 years (FU 15.5.2020). */
  firstPlan: ImpliedPlacesInput;
  /** paybackYears: keep +50 kr. and repay the actual 19,6 mio. kr. ("det vil tage 14 år"). */
  extendPeriod: PaybackYearsInput;
  /** paybackIncrease: keep 5 years and raise the increase instead ("144 kr."). */
  keepPeriod: PaybackIncreaseInput;
  /** perResidentYearCost at the current and the alternative increase. */
  perResident: PerResidentCost[];
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
export interface ResultPreset extends CalculatorPreset {
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
export interface ObjectiveFinancingPreset extends CalculatorPreset {
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

/** Bilag 2's example (AT-08): an ATA hourly rate for a socialpædagog and the price of half an hour on 5 weekdays. */
export interface AtaPreset extends CalculatorPreset {
  /** ataHourlyRate. */
  input: AtaRateInput;
  /** ataPrice with the rate: hours per day and days. */
  hoursPerDay: number;
  days: number;
  printed: {
    /** "timepris 335,78". */
    rate: number;
    /** "Ugepris = 5*335,78/2 = 839,45 kr.". */
    price: number;
  };
}

/** A day tariff from a budget, places and budgeted occupancy (Styringsaftalen 5.1, 5.2). */
export interface DailyTariffPreset extends CalculatorPreset {
  /** dailyTariff. */
  input: DailyTariffInput;
  /** For occupancyWarnings. */
  kind: OfferKind;
  /** Danish remark for the user: what the paper says next to these figures. */
  note?: string;
}

/** An amount restated in another year's prices with the derived price and wage factors (domain.md §3.14). */
export interface IndexProjectionPreset extends CalculatorPreset {
  /** projectBudget(amount, fromYear, toYear). */
  amount: Ore;
  fromYear: number;
  toYear: number;
  printed: {
    amount: number;
    /** The restated amount as printed. */
    projected: number;
  };
}

export interface CalculatorPresets {
  payback: readonly PaybackPreset[];
  result: readonly ResultPreset[];
  objectiveFinancing: readonly ObjectiveFinancingPreset[];
  ata: readonly AtaPreset[];
  dailyTariff: readonly DailyTariffPreset[];
  indexProjection: readonly IndexProjectionPreset[];
}

/**
 * The rules the presets are computed by: the Styringsaftale 2022, the first the app knows. The 2021 papers' figures
 * rest on the same parameters (365 days, the 5 % threshold, the 50 % refusion).
 */
const RULES = homeRuleSet(2022);

const SVENSTRUPGAARD_FIRST_PLAN: ImpliedPlacesInput = { rules: RULES, amount: kroner(6_800_000), increase: kroner(50), years: 5 };
/** ≈ 74,5 full-time residents: implied by the first plan, not printed (domain.md §3.10, AT-10). */
const SVENSTRUPGAARD_PLACES = impliedPlaces(SVENSTRUPGAARD_FIRST_PLAN);

const SVENSTRUPGAARD: PaybackPreset = {
  id: 'svenstrupgaard-2021',
  name: 'Svenstrupgård – forlængelse af takststigningen (DAS 25.03.2021)',
  source: '002:1445–1524',
  firstPlan: SVENSTRUPGAARD_FIRST_PLAN,
  extendPeriod: { rules: RULES, amount: kroner(19_600_000), increase: kroner(50), places: SVENSTRUPGAARD_PLACES },
  keepPeriod: { rules: RULES, amount: kroner(19_600_000), years: 5, places: SVENSTRUPGAARD_PLACES },
  perResident: [
    { increase: kroner(50), options: { refundShare: 0.5, rules: RULES } },
    { increase: kroner(144), options: { refundShare: 0.5, rules: RULES } },
  ],
  printed: { firstAmount: 6_800_000, amount: 19_600_000, years: 14, increase: 144, gross: 18_250, net: 9_125, grossKeepPeriod: 52_560, netKeepPeriod: 26_280 },
};

/**
 * The example's year is printed as a placeholder, "I år 202Y" (002:17598); 2022, the year of the Styringsaftale it is
 * taken from, stands in for it, so the part above 5 % enters the tariff by 2024 at the latest.
 */
const TILBUD_X: ResultPreset = {
  id: 'tilbud-x-overskud',
  name: 'Tilbud X – overskud over 5 % (Styringsaftalen 2022, 5.3)',
  source: '002:17576–17644',
  input: { rules: RULES, basis: kroner(8_000_000), result: kroner(770_000), year: 2022 },
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
}): ObjectiveFinancingPreset {
  const out: ObjectiveFinancingPreset = {
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

/** Bilag 2, "Eksempel" (AT-08): the example adds the absence correction as a fourth term the printed model omits. */
const ATA_BILAG_2: AtaPreset = {
  id: 'ata-bilag-2',
  name: 'Bilag 2 – socialpædagog, ½ time på hverdage kl. 17–17.30',
  source: '002:18742–18762',
  input: { hourCost: kroner(206), absence: 0.33, shift: 0.25, vfo: 0.05 },
  hoursPerDay: 0.5,
  days: 5,
  printed: { rate: 335.78, price: 839.45 },
};

/**
 * NT-1 v1 at full operation (AT-05, AT-06): "Driftsudgifter i alt" 22,9 mio. kr., 10 places, 90 % occupancy — below the
 * 95 % the Styringsaftale expects of a residential offer, so the calculator warns.
 */
const NT1_V1_DAILY_TARIFF: DailyTariffPreset = {
  id: 'nt1-v1-fuld-drift',
  name: 'NT-1 v1 – fuld drift: 22,9 mio. kr., 10 pladser, 90 % belægning',
  source: '002:3056–3081',
  input: { rules: RULES, budget: kroner(22_900_000), places: 10, occupancy: 0.9 },
  kind: 'normal',
  note: 'Ideoplægget prissætter fire takstniveauer (8.900, 7.500, 6.200 og 4.800 kr.); med 3/3/2/2 beboere er gennemsnittet 7.120 kr. pr. døgn.',
};

/** Socialtilsyn Nord's budget 2021 (Tabel 14, in 1.000 kr.) restated "i 2022 priser" in the budget 2022. */
function socialtilsynNordIn2022Prices(id: string, name: string, thousands: number, projected: number, line: number): IndexProjectionPreset {
  return {
    id,
    name,
    source: `002:5983–5995, ${line}`,
    amount: kroner(thousands * 1_000),
    fromYear: 2021,
    toYear: 2022,
    printed: { amount: thousands * 1_000, projected },
  };
}

export const CALCULATOR_PRESETS: CalculatorPresets = {
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
  ata: [ATA_BILAG_2],
  dailyTariff: [NT1_V1_DAILY_TARIFF],
  indexProjection: [
    socialtilsynNordIn2022Prices('socialtilsyn-nord-2021-budget', 'Socialtilsyn Nord – budget 2021 i 2022-priser', 34_370, 34_951_021, 18847),
    socialtilsynNordIn2022Prices('socialtilsyn-nord-2021-plejefamilier', 'Socialtilsyn Nord – objektiv finansiering 2021 i 2022-priser', 19_180, 19_504_196, 18849),
    socialtilsynNordIn2022Prices('socialtilsyn-nord-2021-tilbud', 'Socialtilsyn Nord – tilbudsafdelingen 2021 i 2022-priser', 15_190, 15_446_825, 18848),
  ],
};
