import type { LegalBasis, TariffUnit } from '../../../../shared/domain/tariff-year';
import type { CategoryKey } from '../../../../shared/logic/tariff/daily-tariff';

/*
 * The tariff year of the demo (issue 17 item 7). The Region's three offers are the 2020 annual reports of
 * `002:15752–16220` (domain.md AT-21): budgets and results 2019–2020, activity and capacity, the expected 2021
 * accounts as the 2021 sheet, and the realised occupancy as printed beside the computed one. The papers have no
 * tariff sheets, no 2022 figures and no municipal offers: those are illustrative and say so. The demo's tariff year is
 * 2021 (sheets approved); the sheets of 2022 are submitted, waiting for the takstbilag on a DAS agenda.
 */

export const DEMO_TARIFF_YEAR = 2021;
export const ILLUSTRATIVE = 'Illustrativt: papirerne har ingen tal for dette; de er opdigtet til demoen.';

export interface DemoBudgetLine {
  category: CategoryKey;
  label: string;
  kroner: number;
}

export interface DemoResult {
  year: number;
  /** G: «Bruttoomkostningsbudget». */
  basisKroner: number;
  /** R = revenue − costs: the report's «I alt» with the sign turned (the report prints a deficit as +). */
  resultKroner: number;
  activity: number;
  capacity: number;
  /** Printed realised occupancy: of the whole offer, or of a part with its own activity and capacity. */
  printed: { share: number; part?: { name: string; activity: number; capacity: number } }[];
  source: string;
}

export interface DemoSheet {
  places: number;
  occupancy: number;
  lines: DemoBudgetLine[];
  reason?: string;
}

export interface DemoOffer {
  key: string;
  name: string;
  operator: string;
  legalBasis: LegalBasis;
  tariffUnit: TariffUnit;
  targetGroup: string;
  notes: string;
  results: DemoResult[];
  /** The demo year's sheet (approved) and next year's (submitted). */
  sheets: { current: DemoSheet; next: DemoSheet };
}

/** The five account lines of the regional reports, on Tabel 4's categories. */
const accounts = (direct: number, administration: number, central: number, property: number, supervision: number): DemoBudgetLine[] => [
  { category: 'personnel', label: 'Direkte udgifter', kroner: direct },
  { category: 'administration', label: 'Administration', kroner: administration },
  { category: 'administration', label: 'Central ledelse og administration', kroner: central },
  { category: 'property', label: 'Ejendoms- og kapitalomkostninger', kroner: property },
  { category: 'competenceDevelopment', label: 'Tilsyn og udvikling', kroner: supervision },
];

/** Next year's illustrative budget: this year's lines raised by a price and wage index of 2 %. */
const indexed = (lines: DemoBudgetLine[]) => lines.map((l) => ({ ...l, kroner: Math.round(l.kroner * 1.02) }));
const REGION_NEXT = 'Skemaet for 2022 er illustrativt: 2021-budgettet fremskrevet med 2 % (årsrapporterne har ingen tal for 2022).';

const ishd2021 = accounts(28_404_860, 3_988_852, 1_638_927, 1_597_816, 570_484);
const osterskoven2021 = accounts(38_830_213, 3_056_047, 2_042_372, 3_703_944, 370_085);
const kvisten2021 = accounts(54_558_484, 5_301_601, 3_076_485, 5_150_681, 873_354);

