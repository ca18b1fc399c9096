/**
 * Crash safety (issue 6): the command line is killed with SIGKILL at random moments during a restore, a manual
 * backup and an export, and the parent then checks what a crash leaves behind:
 *
 * - the database opens, `PRAGMA integrity_check` is ok, and its content is either the state before or the state
 *   after the operation, never a mix (a SHA-256 over every table's rows, the fingerprints taken from uninterrupted runs);
 * - every file in the backup folder with a backup's final name is a complete, intact copy of the state before;
 *   partial files only under their temporary names, and the next list and backup still work beside them;
 * - no file at an export's target unless it is a complete package the validator (read-package.ts) accepts.
 *
 * The child is the command line bundled from the current sources with the same esbuild options as out/host/cli.mjs
 * (what `npm start` runs): it starts in half a second where tsx needs four, so the trials fit the time. Nothing under
 * out/ is read or written. The kill delays are spread over each operation's measured run, from the end of the
 * measured start-up to the measured end, by a seeded generator: the seed is printed, and `CRASH_SEED=<n>` repeats
 * the same delays (the moment a delay hits still depends on the machine's speed).
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTIAL_SUFFIX } from '../../db/backup';
import { openBackend } from '../../electron/backend/backend';
import { readPackage } from '../../electron/backend/exchange/read-package';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
const TRIALS = { restore: 20, backup: 15, export: 15 } as const;
type Operation = keyof typeof TRIALS;

/** mulberry32: small, seedable, good enough to spread delays. */
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
/** Start-up of the child (loading the bundle, parsing the arguments), measured by an uninterrupted `--help`. */
let startupMs: number;

const dbIn = (dataDir: string) => join(dataDir, 'sekretariat.db');
const backupsIn = (dataDir: string) => join(dataDir, 'backups');
const BACKUP_NAME = /^\d{8}-\d{6}-[a-z-]+?(?:-\d+)?\.db$/;
/** What an interrupted backup may leave: the temporary file and SQLite's files beside it. */
const PARTIAL_NAME = new RegExp(`\\.db${PARTIAL_SUFFIX.replace('.', '\\.')}(?:-wal|-shm|-journal)?$`);

/** Every row of every table (the FTS index's shadow tables included), hashed: equal hashes mean equal content. */
function fingerprint(raw: Database.Database, { maskInstallation = false } = {}): string {
  const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const rows = (raw.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as Record<string, unknown>[]).map((row) => {
      // The export makes the installation id on first use: a random UUID and the time, a different value every run.
      if (maskInstallation && name === 'settings' && row.key === 'installation_id') row = { ...row, value: '*', updated_at: '*' };
      return JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
    });
    hash.update(`${name}\n${rows.sort().join('\n')}\n`);
  }
  return hash.digest('hex');
}

/** Opens the database as the app would (recovering a WAL left by the kill); throws a readable problem. */
function inspectDatabase(file: string, options: { maskInstallation?: boolean; readonly?: boolean } = {}): string {
  const raw = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  try {
    const integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') throw new Error(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    return fingerprint(raw, options);
  } finally {
    raw.close();
  }
}

interface Run {
  ms: number;
  killed: boolean;
  code: number | null;
  stderr: string;
}

