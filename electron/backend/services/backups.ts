import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { backupStamp, PARTIAL_SUFFIX, snapshotToFile } from '../../../db/backup';
import type { OpenedDatabase } from '../../../db/open';
import { prepareRestoreSource, replaceDatabaseContent, RestoreRefused } from '../../../db/restore';
import { ChangedEntity } from '../../../shared/contract';
import { BackupKind, type BackupEntry, type BackupFiles, type MissingFile, type RestoreResult } from '../../../shared/domain/backups';
import { AppError } from '../errors';
import { restartInstallation } from '../exchange/identity';
import type { FileStore } from '../files/file-store';
import { isZipFile, openBackupArchive, writeBackupArchive, type ArchiveSummary, type BackupArchive } from './backup-archive';
import {
  attachmentNamesIn,
  BackupFileStore,
  Cancelled,
  filesOfDatabase,
  placeVerified,
  readFilesSummary,
  storePath,
  SUMMARY_SUFFIX,
  summaryFileOf,
  writeFilesSummary,
} from './backup-files';

/** How many backups rotation keeps: the newest of each group, the rest are deleted after every new backup. */
export const KEEP_DAILY = 14;
export const KEEP_EVENTS = 10;
/** How often a long-running process checks whether the day's backup is due. */
const DAILY_CHECK_MS = 60 * 60 * 1000;
/** The backup folder's store of attachment files, shared by its backups (backup-files.ts). */
export const BACKUP_FILES_DIR = 'files';

/** `20261123-014500-daily.db`, `20261123-014500-manual-2.db`; `foer-migrering` is the name earlier versions used. */
const FILE_NAME = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|migration|import|restore|manual|foer-migrering)(?:-(\d+))?\.db$/;

interface ParsedName {
  entry: BackupEntry;
  /** Sorts by the time in the name, then by the collision counter, then by when the file was written. */
  order: string;
  writtenAt: number;
}

function parseFileName(fileName: string, bytes: number, writtenAt: number, files: BackupFiles | null): ParsedName | null {
  const m = FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, kind, n] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime())) return null;
  return {
    entry: { fileName, kind: kind === 'foer-migrering' ? 'migration' : BackupKind.parse(kind), createdAt: date.toISOString(), bytes, files },
    order: `${y}${mo}${d}${h}${mi}${s}-${(n ?? '1').padStart(6, '0')}`,
    writtenAt,
  };
}

export interface BackupService {
  /** The backup folder; null for an in-memory database, which is never backed up. */
  readonly dir: string | null;
  /** Newest first. */
  list(): Promise<BackupEntry[]>;

  /**
   * Takes a backup now (the database and the attachment files it refers to) and rotates. It waits until no
   * transaction is open on the connection, so call it before a transaction (an import's backup), never inside one.
   */
  create(kind: BackupKind, options?: WorkOptions): Promise<BackupEntry>;
  /** Takes today's daily backup unless there is one; null when none was needed. */
  ensureDaily(): Promise<BackupEntry | null>;
  /** Gives a backup of the database taken outside the service (db/open.ts, before migrations) its attachment files. */
  adopt(file: string): Promise<void>;
  /**
   * Deletes all but the newest KEEP_DAILY daily and KEEP_EVENTS other backups, then the attachment files no backup
   * left refers to; returns the deleted backups' names.
   */
  rotate(): Promise<string[]>;
  /**
   * Takes a backup back: by its name in the backup folder (from the UI) or by a path (the command line): a backup's
   * database file (its attachment files are looked for in `files/` beside it) or a backup in one file (writeArchive).
   * The current state is backed up first; all of the backup's content replaces the database's in one transaction, and
   * the attachment files the database lacks are brought back, each checked against its hash first.
   */
  restore(source: { fileName: string } | { path: string }, options?: WorkOptions): Promise<RestoreResult>;
  /** Writes the database and its attachment files to one file at `target` (backup-archive.ts). */
  writeArchive(target: string, options?: WorkOptions): Promise<ArchiveSummary>;
  /** Checks hourly (without keeping the process alive) whether the day changed and a daily backup is due. */
  startDailyTimer(): void;
  /** Stops the timer and waits for a backup or restore under way. */
  close(): Promise<void>;
}

