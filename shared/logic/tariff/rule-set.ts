import { kroner, type Ore } from './money';

/** The regions whose social framework agreements (Styringsaftaler) the app knows. */
export type Region = 'nordjylland';

/** The region this secretariat serves: a scenario's agreement is this region's Styringsaftale of its year. */
export const HOME_REGION: Region = 'nordjylland';

/** An agreement as the rules are looked up by: a region's Styringsaftale in force in a year. */
export interface Agreement {
  readonly region: Region;
  readonly year: number;
}

/**
 * The numeric parameters of the tariff and financing rules of one agreement, as data, so that a new Styringsaftale
 * (of this region or another) is one new entry in RULE_SETS rather than a code change. Every engine function takes
 * the rule set as an argument; none assumes one. Section numbers in the comments are the Styringsaftale's own
 * (domain.md §3); parameters from other sources say so.
 */
export interface RuleSet {
  readonly region: Region;
  /** First agreement year the set applies to ("gælder kun for 2022"; later years reuse it until replaced). */
  readonly year: number;
  /** Source document, for display. */
  readonly source: string;

  // --- 5.1 Tariff year
  /** Days in a tariff year: 365 "også i skudår". */
  readonly daysPerYear: number;

  // --- 5.2 Budgeted occupancy (fractions)
  readonly occupancyBand: {
    /** Day and residential offers: expected 95–100 %. */
    readonly normal: { readonly min: number; readonly max: number };
    /** Recommended 95–98 %. */
    readonly recommended: { readonly min: number; readonly max: number };
    /** Short stays, acute and respite offers: at least 90 %. */
    readonly shortStay: { readonly min: number };
  };
  /** Method 1: average actual occupancy of this many preceding years. */
  readonly occupancyAverageYears: number;

  // --- 5.3 Surplus and deficit
  /** Share of the cost base (takstberegningsgrundlag) below which a result stays out of the tariff. */
  readonly resultThreshold: number;
  /** A result above the threshold must be in the tariff no later than this many years after its year. */
  readonly resultTariffLagYears: number;
  /** A set-aside surplus must be used within this many years after its year. */
  readonly setAsideUseYears: number;

  // --- 5.4.4 Supplementary services (tillægsydelser)
  /** Maximum markup on marginal cost for variable follow-on costs. */
  readonly supplementaryMarkupMax: number;

  // --- 5.5 Costing
  /** 5.5.1: working-capital interest reflects about this many months of payment lag. */
  readonly workingCapitalLagMonths: number;
  /** 5.5.3: a net liability on transfer of an offer is typically paid as an annuity over this many years. */
  readonly transferAnnuityYears: number;
  /** 5.5.5: civil-servant pension earned from this date may be costed at a share of salary … */
  readonly civilServantPensionFrom: string;
  /** … this share (or the actual cost). */
  readonly civilServantPensionRate: number;

  // --- 6.1.2 New offers
  /** A first-year operating loss may be written off over this many years instead of one. */
  readonly newOfferLossWriteOffYears: number;

  // --- 6.2 Quick closure
  /** Consultation period of a closure notice to DAS, in months. */
  readonly closureConsultationMonths: number;

  // --- 2.2.1 / 5 Annual cycle
  /** Tariffs for next year are reported ultimo this month. */
  readonly tariffReportingMonth: number;
  /**
   * 2.2.1 / 5.5.1: a tariff change above this share of last year's tariff (either way) needs a written reason in the
   * sheet. The agreement says «væsentlige» without a number; this is the secretariat's reading, editable per year.
   */
  readonly significantTariffChange: number;

  // --- 7.4 Notice
  /** Full payment to the end of the running month plus this many months. */
  readonly noticeExtraMonths: number;
  /** Substitution treatment (misbrug): notice in days. */
  readonly substitutionNoticeDays: number;

  // --- Bilag 2 ATA hours
  readonly ata: {
    /** One ATA hour is this many minutes face to face. */
    readonly minutesPerHour: number;
    /** Normal hours on weekdays, whole hours (06.00–17.00); outside them a shift coefficient applies. */
    readonly normalWeekdayFromHour: number;
    readonly normalWeekdayToHour: number;
  };

  // --- 4.2 Objective financing and distribution keys (§3.9)
  readonly distribution: {
    /** Each municipality's amount is rounded to this many øre (whole kroner), from the unrounded share. */
    readonly roundToOre: number;
    /** Socialtilsyn foster-care financing: children aged 0 to this age … */
    readonly childKeyMaxAge: number;
    /** … counted in this quarter … */
    readonly childKeyQuarter: number;
    /** … of the budget year plus this offset (−1 = the year before). */
    readonly childKeyYearOffset: number;
  };

  // --- Refusion (§3.10, §3.15; Serviceloven, not the Styringsaftale)
  readonly refusion: {
    /** Forsorgshjem stays: the home municipality gets this share back. */
    readonly forsorgshjemRate: number;
    /** Deficit coverage (underskudsdækning) gets no refusion. */
    readonly deficitCoverageRate: number;
  };

