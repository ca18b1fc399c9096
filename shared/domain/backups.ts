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

/** A backup file in the data folder's backup directory. */
export const BackupEntry = z.object({
  fileName: z.string(),
  kind: BackupKind,
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** A restore: the backup taken back, and the backup of the state it replaced (so a restore can itself be undone). */
export const RestoreResult = z.object({ restoredFrom: z.string(), safetyBackup: z.string() });
export type RestoreResult = z.infer<typeof RestoreResult>;