export const DEMO_REGIONAL_OFFERS: readonly DemoOffer[] = [
  {
    key: 'ishd',
    name: 'Institut for Syn, Hørelse og Døvblindhed (ISHD)',
    operator: 'Region Nordjylland',
    legalBasis: 'specialraadgivning',
    tariffUnit: 'time',
    targetGroup: 'Hørehæmmede, døvblevne, blinde, svagsynede og døvblinde børn og voksne, og børn og voksne med nedsat kommunikationsfunktion',
    notes: `Ydelserne 2A–2E (timer) samlet som ét tilbud; aktivitet og kapacitet er summen af ydelserne (002:15752–15860). ${REGION_NEXT}`,
    results: [
      {
        year: 2019,
        basisKroner: 35_517_212,
        resultKroner: 379_146,
        activity: 2_144 + 7_786 + 8_893 + 956 + 611,
        capacity: 2_900 + 7_800 + 9_800 + 960 + 1_027,
        printed: [
          { share: 0.739, part: { name: '2A og 2B', activity: 2_144, capacity: 2_900 } },
          { share: 0.998, part: { name: '2C høreområdet', activity: 7_786, capacity: 7_800 } },
          { share: 0.907, part: { name: '2C syns- og ASK-området', activity: 8_893, capacity: 9_800 } },
          { share: 0.996, part: { name: '2D', activity: 956, capacity: 960 } },
          { share: 0.595, part: { name: '2E', activity: 611, capacity: 1_027 } },
        ],
        source: 'Årsrapport 2020, 002:15790–15845',
      },
      {
        year: 2020,
        basisKroner: 36_226_091,
        resultKroner: 971_548,
        activity: 2_095 + 7_370 + 9_025 + 999 + 565,
        capacity: 2_900 + 7_800 + 9_800 + 960 + 1_027,
        printed: [
          { share: 0.722, part: { name: '2A og 2B', activity: 2_095, capacity: 2_900 } },
          { share: 0.945, part: { name: '2C høreområdet', activity: 7_370, capacity: 7_800 } },
          { share: 0.921, part: { name: '2C syns- og ASK-området', activity: 9_025, capacity: 9_800 } },
          { share: 1.041, part: { name: '2D', activity: 999, capacity: 960 } },
          { share: 0.55, part: { name: '2E', activity: 565, capacity: 1_027 } },
        ],
        source: 'Årsrapport 2020, 002:15790–15845',
      },
    ],
    sheets: {
      current: { places: 22_487, occupancy: 0.95, lines: ishd2021 },
      next: { places: 22_487, occupancy: 0.95, lines: indexed(ishd2021) },
    },
  },
  {
    key: 'osterskoven',
    name: 'Neurocenter Østerskoven',
    operator: 'Region Nordjylland',
    legalBasis: 'SEL-107',
    tariffUnit: 'døgn',
    targetGroup: 'Mennesker med moderat til meget svær erhvervet eller medfødt hjerneskade (specialiseret rehabilitering)',
    notes: `28 pladser efter SEL §§ 66 og 107: 22 til erhvervet og 6 til medfødt hjerneskade fra 2020 (002:15870–15999). ${REGION_NEXT}`,
    results: [
      {
        year: 2019,
        basisKroner: 33_826_456,
        resultKroner: -986_997,
        activity: 24.1,
        capacity: 6 + 16,
        printed: [
          { share: 3.139, part: { name: 'erhvervet hjerneskade', activity: 18.8, capacity: 6 } },
          // Printed 24,2 % (and repeated in the text, 002:15954); 5,3 of 16 is 33,1 % (AT-21).
          { share: 0.242, part: { name: 'medfødt hjerneskade', activity: 5.3, capacity: 16 } },
        ],
        source: 'Årsrapport 2020, 002:15985–16012',
      },
      {
        year: 2020,
        basisKroner: 45_400_729,
        // «I alt (+ angiver et underskud) 4.215.607»: 9,29 % of the basis, 1.945.571 kr. into the tariff of 2022.
        resultKroner: -4_215_607,
        activity: 24.6,
        capacity: 22 + 6,
        printed: [
          { share: 0.844, part: { name: 'erhvervet hjerneskade', activity: 18.6, capacity: 22 } },
          { share: 0.997, part: { name: 'medfødt hjerneskade', activity: 6, capacity: 6 } },
        ],
        source: 'Årsrapport 2020, 002:15985–16012',
      },
    ],
    sheets: {
      // Budgeted 90 % for the 22 places (acquired) and 95 % for the 6 (congenital) from 2021 (002:15960–15962).
      current: { places: 28, occupancy: 0.91, lines: osterskoven2021, reason: 'Den budgetterede belægning for erhvervet hjerneskade er sat ned fra 95 % til 90 % på grund af de mange ind- og udskrivninger.' },
      next: { places: 28, occupancy: 0.91, lines: indexed(osterskoven2021), reason: 'Underskuddet fra 2020 ud over 5 % indregnes i taksten for 2022.' },
    },
  },
  {
    key: 'kvisten',
    name: 'Specialbørnehjemmene, afdeling Kvisten',
    operator: 'Region Nordjylland',
    legalBasis: 'SEL-66-7',
    tariffUnit: 'døgn',
    targetGroup: 'Børn og unge 0–18 år med fysiske og psykiske funktionsnedsættelser og vidtgående behov for sundhedsmæssig pleje',
    notes: `I det forstærkede samarbejdes nødspor fra august 2020; taksten for 2021 er regnet på 6 pladser (+119 kr. pr. døgn, 002:16131–16134). ${REGION_NEXT}`,
    results: [
      {
        year: 2019,
        basisKroner: 68_572_585,
        resultKroner: -1_356_891,
        activity: 7,
        capacity: 9,
        printed: [{ share: 0.781 }],
        source: 'Årsrapport 2020, 002:16160–16185',
      },
      {
        year: 2020,
        basisKroner: 69_254_472,
        resultKroner: 376_934,
        activity: 5.6,
        capacity: 8.3,
        // Printed 66,7 %; 5,6 of 8,3 is 67,5 % (AT-21).
        printed: [{ share: 0.667 }],
        source: 'Årsrapport 2020, 002:16160–16185',
      },
    ],
    sheets: {
      current: { places: 7, occupancy: 0.95, lines: kvisten2021, reason: 'Kapaciteten er nedsat fra 8,3 til 7 pladser efter den faldende anvendelse (nødsporet).' },
      next: { places: 6, occupancy: 0.95, lines: indexed(kvisten2021), reason: 'Taksten regnes på 6 pladser, som DAS bad om en retvisende takst (002:16126–16134); lejeindtægten fra genhusningen ophører i 2022.' },
    },
  },
];

