import { z } from 'zod';
import { ERROR_CODES } from '../contract/errors';
import { BackupEntry, RestoreResult } from './backups';
import { Id } from './common';
import { DocumentExport } from './documents';
import { ImportPreviewView, ImportReportView } from './exchange';
import { TariffImportPreview, TariffImportReport } from './tariff-import';

/**
 * Long work the backend runs in the background (architecture.md: progress, cancel, the window never freezes).
 * A method that starts one answers at once with its status; progress arrives as `job.progress` events, and
 * `jobs.get` tells the state of one job at any time (a window that reconnects).
 */
export const JobKind = z.enum([
  'exchange.export',
  'exchange.preview',
  'exchange.import',
  'backup',
  'restore',
  'proposals.putOnAgenda',
  'tariffs.previewImport',
  'tariffs.applyImport',
  'tariffAnnex.putOnAgenda',
]);
export type JobKind = z.infer<typeof JobKind>;

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobResult = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), export: DocumentExport }),
  z.object({ type: z.literal('preview'), preview: ImportPreviewView }),
  z.object({ type: z.literal('import'), report: ImportReportView }),
  z.object({ type: z.literal('backup'), backup: BackupEntry }),
  z.object({ type: z.literal('restore'), restore: RestoreResult }),
  /** A proposal or a takstbilag put on an agenda: the item made, and what the user should know (annexes that could not be printed). */
  z.object({ type: z.literal('agendaItem'), itemId: Id, warnings: z.array(z.string()) }),
  /** Filled operator templates checked and compared with what is stored (nothing written), and their import. */
  z.object({ type: z.literal('tariffImportPreview'), preview: TariffImportPreview }),
  z.object({ type: z.literal('tariffImport'), report: TariffImportReport }),
]);
export type JobResult = z.infer<typeof JobResult>;

export const JobStatus = z.object({
  id: Id,
  kind: JobKind,
  state: JobState,
  /** What is happening now, in Danish: «Kontrollerer pakken», «Skriver i databasen». */
  step: z.string(),
  /** Progress of the whole job from 0 to 1; null while it cannot be told (the first moments). */
  fraction: z.number().min(0).max(1).nullable(),
  /** May still be cancelled: false once the work is past the point where it can be undone (the commit). */
  cancellable: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a job failed: the same code and Danish message a refused call carries. */
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
  result: JobResult.nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

export const JOB_TITLES: Readonly<Record<JobKind, string>> = {
  'exchange.export': 'Eksport',
  'exchange.preview': 'Kontrol af pakke',
  'exchange.import': 'Import',
  backup: 'Sikkerhedskopi',
  restore: 'Gendannelse',
  'proposals.putOnAgenda': 'Sæt på dagsorden',
  'tariffs.previewImport': 'Kontrol af takstskemaer',
  'tariffs.applyImport': 'Indlæsning af takstskemaer',
  'tariffAnnex.putOnAgenda': 'Takstbilag på dagsorden',
};
