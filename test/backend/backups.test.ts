import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { LATEST_SCHEMA_VERSION, migrateToLatest } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { DB } from '../../db/schema';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { BackupFileStore } from '../../electron/backend/services/backup-files';
import { KEEP_EVENTS } from '../../electron/backend/services/backups';
import { ensureReferenceData } from '../../electron/backend/services/reference-data';
import { runCli } from '../../electron/host/cli';
import type { EventName } from '../../shared/contract';
import { ChangedEntity } from '../../shared/contract/events';
import { call, jobResult, openTestBackend, refusalOf } from '../helpers/backend';

const backupNow = async (b: Backend) => (await jobResult(b, 'backups.create', {}, 'backup')).backup;
const restoreNow = async (b: Backend, input: { fileName: string }) => (await jobResult(b, 'backups.restore', input, 'restore')).restore;

let dir: string;
let backupDir: string;
let databaseFile: string;
/** The backend's clock, in local time like the file names; tests move it. */
let clock: Date;
let backend: Backend | null = null;
let events: { event: EventName; payload: unknown }[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-backups-'));
  backupDir = join(dir, 'backups');
  databaseFile = join(dir, 'sekretariat.db');
  clock = new Date(2026, 10, 23, 1, 45, 0);
});
afterEach(async () => {
  await backend?.close();
  backend = null;
  rmSync(dir, { recursive: true, force: true });
});

let ids = 0;
async function open(): Promise<Backend> {
  await backend?.close();
  backend = await openBackend({
    databaseFile,
    backupDir,
    appVersion: '0.0.0-test',
    now: () => new Date(clock),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    log: { error: () => {} },
  });
  // The day's backup is taken behind the open; these tests start from it (and from its folder).
  await backend.backups.list();
  events = [];
  backend.subscribe((event, payload) => events.push({ event, payload }));
  return backend;
}

const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The backup folder's database files (and partial ones): not the attachment store nor the summaries beside them. */
const backupFiles = () => (existsSync(backupDir) ? readdirSync(backupDir).filter((n) => n !== 'files' && !n.endsWith('.files.json')).sort() : []);
/** Everything in the backup folder, the attachment store's files included. */
const folderContents = () => (existsSync(backupDir) ? (readdirSync(backupDir, { recursive: true }) as string[]).sort() : []);

/**
 * Every row of every table, hashed: equal hashes mean equal content. With `derived: false` the FTS index's
 * shadow tables are left out (a rebuilt index holds the same words in a different internal layout).
 */
