import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseOpenError } from './errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrateToLatest, tooNewMessage, type MigrationReport } from './migrate';
import type { DB } from './schema';

export interface OpenedDatabase {
  db: Kysely<DB>;
  raw: Database.Database;
  file: string;
  migration: MigrationReport;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A path, or ':memory:' for tests. */
  file: string;
  /** Where the backup before pending migrations goes; none is taken without it. */
  backupDir?: string;
  now?: () => Date;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Opens (creating if new) and migrates the database. Throws DatabaseOpenError, leaving the file untouched, if it cannot be used. */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const { file } = options;
  if (file !== ':memory:') inspectExistingFile(file);

  const raw = new Database(file);
  try {
    if (file !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    const migration = await migrateToLatest(db, raw, options);
    return { db, raw, file, migration, close: () => db.destroy() };
  } catch (error) {
    raw.close();
    throw error;
  }
}

/** Refuses, read-only, a file that is not SQLite, belongs to another program or is newer than this app. */
function inspectExistingFile(file: string): void {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    return;
  }
  const stat = statSync(file);
  if (stat.isDirectory()) throw new DatabaseOpenError('UNREADABLE', `${file} er en mappe, ikke en databasefil.`);
  if (stat.size === 0) return; // SQLite treats an empty file as a new database

  if (!isSqliteFile(file)) {
    throw new DatabaseOpenError('NOT_SQLITE', `Filen ${file} er ikke en Sekretariat-database (den er ikke en SQLite-fil). Filen er ikke ændret.`);
  }
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (applicationId !== APPLICATION_ID && tables.n > 0) {
      throw new DatabaseOpenError('NOT_OURS', `Filen ${file} er en SQLite-database fra et andet program, ikke fra Sekretariat. Filen er ikke ændret.`);
    }
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseOpenError('TOO_NEW', tooNewMessage(version));
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError('UNREADABLE', `Databasen ${file} kan ikke læses (${(error as Error).message}). Filen er ikke ændret.`);
  } finally {
    probe?.close();
  }
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** True when the file starts as every SQLite database does ("SQLite format 3\0"). */
export const isSqliteFile = (file: string): boolean => readHeader(file) === SQLITE_HEADER;

/**
 * Opens an existing database read-only, without migrating it (a dry run must leave the file byte for byte as it was).
 * `schemaVersion` is the file's user_version, for the caller to refuse a database of another version.
 */
export function openReadOnly(file: string): { db: Kysely<DB>; schemaVersion: number; close(): Promise<void> } {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  const schemaVersion = raw.pragma('user_version', { simple: true }) as number;
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, schemaVersion, close: () => db.destroy() };
}
