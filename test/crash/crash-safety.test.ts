/**
 * Crash safety (issue 6): the command line is killed with SIGKILL at random moments during a restore, a manual
 * backup, an export and an import, and the parent then checks what a crash leaves behind:
 *
 * - the database opens, `PRAGMA integrity_check` is ok, and its content is either the state before or the state
 *   after the operation, never a mix (a SHA-256 over every table's rows, the fingerprints taken from uninterrupted runs);
 * - every file in the backup folder with a backup's final name is a complete, intact copy of the state before;
 *   partial files only under their temporary names, and the next list and backup still work beside them; the
 *   attachment files a whole backup's summary counts are in the backup folder's store, each hashing to its name;
 * - no file at an export's target unless it is a complete package the validator (read-package.ts) accepts;
 * - after an import: every file in the file store under a final name hashes to its name, every `files` row has its
 *   file, and the same import run again beside whatever the crash left ends in the state after.
 *
 * The child is the command line bundled from the current sources with the same esbuild options as out/host/cli.mjs
 * (what `npm start` runs): it starts in half a second where tsx needs four, so the trials fit the time. Nothing under
 * out/ is read or written.
 *
 * The moment of each kill is measured by the child's own progress, not by the clock: the CPU time it has used (all its
 * threads, read from /proc while it runs). On a busy machine a child gets a fraction of a core and a delay in
 * wall-clock time would mostly land in its start-up; a point in its CPU time lands at the same step of the work however
 * busy the machine is. The points are spread over each operation's measured CPU time, from the end of the measured
 * start-up (for the import: of its measured dry run, which only reads) to the measured end, by a seeded generator: the
 * seed is printed, and `CRASH_SEED=<n>` repeats the same points. The import's summary line tells where its kills hit
 * (validation, copying files, backup, transaction, after the commit), read from what each trial left.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTIAL_SUFFIX } from '../../db/backup';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { readPackage } from '../../electron/backend/exchange/read-package';
import { filesOfDatabase, readFilesSummary, SUMMARY_SUFFIX } from '../../electron/backend/services/backup-files';
import { BACKUP_FILES_DIR } from '../../electron/backend/services/backups';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
const TRIALS = { restore: 20, backup: 15, export: 15, import: 16 } as const;
type Operation = keyof typeof TRIALS;

/** mulberry32: small, seedable, good enough to spread the kill points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let work: string;
let cli: string;
/** A data folder with the demo data (attachments included). */
let template: string;
/** The same with some rows changed, for the restore trials: the backup to restore holds the demo data. */
let restoreTemplate: string;
/** The backup the restore trials take back (the demo data), outside the data folder. */
let restoreSource: string;
/** CPU time of the child's start-up (loading the bundle, parsing the arguments), measured by an uninterrupted `--help`. */
let startupCpuMs: number;
/** The import trials' target: the demo data after an earlier exchange with the source (see prepareImport). */
let importTemplate: string;
/** The package the import trials apply: the source's changes since that exchange, with new attachment files. */
let importPackage: string;
/** The stored files of the import trials' target before the import. */
let importTemplateFiles: Set<string>;

const dbIn = (dataDir: string) => join(dataDir, 'sekretariat.db');
const backupsIn = (dataDir: string) => join(dataDir, 'backups');
const BACKUP_NAME = /^\d{8}-\d{6}-[a-z-]+?(?:-\d+)?\.db$/;
/** A backup's summary under its temporary name. */
const SUMMARY_TEMP = /\.files\.json\.[0-9a-f]{8}\.part$/;
/** What an interrupted backup may leave: the temporary file and SQLite's files beside it. */
const PARTIAL_NAME = new RegExp(`\\.db${PARTIAL_SUFFIX.replace('.', '\\.')}(?:-wal|-shm|-journal)?$`);

/** Hides the values of a row that differ on every run of an operation (its clock, a random id) before it is hashed. */
type Mask = (table: string, row: Record<string, unknown>) => Record<string, unknown>;

/** The export makes the installation id on first use: a random UUID and the time, a different value every run. */
const maskInstallation: Mask = (table, row) => (table === 'settings' && row.key === 'installation_id' ? { ...row, value: '*', updated_at: '*' } : row);

