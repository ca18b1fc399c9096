import type { Kysely } from 'kysely';
import { listOffers } from '../../../db/queries/offers';
import { latestSheetPlaces } from '../../../db/queries/tariff-sheets';
import { organisationName } from '../../../db/queries/organisations';
import type { DB } from '../../../db/schema';
import type { DocumentExport } from '../../../shared/domain/documents';
import { type OfferFilter, type OfferRow, type OfferSort } from '../../../shared/domain/offer-register';
import { legalBasisLabel, OFFER_STATUS_LABELS } from '../../../shared/domain/tariff-year';
import { categoryIn, registerRows } from '../../../shared/logic/tariff/offer-register';
import type { ExportStore } from '../documents/export-store';
import { notFound } from '../errors';
import { cleanFileName } from '../files/file-name';
import type { Table, TableColumn } from '../spreadsheets/register-table';

/** The register's rows for a year: every live offer with its category that year and its latest sheet's places. */
export async function offerRows(db: Kysely<DB>, year: number, ids?: readonly string[]): Promise<OfferRow[]> {
  const [offers, places] = await Promise.all([listOffers(db, ids), latestSheetPlaces(db, ids)]);
  return offers.map((offer) => ({ ...offer, year, category: categoryIn(offer, year), latestPlaces: places.get(offer.id) ?? null }));
}

export async function mustGetOffer(db: Kysely<DB>, id: string, year: number): Promise<OfferRow> {
  const [row] = await offerRows(db, year, [id]);
  if (!row) throw notFound('Tilbuddet');
  return row;
}

const COLUMNS: TableColumn[] = [
  { header: 'Tilbud', width: 34, kind: 'long' },
  { header: 'Driftsherre', width: 22, kind: 'text' },
  { header: 'Lovgrundlag', width: 34, kind: 'long' },
  { header: 'Kategori', width: 9, kind: 'number' },
  { header: 'Pladser', width: 9, kind: 'number' },
  { header: 'Pladser fra år', width: 9, kind: 'number' },
  { header: 'Status', width: 15, kind: 'text' },
  { header: 'Målgruppe', width: 34, kind: 'long' },
  { header: 'Adresse', width: 26, kind: 'long' },
  { header: 'Tilbudsportalen', width: 14, kind: 'text' },
  { header: 'Noter', width: 34, kind: 'long' },
];

const SORT_LABELS: Record<OfferSort, string> = { name: 'Navn', operator: 'Driftsherre', legalBasis: 'Lovgrundlag', category: 'Kategori' };

/** The filtered register as a table for the workbook. */
export async function offerRegisterTable(db: Kysely<DB>, filter: OfferFilter, year: number): Promise<{ table: Table; operator: string | null }> {
  const rows = registerRows(await offerRows(db, year), filter);
  const operator = filter.operatorId ? ((await organisationName(db, filter.operatorId)) ?? null) : null;
  return {
    operator,
    table: {
      sheetName: 'Tilbud',
      title: 'Tilbudsregister',
      subject: 'Tilbuddene i Nordjysk Socialaftale',
      columns: COLUMNS,
      rows: rows.map((r) => [
        r.name,
        r.operatorName,
        legalBasisLabel(r.legalBasis),
        r.category,
        r.latestPlaces?.places ?? null,
        r.latestPlaces?.year ?? null,
        OFFER_STATUS_LABELS[r.status],
        r.targetGroup,
        r.address,
        r.portalNumber,
        r.notes,
      ]),
      about: [
        ['Indhold', 'Tilbudsregister'],
        ['Driftsherre', operator ?? 'Alle driftsherrer'],
        ['Lovgrundlag', filter.legalBasis ? legalBasisLabel(filter.legalBasis) : 'Alle'],
        ['Kategori', filter.category ? `Kategori ${filter.category} i ${year}` : `Alle (kategorien i ${year})`],
        ['Status', filter.status ? OFFER_STATUS_LABELS[filter.status] : 'Alle'],
        ['Sorteret efter', SORT_LABELS[filter.sort]],
        ['Antal rækker', rows.length],
      ],
    },
  };
}

/** «Tilbudsregister 2027.xlsx», «Tilbudsregister Aalborg Kommune 2027.xlsx». */
export async function exportOfferRegister(db: Kysely<DB>, store: ExportStore, filter: OfferFilter, year: number, now: Date): Promise<DocumentExport> {
  const { table, operator } = await offerRegisterTable(db, filter, year);
  // Loaded only here: the workbook library is large and nothing else on this path needs it.
  const { tableWorkbook } = await import('../spreadsheets/register-xlsx');
  const name = ['Tilbudsregister', operator?.replace(/[\\/]/g, '-'), String(year)].filter(Boolean).join(' ');
  return store.saveFile(cleanFileName(`${name}.xlsx`), await tableWorkbook(table, now));
}
