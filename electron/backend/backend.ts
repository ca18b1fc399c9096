import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open';
import type { EventName, Result } from '../../shared/contract';
import { ChangedEntity } from '../../shared/contract/events';
import type { BackendContext } from './context';
import { ExportStore } from './documents/export-store';
import type { PdfPrinter } from './documents/printer';
import { callOrigin } from './call-origin';
import { dispatch, type DispatchLog } from './dispatch';
import { bindInstallation } from './exchange/identity';
import { createFileStore, type FileStore } from './files/file-store';
import { createHandlers } from './handlers';
import { JobRunner } from './jobs';
import { createBackupService, type BackupService } from './services/backups';
import { writeAndAnnounce } from './write';
import { watchOtherWriters } from './other-writers';
import { ensureReferenceData } from './services/reference-data';
import { ensureBuiltInRuleSets } from './services/rule-sets';
import { createByteStreams, type ByteStreams } from './streams';

/*
 * The backend's public face: what electron/main and electron/host may import (the lint rule in eslint.config.js holds
 * them to it). This module, and for the CLI command-line.ts (what it needs beyond call(): package files on disk, the
 * read-only dry run).
 */
export type { ByteSource, OpenedExport, OpenedFile, StreamResult } from './streams';
export type { PdfPrinter, PrintSession } from './documents/printer';
export { AppError } from './errors';
export { DatabaseOpenError } from '../../db/errors';
export { backupDirIn, databaseFileIn, resolveDataDir } from './data-dir';
/** The built renderer and the security headers of every response, served by both transports. */
export { readStaticFile, SECURITY_HEADERS } from './web/static-files';

export type EventListener = (event: EventName, payload: unknown) => void;

/** The backend as both transports see it: one call function, one event stream and the byte streams (files in and out). */
export interface Backend extends ByteStreams {
  /** `origin`: the calling window's id (CALL_ORIGIN), passed on in the change events the call causes. */
  call(method: unknown, input: unknown, origin?: string): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  readonly database: OpenedDatabase;
  /** Attachment files (null for an in-memory database). */
  readonly files: FileStore | null;
  /** Finished exports (the transports serve or save them). */
  readonly exports: ExportStore;
  /** Received exchange packages (the transports' upload routes put them here). */
  readonly incoming: ExportStore;
  /** Backups of the database (none for an in-memory one). */
  readonly backups: BackupService;
  close(): Promise<void>;
}

export interface BackendOptions {
  databaseFile: string;
  /** Attachment files; defaults to `files/` beside the database file. */
  filesDir?: string;
  /** Backups (daily, before migrations, imports and restores, manual); defaults to `backups/` beside the database file. */
  backupDir?: string;
  appVersion: string;
  now?: () => Date;
  newId?: () => string;
  log?: DispatchLog;
  /** Prints PDFs (Chromium); without it PDF export is refused with an explanation. */
  printer?: PdfPrinter | null;
  /** Finished exports; defaults to `exports/` beside the database file (a temporary folder for an in-memory one). */
  exportsDir?: string;
  /** Received exchange packages; defaults to `incoming/` beside the database file. */
  incomingDir?: string;
  /** How often to look for another process's writes to the database file (ms); 2 s by default. */
  otherWritersPollMs?: number;
}

/** Opens (creating and migrating as needed) the database and serves the contract over it. */
export async function openBackend(options: BackendOptions): Promise<Backend> {
  const now = options.now ?? (() => new Date());
  const inMemory = options.databaseFile === ':memory:';
  const backupDir = options.backupDir ?? join(dirname(options.databaseFile), 'backups');
  const database = await openDatabase({ file: options.databaseFile, backupDir: inMemory ? undefined : backupDir, now });
  await ensureReferenceData(database.db, now().toISOString());
  await ensureBuiltInRuleSets(database.db, now().toISOString());
  // A database copied from another laptop or folder speaks as a new installation from here on.
  if (!inMemory) await bindInstallation(database.db, database.file, now().toISOString(), options.newId ?? randomUUID);

  const emitter = new EventEmitter();
  const log = options.log ?? console;
  const filesDir = options.filesDir ?? (inMemory ? null : join(dirname(database.file), 'files'));
  const files = filesDir ? createFileStore(database.db, filesDir, { now }) : null;
  const backups = createBackupService({
    database,
    dir: backupDir,
    files,
    appVersion: options.appVersion,
    now,
    emit: (entities) => emitter.emit('event', 'data.changed', { entities }),
    log: (message, error) => log.error(message, error),
  });
  // The migration backup (if any) joins the rotation. A failing backup is logged, not fatal: the user can still work
  // and take one by hand.
  const backupFailed = (error: unknown) => log.error('Den automatiske sikkerhedskopi mislykkedes', error);
  try {
    if (database.migration.backupFile) {
      await backups.adopt(database.migration.backupFile);
      await backups.rotate();
    }
  } catch (error) {
    backupFailed(error);
  }
  // The day's backup is taken behind the open, not before it: it copies the whole database (hundreds of MB after some
  // years), page by page between the window's calls. Backups run one at a time, so an import's or a restore's own
  // backup, the backup list and close() wait for it.
  void backups.ensureDaily().catch(backupFailed);
  backups.startDailyTimer();
  const ctx: BackendContext = {
    db: database.db,
    now,
    newId: options.newId ?? randomUUID,
    // A change names the window whose call made it, so that window can skip reloading its own write.
    emit: (event, payload) => {
      const origin = event === 'data.changed' ? callOrigin() : undefined;
      emitter.emit('event', event, origin ? { ...payload, origin } : payload);
    },
    write: (entities, work, options) => writeAndAnnounce(ctx, entities, work, options),
    appVersion: options.appVersion,
    databaseFile: database.file,
    schemaVersion: database.migration.to,
    files,
    exports: new ExportStore(options.exportsDir ?? (options.databaseFile === ':memory:' ? join(tmpdir(), 'sekretariat-exports') : join(dirname(database.file), 'exports')), now),
    printer: options.printer ?? null,
    backups,
    jobs: new JobRunner({
      emit: (status) => emitter.emit('event', 'job.progress', status),
      now,
      newId: options.newId ?? randomUUID,
      log: (message, error) => log.error(message, error),
    }),
    incoming: new ExportStore(options.incomingDir ?? (options.databaseFile === ':memory:' ? join(tmpdir(), 'sekretariat-incoming') : join(dirname(database.file), 'incoming')), now),
    templates: new ExportStore(options.databaseFile === ':memory:' ? join(tmpdir(), 'sekretariat-templates') : join(dirname(database.file), 'incoming-templates'), now),
  };
  const handlers = createHandlers(ctx);
  // Another process's write (the command line) reaches open windows as a change of anything.
  const stopWatching = inMemory
    ? () => {}
    : watchOtherWriters(database.raw, () => emitter.emit('event', 'data.changed', { entities: [...ChangedEntity.options] }), options.otherWritersPollMs ?? 2000);
  // Text extraction interrupted by a previous exit carries on in the background.
  void files?.text.resumePending().catch(() => undefined);

  return {
    call: (method, input, origin) => dispatch(handlers, method, input, options.log, origin),
    ...createByteStreams({ files, exports: ctx.exports, incoming: ctx.incoming, templates: ctx.templates, log: (message, error) => log.error(message, error) }),
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    database,
    files,
    exports: ctx.exports,
    incoming: ctx.incoming,
    backups,
    close: async () => {
      stopWatching();
      await ctx.jobs.close();
      await backups.close();
      await files?.close();
      await database.close();
    },
  };
}
