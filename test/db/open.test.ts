import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../db/errors';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrateToLatest } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openDatabase, type OpenedDatabase } from '../../db/open';

let dir: string;
const opened: OpenedDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-db-'));
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close().catch(() => {});
});

async function open(file: string, backupDir?: string) {
  const o = await openDatabase({ file, backupDir });
  opened.push(o);
  return o;
}

describe('openDatabase', () => {
  it('creates a new database with the pragmas of architecture §3', async () => {
    const { raw, migration } = await open(join(dir, 'sub', 'new.db'));
    expect(migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(raw.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('matches the committed schema snapshot', async () => {
    const { raw } = await open(':memory:');
    const rows = raw.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[];
    await expect(rows.map((r) => `${r.sql};`).join('\n\n') + '\n').toMatchFileSnapshot('./schema-snapshot.sql');
  });

  it('opens an existing database again without migrating or backing up', async () => {
    const file = join(dir, 'a.db');
    await (await open(file)).close();
    const again = await open(file, join(dir, 'backups'));
    expect(again.migration).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, backupFile: null });
  });

  const refusals: [string, (file: string) => void, DatabaseOpenError['kind'], RegExp][] = [
    ['a text file', (f) => writeFileSync(f, 'Mødereferat DAS 27. maj 2021\n'.repeat(50)), 'NOT_SQLITE', /ikke en SQLite-fil/],
    ['a truncated header', (f) => writeFileSync(f, 'SQLite for'), 'NOT_SQLITE', /ikke en SQLite-fil/],
    [
      "another program's SQLite database",
      (f) => {
        const other = new Database(f);
        other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'x\')');
        other.close();
      },
      'NOT_OURS',
      /andet program/,
    ],
    [
      'a database from a newer Sekretariat',
      (f) => {
        const newer = new Database(f);
        newer.pragma(`application_id = ${APPLICATION_ID}`);
        newer.exec('CREATE TABLE future (id TEXT)');
        newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
        newer.close();
      },
      'TOO_NEW',
      /nyere version af Sekretariat/,
    ],
  ];

  it.each(refusals)('refuses %s with a Danish message and leaves it byte for byte', async (_label, make, kind, message) => {
    const file = join(dir, 'x.db');
    make(file);
    const before = readFileSync(file);
    const error = await openDatabase({ file, backupDir: join(dir, 'backups') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ kind, message: expect.stringMatching(message) });
    expect((error as Error).message).toMatch(/ikke ændret/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['x.db']);
  });
});

describe('migrateToLatest', () => {
  const extra = (up: (db: Parameters<(typeof MIGRATIONS)[0]['up']>[0]) => Promise<void>) => [...MIGRATIONS, { name: '9999-test', up }];

  it('backs up an existing database before running pending migrations', async () => {
    const file = join(dir, 'live.db');
    const { db, raw } = await open(file);
    raw.exec("INSERT INTO settings (key, value, updated_at) VALUES ('user_name', 'Mette', '2026-11-22')");
    const report = await migrateToLatest(db, raw, {
      backupDir: join(dir, 'backups'),
      migrations: extra(async (trx) => void (await sql`CREATE TABLE extra (id TEXT PRIMARY KEY)`.execute(trx))),
    });
    expect(report.from).toBe(LATEST_SCHEMA_VERSION);
    expect(report.to).toBe(LATEST_SCHEMA_VERSION + 1);
    const backup = new Database(report.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT value FROM settings').get()).toEqual({ value: 'Mette' });
    backup.close();
  });

  it('rolls a failing migration back whole, bookkeeping included', async () => {
    const { db, raw } = await open(join(dir, 'live.db'));
    const failing = extra(async (trx) => {
      await sql`CREATE TABLE half_done (id TEXT)`.execute(trx);
      throw new Error('boom');
    });
    await expect(migrateToLatest(db, raw, { migrations: failing })).rejects.toThrow('boom');
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(raw.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: LATEST_SCHEMA_VERSION });
  });
});
