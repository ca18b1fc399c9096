import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { existsSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { foldDanish } from '../shared/format/fold';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrateToLatest } from './migrate';
import { isSqliteFile } from './open';
import type { DB } from './schema';

export type RestoreRefusalKind = 'NOT_SQLITE' | 'NOT_OURS' | 'TOO_NEW' | 'CORRUPT' | 'MISMATCH' | 'CANCELLED';

/** A backup that cannot be taken back. The message is Danish and says that the database is unchanged. */
export class RestoreRefused extends Error {
  constructor(
    readonly kind: RestoreRefusalKind,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const UNCHANGED = 'Databasen er ikke ændret.';

/**
 * Makes a restorable copy of a backup in workDir and returns its path; the backup itself is only read.
 * Refuses (RestoreRefused) a file that is not SQLite, not Sekretariat's, from a newer version, damaged or inconsistent;
 * an older schema is migrated on the copy, never on the backup.
 */
export async function prepareRestoreSource(source: string, workDir: string, label: string): Promise<string> {
  const stat = statSync(source);
  if (!stat.isFile() || stat.size === 0 || !isSqliteFile(source)) {
    throw new RestoreRefused('NOT_SQLITE', `Filen «${label}» er ikke en sikkerhedskopi af Sekretariat (den er ikke en SQLite-database). ${UNCHANGED}`);
  }
  const copy = join(workDir, 'restore.db');
  await copyFile(source, copy);
  // A database file copied while it was open keeps its newest pages beside it; they belong to it.
  if (existsSync(`${source}-wal`)) await copyFile(`${source}-wal`, `${copy}-wal`);

  let raw: Database.Database | undefined;
  try {
    raw = new Database(copy, { fileMustExist: true });
    const applicationId = raw.pragma('application_id', { simple: true }) as number;
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID || version === 0) {
      throw new RestoreRefused('NOT_OURS', `Filen «${label}» er en SQLite-database fra et andet program, ikke en sikkerhedskopi af Sekretariat. ${UNCHANGED}`);
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new RestoreRefused(
        'TOO_NEW',
        `Sikkerhedskopien er lavet med en nyere version af Sekretariat (skemaversion ${version}; denne version kender op til ${LATEST_SCHEMA_VERSION}). ` +
          `Opdater Sekretariat for at gendanne den. ${UNCHANGED}`,
      );
    }
    const integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new RestoreRefused('CORRUPT', `Sikkerhedskopien «${label}» er beskadiget (integritetstjekket fandt fejl: ${integrity.slice(0, 3).join('; ')}). ${UNCHANGED}`);
    }
    if ((raw.pragma('foreign_key_check') as unknown[]).length > 0) {
      throw new RestoreRefused('CORRUPT', `Sikkerhedskopien «${label}» henviser til poster, den ikke selv indeholder. ${UNCHANGED}`);
    }
    if (version < LATEST_SCHEMA_VERSION) {
      const handle = raw;
      raw = undefined; // closed by destroy()
      const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
      try {
        await migrateToLatest(db, handle);
      } finally {
        await db.destroy();
      }
    }
    return copy;
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused('CORRUPT', `Sikkerhedskopien «${label}» kan ikke læses (${(error as Error).message}). ${UNCHANGED}`);
  } finally {
    raw?.close();
  }
}

/**
 * Tables that are derived from others and rebuilt rather than copied: the FTS index is contentless
 * (its text cannot be read back) and SQLite forbids writing its shadow tables.
 */