/** Runs the bundled command line in `trialDir`, killing it with SIGKILL after `killAfterMs` unless it ended. */
function runCli(args: string[], dataDir: string, trialTmp: string, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: ROOT,
      // The restore's working copy goes to os.tmpdir(): kept in the trial's folder so leftovers are seen and removed.
      env: { ...process.env, SEKRETARIAT_DATA_DIR: dataDir, TMPDIR: trialTmp },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

interface Spec {
  args: (trialDir: string) => string[];
  template: () => string;
  maskInstallation: boolean;
}

const SPECS: Record<Operation, Spec> = {
  restore: { args: () => ['restore', restoreSource], template: () => restoreTemplate, maskInstallation: false },
  backup: { args: () => ['backup'], template: () => template, maskInstallation: false },
  export: { args: (trialDir) => ['export', '--scope', 'all', '--out', join(trialDir, 'pakke.sekretariat')], template: () => template, maskInstallation: true },
};

interface Baseline {
  before: string;
  after: string;
  ms: number;
}
const baselines = new Map<Operation, Baseline>();

let trialCounter = 0;
/** A fresh copy of the operation's data folder, with a temp folder of its own. */
function prepareTrial(op: Operation): { trialDir: string; dataDir: string; trialTmp: string; backupsBefore: Set<string> } {
  const trialDir = join(work, `${op}-${++trialCounter}`);
  const dataDir = join(trialDir, 'data');
  const trialTmp = join(trialDir, 'tmp');
  cpSync(SPECS[op].template(), dataDir, { recursive: true });
  mkdirSync(trialTmp);
  return { trialDir, dataDir, trialTmp, backupsBefore: new Set(readdirSync(backupsIn(dataDir))) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const BASELINE_RUNS = 3;

/** Uninterrupted runs: the states before and after (the same every run) and the median duration. */
async function measureBaseline(op: Operation): Promise<Baseline> {
  const spec = SPECS[op];
  const times: number[] = [];
  let states: { before: string; after: string } | undefined;
  for (let i = 0; i < BASELINE_RUNS; i++) {
    const { trialDir, dataDir, trialTmp } = prepareTrial(op);
    const before = inspectDatabase(dbIn(dataDir), spec);
    const run = await runCli(spec.args(trialDir), dataDir, trialTmp);
    if (run.code !== 0) throw new Error(`${op} failed uninterrupted (exit ${run.code}): ${run.stderr}`);
    const after = inspectDatabase(dbIn(dataDir), spec);
    if (states && (states.before !== before || states.after !== after)) throw new Error(`${op}: uninterrupted runs end in different states`);
    states = { before, after };
    times.push(run.ms);
    rmSync(trialDir, { recursive: true, force: true });
  }
  return { ...states!, ms: median(times) };
}

/**
 * The demo command ends before the text of every attachment is extracted, and each later start resumes the rest in
 * the background, writing to the database during the operation under test: finished here, the states are fixed.
 * The bundled host in browser mode does it with the bundled worker (seconds, where tsx's would take a minute);
 * it only checks that the renderer's folder exists, so an empty one is enough.
 */
async function settleTextExtraction(dataDir: string): Promise<void> {
  mkdirSync(join(work, 'out', 'renderer'), { recursive: true });
  const server = spawn(process.execPath, [cli, 'serve'], { cwd: ROOT, env: { ...process.env, SEKRETARIAT_DATA_DIR: dataDir }, stdio: 'ignore' });
  const ended = new Promise((resolve) => server.on('exit', resolve));
  try {
    const deadline = Date.now() + 60_000;
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

  const startups: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) startups.push((await runCli(['--help'], template, work)).ms);
  startupMs = median(startups);
  for (const op of Object.keys(TRIALS) as Operation[]) baselines.set(op, await measureBaseline(op));
  console.log(
    `crash-safety seed ${SEED} (repeat with CRASH_SEED=${SEED}); median start-up ${Math.round(startupMs)} ms; ` +
      [...baselines].map(([op, b]) => `${op} ${Math.round(b.ms)} ms`).join(', '),
  );
}, 90_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The files an interrupted backup or restore left in the backup folder; returns problems found. */
function checkBackupFolder(dataDir: string, backupsBefore: Set<string>, before: string): string[] {
  const problems: string[] = [];
  for (const name of readdirSync(backupsIn(dataDir))) {
    if (backupsBefore.has(name)) continue;
    if (PARTIAL_NAME.test(name)) continue;
    if (!BACKUP_NAME.test(name)) {
      problems.push(`unexpected file in the backup folder: ${name}`);
      continue;
    }
    try {
      // A backup stands alone: read-only, no WAL beside it; and it is a copy of the state the operation started from.
      if (inspectDatabase(join(backupsIn(dataDir), name), { readonly: true }) !== before) problems.push(`backup ${name} is not a copy of the state before`);
    } catch (error) {
      problems.push(`backup ${name} is not a usable database: ${(error as Error).message}`);
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
  // Each operation its own stream, so changing one count does not move another's delays.
  const next = random(SEED ^ Math.imul(0x9e3779b1, Object.keys(TRIALS).indexOf(op) + 1));
  const from = startupMs * 0.8;
  const to = Math.max(baseline.ms, from + 50);
  const failures: string[] = [];
  const tally: Tally = { killed: 0, completed: 0, before: 0, after: 0, leftovers: 0 };
  for (let i = 0; i < TRIALS[op]; i++) {
    const delay = Math.round(from + next() * (to - from));
    const label = `${op} trial ${i + 1} (seed ${SEED}, kill after ${delay} ms)`;
    const { trialDir, dataDir, trialTmp, backupsBefore } = prepareTrial(op);
    const run = await runCli(spec.args(trialDir), dataDir, trialTmp, delay);
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
    if (state !== null) {
      if (state === baseline.before) tally.before++;
      else if (state === baseline.after) tally.after++;
      else problems.push('database content is neither the state before nor the state after');
    }
    problems.push(...checkBackupFolder(dataDir, backupsBefore, baseline.before));
    // Traces of an operation cut off half-way: a partial backup, the restore's working copy, the export's temporary file.
    const leftovers = [
      ...readdirSync(backupsIn(dataDir)).filter((n) => PARTIAL_NAME.test(n)),
      ...readdirSync(trialTmp),
      ...readdirSync(trialDir).filter((n) => n.endsWith('.part')),
    ];
    if (leftovers.length > 0) tally.leftovers++;
    if (op === 'export') problems.push(...(await checkExport(trialDir)));
    else problems.push(...(await checkNextBackup(dataDir)));

    failures.push(...problems.map((p) => `${label}: ${p}`));
    rmSync(trialDir, { recursive: true, force: true });
  }
  console.log(
    `${op}: ${TRIALS[op]} trials, delays ${Math.round(from)}–${Math.round(to)} ms: ${tally.killed} killed, ${tally.completed} completed; ` +
      `database before ${tally.before}, after ${tally.after}; cut off half-way (temporary files left) ${tally.leftovers}`,
  );
  return { failures, tally };
}

describe('crash safety: SIGKILL at random moments', () => {
  it(`restore of a backup that differs from the current state (${TRIALS.restore} trials)`, async () => {
    const { before, after } = baselines.get('restore')!;
    expect(after).not.toBe(before);
    const { failures } = await trials('restore');
    expect(failures).toEqual([]);
  }, 60_000);

  it(`manual backup (${TRIALS.backup} trials)`, async () => {
    const { failures } = await trials('backup');
    expect(failures).toEqual([]);
  }, 60_000);

  it(`export of the whole database with its attachments (${TRIALS.export} trials)`, async () => {
    const { failures } = await trials('export');
    expect(failures).toEqual([]);
  }, 60_000);

  // Import is not built yet (import FILE without --dry-run refuses). When it is: add an `import` entry to TRIALS and
  // SPECS (a package exported from a changed copy of the demo data, imported into the template; before = the template,
  // after = an uninterrupted import) and check the pre-import backup with checkBackupFolder as for restore.
  it.todo('import of an exchange package (not built yet)');
});