/** The columns the import fills with the time it ran: the `files` rows it adds, the exchange's bookkeeping. */
const IMPORT_CLOCK: Readonly<Record<string, readonly string[]>> = { files: ['created_at'], exchange_bases: ['exchanged_at'], exchange_imports: ['imported_at'] };
const maskImportClock: Mask = (table, row) => {
  const columns = IMPORT_CLOCK[table];
  return columns ? { ...row, ...Object.fromEntries(columns.map((c) => [c, '*'])) } : row;
};

/**
 * Each trial runs on a copy of a template in a folder of its own, which the app rightly takes for a copied database:
 * on opening it binds a new installation id and records its records as the common version with the template's id
 * (electron/backend/exchange/identity.ts). Those rows tell where the folder is, not what an operation did, and are
 * left out of the comparison (a fork's base: taken and written at the same moment, unlike an import's).
 */
const IDENTITY_KEYS = new Set(['installation_id', 'installation_binding', 'installation_lineage']);
const isCopyIdentity = (table: string, row: Record<string, unknown>) =>
  (table === 'settings' && IDENTITY_KEYS.has(row.key as string)) || (table === 'exchange_bases' && row.source_created_at !== null && row.source_created_at === row.exchanged_at);

/** Every row of every table (the FTS index's shadow tables included), hashed: equal hashes mean equal content. */
function fingerprint(raw: Database.Database, mask?: Mask): string {
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const all = raw.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as Record<string, unknown>[];
    const rows = all.filter((row) => !isCopyIdentity(name, row)).map((row) =>
      JSON.stringify(mask ? mask(name, row) : row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
    );
    hash.update(`${name}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Opens the database as the app would (recovering a WAL left by the kill); throws a readable problem. */
function inspectDatabase(file: string, options: { mask?: Mask; readonly?: boolean } = {}): string {
  const raw = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  try {
    const integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') throw new Error(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    return fingerprint(raw, options.mask);
  } finally {
    raw.close();
  }
}

interface Run {
  ms: number;
  /** The CPU time the child used in all (told by the child as it exits; null when it was killed). */
  cpuMs: number | null;
  killed: boolean;
  code: number | null;
  stderr: string;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** The CPU time (user and system, all threads) a running process has used so far; null once it has ended. */
function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After «pid (name) »: state is field 3, utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Loaded into the child before the command line: it tells its CPU time as it exits (the whole run's, in ms). */
const CPU_REPORT = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncrash-cpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });`;
const CPU_LINE = /\n?crash-cpu-ms ([\d.]+)\n/;

/** Runs the bundled command line in `trialDir`, killing it with SIGKILL once it has used `killAtCpuMs` of CPU time. */
function runCli(args: string[], dataDir: string, trialTmp: string, killAtCpuMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', CPU_REPORT, cli, ...args], {
      cwd: ROOT,
      // The restore's working copy goes to os.tmpdir(): kept in the trial's folder so leftovers are seen and removed.
      env: { ...process.env, SEKRETARIAT_DATA_DIR: dataDir, TMPDIR: trialTmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Polled often in wall-clock time, so on an idle machine the kill lands within a few ms of CPU time of its point.
    const timer =
      killAtCpuMs === undefined
        ? undefined
        : setInterval(() => {
            const used = child.pid === undefined ? null : cpuMsOf(child.pid);
            if (used !== null && used >= killAtCpuMs) child.kill('SIGKILL');
          }, 2);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      const cpu = CPU_LINE.exec(stderr);
      resolve({ ms: performance.now() - started, cpuMs: cpu ? Number(cpu[1]) : null, killed: signal === 'SIGKILL', code, stderr: stderr.replace(CPU_LINE, '') });
    });
  });
}

/** Runs the command line uninterrupted; throws when it fails. */
async function runCliOrThrow(args: string[], dataDir: string): Promise<Run> {
  const run = await runCli(args, dataDir, work);
  if (run.code !== 0) throw new Error(`${args[0]} failed (exit ${run.code}): ${run.stderr}`);
  return run;
}

interface Trial {
  trialDir: string;
  dataDir: string;
  trialTmp: string;
  backupsBefore: Set<string>;
}

interface Spec {
  args: (trialDir: string) => string[];
  template: () => string;
  mask?: Mask;
  /**
   * A run of the operation's first steps that writes nothing (the import's dry run: the package validated, the merge
   * planned): the kills start at its median end instead of the start-up's, so they hit the steps that write.
   */
  readOnlyArgs?: () => string[];
  /** The checks after each trial besides the database's state and the backup folder. */
  check: (trial: Trial, baseline: Baseline) => Promise<string[]>;
  /** Where the kill hit, told by what the trial left (for the summary line). */
  phase?: (trial: Trial, state: 'before' | 'after' | null) => string;
}

