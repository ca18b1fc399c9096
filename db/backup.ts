import type Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

/**
 * Online backup through SQLite's backup API: consistent even while the database is open,
 * unlike copying the file (which would miss the WAL). Returns the backup's path.
 */
export async function backupToFolder(raw: Database.Database, folder: string, reason: string, now = new Date()): Promise<string> {
  mkdirSync(folder, { recursive: true });
  let file = join(folder, `${stamp(now)}-${reason}.db`);
  for (let n = 2; existsSync(file); n++) file = join(folder, `${stamp(now)}-${reason}-${n}.db`);
  await raw.backup(file);
  return file;
}

export async function backupToFile(raw: Database.Database, file: string): Promise<void> {
  await raw.backup(file);
}
