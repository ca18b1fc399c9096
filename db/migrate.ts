import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { backupToFolder } from './backup';
import { DatabaseOpenError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { DB } from './schema';

/** Marks a SQLite file as ours (PRAGMA application_id), so a foreign database is never migrated. */
export const APPLICATION_ID = 0x53454b52; // "SEKR"
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export const tooNewMessage = (version: number) =>
  `Databasen er lavet med en nyere version af Sekretariat (skemaversion ${version}; denne version kender op til ${LATEST_SCHEMA_VERSION}). ` +
  'Opdater Sekretariat for at åbne den. Databasen er ikke ændret.';

export interface MigrationReport {
  from: number;
  to: number;
  /** The backup taken before pending migrations ran on an existing database. */
  backupFile: string | null;
}

/**
 * Runs pending migrations, each in its own transaction together with its bookkeeping
 * (the schema_migrations row and PRAGMA user_version), so a crash never leaves a half-applied step.
 * Kysely's Migrator runs SQLite migrations outside transactions and records them separately, hence our own runner.
 */
export async function migrateToLatest(
  db: Kysely<DB>,
  raw: Database.Database,
  options: { backupDir?: string; now?: () => Date; migrations?: readonly Migration[] } = {},
): Promise<MigrationReport> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? MIGRATIONS;
  const from = raw.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) throw new DatabaseOpenError('TOO_NEW', tooNewMessage(from));
  if (from === migrations.length) return { from, to: from, backupFile: null };

  const backupFile = from > 0 && options.backupDir ? await backupToFolder(raw, options.backupDir, 'migration', now()) : null;

  for (let version = from; version < migrations.length; version++) {
    const migration = migrations[version]!;
    await db.transaction().execute(async (trx) => {
      if (version === 0) {
        await sql.raw(`PRAGMA application_id = ${APPLICATION_ID}`).execute(trx);
        await sql
          .raw('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT')
          .execute(trx);
      }
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('schema_migrations').values({ name: migration.name, applied_at: now().toISOString() }).execute();
      await sql.raw(`PRAGMA user_version = ${version + 1}`).execute(trx);
    });
  }
  return { from, to: migrations.length, backupFile };
}
