import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { backupStamp, backupToFolder, PARTIAL_SUFFIX } from '../../../db/backup';
import type { OpenedDatabase } from '../../../db/open';
import { prepareRestoreSource, replaceDatabaseContent, RestoreRefused } from '../../../db/restore';
import { ChangedEntity } from '../../../shared/contract';
import { BackupKind, type BackupEntry, type RestoreResult } from '../../../shared/domain/backups';
import { AppError } from '../errors';

/** How many backups rotation keeps: the newest of each group, the rest are deleted after every new backup. */
export const KEEP_DAILY = 14;
export const KEEP_EVENTS = 10;
/** How often a long-running process checks whether the day's backup is due. */
const DAILY_CHECK_MS = 60 * 60 * 1000;

/** `20261123-014500-daily.db`, `20261123-014500-manual-2.db`; `foer-migrering` is the name earlier versions used. */
const FILE_NAME = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|migration|import|restore|manual|foer-migrering)(?:-(\d+))?\.db$/;

interface ParsedName {
  entry: BackupEntry;
  /** Sorts by the time in the name, then by the collision counter, then by when the file was written. */
  order: string;
  writtenAt: number;
}

function parseFileName(fileName: string, bytes: number, writtenAt: number): ParsedName | null {
  const m = FILE_NAME.exec(fileName);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, kind, n] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime())) return null;
  return {
    entry: { fileName, kind: kind === 'foer-migrering' ? 'migration' : BackupKind.parse(kind), createdAt: date.toISOString(), bytes },
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
   * Takes a backup now and rotates. It waits until no transaction is open on the connection,
   * so call it before a transaction (an import's backup), never inside one.
   */
  create(kind: BackupKind, options?: WorkOptions): Promise<BackupEntry>;
  /** Takes today's daily backup unless there is one; null when none was needed. */
  ensureDaily(): Promise<BackupEntry | null>;
  /** Deletes all but the newest KEEP_DAILY daily and KEEP_EVENTS other backups; returns the deleted names. */
  rotate(): Promise<string[]>;
  /**
   * Takes a backup back: by its name in the backup folder (from the UI) or by a path (the command line).
   * The current state is backed up first; all of the backup's content replaces the database's in one transaction.
   */
  restore(source: { fileName: string } | { path: string }, options?: WorkOptions): Promise<RestoreResult>;
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
  now: () => Date;
  /** After a restore every entity changed. */
  emit: (entities: ChangedEntity[]) => void;
  log: (message: string, error: unknown) => void;
}

const inMemory = () => new AppError('UNAVAILABLE', 'Databasen findes kun i hukommelsen, så der kan ikke tages eller gendannes sikkerhedskopier.');

export function createBackupService(options: BackupServiceOptions): BackupService {
  const { database, now } = options;
  const dir = database.file === ':memory:' ? null : options.dir;
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
      const p = stat.isFile() ? parseFileName(name, stat.size, stat.mtimeMs) : null;
      if (p) parsed.push(p);
    }
    return parsed.sort((a, b) => (a.order !== b.order ? (a.order < b.order ? 1 : -1) : b.writtenAt - a.writtenAt));
  };

  const rotateNow = (): string[] => {
    if (!dir) return [];
    const all = scan();
    const daily = all.filter((p) => p.entry.kind === 'daily');
    const events = all.filter((p) => p.entry.kind !== 'daily');
    const doomed = [...daily.slice(KEEP_DAILY), ...events.slice(KEEP_EVENTS)].map((p) => p.entry.fileName);
    for (const name of doomed) rmSync(join(dir, name), { force: true });
    // A backup interrupted by a crash left its temporary file; it is never a usable backup. (A recent one may be
    // another process's backup under way: the command line beside the open app.)
    for (const name of readdirSync(dir)) {
      // The partial file and the -wal/-shm/-journal files SQLite may have left beside it.
      if (!['', '-wal', '-shm', '-journal'].some((extra) => name.endsWith(`${PARTIAL_SUFFIX}${extra}`))) continue;
      const path = join(dir, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > DAILY_CHECK_MS) rmSync(path, { force: true });
      } catch {
        // gone meanwhile
      }
    }
    return doomed;
  };

  /** The caller holds the connection (see `locked`), so no transaction is half-way when the pages are copied. */
  const takeBackup = async (kind: BackupKind, work: WorkOptions = {}): Promise<BackupEntry> => {
    if (!dir) throw inMemory();
    const file = await backupToFolder(database.raw, dir, kind, now(), work);
    const stat = statSync(file);
    const parsed = parseFileName(basename(file), stat.size, stat.mtimeMs);
    if (!parsed) throw new Error(`Unexpected backup file name ${file}`);
    return parsed.entry;
  };

  /** Waits for the connection: Kysely's transactions hold it from BEGIN to COMMIT. */
  const locked = <T>(work: () => Promise<T>): Promise<T> => database.db.connection().execute(work);

  const create = (kind: BackupKind, work: WorkOptions = {}) =>
    serial(async () => {
      const entry = await locked(() => takeBackup(kind, work));
      rotateNow();
      return entry;
    });

  const ensureDaily = () =>
    serial(async () => {
      if (!dir) return null;
      const today = backupStamp(now()).slice(0, 8);
      if (scan().some((p) => p.entry.kind === 'daily' && p.entry.fileName.startsWith(today))) return null;
      const entry = await locked(() => takeBackup('daily'));
      rotateNow();
      return entry;
    });

  /** A name from the UI must be one of the listed backups: no path, no `..`, nothing else in the folder. */
  const resolveName = (fileName: string): string => {
    if (!dir) throw inMemory();
    if (fileName !== basename(fileName) || /[\\/]/.test(fileName) || fileName.includes('..')) {
      throw new AppError('INVALID_INPUT', 'Angiv kun navnet på en sikkerhedskopi i sikkerhedskopimappen, ikke en sti til en fil.');
    }
    if (!scan().some((p) => p.entry.fileName === fileName)) {
      throw new AppError('NOT_FOUND', `Sikkerhedskopien «${fileName}» findes ikke i sikkerhedskopimappen. Databasen er ikke ændret.`);
    }
    return join(dir, fileName);
  };

  const restore = (source: { fileName: string } | { path: string }, work: WorkOptions = {}) =>
    serial(async (): Promise<RestoreResult> => {
      const { signal } = work;
      const stopIfCancelled = () => {
        if (signal?.aborted) throw new AppError('INVALID_INPUT', 'Gendannelsen blev afbrudt. Databasen er ikke ændret.');
      };
      if (!dir) throw inMemory();
      const path = 'fileName' in source ? resolveName(source.fileName) : source.path;
      const label = 'fileName' in source ? source.fileName : basename(source.path);
      const workDir = mkdtempSync(join(tmpdir(), 'sekretariat-restore-'));
      let safetyBackup: BackupEntry;
      try {
        // Everything that can refuse the backup happens on a copy, before anything is written.
        work.onProgress?.(0, 'Kontrollerer sikkerhedskopien');
        const prepared = await prepareRestoreSource(path, workDir, label).catch((error: unknown) => {
          if (error instanceof RestoreRefused) throw new AppError('INVALID_INPUT', error.message);
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', `Filen «${label}» findes ikke. Databasen er ikke ændret.`);
          throw error;
        });
        // Holding the connection keeps every other query out from the safety backup until the commit.
        stopIfCancelled();
        safetyBackup = await locked(async () => {
          const safety = await takeBackup('restore', { signal, onProgress: (part) => work.onProgress?.(0.3 + 0.3 * part, 'Sikkerhedskopierer den nuværende tilstand') });
          try {
            stopIfCancelled();
            await replaceDatabaseContent(database.raw, prepared, {
              signal,
              onProgress: (part) => work.onProgress?.(0.6 + 0.4 * part, 'Gendanner'),
              onCommit: () => work.onCommit?.('Gemmer gendannelsen'),
            });
          } catch (error) {
            // Nothing changed, so the safety backup is just another copy of the current state.
            rmSync(join(dir, safety.fileName), { force: true });
            if (error instanceof RestoreRefused) throw new AppError('INVALID_INPUT', error.message);
            throw new AppError('DATABASE', `Sikkerhedskopien kunne ikke gendannes (${(error as Error).message}). Databasen er ikke ændret.`);
          }
          return safety;
        });
      } finally {
        rmSync(workDir, { recursive: true, force: true });
      }
      // Rotation only now: it may delete the oldest backup, which can be the one just taken back.
      rotateNow();
      options.emit([...ChangedEntity.options]);
      return { restoredFrom: 'fileName' in source ? source.fileName : source.path, safetyBackup: safetyBackup.fileName };
    });

  return {
    dir,
    list: async () => scan().map((p) => p.entry),

    create,
    ensureDaily,
    rotate: () => serial(async () => rotateNow()),
    restore,
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
