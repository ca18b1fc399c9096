import { formatNumber } from '../../format/numbers';

/**
 * The tariff levels divide the offer's places between them: when their places do not add up to the offer's, the
 * level mix's revenue is computed for another number of residents than the daily tariff. Null when they agree (or
 * there are no levels); otherwise a Danish warning saying how many places are missing or too many.
 */
export function checkLevelPlaces(levels: readonly { places: number }[], places: number): string | null {
  if (levels.length === 0) return null;
  const total = levels.reduce((sum, level) => sum + level.places, 0);
  // Places may have one decimal; sums of such are compared without float dust.
  const difference = Math.round((total - places) * 1000) / 1000;
  if (difference === 0) return null;
  const count = (n: number) => `${formatNumber(n)} ${n === 1 ? 'plads' : 'pladser'}`;
  return `Takstniveauerne har ${count(total)} i alt, men tilbuddet har ${count(places)}: ${
    difference < 0 ? `${count(-difference)} har intet takstniveau` : `${count(difference)} for mange på niveauerne`
  }.`;
}