const SPECS: Record<Operation, Spec> = {
  restore: { args: () => ['restore', restoreSource], template: () => restoreTemplate, check: (trial) => checkNextBackup(trial.dataDir) },
  backup: { args: () => ['backup'], template: () => template, check: (trial) => checkNextBackup(trial.dataDir) },
  export: {
    args: (trialDir) => ['export', '--scope', 'all', '--out', join(trialDir, 'pakke.sekretariat')],
    template: () => template,
    mask: maskInstallation,
    check: (trial) => checkExport(trial.trialDir),
  },
  import: {
    args: () => ['import', importPackage],
    template: () => importTemplate,
    mask: maskImportClock,
    readOnlyArgs: () => ['import', importPackage, '--dry-run'],
    check: (trial, baseline) => checkImport(trial, baseline),
    phase: importPhase,
  },
};

interface Baseline {
  before: string;
  after: string;
  /** The median wall-clock duration (for the log) and CPU time of an uninterrupted run. */
  ms: number;
  cpuMs: number;
  /** The median CPU time of the read-only run (readOnlyArgs), if the operation has one. */
  readOnlyCpuMs?: number;
}
const baselines = new Map<Operation, Baseline>();

let trialCounter = 0;
/** A fresh copy of the operation's data folder, with a temp folder of its own. */
function prepareTrial(op: Operation): Trial {
  const trialDir = join(work, `${op}-${++trialCounter}`);
  const dataDir = join(trialDir, 'data');
  const trialTmp = join(trialDir, 'tmp');
  cpSync(SPECS[op].template(), dataDir, { recursive: true });
  mkdirSync(trialTmp);
  return { trialDir, dataDir, trialTmp, backupsBefore: new Set(readdirSync(backupsIn(dataDir))) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The CPU time of an uninterrupted run, which the child always tells. */
function cpuOf(run: Run): number {
  if (run.cpuMs === null) throw new Error(`the command line did not tell its CPU time: ${run.stderr}`);
  return run.cpuMs;
}
const BASELINE_RUNS = 3;

/** Uninterrupted runs: the states before and after (the same every run) and the median duration and CPU time. */
async function measureBaseline(op: Operation): Promise<Baseline> {
  const spec = SPECS[op];
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const readOnlyCpuTimes: number[] = [];
  let states: { before: string; after: string } | undefined;
  for (let i = 0; i < BASELINE_RUNS; i++) {
    const { trialDir, dataDir, trialTmp } = prepareTrial(op);
    const before = inspectDatabase(dbIn(dataDir), spec);
    if (spec.readOnlyArgs) {
      const dry = await runCli(spec.readOnlyArgs(), dataDir, trialTmp);
      if (dry.code !== 0) throw new Error(`${op} (read-only run) failed (exit ${dry.code}): ${dry.stderr}`);
      if (inspectDatabase(dbIn(dataDir), spec) !== before) throw new Error(`${op}: the read-only run changed the database`);
      readOnlyCpuTimes.push(cpuOf(dry));
    }
    const run = await runCli(spec.args(trialDir), dataDir, trialTmp);
    if (run.code !== 0) throw new Error(`${op} failed uninterrupted (exit ${run.code}): ${run.stderr}`);
    const after = inspectDatabase(dbIn(dataDir), spec);
    if (states && (states.before !== before || states.after !== after)) throw new Error(`${op}: uninterrupted runs end in different states`);
    states = { before, after };
    times.push(run.ms);
    cpuTimes.push(cpuOf(run));
    rmSync(trialDir, { recursive: true, force: true });
  }
  return { ...states!, ms: median(times), cpuMs: median(cpuTimes), ...(readOnlyCpuTimes.length > 0 ? { readOnlyCpuMs: median(readOnlyCpuTimes) } : {}) };
}

/**
 * The demo command ends before the text of every attachment is extracted, and each later start resumes the rest in
 * the background, writing to the database during the operation under test: finished here, the states are fixed.
 * The bundled host in browser mode does it with the bundled worker (seconds, where tsx's would take a minute);
 * it only checks that the renderer's folder has an index.html, so a placeholder is enough.
 */
async function settleTextExtraction(dataDir: string): Promise<void> {
  mkdirSync(join(work, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(work, 'out', 'renderer', 'index.html'), '<!doctype html><title>Sekretariat</title>');
  const server = spawn(process.execPath, [cli, 'serve'], { cwd: ROOT, env: { ...process.env, SEKRETARIAT_DATA_DIR: dataDir }, stdio: 'ignore' });
  const ended = new Promise((resolve) => server.on('exit', resolve));
  try {
    // Minutes on a busy machine; ends the loop (and the server) before the hook's own timeout does.
    const deadline = Date.now() + 480_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (server.exitCode !== null) throw new Error(`serve ended with ${server.exitCode}`);
      const raw = new Database(dbIn(dataDir), { readonly: true, fileMustExist: true });
      const { n } = raw.prepare("SELECT count(*) AS n FROM files WHERE text_status = 'afventer'").get() as { n: number };
      raw.close();
      if (n === 0) break;
      if (Date.now() > deadline) throw new Error('text extraction of the demo attachments did not finish');
    }
  } finally {
    server.kill('SIGTERM');
    await ended;
  }
}

async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

/** The stored files of a data folder's file store, `<2 hex>/<name>`, without its tmp folder. */
function storedFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'files');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((prefix) => prefix !== 'tmp')
    .flatMap((prefix) => readdirSync(join(dir, prefix)).map((name) => `${prefix}/${name}`));
}

