import { z } from 'zod';

/** Why a backup was made: rotation keeps the daily ones and the event ones apart (14 daily, 10 of the events). */
export const BackupKind = z.enum(['daily', 'migration', 'import', 'restore', 'manual']);
export type BackupKind = z.infer<typeof BackupKind>;

export const BACKUP_KIND_LABELS: Readonly<Record<BackupKind, string>> = {
  daily: 'Daglig',
  migration: 'Før opdatering af databasen',
  import: 'Før import',
  restore: 'Før gendannelse',
  manual: 'Manuel',
};

/**
 * The attachment files a backup carries (kept once, by content, in the backup folder's `files/` and shared between
 * backups): how many and their size; `missing` counts files the database referred to that were not in the data folder
 * when the backup was taken. Null for a backup of the database only (made by an older version).
 */
export const BackupFiles = z.object({
  count: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});
export type BackupFiles = z.infer<typeof BackupFiles>;

/** A backup file in the data folder's backup directory. */
export const BackupEntry = z.object({
  fileName: z.string(),
  kind: BackupKind,
  createdAt: z.string(),
  /** The database file. */
  bytes: z.number().int().nonnegative(),
  files: BackupFiles.nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** An attachment file a restored database refers to that neither the data folder nor the backup had. */
export const MissingFile = z.object({
  sha256: z.string(),
  /** The file names of the attachments that use it (none when no attachment does). */
  names: z.array(z.string()),
});
export type MissingFile = z.infer<typeof MissingFile>;

/**
 * A restore: the backup taken back, the backup of the state it replaced (so a restore can itself be undone), the
 * attachment files brought back into the data folder and those that could not be (an older backup of the database only).
 */
export const RestoreResult = z.object({
  restoredFrom: z.string(),
  safetyBackup: z.string(),
  filesRestored: z.number().int().nonnegative(),
  missingFiles: z.array(MissingFile),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** The manifest of a backup written to one file (`backup --out`): a zip with the database and its attachment files. */
export const BACKUP_ARCHIVE_FORMAT = 'sekretariat-backup';
export const BACKUP_ARCHIVE_VERSION = 1;
export const BackupArchiveManifest = z.object({
  format: z.literal(BACKUP_ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  database: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().positive() }),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() })),
  /** Files the database refers to that were missing from the data folder when the backup was written. */
  missing: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BackupArchiveManifest = z.infer<typeof BackupArchiveManifest>;