/** Progress (0–1) and cancel for a backup or restore run as a job. */
export interface WorkOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, step?: string) => void;
  /** A restore calls this just before its commit: from there it can no longer be cancelled. */
  onCommit?: (step: string) => void;
}

export interface BackupServiceOptions {
  database: OpenedDatabase;
  /** Where backups go; ignored for an in-memory database. */
  dir: string;
  /** The app's attachment files (null for an in-memory database). */
  files: FileStore | null;
  appVersion: string;
  now: () => Date;
  /** After a restore every entity changed. */
  emit: (entities: ChangedEntity[]) => void;
  log: (message: string, error: unknown) => void;
  /** False: attachment files are copied into the backup folder, never hard-linked (as where links are impossible). */
  linkFiles?: boolean;
}

const inMemory = () => new AppError('UNAVAILABLE', 'Databasen findes kun i hukommelsen, så der kan ikke tages eller gendannes sikkerhedskopier.');
const UNCHANGED = 'Databasen er ikke ændret.';
/** The share of a backup's progress bar for the database copy; the attachment files take the rest. */
const DATABASE_SHARE = 0.6;

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { database, now, files } = options;
  const dir = database.file === ':memory:' ? null : options.dir;
  const links = options.linkFiles ?? true;
  const store = dir ? new BackupFileStore(join(dir, BACKUP_FILES_DIR), links) : null;
  let timer: NodeJS.Timeout | null = null;

  // One backup or restore at a time: two in the same second would otherwise pick the same name.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const scan = (): ParsedName[] => {
    if (!dir) return [];
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const parsed: ParsedName[] = [];
    for (const name of names) {
      if (!FILE_NAME.test(name)) continue;
      let stat;
      try {
        stat = statSync(join(dir, name));
      } catch {
        continue; // deleted meanwhile
      }
      const p = stat.isFile() ? parseFileName(name, stat.size, stat.mtimeMs, readFilesSummary(join(dir, name))) : null;
      if (p) parsed.push(p);
    }
    return parsed.sort((a, b) => (a.order !== b.order ? (a.order < b.order ? 1 : -1) : b.writtenAt - a.writtenAt));
  };

  /** Files that no backup left refers to, and none of the database either (a backup under way in another process). */
  const sweepFiles = async (): Promise<void> => {
    if (!dir || !store) return;
    const keep = new Set((database.raw.prepare('SELECT sha256 FROM files').all() as { sha256: string }[]).map((r) => r.sha256));
    for (const p of scan()) {
      try {
        for (const ref of filesOfDatabase(join(dir, p.entry.fileName))) keep.add(ref.sha256);
      } catch (error) {
        // A backup that cannot be read cannot be restored either; its files are not kept for it.
        options.log(`Sikkerhedskopien ${p.entry.fileName} kan ikke læses`, error);
      }
    }
    await store.sweep(keep, DAILY_CHECK_MS);
  };

  const rotateNow = async (): Promise<string[]> => {
    if (!dir) return [];
    const all = scan();
    const daily = all.filter((p) => p.entry.kind === 'daily');
    const events = all.filter((p) => p.entry.kind !== 'daily');
    const doomed = [...daily.slice(KEEP_DAILY), ...events.slice(KEEP_EVENTS)].map((p) => p.entry.fileName);
    for (const name of doomed) {
      rmSync(join(dir, name), { force: true });
      rmSync(summaryFileOf(join(dir, name)), { force: true });
    }
    // A backup interrupted by a crash left its temporary file; it is never a usable backup. (A recent one may be
    // another process's backup under way: the command line beside the open app.)
    for (const name of readdirSync(dir)) {
      // The partial file and the -wal/-shm/-journal files SQLite may have left beside it; a summary whose backup never
      // got its name, or its own temporary file.
      const partial = ['', '-wal', '-shm', '-journal'].some((extra) => name.endsWith(`${PARTIAL_SUFFIX}${extra}`));
      const orphanSummary = name.endsWith(SUMMARY_SUFFIX) && !existsSync(join(dir, name.replace(SUMMARY_SUFFIX, '.db')));
      const summaryTemp = /\.files\.json\.[0-9a-f]{8}\.part$/.test(name);
      if (!partial && !orphanSummary && !summaryTemp) continue;
      const path = join(dir, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > DAILY_CHECK_MS) rmSync(path, { force: true });
      } catch {
        // gone meanwhile
      }
    }
    try {
      await sweepFiles();
    } catch (error) {
      // Unused files take room but harm nothing; the next rotation tries again.
      options.log('Ubrugte bilagsfiler i sikkerhedskopimappen kunne ikke fjernes', error);
    }
    return doomed;
  };

  /** The attachment files of a backup's database into the backup folder's store; what it carries. */
  const addFiles = async (databaseFile: string, work: WorkOptions, from: number): Promise<BackupFiles> => {
    const refs = filesOfDatabase(databaseFile);
    const summary: BackupFiles = { count: 0, bytes: 0, missing: 0 };
    for (const [index, ref] of refs.entries()) {
      if (work.signal?.aborted) throw new Cancelled();
      const outcome = files && store ? await store.add(files.pathOf(ref.sha256), ref, work.signal) : 'missing';
      if (outcome === 'placed' || outcome === 'present') {
        summary.count++;
        summary.bytes += ref.size;
      } else {
        summary.missing++;
        if (outcome === 'damaged') options.log(`Bilagsfilen ${ref.sha256} i datamappen er beskadiget og kom ikke med i sikkerhedskopien`, null);
      }
      work.onProgress?.(from + (1 - from) * ((index + 1) / refs.length));
    }
    return summary;
  };

  /** The database copy under its temporary name; the caller holds the connection (see `locked`). */
  const snapshot = async (kind: BackupKind, work: WorkOptions): Promise<string> => {
    if (!dir) throw inMemory();
    mkdirSync(dir, { recursive: true });
    const stamp = backupStamp(now());
    let file = join(dir, `${stamp}-${kind}.db`);
    for (let n = 2; existsSync(file); n++) file = join(dir, `${stamp}-${kind}-${n}.db`);
    await snapshotToFile(database.raw, `${file}${PARTIAL_SUFFIX}`, { signal: work.signal, onProgress: (part) => work.onProgress?.(DATABASE_SHARE * part) });
    return file;
  };

  /** Adds the snapshot's files and its summary, then gives the database copy its name: a backup is whole or absent. */
  const complete = async (file: string, work: WorkOptions): Promise<BackupEntry> => {
    const partial = `${file}${PARTIAL_SUFFIX}`;
    try {
      writeFilesSummary(file, await addFiles(partial, work, DATABASE_SHARE));
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      rmSync(summaryFileOf(file), { force: true });
      if (error instanceof Cancelled || work.signal?.aborted) throw new AppError('INVALID_INPUT', 'Sikkerhedskopien blev afbrudt.');
      throw error;
    }
    const stat = statSync(file);
    const parsed = parseFileName(basename(file), stat.size, stat.mtimeMs, readFilesSummary(file));
    if (!parsed) throw new Error(`Unexpected backup file name ${file}`);
    return parsed.entry;
  };

  /** Waits for the connection: Kysely's transactions hold it from BEGIN to COMMIT. */
  const locked = <T>(work: () => Promise<T>): Promise<T> => database.db.connection().execute(work);

  const takeBackup = async (kind: BackupKind, work: WorkOptions = {}): Promise<BackupEntry> => {
    // Only the database copy needs the connection; the files are immutable and added afterwards.
    const file = await locked(() => snapshot(kind, work));
    const entry = await complete(file, work);
    await rotateNow();
    return entry;
  };

  const create = (kind: BackupKind, work: WorkOptions = {}) => serial(() => takeBackup(kind, work));

  const ensureDaily = () =>
    serial(async () => {
      if (!dir) return null;
      const today = backupStamp(now()).slice(0, 8);
      if (scan().some((p) => p.entry.kind === 'daily' && p.entry.fileName.startsWith(today))) return null;
      return takeBackup('daily');
    });

  const adopt = (file: string) =>
    serial(async () => {
      if (!dir || readFilesSummary(file)) return;
      writeFilesSummary(file, await addFiles(file, {}, 0));
    });

  /** A name from the UI must be one of the listed backups: no path, no `..`, nothing else in the folder. */
  const resolveName = (fileName: string): string => {
    if (!dir) throw inMemory();
    if (fileName !== basename(fileName) || /[\\/]/.test(fileName) || fileName.includes('..')) {
      throw new AppError('INVALID_INPUT', 'Angiv kun navnet på en sikkerhedskopi i sikkerhedskopimappen, ikke en sti til en fil.');
    }
    if (!scan().some((p) => p.entry.fileName === fileName)) {
      throw new AppError('NOT_FOUND', `Sikkerhedskopien «${fileName}» findes ikke i sikkerhedskopimappen. ${UNCHANGED}`);
    }
    return join(dir, fileName);
  };

  const restore = (source: { fileName: string } | { path: string }, work: WorkOptions = {}) =>
    serial(async (): Promise<RestoreResult> => {
      const { signal } = work;
      const stopIfCancelled = () => {
        if (signal?.aborted) throw new AppError('INVALID_INPUT', `Gendannelsen blev afbrudt. ${UNCHANGED}`);
      };
      if (!dir || !files) throw inMemory();
      const path = 'fileName' in source ? resolveName(source.fileName) : source.path;
      const label = 'fileName' in source ? source.fileName : basename(source.path);
      const workDir = mkdtempSync(join(tmpdir(), 'sekretariat-restore-'));
      // Attachment files checked and waiting in the file store's temporary folder until the commit: sha256 → path.
      const staged = new Map<string, string>();
      let archive: BackupArchive | null = null;
      let safetyBackup: BackupEntry;
      let missingFiles: MissingFile[];
      let filesRestored = 0;
      try {
        // Everything that can refuse the backup happens on copies, before anything is written.
        work.onProgress?.(0, 'Kontrollerer sikkerhedskopien');
        const notFound = (error: unknown): never => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `Filen «${label}» findes ikke. ${UNCHANGED}`);
          throw error;
        };
        let databasePath = path;
        if (await isZipFile(path).catch(notFound)) {
          archive = await openBackupArchive(path, label);
          databasePath = join(workDir, 'sikkerhedskopi.db');
          await archive.extractDatabase(databasePath, signal);
        }
        const prepared = await prepareRestoreSource(databasePath, workDir, label).catch((error: unknown) => {
          if (error instanceof RestoreRefused) throw new AppError('INVALID_INPUT', error.message);
          return notFound(error);
        });

        // The attachment files this state refers to that the data folder lacks: from the archive, or from the store
        // beside the backup's database (the backup folder's own, or a copy's `files/` from another laptop).
        const folder = 'fileName' in source ? store!.dir : join(dirname(path), BACKUP_FILES_DIR);
        const refs = filesOfDatabase(prepared);
        const absent: string[] = [];
        for (const [index, ref] of refs.entries()) {
          stopIfCancelled();
          work.onProgress?.(0.1 + 0.3 * (index / refs.length), 'Kontrollerer bilagsfilerne');
          if (await files.exists(ref.sha256)) continue;
          const temp = join(files.tmpDir, `restore-${randomUUID()}.part`);
          if (archive) {
            if (!archive.has(ref.sha256)) {
              absent.push(ref.sha256);
              continue;
            }
            await archive.extractFile(ref, temp, signal);
            staged.set(ref.sha256, temp);
            continue;
          }
          const outcome = await placeVerified(storePath(folder, ref.sha256), temp, ref, { tempDir: files.tmpDir, links, verify: true, signal });
          if (outcome === 'placed') staged.set(ref.sha256, temp);
          else if (outcome === 'missing') absent.push(ref.sha256);
          else if (outcome === 'damaged') {
            const names = attachmentNamesIn(prepared, [ref.sha256]).get(ref.sha256)!;
            throw new AppError(
              'INVALID_INPUT',
              `Bilagsfilen ${names.length ? `«${names.join('», «')}»` : ref.sha256.slice(0, 12) + '…'} i sikkerhedskopien er beskadiget (indholdet passer ikke til filens SHA-256). ${UNCHANGED}`,
            );
          }
        }
        const names = attachmentNamesIn(prepared, absent);
        missingFiles = absent.map((sha256) => ({ sha256, names: names.get(sha256) ?? [] }));

        // The checked files go into place before the commit, so that a crash after it finds them there. Until the
        // commit they are extra files nothing refers to, removed again when the restore does not happen.
        const placed: string[] = [];
        let committed = false;
        try {
          for (const [sha256, temp] of staged) {
            if (await files.adopt(temp, sha256)) placed.push(sha256);
            staged.delete(sha256);
            filesRestored++;
          }
          // Holding the connection keeps every other query out from the safety backup until the commit.
          stopIfCancelled();
          safetyBackup = await locked(async () => {
            const step = 'Sikkerhedskopierer den nuværende tilstand';
            const progress = { signal, onProgress: (part: number) => work.onProgress?.(0.4 + 0.2 * part, step) };
            const safety = await complete(await snapshot('restore', progress), progress);
            try {
              stopIfCancelled();
              await replaceDatabaseContent(database.raw, prepared, {
                signal,
                onProgress: (part) => work.onProgress?.(0.6 + 0.4 * part, 'Gendanner'),
                onCommit: () => work.onCommit?.('Gemmer gendannelsen'),
              });
              committed = true;
            } catch (error) {
              // Nothing changed, so the safety backup is just another copy of the current state.
              rmSync(join(dir, safety.fileName), { force: true });
              rmSync(summaryFileOf(join(dir, safety.fileName)), { force: true });
              if (error instanceof RestoreRefused) throw new AppError('INVALID_INPUT', error.message);
              throw new AppError('DATABASE', `Sikkerhedskopien kunne ikke gendannes (${(error as Error).message}). ${UNCHANGED}`);
            }
            return safety;
          });
        } catch (error) {
          if (!committed) {
            // Unless the database meanwhile got a row for it (the same file uploaded at that moment).
            const claimed = database.raw.prepare('SELECT 1 FROM files WHERE sha256 = ?');
            for (const sha256 of placed) if (!claimed.get(sha256)) rmSync(files.pathOf(sha256), { force: true });
          }
          throw error;
        }
      } catch (error) {
        if (error instanceof Cancelled) throw new AppError('INVALID_INPUT', `Gendannelsen blev afbrudt. ${UNCHANGED}`);
        throw error;
      } finally {
        archive?.close();
        for (const temp of staged.values()) rmSync(temp, { force: true });
        rmSync(workDir, { recursive: true, force: true });
      }
      // The database is back at an earlier state: it speaks as a new installation from here (exchange/identity.ts).
      await restartInstallation(database.db, now().toISOString(), randomUUID);
      // Rotation only now: it may delete the oldest backup, which can be the one just taken back.
      await rotateNow();
      // The restored state's files whose text was never extracted (or was, in the backup, still waiting).
      void files.text.resumePending().catch(() => undefined);
      options.emit([...ChangedEntity.options]);
      return { restoredFrom: 'fileName' in source ? source.fileName : source.path, safetyBackup: safetyBackup.fileName, filesRestored, missingFiles };
    });

  const writeArchive = (target: string, work: WorkOptions = {}) =>
    serial(async () => {
      if (!dir) throw inMemory();
      return writeBackupArchive({
        target,
        snapshot: (file) => locked(() => snapshotToFile(database.raw, file, { signal: work.signal, onProgress: (part) => work.onProgress?.(0.1 * part) })),
        appFilePath: files ? (sha256) => files.pathOf(sha256) : null,
        appVersion: options.appVersion,
        schemaVersion: database.migration.to,
        now,
        signal: work.signal,
        onProgress: (part) => work.onProgress?.(0.1 + 0.9 * part),
      });
    });

  return {
    dir,
    // After the backup under way (the day's, taken behind the open): the list shows it, never a half-written file.
    list: () => serial(async () => scan().map((p) => p.entry)),

    create,
    ensureDaily,
    adopt,
    rotate: () => serial(rotateNow),
    restore,
    writeArchive,
    startDailyTimer() {
      if (!dir || timer) return;
      timer = setInterval(() => void ensureDaily().catch((error: unknown) => options.log('Den daglige sikkerhedskopi mislykkedes', error)), DAILY_CHECK_MS);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await queue;
    },
  };
}
