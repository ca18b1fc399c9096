import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');
/** Local time, so a file name reads as the user's clock: `20261123-014500`. */
export const backupStamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/** A backup being written; never listed, never restored, removed on the next rotation if a crash left it. */
export const PARTIAL_SUFFIX = '.partial';

/**
 * Online backup through SQLite's backup API: consistent even while the database is open,
 * unlike copying the file (which would miss the WAL). Written under a temporary name and renamed when complete,
 * so a file with a backup's name is always a whole backup. Returns the backup's path:
 * `<folder>/<YYYYMMDD-HHMMSS>-<reason>[-<n>].db`.
 */
export async function backupToFolder(raw: Database.Database, folder: string, reason: string, now = new Date(), options: BackupProgress = {}): Promise<string> {
  mkdirSync(folder, { recursive: true });
  let file = join(folder, `${backupStamp(now)}-${reason}.db`);
  for (let n = 2; existsSync(file); n++) file = join(folder, `${backupStamp(now)}-${reason}-${n}.db`);
  await backupToFile(raw, file, options);
  return file;
}

export interface BackupProgress {
  /** Stops the copy; the partial file is removed. */
  signal?: AbortSignal;
  /** The fraction of pages copied. */
  onProgress?: (fraction: number) => void;
}

/** Pages per step of SQLite's backup: big enough to be quick, small enough to answer a cancel and let others run. */
const PAGES_PER_STEP = 2000;

/** The same into a given file, which must not exist yet. The copy is a single self-contained file (no WAL beside it). */
export async function backupToFile(raw: Database.Database, file: string, options: BackupProgress = {}): Promise<void> {
  const partial = `${file}${PARTIAL_SUFFIX}`;
  await snapshotToFile(raw, partial, options);
  try {
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * The copy itself, under the name given (the caller renames it when whatever else belongs to the backup is in place):
 * a self-contained database file, or nothing when it fails or is stopped.
 */
export async function snapshotToFile(raw: Database.Database, file: string, options: BackupProgress = {}): Promise<void> {
  try {
    await raw.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        // Throwing here makes better-sqlite3 close the backup and reject.
        if (options.signal?.aborted) throw new Error('Sikkerhedskopien blev afbrudt.');
        options.onProgress?.(totalPages ? (totalPages - remainingPages) / totalPages : 1);
        return PAGES_PER_STEP;
      },
    });
    // The copy inherits WAL mode from the header; a backup must stand alone (copied to a stick, opened read-only).
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}
