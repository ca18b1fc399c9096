import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { EventName, EventPayload } from '../../shared/contract';
import type { ExportStore } from './documents/export-store';
import type { PdfPrinter } from './documents/printer';
import type { FileStore } from './files/file-store';
import type { JobRunner } from './jobs';
import type { BackupService } from './services/backups';
import type { Write } from './write';

/** What every handler may use. Clock and ids are injected so tests control them. */
export interface BackendContext {
  db: Kysely<DB>;
  now: () => Date;
  newId: () => string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Every write: one transaction, its history, then one change event after the commit (see write.ts). */
  write: Write;
  appVersion: string;
  databaseFile: string;
  schemaVersion: number;
  /** Attachment files, stored by their SHA-256, with their text extraction (null for an in-memory database: none can be added). */
  files: FileStore | null;
  /** Finished PDF and Word exports until the user saves them. */
  exports: ExportStore;
  /** Chromium's print engine as the shell provides it; null where there is none (PDF export then explains why). */
  printer: PdfPrinter | null;
  /** Backups in the data folder: list, take (also before an import), restore. */
  backups: BackupService;
  /** Long work in the background, with progress events and cancel. */
  jobs: JobRunner;
  /** Exchange packages received from the user (uploaded), until they are imported or discarded. */
  incoming: ExportStore;
  /** Filled operator templates received from the user, until they are imported or discarded. */
  templates: ExportStore;
}

export const timestamp = (ctx: Pick<BackendContext, 'now'>) => ctx.now().toISOString();
