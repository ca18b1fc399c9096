import { formatAmount } from '../../../../shared/format';
import { LEGAL_BASES, OFFER_STATUS_LABELS, TARIFF_UNITS, legalBasisLabel, type OfferStatus } from '../../../../shared/domain/tariff-year';

/** «SEL § 108» for the register's column; the full label where there is room. */
export const shortLegalBasis = (key: string) => legalBasisLabel(key).replace(/\s*\(.*\)$/, '');

export const LEGAL_BASIS_OPTIONS = LEGAL_BASES.map((b) => ({ value: b.key, label: b.label }));
export const TARIFF_UNIT_OPTIONS = TARIFF_UNITS.map((u) => ({ value: u.key, label: u.label }));
export const STATUS_OPTIONS = (Object.keys(OFFER_STATUS_LABELS) as OfferStatus[]).map((s) => ({ value: s, label: OFFER_STATUS_LABELS[s] }));
export const CATEGORY_OPTIONS = ['1', '2', '3'].map((c) => ({ value: c, label: `Kategori ${c}` }));
export const STATUS_COLORS: Record<OfferStatus, string> = { active: 'teal', closing: 'orange', closed: 'gray' };
export const OFFER_KIND_OPTIONS = [
  { value: 'normal', label: 'Dag- eller døgntilbud' },
  { value: 'short-stay', label: 'Korttids-, akut- eller aflastningstilbud' },
];

export const CATEGORY_HELP = 'Kategori 1: kun driftsherrens egne borgere. Kategori 2: få andre kommuner. Kategori 3: en del af Socialaftalen.';

/** A ledger amount in kroner without the unit (the tables' captions say «kr.»), a dash for none: narrow enough for 1280 px. */
export const ledgerAmount = (ore: number) => (ore === 0 ? '–' : formatAmount(ore));
