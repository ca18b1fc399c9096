import { danishCollator } from '../../format/collate';
import { legalBasisPosition, type OfferCategory } from '../../domain/tariff-year';
import type { OfferFilter, OfferRow } from '../../domain/offer-register';

/** The category of an offer in a year: the latest change from that year or before, in any order; null before its first. */
export function categoryIn(offer: { categories: readonly { fromYear: number; category: OfferCategory }[] }, year: number): OfferCategory | null {
  let found: { fromYear: number; category: OfferCategory } | null = null;
  for (const change of offer.categories) if (change.fromYear <= year && (found === null || change.fromYear > found.fromYear)) found = change;
  return found?.category ?? null;
}

/** The register's rows that pass the filter, in the order asked for (ties by operator, then name). */
export function registerRows(rows: readonly OfferRow[], filter: OfferFilter): OfferRow[] {
  const kept = rows.filter(
    (r) =>
      (filter.operatorId === undefined || r.operatorId === filter.operatorId) &&
      (filter.legalBasis === undefined || r.legalBasis === filter.legalBasis) &&
      (filter.category === undefined || r.category === filter.category) &&
      (filter.status === undefined || r.status === filter.status),
  );
  const byName = (a: OfferRow, b: OfferRow) => danishCollator.compare(a.name, b.name);
  // The rows come in the parties' own order (organisations.sort_order).
  const operatorRank = new Map<string, number>();
  for (const r of rows) if (!operatorRank.has(r.operatorId)) operatorRank.set(r.operatorId, operatorRank.size);
  const byOperator = (a: OfferRow, b: OfferRow) => operatorRank.get(a.operatorId)! - operatorRank.get(b.operatorId)!;
  const first = {
    name: byName,
    operator: byOperator,
    legalBasis: (a: OfferRow, b: OfferRow) => legalBasisPosition(a.legalBasis) - legalBasisPosition(b.legalBasis),
    // No category (not yet registered for the year) last.
    category: (a: OfferRow, b: OfferRow) => (a.category ?? 9) - (b.category ?? 9),
  }[filter.sort];
  return kept.sort((a, b) => first(a, b) || byOperator(a, b) || byName(a, b));
}
