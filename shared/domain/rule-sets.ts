import { z } from 'zod';
import type { RuleSet } from '../logic/tariff/rule-set';
import { IsoDate, RecordMeta } from './common';
import { TariffYear } from './tariff-year';

/**
 * A stored rule set's parameters (shared/logic/tariff/rule-set.ts#RuleSet without region, year and source), as the
 * user edits them under Indstillinger → Takstregler. Shares are fractions (0.05 = 5 %); money is integer øre.
 */

const number = (what: string) => z.number({ error: `${what} skal være et tal` });
const whole = (what: string, min: number, max: number) =>
  number(what)
    .int({ error: `${what} skal være et helt tal` })
    .min(min, { error: `${what} skal være mindst ${min}` })
    .max(max, { error: `${what} må højst være ${max}` });
/** A fraction between 0 and 1, told in per cent. */
const share = (what: string) => number(what).min(0, { error: `${what} må ikke være under 0 %` }).max(1, { error: `${what} må ikke være over 100 %` });
const band = (what: string) =>
  z
    .object({ min: share(`${what} (fra)`), max: share(`${what} (til)`) })
    .refine((b) => b.min <= b.max, { error: `${what}: «fra» skal være mindre end eller lig med «til»`, path: ['max'] });

export const RuleSetParams = z
  .object({
    daysPerYear: whole('Dage i et takstår', 360, 366),
    occupancyBand: z.object({
      normal: band('Belægningsprocent for dag- og døgntilbud'),
      recommended: band('Anbefalet belægningsprocent'),
      shortStay: z.object({ min: share('Mindste belægning for korttids- og akuttilbud') }),
    }),
    occupancyAverageYears: whole('Antal år i gennemsnittet af faktisk belægning', 1, 5),
    resultThreshold: share('Grænsen for over- og underskud'),
    resultTariffLagYears: whole('Antal år, før et resultat skal i taksten', 0, 5),
    setAsideUseYears: whole('Antal år til at bruge et henlagt overskud', 0, 10),
    supplementaryMarkupMax: share('Højeste tillæg på tillægsydelser'),
    workingCapitalLagMonths: whole('Måneders betalingsforskydning', 0, 12),
    transferAnnuityYears: whole('Antal år for annuitet ved overdragelse', 1, 50),
    civilServantPensionFrom: IsoDate,
    civilServantPensionRate: share('Tjenestemandspension'),
    newOfferLossWriteOffYears: whole('Antal år til afskrivning af et nyt tilbuds underskud', 1, 10),
    closureConsultationMonths: whole('Høringsfrist ved hurtig lukning', 0, 12),
    tariffReportingMonth: whole('Måned for indberetning af takster', 1, 12),
    significantTariffChange: share('Takstændring, der kræver en begrundelse'),
    noticeExtraMonths: whole('Måneders opsigelse ud over løbende måned', 0, 12),
    substitutionNoticeDays: whole('Opsigelse af substitutionsbehandling (dage)', 0, 365),
    ata: z
      .object({
        minutesPerHour: whole('Minutter i en ATA-time', 1, 60),
        normalWeekdayFromHour: whole('Normal arbejdstid fra kl.', 0, 23),
        normalWeekdayToHour: whole('Normal arbejdstid til kl.', 1, 24),
      })
      .refine((a) => a.normalWeekdayFromHour < a.normalWeekdayToHour, { error: 'Normal arbejdstid skal slutte efter, den begynder', path: ['normalWeekdayToHour'] }),
    distribution: z.object({
      roundToOre: whole('Afrunding af kommunernes andele (øre)', 1, 100_000),
      childKeyMaxAge: whole('Højeste alder i børnenøglen', 0, 25),
      childKeyQuarter: whole('Kvartal for børnenøglen', 1, 4),
      childKeyYearOffset: whole('År for børnenøglen i forhold til budgetåret', -5, 0),
    }),
    refusion: z.object({
      forsorgshjemRate: share('Refusion for forsorgshjem'),
      deficitCoverageRate: share('Refusion for underskudsdækning'),
    }),
    supervisionFees: z.object({
      categoryMinPlaces: z.array(whole('Mindste antal pladser i en takstkategori', 1, 10_000)).length(4, { error: 'Angiv fire takstkategorier for tilsynet' }),
      categoryFactors: z.array(number('Faktoren for en takstkategori').positive({ error: 'Faktoren skal være over 0' })).length(4, { error: 'Angiv fire faktorer for tilsynet' }),
      intensifiedShare: share('Skærpet tilsyn'),
      bpaHoursPerSupervision: number('Timer pr. BPA-tilsyn').min(0, { error: 'Timer pr. BPA-tilsyn må ikke være negativt' }),
      bpaHoursPerApproval: number('Timer pr. BPA-godkendelse').min(0, { error: 'Timer pr. BPA-godkendelse må ikke være negativt' }),
      bpaHourlyRate: whole('Timetakst for BPA-tilsyn (øre)', 0, 100_000_000),
    }),
    specialPsychiatricPlaces: z.object({
      tariffShareOfCost: share('Dagstakst som andel af omkostningen'),
      unusedPlaceShare: share('Betaling for ubenyttede pladser'),
      maxRelabelledShare: share('Pladser, der kan omlægges'),
    }),
    expenseReductionTargets: z
      .array(z.object({ year: TariffYear, general: share('Generel takstreduktion'), dialogue: share('Dialogbaseret tilgang') }))
      .max(30, { error: 'Højst 30 år med udgiftsmål' }),
  })
  .strict();
export type RuleSetParams = z.infer<typeof RuleSetParams>;

/** The schema describes exactly the engine's parameters: a new parameter fails to compile here until it is added. */
type EngineParams = Omit<RuleSet, 'region' | 'year' | 'source'>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
const sameAsEngine: Same<RuleSetParams, Mutable<EngineParams>> = true;
void sameAsEngine;

/** A stored rule set (Indstillinger → Takstregler); an approved one is locked. */
export const RuleSetRecord = RecordMeta.extend({
  region: z.string(),
  year: TariffYear,
  source: z.string(),
  params: RuleSetParams,
  approvedAt: z.string().nullable(),
});
export type RuleSetRecord = z.infer<typeof RuleSetRecord>;

export const RuleSetUpdate = z.object({
  id: z.uuid(),
  revision: z.number().int().positive(),
  patch: z
    .object({
      source: z.string().trim().min(1, { error: 'Angiv, hvilken aftale reglerne kommer fra' }).max(500, { error: 'Kilden må højst være 500 tegn' }),
      params: RuleSetParams,
    })
    .partial(),
});
