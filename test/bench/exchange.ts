/**
 * Issue 6 performance figures for the exchange package: `npm run -s bench:exchange` (a few minutes the first time,
 * about a minute and a half when the generated input is reused). Nothing here is a pass/fail test.
 *
 * Input: the ten-year database of the meetings benchmark (500 meetings, 10 000 items and decisions; generate.ts and
 * generate-agenda.ts) cut down to 2 000 attachments whose files really exist: about 1 GB of incompressible bytes
 * behind a PDF header, mostly 100 kB–2 MB with a dozen of 10–30 MB, written straight into the file store's layout
 * (`files/<2 hex>/<sha256>`) with `files` rows that match. One meeting (20 items) gets 40 ordinary-sized ones.
 * The input is cached under the tmp dir, keyed by CACHE_VERSION and the volume, so reruns skip the generation.
 *
 * Measured in one run, all with a warm page cache (the input was just written or read; the machine cannot drop it):
 *  (a) the reference: the database file and every attachment file copied to a new folder on the same disk, once with
 *      fs.copyFile (copy_file_range, what `cp` does) and once with read/write streams, each followed by an fsync of
 *      every copy, as the writer fsyncs its package; the faster one is the reference;
 *  (b) `export --scope all` through writePackage, in a child process (exchange-child.ts) that opens the backend as
 *      the command line does, samples its RSS every 50 ms and reports VmHWM;
 *  (c) the package validated completely with readPackage (the first step of an import, as `import --dry-run`), in
 *      another child, plus the dry run's comparison with the database;
 *  (d) the package imported with applyImport into a new, empty database beside it (moving to a new laptop: every
 *      record new, every attachment file copied into the new file store), in another child, with the time of each step
 *      (validation and plan, copying the files, the backup, the transaction);
 *  (e) the same package imported again into that now filled database (recognised by its export id: changes nothing);
 *  (f) a one-meeting package: readPackage + comparison (the import preview), median of 5, in this process.
 * The ratios are copy time ÷ export, validation or import time: the same data, moved the two ways.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { ensureInstallationId } from '../../db/queries/settings';
import type { DB } from '../../db/schema';
import { openBackend } from '../../electron/backend/backend';
import { compareWithDatabase, localIdsIn, readPackage } from '../../electron/backend/exchange/read-package';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { PROJECT_ROOT } from '../../electron/host/paths';
import { generateAgendas } from './generate-agenda';
import { generateYearsOfMeetings } from './generate';

/** Bump when the generated input changes shape, so an old cache is not reused. */
const CACHE_VERSION = 'v1';
const ATTACHMENTS = 2_000;
const MEETING_ATTACHMENTS = 40;
const LARGE = 12;
const GB = 1024 ** 3;
const MB = 1024 ** 2;
const PREVIEW_RUNS = 5;

const num = (x: number, digits = 1) => x.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const s = (ms: number) => `${num(ms / 1000, 1)} s`;
const msText = (ms: number) => `${num(ms, 0)} ms`;
const mb = (bytes: number) => `${num(bytes / MB, 0)} MB`;
const rate = (bytes: number, ms: number) => `${num(bytes / MB / (ms / 1000), 0)} MB/s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: [string, string][] = [];
const record = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label}: ${value}`);
};

/** A small deterministic generator, so every cache holds the same mix of sizes. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` sizes summing to about `total`: LARGE files of 10–30 MB (scaled with the total), the rest spread
 * log-uniformly over 100 kB–2 MB with a skew towards the small end, found by bisection so the sum comes out right.
 */
