import { z } from 'zod';
import { Id, Revisioned } from './common';
import { LegalBasis, Offer, OfferCategory, OfferStatus, TariffUnit, TariffYear } from './tariff-year';

/** The register of offers (tilbudsregister): what is edited, filtered and listed. */

const text = (max: number, what: string) => z.string().trim().max(max, { error: `${what} må højst være ${max.toLocaleString('da-DK')} tegn` });

/** The fields of an offer the user edits (the category has a history of its own: offers.setCategory). */
export const OfferFields = z.object({
  name: z.string().trim().min(1, { error: 'Tilbuddet skal have et navn' }).max(300, { error: 'Navnet må højst være 300 tegn' }),
  operatorId: Id,
  address: text(500, 'Adressen').default(''),
  legalBasis: LegalBasis,
  targetGroup: text(2000, 'Målgruppen').default(''),
  offerKind: z.enum(['normal', 'short-stay']).default('normal'),
  tariffUnit: TariffUnit.default('døgn'),
  portalNumber: text(50, 'Tilbudsportalens nummer').default(''),
  status: OfferStatus.default('active'),
  firstYear: TariffYear.nullable().default(null),
  notes: text(10_000, 'Noterne').default(''),
});

/** A new offer with its first category (from its first year in the register). */
export const OfferDraft = OfferFields.extend({ category: OfferCategory, fromYear: TariffYear });

export const OfferUpdate = Revisioned.extend({ patch: OfferFields.partial() });

export const OFFER_SORTS = ['name', 'operator', 'legalBasis', 'category'] as const;
export const OfferSort = z.enum(OFFER_SORTS);
export type OfferSort = z.infer<typeof OfferSort>;

export const OfferListQuery = z.object({
  operatorId: Id.optional(),
  legalBasis: LegalBasis.optional(),
  /** Offers of this category in `year`. */
  category: OfferCategory.optional(),
  /** The year whose category is shown and filtered on; the current year when left out. */
  year: TariffYear.optional(),
  status: OfferStatus.optional(),
  sort: OfferSort.default('operator'),
});
export type OfferListQuery = z.input<typeof OfferListQuery>;
export type OfferFilter = z.output<typeof OfferListQuery>;

/** A line of the register: the offer, its category in the year asked for, and its places on its latest sheet. */
export const OfferRow = Offer.extend({
  year: TariffYear,
  category: OfferCategory.nullable(),
  latestPlaces: z.object({ year: TariffYear, places: z.number() }).nullable(),
});
export type OfferRow = z.infer<typeof OfferRow>;

/** «Skift kategori»: from a year on, with the reason and the decision that approved it. */
export const CategoryChangeInput = z.object({
  offerId: Id,
  fromYear: TariffYear,
  category: OfferCategory,
  reason: z.string().trim().min(3, { error: 'Skriv kort, hvorfor kategorien skiftes' }).max(2000, { error: 'Begrundelsen må højst være 2.000 tegn' }),
  /** The agenda item whose decision approved the change, when it is kept here. */
  decisionItemId: Id.nullable().default(null),
  /** Otherwise the decision as text, e.g. «DAS 12.10.2021». */
  decidedBy: text(200, 'Beslutningen').default(''),
});
