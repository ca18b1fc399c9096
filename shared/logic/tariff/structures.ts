import { formatPercent } from '../../format/numbers';
import { requireNonNegative, requireNonNegativeOre, requireOccupancy, requirePositive, roundToOre } from './guards';
import { assertOre, type Ore } from './money';
import { type RuleSet } from './rule-set';

/* Tariff structures of Styringsaftalen 4.1 and 5.4: differentiated levels, supplementary services, negotiation. */

export interface TariffLevel {
  name: string;
  dailyTariff: Ore;
  /** Places (or residents) on this level; may be 0. */
  places: number;
}

export interface LevelMixInput {
  levels: readonly TariffLevel[];
  occupancy: number;
  rules: RuleSet;
}

function occupiedPlaceDaysValue(levels: readonly TariffLevel[], rules: RuleSet): number {
  let total = 0;
  let places = 0;
  for (const level of levels) {
    requireNonNegativeOre(level.dailyTariff, `Taksten for ${level.name}`);
    requireNonNegative(level.places, `Antal pladser på ${level.name}`);
    total += level.dailyTariff * level.places;
    places += level.places;
  }
  requirePositive(places, 'Antal pladser i alt');
  return total * rules.daysPerYear;
}

/**
 * Budgeted yearly revenue of a differentiated tariff (5.4.6) = Σ tariff_i × 365 × places_i × occupancy
 * (domain.md §3.2, inferred identity). Rounding: once, to whole øre, half away from zero.
 */
export function levelMixRevenue({ levels, occupancy, rules }: LevelMixInput): Ore {
  requireOccupancy(occupancy);
  return roundToOre(occupiedPlaceDaysValue(levels, rules) * occupancy);
}

/**
 * The occupancy at which a level mix earns a given revenue = revenue ÷ (Σ tariff_i × 365 × places_i); used to
 * explain a printed revenue figure (AT-05: 22,9 mio. kr. implies 88,1 %). Not rounded; may exceed 1.
 */
export function occupancyForRevenue(levels: readonly TariffLevel[], revenue: Ore, rules: RuleSet): number {
  requireNonNegativeOre(revenue, 'Indtægten');
  return revenue / occupiedPlaceDaysValue(levels, rules);
}

/**
 * Revenue minus budget (positive: the tariffs earn more than the budget; negative: a shortfall). Exact in øre.
 */
export function revenueGap(revenue: Ore, budget: Ore): Ore {
  assertOre(revenue, 'Indtægten');
  assertOre(budget, 'Budgettet');
  return revenue - budget;
}

/**
 * Price of a supplementary service (tillægsydelse, 5.4.4) = marginal cost × (1 + markup), where the optional markup
 * for variable follow-on costs is at most 5 % (rules.supplementaryMarkupMax). A negative service (a citizen needing
 * less) has a negative marginal cost; the markup then scales the saving alike (inference: the text gives no sign
 * rule). Rounding: once, to whole øre, half away from zero.
 */
export function supplementaryServicePrice(marginalCost: Ore, markup: number, rules: RuleSet): Ore {
  assertOre(marginalCost, 'Marginalomkostningen');
  if (!Number.isFinite(markup) || markup < 0) throw new RangeError(`Tillægget kan ikke være negativt (fik ${formatPercent(markup, 1)})`);
  if (markup > rules.supplementaryMarkupMax) {
    throw new RangeError(
      `Tillægget for variable følgeomkostninger må højst være ${formatPercent(rules.supplementaryMarkupMax, 0)} af marginalomkostningen (fik ${formatPercent(markup, 1)}; Styringsaftalen 5.4.4)`,
    );
  }
  return roundToOre(marginalCost * (1 + markup));
}

/**
 * The citizen-directed part of a tariff = direct support hours per tariff day × the offer's hourly cost (5.4.7:
 * every tariff shows its direct support hours; only they are negotiable, at the offer's own hourly cost).
 * Rounding: once, to whole øre, half away from zero.
 */
export function citizenDirectedPart({ directSupportHours, hourlyCost }: { directSupportHours: number; hourlyCost: Ore }): Ore {
  requireNonNegative(directSupportHours, 'Antal direkte støttetimer');
  requireNonNegativeOre(hourlyCost, 'Timeomkostningen');
  return roundToOre(directSupportHours * hourlyCost);
}

function requirePartOfTariff(baseTariff: Ore, part: Ore): void {
  requireNonNegativeOre(baseTariff, 'Taksten');
  requireNonNegativeOre(part, 'Den borgerrettede del');
  if (part > baseTariff) throw new RangeError('Den borgerrettede del kan ikke være større end taksten');
}

/**
 * Share of a tariff that can be negotiated (5.4.7): citizen-directed part ÷ tariff. Not rounded.
 */
export function negotiableShare({ baseTariff, citizenDirectedPart }: { baseTariff: Ore; citizenDirectedPart: Ore }): number {
  requirePartOfTariff(baseTariff, citizenDirectedPart);
  return baseTariff === 0 ? 0 : citizenDirectedPart / baseTariff;
}

export interface NegotiationInput {
  baseTariff: Ore;
  citizenDirectedPart: Ore;
  newCitizenDirectedPart: Ore;
}

const NEGOTIABLE_KEYS = new Set(['baseTariff', 'citizenDirectedPart', 'newCitizenDirectedPart']);

/**
 * A negotiated tariff (forhandlet takst, 5.4.7) = base tariff − citizen-directed part + new citizen-directed part.
 * Only the citizen-directed part (direct support hours) may change; unit price, wage level, buildings and
 * administration may not ("prisdiskrimination"), so any other field in the input is refused, and the fixed part
 * of the tariff is carried over unchanged. Compute the new part with citizenDirectedPart at the offer's own hourly
 * cost. No rounding: whole øre in, whole øre out.
 */
export function negotiatedTariff(input: NegotiationInput): Ore {
  const other = Object.keys(input).filter((key) => !NEGOTIABLE_KEYS.has(key));
  if (other.length > 0) {
    throw new RangeError(
      `Kun den borgerrettede del (direkte støttetimer) kan forhandles – ikke enhedspris, lønniveau, bygninger eller administration (Styringsaftalen 5.4.7); fjern: ${other.join(', ')}`,
    );
  }
  const { baseTariff, citizenDirectedPart, newCitizenDirectedPart } = input;
  requirePartOfTariff(baseTariff, citizenDirectedPart);
  requireNonNegativeOre(newCitizenDirectedPart, 'Den nye borgerrettede del');
  return baseTariff - citizenDirectedPart + newCitizenDirectedPart;
}