/** One line of personnel and one of the rest, for the illustrative municipal offers. */
const simple = (personnel: number, other: number): DemoBudgetLine[] => [
  { category: 'personnel', label: 'Borgerrelateret personale', kroner: personnel },
  { category: 'citizenRelated', label: 'Aktiviteter, husholdning og transport', kroner: other },
];

const municipal = (key: string, name: string, operator: string, legalBasis: LegalBasis, tariffUnit: TariffUnit, targetGroup: string, current: DemoSheet, next: DemoSheet): DemoOffer => ({
  key,
  name: `${name} (illustrativt)`,
  operator,
  legalBasis,
  tariffUnit,
  targetGroup,
  notes: ILLUSTRATIVE,
  results: [],
  sheets: { current, next },
});

export const DEMO_MUNICIPAL_OFFERS: readonly DemoOffer[] = [
  municipal('aalborg-botilbud', 'Botilbuddet Lindegården', 'Aalborg Kommune', 'SEL-108', 'døgn', 'Voksne med udviklingshæmning og behov for omfattende støtte',
    { places: 24, occupancy: 0.97, lines: simple(21_400_000, 2_300_000) },
    { places: 24, occupancy: 0.97, lines: simple(21_900_000, 2_350_000) }),
  municipal('aalborg-dagtilbud', 'Aktivitetscentret Hasseris', 'Aalborg Kommune', 'SEL-104', 'dag', 'Voksne med fysisk og psykisk funktionsnedsættelse',
    { places: 40, occupancy: 0.96, lines: simple(9_100_000, 900_000) },
    // Raised by about 9 % with no reason given: the takstbilag flags it.
    { places: 40, occupancy: 0.96, lines: simple(9_950_000, 950_000) }),
  municipal('hjoerring-midlertidigt', 'Bostøtten Sindal', 'Hjørring Kommune', 'SEL-107', 'døgn', 'Voksne med sindslidelse i et midlertidigt forløb',
    { places: 12, occupancy: 0.95, lines: simple(8_200_000, 800_000) },
    { places: 14, occupancy: 0.95, lines: simple(9_500_000, 950_000), reason: 'To pladser mere efter aftale med de anvendende kommuner.' }),
  municipal('frederikshavn-doegn', 'Ungehuset Kilden', 'Frederikshavn Kommune', 'SEL-66-7', 'døgn', 'Unge 14–18 år med sociale og psykiske vanskeligheder',
    { places: 8, occupancy: 0.96, lines: simple(11_600_000, 1_100_000) },
    { places: 8, occupancy: 0.96, lines: simple(11_850_000, 1_120_000) }),
  municipal('thisted-beskyttet', 'Værkstedet Thy', 'Thisted Kommune', 'SEL-103', 'dag', 'Voksne, der ikke kan fastholde beskæftigelse på almindelige vilkår',
    { places: 30, occupancy: 0.95, lines: simple(4_300_000, 700_000) },
    // Occupancy budgeted below the band, stated as an expectation without a reason.
    { places: 30, occupancy: 0.9, lines: simple(4_350_000, 700_000) }),
];