function contentHash(raw: Database.Database, { derived = true } = {}): string {
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[]).filter(
    (t) => derived || !t.name.startsWith('search_fts_'),
  );
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const rows = raw.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    hash.update(`${name}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** The database file itself after a checkpoint, so the WAL holds nothing. */
function fileHash(b: Backend): string {
  b.database.raw.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(readFileSync(b.database.file)).digest('hex');
}

async function dasId(b: Backend) {
  return (await call(b, 'bodies.list', {})).find((x) => x.code === 'DAS')!.id;
}

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const storeFile = (root: string, sha256: string) => join(root, sha256.slice(0, 2), sha256);

/** An item with two attachments whose files are in the data folder; returns their names and bytes. */
async function withAttachments(b: Backend) {
  const meeting = await call(b, 'meetings.create', { bodyId: await dasId(b), date: '2021-05-27', location: 'Aalborg' });
  const item = await call(b, 'agenda.create', { meetingId: meeting.id, title: 'Takster 2022' });
  const files = [
    { name: 'Budget 2022.pdf', bytes: Buffer.from('%PDF-1.7\nbudgettet for 2022\n%%EOF\n') },
    { name: 'Høringssvar.txt', bytes: Buffer.from('Høringssvar fra Rebild Kommune om takster') },
  ];
  for (const file of files) {
    const stored = await b.files!.storeStream(Readable.from([file.bytes]), file.name);
    await call(b, 'attachments.add', { itemId: item.id, sha256: stored.sha256, fileName: stored.fileName });
  }
  await b.files!.idle();
  return files.map((f) => ({ ...f, sha256: sha(f.bytes) }));
}

describe('automatic daily backup', () => {
  it('is taken behind the open, and the list shows it once it is done, never half-written', async () => {
    const b = await openBackend({ databaseFile, backupDir, appVersion: '0.0.0-test', now: () => new Date(clock), log: { error: () => {} } });
    try {
      // The first call may be answered while the day's backup is under way; the list waits for it.
      expect(await call(b, 'meetings.list', {})).toEqual([]);
      expect((await call(b, 'backups.list', {})).map((e) => e.kind)).toEqual(['daily']);
      expect(readdirSync(backupDir).filter((n) => n.includes('.partial'))).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('takes one when the backend opens, and not twice the same day', async () => {
    const b = await open();
    expect(await call(b, 'backups.list', {})).toEqual([
      { fileName: '20261123-014500-daily.db', kind: 'daily', createdAt: new Date(2026, 10, 23, 1, 45, 0).toISOString(), bytes: expect.any(Number), files: { count: 0, bytes: 0, missing: 0 } },
    ]);
    expect(statSync(join(backupDir, '20261123-014500-daily.db')).size).toBeGreaterThan(0);

    later(10 * 60 * MINUTE);
    expect(await b.backups.ensureDaily()).toBeNull();
    const reopened = await open();
    expect(backupFiles()).toEqual(['20261123-014500-daily.db']);

    // The next day (the hourly timer calls the same check in a long-running process).
    later(DAY);
    expect(await reopened.backups.ensureDaily()).toMatchObject({ kind: 'daily', fileName: '20261124-114500-daily.db' });
    expect(backupFiles()).toEqual(['20261123-014500-daily.db', '20261124-114500-daily.db']);
  });

  it('keeps a backup self-contained: journal mode DELETE, no WAL beside it, integrity ok', async () => {
    const b = await open();
    const [entry] = await call(b, 'backups.list', {});
    expect(backupFiles()).toEqual([entry!.fileName]);
    const copy = new Database(join(backupDir, entry!.fileName), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    copy.close();
  });

  it('never backs up an in-memory database', async () => {
    const memory = await openTestBackend();
    try {
      expect(await call(memory, 'backups.list', {})).toEqual([]);
      expect(await refusalOf(memory, 'backups.create', {})).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/kun i hukommelsen/) });
      expect(await refusalOf(memory, 'backups.restore', { fileName: '20261123-014500-daily.db' })).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await memory.close();
    }
  });
});

describe('rotation', () => {
  it('keeps the newest 10 event backups (20 manual ones taken) and leaves the daily one alone', async () => {
    const b = await open();
    const taken: string[] = [];
    for (let i = 0; i < 20; i++) {
      later(MINUTE);
      taken.push((await backupNow(b)).fileName);
    }
    const listed = await call(b, 'backups.list', {});
    expect(listed.filter((e) => e.kind === 'manual').map((e) => e.fileName)).toEqual(taken.slice(10).reverse());
    expect(listed.filter((e) => e.kind === 'daily')).toHaveLength(1);
    expect(listed.map((e) => e.createdAt)).toEqual([...listed.map((e) => e.createdAt)].sort().reverse());
  });

  it('keeps the newest 14 daily backups over 16 days', async () => {
    const b = await open();
    const first = (await call(b, 'backups.list', {}))[0]!.fileName;
    for (let day = 1; day < 16; day++) {
      later(DAY);
      expect(await b.backups.ensureDaily()).not.toBeNull();
    }
    const daily = (await call(b, 'backups.list', {})).filter((e) => e.kind === 'daily');
    expect(daily).toHaveLength(14);
    expect(daily[0]!.fileName).toBe('20261208-014500-daily.db');
    expect(daily[13]!.fileName).toBe('20261125-014500-daily.db');
    expect(backupFiles()).not.toContain(first);
  });

  it('names two backups in the same second apart, newest first', async () => {
    const b = await open();
    const [one, two] = await Promise.all([backupNow(b), backupNow(b)]);
    expect([one.fileName, two.fileName]).toEqual(['20261123-014500-manual.db', '20261123-014500-manual-2.db']);
    expect((await call(b, 'backups.list', {})).slice(0, 2).map((e) => e.fileName)).toEqual([two.fileName, one.fileName]);
  });

  it('clears what a backup killed half-way left behind (its partial file and SQLite\'s files beside it), but not a recent one', async () => {
    const b = await open();
    const stale = ['20261122-010000-manual.db.partial', '20261122-010000-manual.db.partial-wal', '20261122-010000-manual.db.partial-shm'];
    for (const name of [...stale, '20261123-014400-manual.db.partial']) writeFileSync(join(backupDir, name), 'halv');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * MINUTE);
    for (const name of stale) utimesSync(join(backupDir, name), twoHoursAgo, twoHoursAgo);
    await b.backups.create('manual');
    const left = backupFiles();
    for (const name of stale) expect(left).not.toContain(name);
    // A recent one may be another process's backup under way.
    expect(left).toContain('20261123-014400-manual.db.partial');
  });

  it('counts the backup before a migration as an event backup, with the same naming', async () => {
    await writeOldDatabase(databaseFile, 2);
    const b = await open();
    expect(b.database.migration).toMatchObject({ from: 2, to: LATEST_SCHEMA_VERSION });
    const listed = await call(b, 'backups.list', {});
    // Taken in the same second: the daily one came after the migration.
    expect(listed.map((e) => [e.fileName, e.kind])).toEqual([
      ['20261123-014500-daily.db', 'daily'],
      ['20261123-014500-migration.db', 'migration'],
    ]);
    const migrationBackup = new Database(join(backupDir, listed[1]!.fileName), { readonly: true });
    expect(migrationBackup.pragma('user_version', { simple: true })).toBe(2);
    migrationBackup.close();
  });
});

describe('restore', () => {
  it('brings back the content and backs up the state it replaced', async () => {
    const b = await open();
    const bodyId = await dasId(b);
    const meeting = await call(b, 'meetings.create', { bodyId, date: '2021-05-27', location: 'Aalborg' });
    await call(b, 'agenda.create', { meetingId: meeting.id, title: 'Socialtilsyn Nords årsrapport' });
    later(MINUTE);
    const backup = await backupNow(b);

    later(MINUTE);
    await call(b, 'meetings.delete', { id: meeting.id });
    const other = await call(b, 'meetings.create', { bodyId, date: '2022-01-10' });
    await call(b, 'settings.update', { userName: 'Mette' });
    const before = contentHash(b.database.raw);
    const beforeContent = contentHash(b.database.raw, { derived: false });
    expect((await call(b, 'meetings.list', {})).map((m) => m.id)).toEqual([other.id]);

    later(MINUTE);
    events = [];
    const result = await restoreNow(b, { fileName: backup.fileName });
    expect(result).toEqual({ restoredFrom: backup.fileName, safetyBackup: '20261123-014800-restore.db', filesRestored: 0, missingFiles: [] });

    expect((await call(b, 'meetings.list', {})).map((m) => m.id)).toEqual([meeting.id]);
    expect((await call(b, 'settings.get', {})).userName).toBe('');
    // The search index is rebuilt from the restored documents (Danish folding included).
    expect((await call(b, 'search.query', { query: 'aarsrapport' })).hits.map((h) => h.meetingId)).toEqual([meeting.id]);
    expect(b.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(b.database.raw.pragma('foreign_key_check')).toEqual([]);
    // Every kind of data may have changed: all of them, proposals included.
    expect(events.filter((e) => e.event === 'data.changed')).toEqual([{ event: 'data.changed', payload: { entities: [...ChangedEntity.options] } }]);

    // The safety backup holds the state before the restore, so the restore can be undone by restoring it.
    const safety = new Database(join(backupDir, result.safetyBackup), { readonly: true });
    expect(contentHash(safety)).toBe(before);
    safety.close();
    expect((await call(b, 'backups.list', {})).map((e) => [e.fileName, e.kind])).toContainEqual([result.safetyBackup, 'restore']);

    later(MINUTE);
    await restoreNow(b, { fileName: result.safetyBackup });
    expect((await call(b, 'meetings.list', {})).map((m) => m.id)).toEqual([other.id]);
    expect(contentHash(b.database.raw, { derived: false })).toBe(beforeContent);
    expect(b.database.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);

    // And it survives closing and reopening the database.
    await open();
    expect((await call(backend!, 'settings.get', {})).userName).toBe('Mette');
  });

  it('restores an older backup even when rotation would delete it afterwards', async () => {
    const b = await open();
    const oldest = await backupNow(b);
    for (let i = 0; i < 9; i++) {
      later(MINUTE);
      await backupNow(b);
    }
    later(MINUTE);
    const result = await restoreNow(b, { fileName: oldest.fileName });
    expect(result.restoredFrom).toBe(oldest.fileName);
    const listed = (await call(b, 'backups.list', {})).filter((e) => e.kind !== 'daily');
    expect(listed).toHaveLength(10);
    expect(listed[0]!.fileName).toBe(result.safetyBackup);
  });

  it('restores a backup of an older schema version by migrating a copy of it', async () => {
    const b = await open();
    const old = join(dir, 'old.db');
    const meetingId = await writeOldDatabase(old, 2);
    const name = '20261101-120000-manual.db';
    copyFileSync(old, join(backupDir, name));
    const oldBytes = readFileSync(join(backupDir, name));

    const result = await restoreNow(b, { fileName: name });
    expect(result.restoredFrom).toBe(name);
    expect((await call(b, 'meetings.list', {})).map((m) => [m.id, m.location])).toEqual([[meetingId, 'Gammel skemaversion']]);
    expect(await call(b, 'scenarios.list', {})).toEqual([]);
    expect(b.database.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(b.database.raw.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: LATEST_SCHEMA_VERSION });
    // The backup itself is only read.
    expect(readFileSync(join(backupDir, name)).equals(oldBytes)).toBe(true);
  });

  describe('refuses, in Danish, leaving the database byte-for-byte unchanged', () => {
    let b: Backend;
    let hashes: { content: string; file: string };
    let backupsBefore: string[];
    let contentsBefore: string[];
    beforeEach(async () => {
      b = await open();
      await call(b, 'meetings.create', { bodyId: await dasId(b), date: '2021-05-27', location: 'Aalborg' });
      later(MINUTE);
      await backupNow(b);
      hashes = { content: contentHash(b.database.raw), file: fileHash(b) };
      backupsBefore = backupFiles();
      contentsBefore = folderContents();
    });
    async function expectRefused(fileName: string, code: string, message: RegExp) {
      later(MINUTE);
      expect(await refusalOf(b, 'backups.restore', { fileName })).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(contentHash(b.database.raw)).toBe(hashes.content);
      expect(fileHash(b)).toBe(hashes.file);
      // No safety backup is left behind either: nothing happened.
      expect(folderContents()).toEqual(contentsBefore);
    }
    const plant = (name: string, content: Buffer | string) => {
      writeFileSync(join(backupDir, name), content);
      backupsBefore = backupFiles();
      contentsBefore = folderContents();
    };

    it.each([
      ['../x.db'],
      ['../backups/20261123-014600-manual.db'],
      ['sub/20261123-014600-manual.db'],
      ['..\\20261123-014600-manual.db'],
      [join(tmpdir(), 'backups', '20261123-014600-manual.db')],
    ])('a path instead of a name: %s', async (fileName) => {
      await expectRefused(fileName, 'INVALID_INPUT', /^Angiv kun navnet på en sikkerhedskopi i sikkerhedskopimappen/);
    });

    it('an unknown name', async () => {
      await expectRefused('20200101-000000-manual.db', 'NOT_FOUND', /^Sikkerhedskopien «20200101-000000-manual\.db» findes ikke/);
    });

    it('a file in the folder that is not a backup by name', async () => {
      plant('notes.db', readFileSync(join(backupDir, backupsBefore[0]!)));
      await expectRefused('notes.db', 'NOT_FOUND', /findes ikke i sikkerhedskopimappen/);
    });

    it('a file that is not SQLite', async () => {
      plant('20261101-120000-manual.db', '%PDF-1.7 dette er et referat');
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /ikke en sikkerhedskopi af Sekretariat \(den er ikke en SQLite-database\)\. Databasen er ikke ændret\./);
    });

    it('an empty file', async () => {
      plant('20261101-120000-manual.db', '');
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /ikke en SQLite-database/);
    });

    it('a SQLite database of another program', async () => {
      const foreign = join(dir, 'foreign.db');
      const f = new Database(foreign);
      f.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      f.close();
      plant('20261101-120000-manual.db', readFileSync(foreign));
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /fra et andet program/);
    });

    it('a backup made by a newer version of Sekretariat', async () => {
      const newer = join(dir, 'newer.db');
      copyFileSync(join(backupDir, backupsBefore.at(-1)!), newer);
      const n = new Database(newer);
      n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      n.exec('CREATE TABLE from_the_future (id TEXT)');
      n.close();
      plant('20261101-120000-manual.db', readFileSync(newer));
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /^Sikkerhedskopien er lavet med en nyere version af Sekretariat .*Databasen er ikke ændret\.$/);
    });

    it('a damaged backup (pages overwritten)', async () => {
      const bytes = readFileSync(join(backupDir, backupsBefore.at(-1)!));
      const pageSize = bytes.readUInt16BE(16);
      // Garble every page after the first: the header still says SQLite, the b-trees are nonsense.
      for (let i = pageSize; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
      plant('20261101-120000-manual.db', bytes);
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /^Sikkerhedskopien «20261101-120000-manual\.db» (er beskadiget|kan ikke læses).*Databasen er ikke ændret\.$/);
    });

    it('a truncated backup', async () => {
      const bytes = readFileSync(join(backupDir, backupsBefore.at(-1)!));
      plant('20261101-120000-manual.db', bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expectRefused('20261101-120000-manual.db', 'INVALID_INPUT', /^Sikkerhedskopien «20261101-120000-manual\.db» (er beskadiget|kan ikke læses)/);
    });

    it('a failure in the middle of the copy rolls everything back', async () => {
      // A temporary trigger lives only on this connection: the database file and its schema stay as they are.
      b.database.raw.exec("CREATE TEMP TRIGGER fail_restore AFTER INSERT ON main.meetings BEGIN SELECT RAISE(ABORT, 'boom'); END");
      try {
        await expectRefused(backupsBefore.at(-1)!, 'DATABASE', /^Sikkerhedskopien kunne ikke gendannes \(boom\)\. Databasen er ikke ændret\.$/);
      } finally {
        b.database.raw.exec('DROP TRIGGER temp.fail_restore');
      }
      expect(b.database.raw.inTransaction).toBe(false);
      expect(b.database.raw.prepare("SELECT count(*) AS n FROM pragma_database_list WHERE name = 'restore_source'").get()).toEqual({ n: 0 });
    });
  });
});

/** A Sekretariat database that ran only the first `version` migrations, with one meeting of DAS; returns its id. */
async function writeOldDatabase(file: string, version: number): Promise<string> {
  const raw = new Database(file);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
  const meetingId = '00000000-0000-4000-8000-0000000000aa';
  try {
    await migrateToLatest(db, raw, { migrations: MIGRATIONS.slice(0, version) });
    await ensureReferenceData(db, '2025-01-01T00:00:00.000Z');
    const das = raw.prepare("SELECT id FROM bodies WHERE code = 'DAS'").get() as { id: string };
    raw
      .prepare("INSERT INTO meetings (id, created_at, updated_at, body_id, date, location, status) VALUES (?, '2025-01-01', '2025-01-01', ?, '2025-03-27', 'Gammel skemaversion', 'planlagt')")
      .run(meetingId, das.id);
    return meetingId;
  } finally {
    await db.destroy();
  }
}

describe('command line', () => {
  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const meetingCount = () => {
    const raw = new Database(join(dir, 'sekretariat.db'), { readonly: true });
    try {
      return (raw.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n;
    } finally {
      raw.close();
    }
  };

  it('takes a manual backup with plain `backup` and restores it by name or by path, with --json', async () => {
    expect((await cli('demo')).code).toBe(0);
    const taken = await cli('backup', '--json');
    expect(taken.code).toBe(0);
    const entry = JSON.parse(taken.out) as { fileName: string; kind: string; file: string };
    expect(entry).toMatchObject({ kind: 'manual', file: join(dir, 'backups', entry.fileName) });
    expect(existsSync(entry.file)).toBe(true);

    const b = await open();
    await call(b, 'meetings.delete', { id: (await call(b, 'meetings.list', {}))[0]!.id });
    await b.close();
    backend = null;
    expect(meetingCount()).toBe(4);

    const restored = await cli('restore', entry.fileName, '--json');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.out)).toMatchObject({ restoredFrom: entry.fileName, safetyBackup: expect.stringMatching(/-restore\.db$/) });
    expect(meetingCount()).toBe(5);

    // A copy elsewhere (from another laptop) by its path; the text report names the safety backup.
    const elsewhere = join(dir, 'fra-den-gamle-laptop.db');
    copyFileSync(join(dir, 'backups', (JSON.parse(restored.out) as { safetyBackup: string }).safetyBackup), elsewhere);
    const byPath = await cli('restore', elsewhere);
    expect(byPath.code).toBe(0);
    expect(byPath.out).toMatch(/er gendannet fra .*fra-den-gamle-laptop\.db\.\nDen tidligere tilstand er gemt som sikkerhedskopien \d{8}-\d{6}-restore(-\d+)?\.db\./);
    expect(meetingCount()).toBe(4);
  });

  it('backup --out writes one file with the database and its attachment files; restore --db into an empty folder gives them back', async () => {
    const b = await open();
    const files = await withAttachments(b);
    await b.close();
    backend = null;
    const out = join(dir, 'til-den-nye-laptop.zip');
    const made = await cli('backup', '--out', out, '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ file: out, files: { count: 2, bytes: files[0]!.bytes.length + files[1]!.bytes.length }, missing: [] });
    expect((await cli('backup', '--out', out)).err).toMatch(/findes allerede/);

    // Another laptop: nothing but the one file.
    const other = mkdtempSync(join(tmpdir(), 'sekretariat-ny-laptop-'));
    try {
      const target = join(other, 'data', 'sekretariat.db');
      const restored = await cli('restore', out, '--db', target);
      expect(restored.code).toBe(0);
      expect(restored.out).toContain('2 bilagsfiler er lagt tilbage i datamappen.');
      for (const file of files) expect(readFileSync(storeFile(join(other, 'data', 'files'), file.sha256)).equals(file.bytes)).toBe(true);
      const raw = new Database(target, { readonly: true });
      expect(raw.prepare('SELECT file_name FROM attachments ORDER BY file_name').all()).toEqual(files.map((f) => ({ file_name: f.name })).sort((x, y) => x.file_name.localeCompare(y.file_name)));
      raw.close();

      /** A restore into a fresh folder that must be refused with `message`, leaving no annex file and no content. */
      async function refused(file: string, folder: string, message: RegExp) {
        const db = join(other, folder, 'sekretariat.db');
        const run = await cli('restore', file, '--db', db);
        expect(run).toMatchObject({ code: 2, err: expect.stringMatching(message) });
        const check = new Database(db, { readonly: true });
        expect(check.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 0 });
        check.close();
        const stored = existsSync(join(other, folder, 'files')) ? (readdirSync(join(other, folder, 'files'), { recursive: true }) as string[]) : [];
        expect(stored.filter((n) => /[0-9a-f]{64}/.test(n))).toEqual([]);
      }
      // One byte of an attachment file changed on the way.
      const damaged = readFileSync(out);
      const at = damaged.indexOf(Buffer.from('Rebild Kommune om takster'));
      expect(at).toBeGreaterThan(0);
      damaged[at] = damaged[at]! ^ 0x20;
      writeFileSync(join(other, 'beskadiget.zip'), damaged);
      await refused(
        join(other, 'beskadiget.zip'),
        'b',
        /^Fejl: Sikkerhedskopien «beskadiget\.zip» er beskadiget eller ufuldstændig \(indholdet af bilagsfilen [0-9a-f]{12}… passer ikke til dens SHA-256\)\. Databasen er ikke ændret\.$/,
      );
      // Cut short (copied in part).
      writeFileSync(join(other, 'halv.zip'), readFileSync(out).subarray(0, Math.floor(statSync(out).size / 2)));
      await refused(join(other, 'halv.zip'), 'c', /^Fejl: Sikkerhedskopien «halv\.zip» er beskadiget eller ufuldstændig .*Databasen er ikke ændret\.$/);
      // Foreign: an exchange package, and a zip of something else.
      expect((await cli('export', '--scope', 'all', '--out', join(other, 'pakke.sekretariat'))).code).toBe(0);
      await refused(join(other, 'pakke.sekretariat'), 'd', /^Fejl: Filen «pakke\.sekretariat» er ikke en sikkerhedskopi af Sekretariat \(det er en udvekslingspakke; .*\)\. Databasen er ikke ændret\.$/);
      const zip = new ZipFile();
      zip.addBuffer(Buffer.from('<regneark/>'), 'xl/workbook.xml');
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(join(other, 'regneark.xlsx')));
      await refused(join(other, 'regneark.xlsx'), 'e', /^Fejl: Filen «regneark\.xlsx» er ikke en sikkerhedskopi af Sekretariat \(den indeholder «xl\/workbook\.xml», som ikke hører til en sikkerhedskopi\)\. Databasen er ikke ændret\.$/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses with exit code 2 and a Danish message', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const missing = await cli('restore', 'findes-ikke.db');
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/^Fejl: Sikkerhedskopien findes-ikke\.db findes hverken/) });
    writeFileSync(join(dir, 'regneark.db'), 'ikke en database');
    const notSqlite = await cli('restore', join(dir, 'regneark.db'));
    expect(notSqlite).toMatchObject({ code: 2, err: expect.stringMatching(/ikke en SQLite-database\)\. Databasen er ikke ændret\./) });
    expect((await cli('restore')).err).toMatch(/restore kræver en sikkerhedskopi/);
  });
});


describe('attachment files', () => {
  it('a backup carries the files it refers to, shared with the data folder by hard links, and a restore into an empty data folder gives them back', async () => {
    const b = await open();
    const files = await withAttachments(b);
    later(MINUTE);
    const backup = await backupNow(b);
    expect(backup.files).toEqual({ count: 2, bytes: files[0]!.bytes.length + files[1]!.bytes.length, missing: 0 });
    expect((await call(b, 'backups.list', {}))[0]).toMatchObject({ fileName: backup.fileName, files: { count: 2 } });
    for (const file of files) {
      const kept = storeFile(join(backupDir, 'files'), file.sha256);
      expect(readFileSync(kept).equals(file.bytes)).toBe(true);
      // No second copy on disk: the same file as the data folder's.
      expect(statSync(kept).ino).toBe(statSync(storeFile(join(dir, 'files'), file.sha256)).ino);
    }
    await b.close();
    backend = null;

    // A new laptop: an empty data folder, the old backup folder copied beside it; restored from the list (as the UI does).
    const oldDir = dir;
    dir = mkdtempSync(join(tmpdir(), 'sekretariat-backups-ny-'));
    backupDir = join(dir, 'backups');
    databaseFile = join(dir, 'sekretariat.db');
    try {
      cpSync(join(oldDir, 'backups'), backupDir, { recursive: true });
      const fresh = await open();
      later(MINUTE);
      const result = await restoreNow(fresh, { fileName: backup.fileName });
      expect(result).toMatchObject({ restoredFrom: backup.fileName, filesRestored: 2, missingFiles: [] });
      for (const file of files) expect(readFileSync(storeFile(join(dir, 'files'), file.sha256)).equals(file.bytes)).toBe(true);
      const meeting = (await call(fresh, 'meetings.list', {}))[0]!;
      const item = (await call(fresh, 'agenda.list', { meetingId: meeting.id }))[0]!;
      const attachments = (await call(fresh, 'agenda.get', { id: item.id })).attachments;
      expect(attachments.map((a) => a.fileName).sort()).toEqual(files.map((f) => f.name).sort());
      // Every annex opens: its file is where the app looks for it, whole.
      for (const a of attachments) expect((await fresh.files!.open(a.sha256!)).info.size).toBeGreaterThan(0);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });

  it('each further backup adds only the files it lacks; rotation removes the files no backup refers to any more', async () => {
    const b = await open();
    const [daily] = await call(b, 'backups.list', {});
    const [file] = await withAttachments(b);
    const kept = storeFile(join(backupDir, 'files'), file!.sha256);
    later(MINUTE);
    await backupNow(b);
    const written = statSync(kept).ctimeMs;
    later(MINUTE);
    await backupNow(b);
    expect(statSync(kept).ctimeMs).toBe(written);

    // Back to the state before the attachments: the backups taken since still need the files.
    later(MINUTE);
    await restoreNow(b, { fileName: daily!.fileName });
    expect(existsSync(kept)).toBe(true);
    // Ten more event backups push out every backup that had them.
    for (let i = 0; i < KEEP_EVENTS; i++) {
      later(MINUTE);
      await backupNow(b);
    }
    expect((await call(b, 'backups.list', {})).some((e) => (e.files?.count ?? 0) > 0)).toBe(false);
    expect(existsSync(kept)).toBe(false);
    // The data folder keeps its own copy: only the backup folder's is gone.
    expect(existsSync(storeFile(join(dir, 'files'), file!.sha256))).toBe(true);
  });

  it('restores an old backup of the database only, naming the attachments whose files are missing', async () => {
    const b = await open();
    const files = await withAttachments(b);
    later(MINUTE);
    const backup = await backupNow(b);
    await b.close();
    backend = null;
    // What an older version left: the database file alone, carried to a new laptop.
    const old = join(tmpdir(), `gammel-${Date.now()}.db`);
    copyFileSync(join(backupDir, backup.fileName), old);
    const oldDir = dir;
    dir = mkdtempSync(join(tmpdir(), 'sekretariat-backups-ny-'));
    backupDir = join(dir, 'backups');
    databaseFile = join(dir, 'sekretariat.db');
    try {
      const fresh = await open();
      const name = '20261101-120000-manual.db';
      copyFileSync(old, join(backupDir, name));
      expect((await call(fresh, 'backups.list', {})).find((e) => e.fileName === name)).toMatchObject({ files: null });
      const result = await restoreNow(fresh, { fileName: name });
      expect(result.filesRestored).toBe(0);
      expect(result.missingFiles.map((m) => m.names).sort()).toEqual(files.map((f) => [f.name]).sort());
      expect(result.missingFiles.map((m) => m.sha256).sort()).toEqual(files.map((f) => f.sha256).sort());
      expect((await call(fresh, 'meetings.list', {})).map((m) => m.location)).toEqual(['Aalborg']);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
      rmSync(old, { force: true });
    }
  });

  it('refuses a backup whose attachment file is damaged, changing nothing', async () => {
    const b = await open();
    const [file] = await withAttachments(b);
    later(MINUTE);
    const backup = await backupNow(b);
    await b.close();
    backend = null;
    const oldDir = dir;
    dir = mkdtempSync(join(tmpdir(), 'sekretariat-backups-ny-'));
    backupDir = join(dir, 'backups');
    databaseFile = join(dir, 'sekretariat.db');
    try {
      cpSync(join(oldDir, 'backups'), backupDir, { recursive: true });
      // cpSync copies (no links), so the damage stays in the copied backup folder.
      const damaged = storeFile(join(backupDir, 'files'), file!.sha256);
      const bytes = readFileSync(damaged);
      bytes[5] = bytes[5]! ^ 0xff;
      writeFileSync(damaged, bytes);
      const fresh = await open();
      const contents = folderContents();
      later(MINUTE);
      expect(await refusalOf(fresh, 'backups.restore', { fileName: backup.fileName })).toMatchObject({
        code: 'INVALID_INPUT',
        message: `Bilagsfilen «${file!.name}» i sikkerhedskopien er beskadiget (indholdet passer ikke til filens SHA-256). Databasen er ikke ændret.`,
      });
      expect(await call(fresh, 'meetings.list', {})).toEqual([]);
      expect(folderContents()).toEqual(contents);
      expect(existsSync(join(dir, 'files')) ? (readdirSync(join(dir, 'files'), { recursive: true }) as string[]).filter((n) => /[0-9a-f]{64}/.test(n)) : []).toEqual([]);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});

describe('a restore that fails at the last step', () => {
  it('takes the attachment files it had put in place away again', async () => {
    const b = await open();
    await withAttachments(b);
    const archive = join(dir, 'alt.zip');
    expect((await b.backups.writeArchive(archive)).files.count).toBe(2);
    await b.close();
    backend = null;
    const oldDir = dir;
    dir = mkdtempSync(join(tmpdir(), 'sekretariat-backups-ny-'));
    backupDir = join(dir, 'backups');
    databaseFile = join(dir, 'sekretariat.db');
    try {
      const fresh = await open();
      fresh.database.raw.exec("CREATE TEMP TRIGGER fail_restore AFTER INSERT ON main.meetings BEGIN SELECT RAISE(ABORT, 'boom'); END");
      await expect(fresh.backups.restore({ path: archive })).rejects.toThrow(/^Sikkerhedskopien kunne ikke gendannes \(boom\)\. Databasen er ikke ændret\.$/);
      fresh.database.raw.exec('DROP TRIGGER temp.fail_restore');
      const stored = existsSync(join(dir, 'files')) ? (readdirSync(join(dir, 'files'), { recursive: true }) as string[]) : [];
      expect(stored.filter((n) => /[0-9a-f]{64}/.test(n))).toEqual([]);
      expect(await call(fresh, 'meetings.list', {})).toEqual([]);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});

describe('the backup store', () => {
  it('copies where it may not link, and never copies a file whose content does not match its name', async () => {
    const source = join(dir, 'kilde');
    const bytes = Buffer.from('referat af mødet');
    writeFileSync(source, bytes);
    const ref = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    const store = new BackupFileStore(join(dir, 'store'), false);
    expect(await store.add(source, ref)).toBe('placed');
    expect(readFileSync(store.pathOf(ref.sha256)).equals(bytes)).toBe(true);
    expect(statSync(store.pathOf(ref.sha256)).ino).not.toBe(statSync(source).ino);
    expect(await store.add(source, ref)).toBe('present');

    const wrong = { sha256: createHash('sha256').update('noget andet').digest('hex'), size: bytes.length };
    expect(await new BackupFileStore(join(dir, 'kopier'), false).add(source, wrong)).toBe('damaged');
    expect(existsSync(join(dir, 'kopier', wrong.sha256.slice(0, 2), wrong.sha256))).toBe(false);
    // A link is the data folder's own file: checked by its size when the backup is taken (by its hash on the way back).
    const linked = new BackupFileStore(join(dir, 'links'), true);
    expect(await linked.add(source, { ...ref, size: bytes.length - 1 })).toBe('damaged');
    expect(await linked.add(source, ref)).toBe('placed');
    expect(statSync(linked.pathOf(ref.sha256)).ino).toBe(statSync(source).ino);
    expect(await store.add(join(dir, 'findes-ikke'), wrong)).toBe('missing');
  });
});
