/**
 * Child process of `test/bench/exchange.ts` (not run on its own): one export, one validation or one import of an
 * exchange package, alone in a fresh process so its resident memory is its own. Prints one line of JSON with the wall
 * time, the sizes, and this process's resident memory: sampled every 50 ms with process.memoryUsage.rss(), plus the
 * kernel's high-water mark (VmHWM), which also catches a peak while the event loop is busy and no sample can run.
 *
 *   node --import tsx test/bench/exchange-child.ts export <databaseFile> <scope json> <target> <backupDir>
 *   node --import tsx test/bench/exchange-child.ts validate <databaseFile> <package>
 *   node --import tsx test/bench/exchange-child.ts import <databaseFile> <package> <backupDir>
 *   node --import tsx test/bench/exchange-child.ts preview-import <databaseFile> <package> <backupDir>
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { DB } from '../../db/schema';
import { openBackend } from '../../electron/backend/backend';
import { applyImport } from '../../electron/backend/exchange/apply';
import { planImport, previewImport, readForImport } from '../../electron/backend/exchange/merge';
import { writePackage } from '../../electron/backend/exchange/write-package';
import type { ExchangeScope } from '../../shared/exchange/manifest';
import { highWaterMark } from './documents-pack-child';

/** Samples this process's RSS every 50 ms until stopped; returns the peak seen and the RSS at the start. */
function rssSampler() {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return {
    before,
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

async function exportPackage(databaseFile: string, scope: ExchangeScope, target: string, backupDir: string) {
  // As the command line's `export`: the backend opened on the database, then the writer.
  const backend = await openBackend({ databaseFile, appVersion: 'bench', backupDir });
  await backend.files?.idle();
  const sampler = rssSampler();
  const t0 = performance.now();
  const summary = await writePackage({
    db: backend.database.db,
    databaseFile: backend.database.file,
    files: backend.files,
    scope,
    target,
    appVersion: 'bench',
    schemaVersion: backend.database.migration.to,
  });
  const ms = performance.now() - t0;
  const peakRss = sampler.stop();
  await backend.close();
  const records = Object.values(summary.counts).reduce((n, c) => n + c.records, 0);
  return { ms, bytes: summary.bytes, records, files: summary.files, rssBefore: sampler.before, peakRss, vmHwm: highWaterMark() };
}

async function validatePackage(databaseFile: string, file: string) {
  // As the import preview: the receiving database opened read-only, the package read completely, then the three-way plan.
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(databaseFile, { readonly: true, fileMustExist: true }) }) });
  const sampler = rssSampler();
  const t0 = performance.now();
  const read = await readForImport(db, file);
  const ms = performance.now() - t0;
  if (!read.ok) throw new Error(`readForImport: ${read.problems[0]!.message}`);
  const t1 = performance.now();
  await planImport(db, read);
  const compareMs = performance.now() - t1;
  const peakRss = sampler.stop();
  await db.destroy();
  return { ms, compareMs, bytes: read.summary.bytes, files: { count: read.summary.files.count, bytes: read.summary.files.bytes }, rssBefore: sampler.before, peakRss, vmHwm: highWaterMark() };
}

/**
 * As the command line's `import FILE` (on conflict: mine): the backend opened on the receiving database (made empty
 * when there is none), then applyImport. The steps' times are read from the outside, by the first call the import
 * makes into the file store (the copying starts after the validation and the plan) and around its backup (the
 * transaction follows it): validation and plan, copying, backup, transaction.
 */
async function importPackage(databaseFile: string, file: string, backupDir: string, afterPreview = false) {
  const backend = await openBackend({ databaseFile, appVersion: 'bench', backupDir });
  // As the window does it: the preview first, its checked read kept for the import (exchange.preview, then exchange.import).
  const p0 = performance.now();
  const previewed = afterPreview ? await previewImport(backend.database.db, file) : null;
  const previewMs = performance.now() - p0;
  if (previewed && !previewed.ok) throw new Error(`previewImport: ${previewed.problems[0]!.message}`);
  const { files, backups } = backend;
  // Text extraction runs in the background after an import (and, on opening, for files a first import left
  // pending): stopped, so that the figures are the import's alone and the second import does not run beside it.
  await files?.text.close();
  const marks: Partial<Record<'copy' | 'backup' | 'backupDone', number>> = {};
  const markedFiles = files && new Proxy(files, {
    get(target, property, receiver) {
      if (property === 'exists') {
        return (sha256: string) => {
          marks.copy ??= performance.now();
          return target.exists(sha256);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const markedBackups = {
    ...backups,
    create: async (kind: Parameters<typeof backups.create>[0]) => {
      marks.backup = performance.now();
      const entry = await backups.create(kind);
      marks.backupDone = performance.now();
      return entry;
    },
  };
  const sampler = rssSampler();
  // How long the event loop was held at most: the desktop app's window waits that long for any answer.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const result = await applyImport({ db: backend.database.db, files: markedFiles, backups: markedBackups }, file, { default: 'mine' }, { checked: previewed?.read });
  const t1 = performance.now();
  loop.disable();
  const peakRss = sampler.stop();
  const vmHwm = highWaterMark();
  await backend.close();
  if (!result.ok) throw new Error(`applyImport: ${result.problems[0]!.message}`);
  const { report } = result;
  const { summary } = report.preview;
  const records = Object.values(summary.entities).reduce((n, e) => n + e.count, 0);
  const phases =
    marks.copy !== undefined && marks.backup !== undefined && marks.backupDone !== undefined
      ? { validate: marks.copy - t0, copy: marks.backup - marks.copy, backup: marks.backupDone - marks.backup, transaction: t1 - marks.backupDone }
      : undefined;
  return {
    ms: t1 - t0,
    ...(afterPreview ? { previewMs } : {}),
    bytes: summary.bytes,
    records,
    files: { count: summary.files.count, bytes: summary.files.bytes },
    filesCopied: report.filesCopied,
    alreadyImported: report.preview.alreadyImported,
    applied: report.applied,
    phases,
    loopBlockMs: loop.max / 1e6,
    rssBefore: sampler.before,
    peakRss,
    vmHwm,
  };
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'export' && args.length === 4) {
  console.log(JSON.stringify(await exportPackage(args[0]!, JSON.parse(args[1]!) as ExchangeScope, args[2]!, args[3]!)));
} else if (mode === 'validate' && args.length === 2) {
  console.log(JSON.stringify(await validatePackage(args[0]!, args[1]!)));
} else if (mode === 'import' && args.length === 3) {
  console.log(JSON.stringify(await importPackage(args[0]!, args[1]!, args[2]!)));
} else if (mode === 'preview-import' && args.length === 3) {
  console.log(JSON.stringify(await importPackage(args[0]!, args[1]!, args[2]!, true)));
} else {
  throw new Error('Brug: exchange-child.ts export <databaseFile> <scope> <target> <backupDir> | validate <databaseFile> <package> | import <databaseFile> <package> <backupDir> | preview-import <databaseFile> <package> <backupDir>');
}