function attachmentSizes(count: number, total: number): number[] {
  const next = random(6);
  const scale = Math.min(1, total / GB);
  const large = Array.from({ length: LARGE }, () => Math.round((10 + 20 * next()) * MB * scale));
  const u = Array.from({ length: count - LARGE }, () => next());
  const rest = total - large.reduce((a, b) => a + b, 0);
  const smallAt = (p: number) => u.map((x) => Math.round(100 * 1024 * 20 ** (x ** p)));
  let lo = 0.2;
  let hi = 40;
  for (let i = 0; i < 60; i++) {
    const p = (lo + hi) / 2;
    if (smallAt(p).reduce((a, b) => a + b, 0) > rest) lo = p;
    else hi = p;
  }
  // Ordinary sizes first (the one-meeting package takes those), the large ones last.
  return [...smallAt((lo + hi) / 2), ...large];
}

/** A PDF-looking file of incompressible bytes. */
function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 0, 'latin1');
  bytes.write('\n%%EOF\n', size - 7, 'latin1');
  return bytes;
}

interface Input {
  dir: string;
  databaseFile: string;
  filesDir: string;
  meetingId: string;
  attachments: number;
  fileBytes: number;
  scaled: boolean;
}

const free = (dir: string) => {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
};

/** The generated input, from the cache when it is complete there. */
async function input(): Promise<Input> {
  const available = free(tmpdir());
  // Input (~1,2 GB) + one copy or the package (~1,2 GB) at a time, with room to spare.
  const needed = 3.5 * GB;
  const probe = join(tmpdir(), `sekretariat-bench-exchange-${CACHE_VERSION}-${ATTACHMENTS}-1024MB`);
  const cached = existsSync(join(probe, 'klar.json'));
  const scaled = !cached && available < needed;
  const total = scaled ? Math.max(64 * MB, Math.floor(((available - 0.5 * GB) / 3) / MB) * MB) : GB;
  if (scaled) console.log(`OBS: kun ${num(available / GB)} GB fri plads i ${tmpdir()} (under 3,5 GB): bilagene skaleres ned til ${mb(total)} i alt.`);
  const dir = join(tmpdir(), `sekretariat-bench-exchange-${CACHE_VERSION}-${ATTACHMENTS}-${Math.round(total / MB)}MB`);
  const ready = join(dir, 'klar.json');
  if (existsSync(ready)) {
    const meta = JSON.parse(readFileSync(ready, 'utf8')) as Omit<Input, 'dir' | 'databaseFile' | 'filesDir'>;
    console.log(`Genbruger genereret input i ${dir}`);
    return { dir, databaseFile: join(dir, 'ti-aar.db'), filesDir: join(dir, 'files'), ...meta };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseFile = join(dir, 'ti-aar.db');
  const filesDir = join(dir, 'files');
  const t0 = performance.now();
  const backend = await openBackend({ databaseFile, appVersion: 'bench', backupDir: join(dir, 'backups') });
  const db = backend.database.db;
  await generateYearsOfMeetings(db, 2016, 10);
  await generateAgendas(db);

  // The meeting of the one-meeting package: the last generated DAS meeting, all 20 items with both their attachments.
  // (The demo data's own attachments have no files and are left out of the 2 000.)
  const meeting = (
    await sql<{ id: string }>`SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN agenda_items i ON i.meeting_id = m.id
      JOIN attachments a ON a.item_id = i.id WHERE b.code = 'DAS' AND a.sha256 IS NOT NULL GROUP BY m.id HAVING count(*) >= ${MEETING_ATTACHMENTS}
      ORDER BY m.date DESC LIMIT 1`.execute(db)
  ).rows[0]!;
  const own = await db
    .selectFrom('attachments')
    .innerJoin('agenda_items', 'agenda_items.id', 'attachments.item_id')
    .select(['attachments.id', 'attachments.sha256'])
    .where('agenda_items.meeting_id', '=', meeting.id)
    .where('attachments.sha256', 'is not', null)
    .orderBy('attachments.id')
    .execute();
  const ownIds = new Set(own.map((a) => a.id));
  // The rest spread at random over the ten years (ids are random UUIDs).
  const others = (await db.selectFrom('attachments').select(['id', 'sha256']).where('sha256', 'is not', null).orderBy('id').execute()).filter((a) => !ownIds.has(a.id));
  const kept = [...own.slice(0, MEETING_ATTACHMENTS), ...others.slice(0, ATTACHMENTS - Math.min(MEETING_ATTACHMENTS, own.length))];
  const sizes = attachmentSizes(kept.length, total);

  let fileBytes = 0;
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE kept (id TEXT PRIMARY KEY)`.execute(trx);
    for (const a of kept) await sql`INSERT INTO kept (id) VALUES (${a.id})`.execute(trx);
    // The other 18 000 attachments (and their placeholder file rows and search entries) go.
    const gone = await sql<{ rowid: number }>`SELECT rowid FROM search_documents WHERE entity = 'attachment' AND entity_id NOT IN (SELECT id FROM kept)`.execute(trx);
    for (const { rowid } of gone.rows) await sql`DELETE FROM search_fts WHERE rowid = ${rowid}`.execute(trx);
    await sql`DELETE FROM search_documents WHERE entity = 'attachment' AND entity_id NOT IN (SELECT id FROM kept)`.execute(trx);
    await sql`DELETE FROM attachments WHERE id NOT IN (SELECT id FROM kept)`.execute(trx);
    await sql`DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM attachments WHERE sha256 IS NOT NULL)`.execute(trx);
    await sql`DROP TABLE kept`.execute(trx);
    // Each kept attachment gets a real file; its placeholder row gives way to one with the file's hash and size.
    for (const [i, a] of kept.entries()) {
      const bytes = pdfBytes(sizes[i]!);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await mkdir(join(filesDir, sha256.slice(0, 2)), { recursive: true });
      await writeFile(join(filesDir, sha256.slice(0, 2), sha256), bytes);
      fileBytes += bytes.length;
      const old = await trx.selectFrom('files').selectAll().where('sha256', '=', a.sha256!).executeTakeFirstOrThrow();
      await trx.insertInto('files').values({ ...old, sha256, size: bytes.length }).execute();
      await trx.updateTable('attachments').set({ sha256 }).where('id', '=', a.id).execute();
      await trx.deleteFrom('files').where('sha256', '=', a.sha256!).execute();
    }
  });
  // Made here, not during the measured export (the writer makes it on first use).
  await ensureInstallationId(db, randomUUID, new Date().toISOString());
  await sql`VACUUM`.execute(db);
  await backend.close();
  rmSync(join(dir, 'backups'), { recursive: true, force: true });
  const meta = { meetingId: meeting.id, attachments: kept.length, fileBytes, scaled };
  writeFileSync(ready, JSON.stringify(meta));
  console.log(`Genereret på ${s(performance.now() - t0)}: ${kept.length} bilag, ${mb(fileBytes)} bilagsfiler, database ${mb(statSync(databaseFile).size)}`);
  return { dir, databaseFile, filesDir, ...meta };
}

/** Every file below `dir` (recursively), skipping the file store's tmp folder. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'tmp') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(path));
    else out.push(path);
  }
  return out;
}

/** Copies `sources` into `target` (flat) one at a time; then fsyncs every copy. Times both parts. */
async function copyAll(sources: string[], target: string, how: 'copyFile' | 'streams'): Promise<{ copyMs: number; totalMs: number; bytes: number }> {
  mkdirSync(target, { recursive: true });
  const copies: string[] = [];
  let bytes = 0;
  const t0 = performance.now();
  for (const [i, source] of sources.entries()) {
    const copy = join(target, `${i}`);
    if (how === 'copyFile') await copyFile(source, copy);
    else await pipeline(createReadStream(source), createWriteStream(copy));
    copies.push(copy);
  }
  const copyMs = performance.now() - t0;
  for (const copy of copies) {
    const handle = await open(copy, 'r+');
    await handle.sync();
    bytes += (await handle.stat()).size;
    await handle.close();
  }
  const fsyncDir = await open(target, 'r');
  await fsyncDir.sync();
  await fsyncDir.close();
  return { copyMs, totalMs: performance.now() - t0, bytes };
}

interface ChildResult {
  ms: number;
  compareMs?: number;
  bytes: number;
  records?: number;
  files: { count: number; bytes: number };
  /** Import only. */
  filesCopied?: number;
  alreadyImported?: boolean;
  applied?: { inserted: number; updated: number; deleted: number; copied: number; kept: number; unchanged: number };
  phases?: { validate: number; copy: number; backup: number; transaction: number };
  /** Import only: the longest the event loop was held. */
  loopBlockMs?: number;
  rssBefore: number;
  peakRss: number;
  vmHwm: number;
}

const rss = (r: ChildResult) => `${mb(Math.max(r.vmHwm, r.peakRss))} (VmHWM ${mb(r.vmHwm)}, samplet ${mb(r.peakRss)}, før ${mb(r.rssBefore)})`;

function child(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'test/bench/exchange-child.ts', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`exchange-child ${args[0]} endte med ${code}`))));
  });
}

const data = await input();
const work = mkdtempSync(join(data.dir, 'koersel-'));
try {
  const sources = [data.databaseFile, ...filesBelow(data.filesDir)];
  const inputBytes = sources.reduce((n, f) => n + statSync(f).size, 0);
  console.log(`Input: database ${mb(statSync(data.databaseFile).size)} + ${data.attachments} bilagsfiler ${mb(data.fileBytes)} = ${mb(inputBytes)} (${data.dir})`);
  // Read everything once so every step below starts from the same (warm) page cache.
  for (const f of sources) readFileSync(f);

  // (a) The reference.
  const copies: Record<'copyFile' | 'streams', { copyMs: number; totalMs: number; bytes: number }> = {} as never;
  for (const how of ['copyFile', 'streams'] as const) {
    const target = join(work, `kopi-${how}`);
    copies[how] = await copyAll(sources, target, how);
    rmSync(target, { recursive: true, force: true });
    record(`Kopi af samme bytes, ${how === 'copyFile' ? 'fs.copyFile' : 'streams'} + fsync`, `${s(copies[how].totalMs)} · ${rate(copies[how].bytes, copies[how].totalMs)} (uden fsync ${s(copies[how].copyMs)})`);
  }
  const copy = copies.copyFile.totalMs <= copies.streams.totalMs ? copies.copyFile : copies.streams;

  // (b) Export of everything.
  const packageFile = join(work, 'alt.sekretariat');
  const exported = await child(['export', data.databaseFile, JSON.stringify({ kind: 'all' }), packageFile, join(work, 'backups')]);
  record(
    'Eksport, --scope all (writePackage)',
    `${s(exported.ms)} · ${rate(exported.bytes, exported.ms)} · pakke ${mb(exported.bytes)} (${exported.records!.toLocaleString('da-DK')} poster, ${exported.files.count} bilagsfiler ${mb(exported.files.bytes)})`,
  );
  record('  forhold kopi-tid ÷ eksport-tid (mål ≥ 0,3)', `${num(copy.totalMs / exported.ms, 2)}`);
  record('  top-RSS under eksport (budget < 400 MB)', `${mb(Math.max(exported.vmHwm, exported.peakRss))} (VmHWM ${mb(exported.vmHwm)}, samplet ${mb(exported.peakRss)}, før ${mb(exported.rssBefore)})`);

  // (c) Complete validation of that package.
  const validated = await child(['validate', data.databaseFile, packageFile]);
  record('Fuld kontrol af pakken (readPackage)', `${s(validated.ms)} · ${rate(validated.bytes, validated.ms)} · + sammenligning med databasen ${s(validated.compareMs!)}`);
  record('  forhold kopi-tid ÷ kontrol-tid (mål ≥ 0,3)', `${num(copy.totalMs / validated.ms, 2)}`);
  record('  top-RSS under kontrol (budget < 400 MB)', `${mb(Math.max(validated.vmHwm, validated.peakRss))} (VmHWM ${mb(validated.vmHwm)}, samplet ${mb(validated.peakRss)}, før ${mb(validated.rssBefore)})`);

  // (d) Import of that package into a new, empty database on the same disk (a new laptop).
  const newLaptop = join(work, 'ny-baerbar');
  const newDatabase = join(newLaptop, 'sekretariat.db');
  const imported = await child(['import', newDatabase, packageFile, join(newLaptop, 'backups')]);
  const applied = imported.applied!;
  record(
    'Import i en ny, tom database (applyImport)',
    `${s(imported.ms)} · ${rate(imported.bytes, imported.ms)} · ${applied.inserted.toLocaleString('da-DK')} nye og ${applied.unchanged.toLocaleString('da-DK')} uændrede poster, ${imported.filesCopied} bilagsfiler kopieret`,
  );
  if (imported.phases) {
    const p = imported.phases;
    record('  heraf kontrol af posterne / kontrol og kopiering af bilagsfilerne / sikkerhedskopi / transaktion', `${s(p.validate)} / ${s(p.copy)} / ${s(p.backup)} / ${s(p.transaction)}`);
  }
  record('  forhold kopi-tid ÷ import-tid (mål ≥ 0,3)', `${num(copy.totalMs / imported.ms, 2)}`);
  record('  top-RSS under import (budget < 400 MB)', rss(imported));
  record('  længste blokering af hændelsesløkken under import', `${num(imported.loopBlockMs!, 0)} ms`);

  // (e) The same package again, into the database it has just filled.
  const again = await child(['import', newDatabase, packageFile, join(newLaptop, 'backups')]);
  const changed = again.applied!.inserted + again.applied!.updated + again.applied!.deleted + again.applied!.copied + again.filesCopied!;
  if (!again.alreadyImported || changed > 0) throw new Error(`Den anden import ændrede ${changed} poster/filer (allerede indlæst: ${again.alreadyImported})`);
  record('Samme pakke importeret igen (genkendt, ændrer intet)', `${s(again.ms)} · ${rate(again.bytes, again.ms)} · top-RSS ${rss(again)}`);
  rmSync(newLaptop, { recursive: true, force: true });
  rmSync(packageFile, { force: true });

  // (f) The preview of a one-meeting package.
  const meetingFile = join(work, 'moede.sekretariat');
  const backend = await openBackend({ databaseFile: data.databaseFile, appVersion: 'bench', backupDir: join(work, 'backups') });
  const meetingPackage = await writePackage({
    db: backend.database.db,
    databaseFile: backend.database.file,
    files: backend.files,
    scope: { kind: 'meeting', id: data.meetingId },
    target: meetingFile,
    appVersion: 'bench',
    schemaVersion: backend.database.migration.to,
  });
  await backend.close();
  const readOnly = new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(data.databaseFile, { readonly: true, fileMustExist: true }) }) });
  const read: number[] = [];
  const preview: number[] = [];
  for (let i = 0; i < PREVIEW_RUNS; i++) {
    const t0 = performance.now();
    const result = await readPackage(meetingFile, { localIds: localIdsIn(readOnly) });
    read.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    await compareWithDatabase(readOnly, result.summary);
    preview.push(performance.now() - t0);
  }
  await readOnly.destroy();
  const items = meetingPackage.counts.agenda_items.records;
  record(
    `Forhåndsvisning af mødepakke (${items} punkter, ${meetingPackage.files.count} bilag, ${mb(meetingPackage.bytes)}; budget < 1 s)`,
    `median ${msText(median(preview))}, maks ${msText(Math.max(...preview))} (heraf readPackage median ${msText(median(read))})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nKopi-referencen er den hurtigste af de to kopier. Varm sidecache (kan ikke tømmes her). ${new Date().toISOString()}`);
console.log(`Det genererede input bliver liggende i ${data.dir} (slet mappen for at frigive ${mb(data.fileBytes)}).\n`);
console.table(Object.fromEntries(rows));
