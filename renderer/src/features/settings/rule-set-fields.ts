/** The parameters of a rule set as Takstregler shows them: grouped as the Styringsaftale orders them, in Danish. */

export type ParamKind = 'percent' | 'integer' | 'number' | 'kroner' | 'date';

export interface ParamField {
  /** The path in RuleSetParams, dot-separated (occupancyBand.normal.min). */
  path: string;
  label: string;
  kind: ParamKind;
}

export interface ParamGroup {
  title: string;
  fields: ParamField[];
}

export const PARAM_GROUPS: ParamGroup[] = [
  {
    title: 'Takstår og belægning (5.1–5.2)',
    fields: [
      { path: 'daysPerYear', label: 'Dage i et takstår', kind: 'integer' },
      { path: 'occupancyBand.normal.min', label: 'Belægning, dag- og døgntilbud, fra', kind: 'percent' },
      { path: 'occupancyBand.normal.max', label: 'Belægning, dag- og døgntilbud, til', kind: 'percent' },
      { path: 'occupancyBand.recommended.min', label: 'Anbefalet belægning, fra', kind: 'percent' },
      { path: 'occupancyBand.recommended.max', label: 'Anbefalet belægning, til', kind: 'percent' },
      { path: 'occupancyBand.shortStay.min', label: 'Mindste belægning, korttids- og akuttilbud', kind: 'percent' },
      { path: 'occupancyAverageYears', label: 'År i gennemsnittet af faktisk belægning', kind: 'integer' },
    ],
  },
  {
    title: 'Over- og underskud (5.3)',
    fields: [
      { path: 'resultThreshold', label: 'Grænse for resultat uden for taksten', kind: 'percent' },
      { path: 'resultTariffLagYears', label: 'År, før resultatet skal i taksten', kind: 'integer' },
      { path: 'setAsideUseYears', label: 'År til at bruge et henlagt overskud', kind: 'integer' },
    ],
  },
  {
    title: 'Takstberegning (5.4–5.5)',
    fields: [
      { path: 'significantTariffChange', label: 'Takstændring, der kræver en begrundelse', kind: 'percent' },
      { path: 'supplementaryMarkupMax', label: 'Højeste tillæg på tillægsydelser', kind: 'percent' },
      { path: 'workingCapitalLagMonths', label: 'Måneders betalingsforskydning (driftskapital)', kind: 'integer' },
      { path: 'transferAnnuityYears', label: 'År for annuitet ved overdragelse', kind: 'integer' },
      { path: 'civilServantPensionFrom', label: 'Tjenestemandspension optjent fra', kind: 'date' },
      { path: 'civilServantPensionRate', label: 'Tjenestemandspension, andel af lønnen', kind: 'percent' },
    ],
  },
  {
    title: 'Nye tilbud, lukning og opsigelse (6–7)',
    fields: [
      { path: 'newOfferLossWriteOffYears', label: 'År til afskrivning af et nyt tilbuds underskud', kind: 'integer' },
      { path: 'closureConsultationMonths', label: 'Høringsfrist ved hurtig lukning (måneder)', kind: 'integer' },
      { path: 'tariffReportingMonth', label: 'Takster indberettes ultimo måned nr.', kind: 'integer' },
      { path: 'noticeExtraMonths', label: 'Opsigelse: måneder ud over løbende måned', kind: 'integer' },
      { path: 'substitutionNoticeDays', label: 'Opsigelse af substitutionsbehandling (dage)', kind: 'integer' },
    ],
  },
  {
    title: 'ATA-tid (bilag 2)',
    fields: [
      { path: 'ata.minutesPerHour', label: 'Minutter ansigt til ansigt i en ATA-time', kind: 'integer' },
      { path: 'ata.normalWeekdayFromHour', label: 'Normal arbejdstid fra kl.', kind: 'integer' },
      { path: 'ata.normalWeekdayToHour', label: 'Normal arbejdstid til kl.', kind: 'integer' },
    ],
  },
  {
    title: 'Fordeling og refusion',
    fields: [
      { path: 'distribution.roundToOre', label: 'Kommunernes andele afrundes til (øre)', kind: 'integer' },
      { path: 'distribution.childKeyMaxAge', label: 'Børnenøgle: højeste alder', kind: 'integer' },
      { path: 'distribution.childKeyQuarter', label: 'Børnenøgle: kvartal', kind: 'integer' },
      { path: 'distribution.childKeyYearOffset', label: 'Børnenøgle: år i forhold til budgetåret', kind: 'integer' },
      { path: 'refusion.forsorgshjemRate', label: 'Refusion for forsorgshjem', kind: 'percent' },
      { path: 'refusion.deficitCoverageRate', label: 'Refusion for underskudsdækning', kind: 'percent' },
    ],
  },
  {
    title: 'Socialtilsyn og særlige pladser',
    fields: [
      { path: 'supervisionFees.intensifiedShare', label: 'Skærpet tilsyn, andel af tilsynstaksten', kind: 'percent' },
      { path: 'supervisionFees.bpaHoursPerSupervision', label: 'Timer pr. BPA-tilsyn', kind: 'number' },
      { path: 'supervisionFees.bpaHoursPerApproval', label: 'Timer pr. BPA-godkendelse', kind: 'number' },
      { path: 'supervisionFees.bpaHourlyRate', label: 'Timetakst for BPA-tilsyn', kind: 'kroner' },
      { path: 'specialPsychiatricPlaces.tariffShareOfCost', label: 'Særlige pladser: takst som andel af omkostningen', kind: 'percent' },
      { path: 'specialPsychiatricPlaces.unusedPlaceShare', label: 'Særlige pladser: betaling for ubenyttede pladser', kind: 'percent' },
      { path: 'specialPsychiatricPlaces.maxRelabelledShare', label: 'Særlige pladser: andel, der kan omlægges', kind: 'percent' },
    ],
  },
];

export function valueAt(params: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), params);
}

/** A copy of `params` with the value at `path` replaced. */
export function withValue<T>(params: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.');
  const node = params as Record<string, unknown>;
  return { ...node, [key!]: rest.length === 0 ? value : withValue(node[key!], rest.join('.'), value) } as T;
}
