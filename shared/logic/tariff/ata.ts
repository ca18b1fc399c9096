import { requireNonNegative, requireNonNegativeOre, roundToOre } from './guards';
import { type Ore } from './money';

/*
 * ATA hourly rate for supplementary services (Styringsaftalen Bilag 2). The printed model is
 * timeomkostning × (1 + d + vfo), but the printed example adds the absence correction as a fourth term:
 * 206 × (1 + 0,25 + 0,05 + 0,33) = 335,78. The app follows the example (domain.md AT-08) and shows the difference.
 */

export interface AtaRateInput {
  /** Timeomkostning: wage, pension, ATP and special holiday pay per hour, øre. */
  hourCost: Ore;
  /** Døgnkoefficient d: correction for hours outside weekdays 06–17, as a fraction (0.25 = 25 %). */
  shift: number;
  /** Variable følgeomkostninger, as a fraction. */
  vfo: number;
  /** Fravær: absence correction (holiday, illness, breaks, meetings), as a fraction. */
  absence: number;
}

function checkAtaInput({ hourCost, shift, vfo, absence }: AtaRateInput): void {
  requireNonNegativeOre(hourCost, 'Timeomkostningen');
  requireNonNegative(shift, 'Døgnkoefficienten');
  requireNonNegative(vfo, 'Variable følgeomkostninger');
  requireNonNegative(absence, 'Fraværskorrektionen');
}

/**
 * ATA hourly rate as Bilag 2's example computes it = hourCost × (1 + shift + vfo + absence) (AT-08: 206 kr.,
 * 25 %, 5 %, 33 % → 335,78 kr.). Rounding: once, to whole øre, half away from zero.
 */
export function ataHourlyRate(input: AtaRateInput): Ore {
  checkAtaInput(input);
  const { hourCost, shift, vfo, absence } = input;
  return roundToOre(hourCost * (1 + shift + vfo + absence));
}

/**
 * ATA hourly rate by Bilag 2's printed model, which omits absence = hourCost × (1 + shift + vfo) (AT-08: 267,80 kr.).
 * For display only. Rounding: once, to whole øre, half away from zero.
 */
export function printedModelAtaHourlyRate(input: Omit<AtaRateInput, 'absence'>): Ore {
  checkAtaInput({ ...input, absence: 0 });
  const { hourCost, shift, vfo } = input;
  return roundToOre(hourCost * (1 + shift + vfo));
}

export interface AtaModelComparison {
  /** What the printed example computes and the app uses. */
  effective: Ore;
  /** What the printed formula gives. */
  printedModel: Ore;
  /** effective − printedModel, øre. */
  difference: Ore;
  message: string;
}

/** Both ATA rates and their difference, so the UI can say that the printed model omits absence. Exact in øre. */
export function compareAtaModels(input: AtaRateInput): AtaModelComparison {
  const effective = ataHourlyRate(input);
  const printedModel = printedModelAtaHourlyRate(input);
  return {
    effective,
    printedModel,
    difference: effective - printedModel,
    message:
      'Den trykte model i Bilag 2, timeomkostning × (1 + d + vfo), udelader fraværet; eksemplet lægger fraværet til som et fjerde led, og det gør beregningen også.',
  };
}

export interface AtaPriceInput {
  /** ATA hourly rate, øre. */
  rate: Ore;
  /** ATA hours per day (0.5 = half an hour). */
  hoursPerDay: number;
  days: number;
}

/**
 * Price of a supplementary service billed per ATA hour = rate × hours per day × days (AT-08: 5 × 0,5 × 335,78 =
 * 839,45 kr. per week). Rounding: once, to whole øre, half away from zero.
 */
export function ataPrice({ rate, hoursPerDay, days }: AtaPriceInput): Ore {
  requireNonNegativeOre(rate, 'ATA-timetaksten');
  requireNonNegative(hoursPerDay, 'Antal timer pr. dag');
  requireNonNegative(days, 'Antal dage');
  return roundToOre(rate * hoursPerDay * days);
}