const DERIVED: Readonly<Record<string, (raw: Database.Database) => Promise<void>>> = {
  search_fts: rebuildSearchIndex,
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const SOURCE = 'restore_source';

/**
 * Replaces every row of the open database by those of a prepared copy (see prepareRestoreSource), in one
 * transaction on the same connection: either all of it is taken back or, on any failure, nothing changed.
 * The caller holds the connection (nothing else may run on it meanwhile); the work yields to the event loop
 * between tables and pages of the search index, so a large restore does not freeze the process.
 */
export async function replaceDatabaseContent(
  raw: Database.Database,
  preparedFile: string,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void; onCommit?: () => void } = {},
): Promise<void> {
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new RestoreRefused('CANCELLED', `Gendannelsen blev afbrudt. ${UNCHANGED}`);
  };
  if (raw.inTransaction) throw new Error('replaceDatabaseContent: a transaction is already open on the connection');
  raw.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(preparedFile);
  try {
    const tables = contentTables(raw, 'main');
    const sourceTables = new Set(contentTables(raw, SOURCE));
    const missing = tables.filter((t) => !sourceTables.has(t));
    const unknownVirtual = virtualTables(raw).filter((t) => !(t in DERIVED));
    if (missing.length > 0 || unknownVirtual.length > 0 || sourceTables.size !== tables.length) {
      throw new RestoreRefused('MISMATCH', `Sikkerhedskopien har ikke den opbygning, denne version af Sekretariat forventer (${[...missing, ...unknownVirtual].join(', ') || 'andre tabeller'}). ${UNCHANGED}`);
    }
    const copies = tables.map((table) => {
      const columns = columnsOf(raw, 'main', table);
      const sourceColumns = new Set(columnsOf(raw, SOURCE, table));
      if (columns.some((c) => !sourceColumns.has(c))) {
        throw new RestoreRefused('MISMATCH', `Sikkerhedskopien har ikke den opbygning, denne version af Sekretariat forventer (tabellen ${table}). ${UNCHANGED}`);
      }
      const list = columns.map(quote).join(', ');
      return `INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM ${SOURCE}.${quote(table)}`;
    });
    const hasSequence = (schema: string) => raw.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;

    // References are checked once, before COMMIT, when every table holds the backup's rows. Enforcing them row by
    // row instead (even deferred) makes SQLite search the referencing tables for every row deleted or inserted: on the
    // ten-year database that took minutes rather than seconds. The pragma only takes effect outside a transaction.
    const enforced = raw.pragma('foreign_keys', { simple: true }) === 1;
    raw.pragma('foreign_keys = OFF');
    try {
      raw.exec('BEGIN IMMEDIATE');
      try {
        for (const table of tables) raw.exec(`DELETE FROM main.${quote(table)}`);
        for (const [index, statement] of copies.entries()) {
          stopIfCancelled();
          raw.exec(statement);
          options.onProgress?.((index + 1) / (copies.length + 1));
          await breather();
        }
        if (hasSequence('main')) {
          raw.exec('DELETE FROM main.sqlite_sequence');
          if (hasSequence(SOURCE)) raw.exec(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${SOURCE}.sqlite_sequence`);
        }
        for (const table of virtualTables(raw)) await DERIVED[table]!(raw);
        if ((raw.pragma('main.foreign_key_check') as unknown[]).length > 0) {
          throw new RestoreRefused('CORRUPT', `Sikkerhedskopien henviser til poster, den ikke selv indeholder. ${UNCHANGED}`);
        }
        stopIfCancelled();
        options.onCommit?.();
        raw.exec('COMMIT');
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw error;
      }
    } finally {
      if (enforced) raw.pragma('foreign_keys = ON');
    }
  } finally {
    raw.exec(`DETACH DATABASE ${SOURCE}`);
  }
}

interface TableListRow {
  name: string;
  type: 'table' | 'view' | 'shadow' | 'virtual';
}

/** Ordinary tables with rows of their own: no SQLite internals, no virtual tables or their shadow tables. */
function contentTables(raw: Database.Database, schema: string): string[] {
  return (raw.pragma(`${schema}.table_list`) as TableListRow[])
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
}

const virtualTables = (raw: Database.Database) =>
  (raw.pragma('main.table_list') as TableListRow[]).filter((t) => t.type === 'virtual').map((t) => t.name);

/** Stored columns (generated ones are left out: they cannot be inserted and follow by themselves). */
const columnsOf = (raw: Database.Database, schema: string, table: string) =>
  (raw.pragma(`${schema}.table_xinfo(${quote(table)})`) as { name: string; hidden: number }[]).filter((c) => c.hidden === 0).map((c) => c.name);

/** The FTS index from search_documents, folded as db/queries/search.ts indexes it, a page at a time. */
async function rebuildSearchIndex(raw: Database.Database): Promise<void> {
  raw.exec("INSERT INTO main.search_fts (search_fts) VALUES ('delete-all')");
  const page = raw.prepare('SELECT rowid, title, body FROM main.search_documents WHERE rowid > ? ORDER BY rowid LIMIT 500');
  const insert = raw.prepare('INSERT INTO main.search_fts (rowid, title, body) VALUES (?, ?, ?)');
  for (let last = -1; ; ) {
    const rows = page.all(last) as { rowid: number; title: string; body: string }[];
    if (rows.length === 0) break;
    for (const row of rows) insert.run(row.rowid, foldDanish(row.title), foldDanish(row.body));
    last = rows[rows.length - 1]!.rowid;
    await breather();
  }
}

/** Lets timers and I/O callbacks run; the transaction stays open and the caller keeps the connection. */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve));