  // --- Socialtilsyn fees (§3.12; recomputed structure of the fee tables, not printed as a rule)
  readonly supervisionFees: {
    /** Smallest number of places of fee categories 1–4 (1–7, 8–24, 25–49, 50+). */
    readonly categoryMinPlaces: readonly number[];
    /** Fee of categories 1–4 relative to category 1. */
    readonly categoryFactors: readonly number[];
    /** Skærpet tilsyn as a share of the ordinary supervision fee of the same category. */
    readonly intensifiedShare: number;
    /** BPA employers: hours per supervision and per approval, and the hourly rate of the year. */
    readonly bpaHoursPerSupervision: number;
    readonly bpaHoursPerApproval: number;
    readonly bpaHourlyRate: Ore;
  };

  // --- Særlige pladser in psychiatry (§3.9, VIVE; national rule)
  readonly specialPsychiatricPlaces: {
    /** Day tariff = this share of the assumed cost per place. */
    readonly tariffShareOfCost: number;
    /** Unused places are charged at this share of the day tariff (from 1.9.2020). */
    readonly unusedPlaceShare: number;
    /** Up to this share of places may be relabelled to ordinary beds. */
    readonly maxRelabelledShare: number;
  };

  // --- 3.1 Expense-reduction targets (Rammeaftalen 2017; additive, not compounded)
  readonly expenseReductionTargets: readonly {
    readonly year: number;
    /** Generel takstreduktion. */
    readonly general: number;
    /** Dialogbaseret tilgang. */
    readonly dialogue: number;
  }[];
}

/** Freezes the data all the way down: several modules share one object. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const NORDJYLLAND_2022: RuleSet = {
  region: 'nordjylland',
  year: 2022,
  source: 'Styringsaftalen for Nordjysk Socialaftale 2022',
  daysPerYear: 365,
  occupancyBand: { normal: { min: 0.95, max: 1 }, recommended: { min: 0.95, max: 0.98 }, shortStay: { min: 0.9 } },
  occupancyAverageYears: 2,
  resultThreshold: 0.05,
  resultTariffLagYears: 2,
  setAsideUseYears: 5,
  supplementaryMarkupMax: 0.05,
  workingCapitalLagMonths: 2,
  transferAnnuityYears: 10,
  civilServantPensionFrom: '2007-01-01',
  civilServantPensionRate: 0.25,
  newOfferLossWriteOffYears: 3,
  closureConsultationMonths: 1,
  tariffReportingMonth: 10,
  significantTariffChange: 0.05,
  noticeExtraMonths: 1,
  substitutionNoticeDays: 14,
  ata: { minutesPerHour: 60, normalWeekdayFromHour: 6, normalWeekdayToHour: 17 },
  distribution: { roundToOre: 100, childKeyMaxAge: 17, childKeyQuarter: 2, childKeyYearOffset: -1 },
  refusion: { forsorgshjemRate: 0.5, deficitCoverageRate: 0 },
  supervisionFees: {
    categoryMinPlaces: [1, 8, 25, 50],
    categoryFactors: [1, 1.2, 2, 3],
    intensifiedShare: 0.1,
    bpaHoursPerSupervision: 13,
    bpaHoursPerApproval: 36,
    bpaHourlyRate: kroner(581),
  },
  specialPsychiatricPlaces: { tariffShareOfCost: 0.8, unusedPlaceShare: 0.75, maxRelabelledShare: 0.25 },
  expenseReductionTargets: [
    { year: 2017, general: 0.01, dialogue: 0.01 },
    { year: 2018, general: 0.005, dialogue: 0.005 },
    { year: 2019, general: 0.005, dialogue: 0.005 },
    { year: 2020, general: 0.005, dialogue: 0.005 },
  ],
};

/** Every known agreement's rules: one entry per Styringsaftale (a region from a year on). */
export const RULE_SETS: readonly RuleSet[] = deepFreeze([NORDJYLLAND_2022]);

/**
 * The rules in force for an agreement: the region's latest set whose year is not after the agreement year (a
 * Styringsaftale stays in use until a new one is entered). Throws a RangeError before the region's first set.
 */
export function ruleSetFor({ region, year }: Agreement): RuleSet {
  if (!Number.isInteger(year)) throw new RangeError(`Aftaleåret skal være et helt årstal (fik ${year})`);
  const sets = RULE_SETS.filter((set) => set.region === region).sort((a, b) => a.year - b.year);
  const found = sets.filter((set) => set.year <= year).pop();
  if (!found) {
    throw new RangeError(sets.length ? `Der findes ingen takstregler for ${year}; de første gælder fra ${sets[0]!.year}` : `Der findes ingen takstregler for regionen «${region}»`);
  }
  return found;
}

/** The home region's rules for an agreement year. */
export const homeRuleSet = (year: number): RuleSet => ruleSetFor({ region: HOME_REGION, year });
