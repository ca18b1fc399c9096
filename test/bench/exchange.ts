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
 *  (c) the package validated completely with readForImport (the first step of the import preview), in another child,
 *      plus the preview's three-way comparison with the database (planImport);
 *  (d) the package imported with applyImport into a new, empty database beside it (moving to a new laptop: every
 *      record new, every attachment file copied into the new file store), in another child, with the time of each step
 *      (validation and plan, copying the files, the backup, the transaction);
 *  (d2) as the window does it: the preview, then the import into a new, empty database, reusing the preview's checked
 *      read (only the attachment files are read again, as they are copied), against (d), which reads the package in full;
 *  (e) the same package imported again into that now filled database (recognised by its export id: changes nothing);
 *  (f) a one-meeting package: readForImport + planImport (the import preview), median of 5, in this process.
 * The ratios are copy time ÷ export, validation or import time: the same data, moved the two ways.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../../db/schema';
import { openBackend } from '../../electron/backend/backend';
import { planImport, readForImport } from '../../electron/backend/exchange/merge';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { PROJECT_ROOT } from '../../electron/host/paths';
import { attachmentsInput, mb, num, s } from './attachments-input';

const MB = 1024 ** 2;
const PREVIEW_RUNS = 5;
const msText = (ms: number) => `${num(ms, 0)} ms`;
const rate = (bytes: number, ms: number) => `${num(bytes / MB / (ms / 1000), 0)} MB/s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: [string, string][] = [];
const record = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label}: ${value}`);
};


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
  /** preview-import only: the preview before the import. */
  previewMs?: number;
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

const data = await attachmentsInput();
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
  record('Fuld kontrol af pakken (readForImport)', `${s(validated.ms)} · ${rate(validated.bytes, validated.ms)} · + tre-vejs-sammenligning med databasen (planImport) ${s(validated.compareMs!)}`);
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
  rmSync(newLaptop, { recursive: true, force: true });

  // (d2) As the window does it: the preview, then the import of the same package, which reuses the preview's checked read.
  const afterPreview = await child(['preview-import', newDatabase, packageFile, join(newLaptop, 'backups')]);
  if (afterPreview.applied!.inserted !== applied.inserted || afterPreview.filesCopied !== imported.filesCopied) throw new Error('Importen efter forhåndsvisningen gav et andet resultat');
  record(
    'Forhåndsvisning og derefter import i en ny, tom database (pakken læst én gang)',
    `forhåndsvisning ${s(afterPreview.previewMs!)} + import ${s(afterPreview.ms)} (import uden genbrug: ${s(imported.ms)}, sparet ${s(imported.ms - afterPreview.ms)})`,
  );
  if (afterPreview.phases) {
    const p = afterPreview.phases;
    record('  heraf kontrol af posterne / kontrol og kopiering af bilagsfilerne / sikkerhedskopi / transaktion', `${s(p.validate)} / ${s(p.copy)} / ${s(p.backup)} / ${s(p.transaction)}`);
  }

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
    const result = await readForImport(readOnly, meetingFile);
    read.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    await planImport(readOnly, result);
    preview.push(performance.now() - t0);
  }
  await readOnly.destroy();
  const items = meetingPackage.counts.agenda_items.records;
  record(
    `Forhåndsvisning af mødepakke (${items} punkter, ${meetingPackage.files.count} bilag, ${mb(meetingPackage.bytes)}; budget < 1 s)`,
    `median ${msText(median(preview))}, maks ${msText(Math.max(...preview))} (heraf readForImport median ${msText(median(read))})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nKopi-referencen er den hurtigste af de to kopier. Varm sidecache (kan ikke tømmes her). ${new Date().toISOString()}`);
console.log(`Det genererede input bliver liggende i ${data.dir} (slet mappen for at frigive ${mb(data.fileBytes)}).\n`);
console.table(Object.fromEntries(rows));