/** What the import's file copying left in the store's tmp folder (only temporary names). */
const copyLeftovers = (dataDir: string) => (existsSync(join(dataDir, 'files', 'tmp')) ? readdirSync(join(dataDir, 'files', 'tmp')) : []);

/** New meetings, items and attachment files the source adds after the first exchange. */
const NEW_MEETINGS = 3;
const NEW_ITEMS = 10;
/** Attachment files of 256 kB–1 MB each (incompressible, behind a PNG header: a scan, no text to extract). */
const NEW_FILE_BYTES = [256 * 1024, 1024 * 1024] as const;

/**
 * The import trials' package and target, as two laptops use them: both start from the demo data; the target imports a
 * whole package of the source once (every record gets its base, nothing changes), then the source changes and exports
 * again. That package, imported into the target, holds every kind of change: records changed (meetings, items,
 * recommendations, decisions, follow-ups; written in SQL as the app stores an edit, since the API rightly refuses to
 * change approved minutes),
 * tombstones (a meeting, attachments, guests, follow-ups), new meetings with their standing items, new items with
 * recommendations, guests and an attachment each, and the attachments' new files, which the import copies into the store.
 */
async function prepareImport(): Promise<void> {
  const source = join(work, 'import-source');
  cpSync(template, source, { recursive: true });
  importTemplate = join(work, 'import-template');
  cpSync(template, importTemplate, { recursive: true });
  const first = join(work, 'foerste-udveksling.sekretariat');
  await runCliOrThrow(['export', '--scope', 'all', '--out', first], source);
  await runCliOrThrow(['import', first], importTemplate);

  const backend = await openBackend({ databaseFile: dbIn(source), backupDir: backupsIn(source), appVersion: '0.0.0-crash', log: { error: () => {} } });
  try {
    const at = new Date().toISOString();
    backend.database.raw.exec(`
      UPDATE meetings SET location = location || ' (flyttet)', note = 'Ændret på den anden bærbar', updated_at = '${at}', revision = revision + 1;
      UPDATE agenda_items SET title = title || ' (ændret)', case_officer = 'Anden sagsbehandler', updated_at = '${at}', revision = revision + 1;
      UPDATE recommendations SET text = text || ' (ændret)', updated_at = '${at}', revision = revision + 1;
      UPDATE decisions SET text = text || '<p>Tilføjet på den anden bærbar.</p>', updated_at = '${at}', revision = revision + 1;
      UPDATE follow_ups SET deleted_at = '${at}', updated_at = '${at}', revision = revision + 1 WHERE id IN (SELECT id FROM follow_ups ORDER BY id LIMIT 5);
      UPDATE follow_ups SET action = action || ' (ændret)', updated_at = '${at}', revision = revision + 1 WHERE deleted_at IS NULL;
      UPDATE item_guests SET deleted_at = '${at}', updated_at = '${at}', revision = revision + 1;
      UPDATE attachments SET deleted_at = '${at}', updated_at = '${at}', revision = revision + 1 WHERE id IN (SELECT id FROM attachments ORDER BY id LIMIT 4);
    `);
    const meetings = await call(backend, 'meetings.list', {});
    const planned = meetings.find((m) => m.status === 'planlagt');
    if (!planned) throw new Error('the demo data has no planned meeting to delete');
    await call(backend, 'meetings.delete', { id: planned.id });

    const next = random(SEED ^ 0x5eed);
    for (let m = 0; m < NEW_MEETINGS; m++) {
      const meeting = await call(backend, 'meetings.create', { bodyId: meetings[0]!.bodyId, date: `2027-0${m + 1}-1${m}`, location: 'Aalborg Rådhus' });
      await call(backend, 'agenda.applyTemplate', { meetingId: meeting.id });
      for (let i = 0; i < NEW_ITEMS; i++) {
        const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: `Nyt punkt ${i + 1} fra den anden bærbar` });
        await call(backend, 'agenda.update', {
          id: item.id,
          revision: item.revision,
          patch: {
            caseNumber: `27.00.00-A00-${m}${i}-27`,
            resume: `<p>Resumé af punkt ${i + 1} på møde ${m + 1}.</p>`,
            caseText: `<p>${'Sagsfremstilling med en del tekst om tilbud, takster og pladser. '.repeat(20)}</p>`,
            recommendations: ['Sekretariatet indstiller, at orienteringen tages til efterretning', 'at sagen genoptages på næste møde'],
            guests: [{ name: 'Gæst fra kommunen', title: 'Konsulent', organisation: 'Aalborg Kommune', attended: false }],
          },
        });
        const size = Math.round(NEW_FILE_BYTES[0] + next() * (NEW_FILE_BYTES[1] - NEW_FILE_BYTES[0]));
        const bytes = randomBytes(size);
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
        const stored = await backend.files!.storeStream(Readable.from([bytes]), `skanning-${m + 1}-${i + 1}.png`);
        await call(backend, 'attachments.add', { itemId: item.id, sha256: stored.sha256, fileName: stored.fileName, title: `Skanning ${i + 1}` });
      }
    }
  } finally {
    await backend.close();
  }
  importPackage = join(work, 'import.sekretariat');
  await runCliOrThrow(['export', '--scope', 'all', '--out', importPackage], source);
  importTemplateFiles = new Set(storedFiles(importTemplate));
  // The checks below count on it: before the import, every `files` row has its file.
  const problems = checkFileStore(importTemplate);
  if (problems.length > 0) throw new Error(`the import trials' target: ${problems.join('; ')}`);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sekretariat-crash-'));
  // The bundle's own folder layout: <work>/out/host/cli.mjs, with package.json (the app version) two levels up and
  // the project's node_modules (better-sqlite3, exceljs) beside it.
  copyFileSync(join(ROOT, 'package.json'), join(work, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', absWorkingDir: ROOT } as const;
  await Promise.all([
    build({ ...common, format: 'cjs', external: ['electron', 'better-sqlite3'], entryPoints: ['electron/backend/files/extract-worker.ts'], outfile: join(work, 'out/host/extract-worker.cjs') }),
    build({
      ...common,
      format: 'esm',
      entryPoints: { cli: 'electron/host/cli-entry.ts' },
      outdir: join(work, 'out/host'),
      outExtension: { '.js': '.mjs' },
      external: ['electron', 'better-sqlite3', 'playwright-core', 'exceljs'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
  ]);
  cli = join(work, 'out/host/cli.mjs');

  template = join(work, 'template');
  const demo = spawnSync(process.execPath, [cli, 'demo'], { cwd: ROOT, env: { ...process.env, SEKRETARIAT_DATA_DIR: template }, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  await settleTextExtraction(template);
  restoreSource = join(work, 'demo-backup.db');
  const raw = new Database(dbIn(template));
  await raw.backup(restoreSource);
  raw.close();
  // The state the restore replaces: the demo data with changes in several tables.
  restoreTemplate = join(work, 'restore-template');
  cpSync(template, restoreTemplate, { recursive: true });
  const changed = new Database(dbIn(restoreTemplate));
  changed.exec(`
    UPDATE meetings SET location = location || ' (flyttet)';
    UPDATE agenda_items SET title = title || ' (ændret)';
    DELETE FROM item_guests;
    UPDATE settings SET value = 'false' WHERE key = 'welcome_done';
  `);
  changed.close();

  await prepareImport();

  const startups: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) startups.push(cpuOf(await runCli(['--help'], template, work)));
  startupCpuMs = median(startups);
  for (const op of Object.keys(TRIALS) as Operation[]) baselines.set(op, await measureBaseline(op));
  console.log(
    `crash-safety seed ${SEED} (repeat with CRASH_SEED=${SEED}); median CPU time of the start-up ${Math.round(startupCpuMs)} ms; ` +
      [...baselines]
        .map(([op, b]) => `${op} ${Math.round(b.cpuMs)} ms CPU in ${Math.round(b.ms)} ms${b.readOnlyCpuMs !== undefined ? ` (read-only part ${Math.round(b.readOnlyCpuMs)} ms CPU)` : ''}`)
        .join(', '),
  );
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * The files an interrupted backup, restore or import left in the backup folder; returns problems found. Besides the
 * database copies: a summary beside a whole backup must be whole and its files in the backup folder's store, and every
 * file in that store must hash to its name.
 */
function checkBackupFolder(dataDir: string, backupsBefore: Set<string>, before: string, mask?: Mask): string[] {
  const problems: string[] = [...checkBackupStore(dataDir)];
  for (const name of readdirSync(backupsIn(dataDir))) {
    if (name === BACKUP_FILES_DIR || PARTIAL_NAME.test(name) || SUMMARY_TEMP.test(name)) continue;
    if (name.endsWith(SUMMARY_SUFFIX)) {
      const backup = join(backupsIn(dataDir), name.replace(SUMMARY_SUFFIX, '.db'));
      // A summary whose backup never got its name is left for the next rotation, like a partial file.
      if (!existsSync(backup)) continue;
      const summary = readFilesSummary(backup);
      if (!summary) problems.push(`summary ${name} cannot be read`);
      else {
        const present = filesOfDatabase(backup).filter((f) => existsSync(join(backupsIn(dataDir), BACKUP_FILES_DIR, f.sha256.slice(0, 2), f.sha256))).length;
        if (present < summary.count) problems.push(`backup ${name} says it carries ${summary.count} files, the store has ${present} of them`);
      }
      continue;
    }
    if (backupsBefore.has(name)) continue;
    if (!BACKUP_NAME.test(name)) {
      problems.push(`unexpected file in the backup folder: ${name}`);
      continue;
    }
    try {
      // A backup stands alone: read-only, no WAL beside it; and it is a copy of the state the operation started from.
      if (inspectDatabase(join(backupsIn(dataDir), name), { readonly: true, mask }) !== before) problems.push(`backup ${name} is not a copy of the state before`);
    } catch (error) {
      problems.push(`backup ${name} is not a usable database: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Every file in the backup folder's attachment store under a final name hashes to that name. */
function checkBackupStore(dataDir: string): string[] {
  const store = join(backupsIn(dataDir), BACKUP_FILES_DIR);
  if (!existsSync(store)) return [];
  const problems: string[] = [];
  for (const prefix of readdirSync(store).filter((p) => p !== 'tmp')) {
    for (const name of readdirSync(join(store, prefix))) {
      const sha256 = createHash('sha256').update(readFileSync(join(store, prefix, name))).digest('hex');
      if (sha256 !== name || !name.startsWith(prefix)) problems.push(`the backup folder's file ${prefix}/${name} is incomplete or misplaced`);
    }
  }
  return problems;
}

/**
 * The next run beside the leftovers: lists only whole backups and takes a new one. With a partial left, the clock is
 * set to its second, so the new backup picks the very same temporary name.
 */
async function checkNextBackup(dataDir: string): Promise<string[]> {
  const leftover = readdirSync(backupsIn(dataDir)).find((n) => n.endsWith(`.db${PARTIAL_SUFFIX}`));
  const stamp = leftover ? /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(leftover) : null;
  const clock = stamp ? new Date(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!, +stamp[6]!) : new Date();
  const backend = await openBackend({ databaseFile: dbIn(dataDir), backupDir: backupsIn(dataDir), appVersion: '0.0.0-crash', now: () => new Date(clock), log: { error: () => {} } });
  const problems: string[] = [];
  try {
    const listed = await backend.backups.list();
    const bad = listed.filter((e) => !BACKUP_NAME.test(e.fileName));
    if (bad.length > 0) problems.push(`list shows non-backups: ${bad.map((e) => e.fileName).join(', ')}`);
    const state = fingerprint(backend.database.raw);
    const entry = await backend.backups.create('manual');
    try {
      if (inspectDatabase(join(backupsIn(dataDir), entry.fileName), { readonly: true }) !== state) problems.push(`the next backup ${entry.fileName} differs from the database`);
    } catch (error) {
      problems.push(`the next backup ${entry.fileName} is not usable: ${(error as Error).message}`);
    }
  } catch (error) {
    problems.push(`the next backup failed: ${(error as Error).message}`);
  } finally {
    await backend.close();
  }
  return problems;
}

/** An export's target: absent, or a package the validator accepts; beside it only the temporary file. */
async function checkExport(trialDir: string): Promise<string[]> {
  const problems: string[] = [];
  const target = join(trialDir, 'pakke.sekretariat');
  for (const name of readdirSync(trialDir)) {
    if (name === 'data' || name === 'tmp' || name === 'pakke.sekretariat') continue;
    if (!/^\.pakke\.sekretariat\.[0-9a-f]{8}\.part$/.test(name)) problems.push(`unexpected file beside the package: ${name}`);
  }
  if (existsSync(target)) {
    const result = await readPackage(target);
    if (!result.ok) problems.push(`the package at the target is refused: ${result.problems[0]?.message}`);
    else if (result.summary.files.count === 0) problems.push('the package at the target has no attachment files');
  }
  return problems;
}

/**
 * The file store after an import: every file under a final name is complete (its content hashes to its name), and
 * every `files` row of the database has its file (the import copies the files before it writes a row).
 */
function checkFileStore(dataDir: string): string[] {
  const problems: string[] = [];
  for (const path of storedFiles(dataDir)) {
    const [prefix, name] = path.split('/') as [string, string];
    const sha256 = createHash('sha256').update(readFileSync(join(dataDir, 'files', path))).digest('hex');
    if (sha256 !== name || !name.startsWith(prefix)) problems.push(`the stored file ${path} is incomplete or misplaced (its content hashes to ${sha256})`);
  }
  const raw = new Database(dbIn(dataDir), { readonly: true, fileMustExist: true });
  try {
    const rows = raw.prepare('SELECT sha256 FROM files').all() as { sha256: string }[];
    const missing = rows.filter((r) => !existsSync(join(dataDir, 'files', r.sha256.slice(0, 2), r.sha256)));
    if (missing.length > 0) problems.push(`${missing.length} files row(s) without their file in the store, e.g. ${missing[0]!.sha256}`);
  } finally {
    raw.close();
  }
  return problems;
}

/**
 * After an interrupted import: the file store as above; then the same import once more, uninterrupted, beside whatever
 * the crash left (files copied, temporary files, a partial or whole backup): it ends in the state after, with the
 * store still whole and every new backup a copy of the state before.
 */
async function checkImport(trial: Trial, baseline: Baseline): Promise<string[]> {
  const problems = checkFileStore(trial.dataDir);
  const rerun = await runCli(SPECS.import.args(trial.trialDir), trial.dataDir, trial.trialTmp);
  const again = (p: string) => `import run again: ${p}`;
  if (rerun.code !== 0) problems.push(again(`exited with ${rerun.code}: ${rerun.stderr.trim()}`));
  try {
    if (inspectDatabase(dbIn(trial.dataDir), SPECS.import) !== baseline.after) problems.push(again('the database is not the state after'));
  } catch (error) {
    problems.push(again(`database: ${(error as Error).message}`));
  }
  problems.push(...checkFileStore(trial.dataDir).map(again));
  problems.push(...checkBackupFolder(trial.dataDir, trial.backupsBefore, baseline.before, SPECS.import.mask).map(again));
  return problems;
}

/** Where an import was killed, from its traces: the backup is taken after the files are copied, before the transaction. */
function importPhase(trial: Trial, state: 'before' | 'after' | null): string {
  if (state === 'after') return 'after the commit';
  const added = readdirSync(backupsIn(trial.dataDir)).filter((n) => !trial.backupsBefore.has(n));
  if (added.some((n) => BACKUP_NAME.test(n) && n.includes('-import'))) return 'transaction';
  if (added.some((n) => PARTIAL_NAME.test(n))) return 'backup';
  if (copyLeftovers(trial.dataDir).length > 0 || storedFiles(trial.dataDir).some((f) => !importTemplateFiles.has(f))) return 'copying files';
  return 'validation';
}

interface Tally {
  killed: number;
  completed: number;
  before: number;
  after: number;
  leftovers: number;
}

async function trials(op: Operation): Promise<{ failures: string[]; tally: Tally }> {
  const baseline = baselines.get(op)!;
  const spec = SPECS[op];
  // Each operation its own stream, so changing one count does not move another's kill points.
  const next = random(SEED ^ Math.imul(0x9e3779b1, Object.keys(TRIALS).indexOf(op) + 1));
  const from = Math.max(startupCpuMs * 0.8, baseline.readOnlyCpuMs ?? 0);
  const to = Math.max(baseline.cpuMs, from + 20);
  const failures: string[] = [];
  const tally: Tally = { killed: 0, completed: 0, before: 0, after: 0, leftovers: 0 };
  const phases = new Map<string, number>();
  for (let i = 0; i < TRIALS[op]; i++) {
    const point = Math.round(from + next() * (to - from));
    const label = `${op} trial ${i + 1} (seed ${SEED}, kill at ${point} ms of CPU time)`;
    const trial = prepareTrial(op);
    const { trialDir, dataDir, trialTmp, backupsBefore } = trial;
    const run = await runCli(spec.args(trialDir), dataDir, trialTmp, point);
    const problems: string[] = [];
    if (run.killed) tally.killed++;
    else if (run.code === 0) tally.completed++;
    else problems.push(`exited with ${run.code}: ${run.stderr.trim()}`);

    let state: string | null = null;
    try {
      state = inspectDatabase(dbIn(dataDir), spec);
    } catch (error) {
      problems.push(`database: ${(error as Error).message}`);
    }
    const matched = state === null ? null : state === baseline.before ? 'before' : state === baseline.after ? 'after' : null;
    if (matched) tally[matched]++;
    else if (state !== null) problems.push('database content is neither the state before nor the state after');
    if (spec.phase && run.killed) {
      const phase = spec.phase(trial, matched);
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
    }
    problems.push(...checkBackupFolder(dataDir, backupsBefore, baseline.before, spec.mask));
    // Traces of an operation cut off half-way: a partial backup, the restore's working copy, the export's temporary
    // file, the import's temporary copy of an attachment file.
    const leftovers = [
      ...readdirSync(backupsIn(dataDir)).filter((n) => PARTIAL_NAME.test(n) || SUMMARY_TEMP.test(n)),
      ...(existsSync(join(backupsIn(dataDir), BACKUP_FILES_DIR, 'tmp')) ? readdirSync(join(backupsIn(dataDir), BACKUP_FILES_DIR, 'tmp')) : []),
      ...readdirSync(trialTmp),
      ...readdirSync(trialDir).filter((n) => n.endsWith('.part')),
      ...copyLeftovers(dataDir),
    ];
    if (leftovers.length > 0) tally.leftovers++;
    problems.push(...(await spec.check(trial, baseline)));

    failures.push(...problems.map((p) => `${label}: ${p}`));
    rmSync(trialDir, { recursive: true, force: true });
  }
  console.log(
    `${op}: ${TRIALS[op]} trials, kills at ${Math.round(from)}–${Math.round(to)} ms of CPU time: ${tally.killed} killed, ${tally.completed} completed; ` +
      `database before ${tally.before}, after ${tally.after}; cut off half-way (temporary files left) ${tally.leftovers}` +
      (phases.size > 0 ? `; killed during ${[...phases].map(([phase, n]) => `${phase} ${n}`).join(', ')}` : ''),
  );
  return { failures, tally };
}

describe('crash safety: SIGKILL at random moments', () => {
  it(`restore of a backup that differs from the current state (${TRIALS.restore} trials)`, async () => {
    const { before, after } = baselines.get('restore')!;
    expect(after).not.toBe(before);
    const { failures } = await trials('restore');
    expect(failures).toEqual([]);
  }, 600_000);

  it(`manual backup (${TRIALS.backup} trials)`, async () => {
    const { failures } = await trials('backup');
    expect(failures).toEqual([]);
  }, 600_000);

  it(`export of the whole database with its attachments (${TRIALS.export} trials)`, async () => {
    const { failures } = await trials('export');
    expect(failures).toEqual([]);
  }, 600_000);

  it(`import of a package with new, changed and deleted records and new attachment files (${TRIALS.import} trials)`, async () => {
    const { before, after } = baselines.get('import')!;
    expect(after).not.toBe(before);
    const { failures, tally } = await trials('import');
    expect(failures).toEqual([]);
    // Most kills must land inside the import (the points start where its read-only part ends), not after it ended.
    expect(tally.killed).toBeGreaterThan(TRIALS.import / 2);
  }, 600_000);
});
