import { type z } from 'zod';
import { REFERENCE_ORGANISATIONS } from '../../../../shared/domain/reference-data';
import { type ScenarioInput } from '../../../../shared/domain/scenario';

/*
 * The demo's tariff scenarios, entered from the seed papers (file 002, lines cited as '002:NNNN'; domain.md §2.2, §3
 * and the worked examples AT-01 … AT-06). Every figure is as printed; where the papers contradict themselves the
 * components are entered and the app computes the total (domain.md §8), and the printed figure is kept next to it for
 * comparison. test/backend/demo-scenarios.test.ts pins all of it to the seeds. The calculator presets (Svenstrupgård,
 * Tilbud X, Socialtilsyn Nord …) are in shared/presets/calculators.ts, where the renderer can read them too.
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
 * itself says "ca. 7,13" / "ca. 7,43"); the components are entered and the printed totals kept beside them (AT-04).
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
    // The printed total is kept beside the computed one, which the engine then flags.
    overrides: { years: years(0.5, 0.7, FULL), deficits: [3_800_000, 1_430_000, 0], printedTotal: 7_160_000 },
  },
  {
    name: 'NT-1 v2 – scenarie 3',
    base: NT1_V2,
    source: '002:16984–16996, 17007–17036',
    note:
      'Trykt «Underskud i alt: 7,45 mio. kr.», men 1,9 + 3,8 + 1,43 + 0,3 = 7,43 mio. kr. (teksten siger selv «ca. 7,43»). ' +
      'Regionens trykte 1,86 og kommunernes 5,59 mio. kr. er regnet af 7,45; fordelingstabellen fordeler 5.590.000 kr.',
    overrides: { years: years(0.5, 0.7, 0.8), deficits: [3_800_000, 1_430_000, 300_000], printedTotal: 7_450_000 },
  },
];
