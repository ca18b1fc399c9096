import { z } from 'zod';
import { Id } from './common';
import { TariffYear } from './tariff-year';

/**
 * Collecting the year's figures from the operators (issue 17, item 3): the filled templates are read, checked in
 * full and compared with what is stored (the preview) before anything is written (the import).
 */

/** `sheets`: the «Takster» sheet (tariff year Y); `results`: the «Resultater» sheet (the realised year Y−1). */
export const TariffImportKind = z.enum(['sheets', 'results']);
export type TariffImportKind = z.infer<typeof TariffImportKind>;

export const TariffImportRequest = z.object({
  kind: TariffImportKind,
  /** Files received like exchange packages (their ids), 1–50 at once. */
  fileIds: z.array(Id).min(1, { error: 'Vælg mindst én fil.' }).max(50, { error: 'Højst 50 filer ad gangen.' }),
  /** The year expected in the files (the tariff year, or the results' year); left out: the files' own, which must agree. */
  year: TariffYear.optional(),
});
export type TariffImportRequest = z.infer<typeof TariffImportRequest>;

/** A filled template received from the window (PUT ./upload-template), referred to by its id until imported. */
export interface ReceivedTemplate {
  fileId: string;
  fileName: string;
  bytes: number;
}

export const TariffImportChange = z.object({ field: z.string(), stored: z.string(), incoming: z.string() });

export const TariffImportOffer = z.object({
  offerId: Id,
  offerName: z.string(),
  operatorName: z.string(),
  fileName: z.string(),
  row: z.number().int(),
  /** `new`: nothing stored; `version`: a new version of a stored sheet; `update`: a stored result changed. */
  action: z.enum(['new', 'version', 'update', 'unchanged']),
  changes: z.array(TariffImportChange),
});
export type TariffImportOffer = z.infer<typeof TariffImportOffer>;

export const TariffImportPreview = z.object({
  kind: TariffImportKind,
  year: TariffYear.nullable(),
  files: z.array(z.object({ fileName: z.string(), operatorName: z.string(), rows: z.number().int() })),
  /** Why the files cannot be imported, each naming file, sheet, row and cell; none: the import may go ahead. */
  problems: z.array(z.string()),
  offers: z.array(TariffImportOffer),
  /** What the user should know but does not stop the import (a row left empty, an offer renamed in the file). */
  notes: z.array(z.string()),
});
export type TariffImportPreview = z.infer<typeof TariffImportPreview>;

export const TariffImportReport = z.object({
  kind: TariffImportKind,
  year: TariffYear,
  written: z.number().int(),
  unchanged: z.number().int(),
  /** The backup taken before the write; null when nothing was written (or the database lives in memory). */
  backup: z.string().nullable(),
});
export type TariffImportReport = z.infer<typeof TariffImportReport>;
