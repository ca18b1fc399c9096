/**
 * Issue 13 figures for backups that carry their attachment files: `npm run -s bench:backups` (a few minutes the first
 * time, when the input is generated — attachments-input.ts, shared with bench:exchange; reruns reuse it). Nothing here
 * is a pass/fail test.
 *
 * A data folder made from the cached input: a copy of the ten-year database and a file store holding the input's 1 GB
 * of attachments (hard links to the cache, so nothing is copied). Measured in this process, with a warm page cache:
 *  (a) the first daily backup into an empty backup folder: the database copy, then every attachment file put into the
 *      backup folder's store (checked against its hash, then hard-linked), and the disk that added;
 *  (b) the same first backup where hard links are impossible (every file copied), and its disk;
 *  (c) the next day's daily backup after a day's work (a meeting with an item and 5 new scans of 1 MB each), and
 *      its disk;
 *  (d) a backup in one file (`backup --out`): time and size;
 *  (e) that file restored into an empty data folder (a new laptop: the database and every file unpacked and checked);
 *  (f) a backup of the backup folder restored by its path into an empty data folder (the folder carried along).
 * Disk added = the blocks of the files that are new on the disk: a hard link to a file already there adds none.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { copyFile } from 'node:fs/promises';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { createBackupService } from '../../electron/backend/services/backups';
import { attachmentsInput, mb, s } from './attachments-input';

const DAY = 24 * 60 * 60 * 1000;
const NEW_FILES = 5;
const rows: [string, string][] = [];
const record = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label}: ${value}`);
};

/** Every file below `dir` once per inode, with the bytes it takes on disk. */
function inodes(dir: string, into = new Map<string, number>()): Map<string, number> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) inodes(path, into);
    else if (entry.isFile()) {
      const stat = statSync(path);
      into.set(`${stat.dev}:${stat.ino}`, stat.blocks * 512);
    }
  }
  return into;
}

/** The disk taken by files below `dir` that are not among `before` (the data folder and earlier backups). */
const added = (dir: string, before: Map<string, number>) => [...inodes(dir)].reduce((sum, [key, bytes]) => sum + (before.has(key) ? 0 : bytes), 0);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

/** Hard-links every file of the input's store into `target` (same layout). */
function linkTree(source: string, target: string) {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(source, entry.name), join(target, entry.name));
    else linkSync(join(source, entry.name), join(target, entry.name));
  }
}

const data = await attachmentsInput();
const work = mkdtempSync(join(data.dir, 'backup-koersel-'));
let backend: Backend | null = null;
try {
  // The data folder: the database copied (it is written to), the attachment files linked from the cache.
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  const databaseFile = join(dataDir, 'sekretariat.db');
  await copyFile(data.databaseFile, databaseFile);
  linkTree(data.filesDir, join(dataDir, 'files'));
  const backupDir = join(dataDir, 'backups');
  let clock = new Date(2026, 10, 23, 1, 45, 0);
  backend = await openBackend({ databaseFile, backupDir, appVersion: 'bench', now: () => new Date(clock), log: { error: (...args: unknown[]) => console.error(...args) } });
  await backend.files?.idle();
  const databaseBytes = statSync(databaseFile).size;
  console.log(`Input: database ${mb(databaseBytes)}, ${data.attachments} bilagsfiler ${mb(data.fileBytes)} (${data.dir})`);
  // Opening took the day's backup; measured again from an empty backup folder.
  rmSync(backupDir, { recursive: true, force: true });
  const dataInodes = inodes(dataDir);

  // (a) The first backup, files linked.
  const first = await timed(() => backend!.backups.create('daily'));
  const firstDisk = added(backupDir, dataInodes);
  record(
    'Første daglige sikkerhedskopi (hårde links)',
    `${s(first.ms)} · ${first.value.files!.count} bilagsfiler ${mb(first.value.files!.bytes)} med · disk brugt ${mb(firstDisk)} (databasen ${mb(first.value.bytes)})`,
  );

  // (b) The same where links are impossible: every file copied.
  const copyDir = join(work, 'kopier');
  const copying = createBackupService({
    database: backend.database,
    dir: copyDir,
    files: backend.files,
    appVersion: 'bench',
    now: () => new Date(clock),
    emit: () => {},
    log: (message, error) => console.error(message, error),
    linkFiles: false,
  });
  const copied = await timed(() => copying.create('daily'));
  await copying.close();
  record('Første daglige sikkerhedskopi (kopier, hvor links ikke kan bruges)', `${s(copied.ms)} · disk brugt ${mb(added(copyDir, dataInodes))}`);
  rmSync(copyDir, { recursive: true, force: true });

  // (c) The next day: a day's work, then the daily backup.
  const before = inodes(dataDir);
  const bodies = (await backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
  const meeting = (await backend.call('meetings.create', { bodyId: bodies.data.find((b) => b.code === 'DAS')!.id, date: '2026-11-24' })) as { ok: true; data: { id: string } };
  const item = (await backend.call('agenda.create', { meetingId: meeting.data.id, title: 'Dagens punkt' })) as { ok: true; data: { id: string } };
  for (let i = 0; i < NEW_FILES; i++) {
    // Scans (a PNG header on incompressible bytes): no text to extract meanwhile.
    const bytes = randomBytes(1024 * 1024);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    const stored = await backend.files!.storeStream(Readable.from([bytes]), `Scanning ${i + 1}.png`);
    await backend.call('attachments.add', { itemId: item.data.id, sha256: stored.sha256, fileName: stored.fileName });
  }
  await backend.files?.idle();
  const filesBefore = inodes(join(dataDir, 'files'));
  clock = new Date(clock.getTime() + DAY);
  const next = await timed(async () => (await backend!.backups.ensureDaily())!);
  const nextDisk = added(backupDir, new Map([...before, ...filesBefore]));
  const newLinks = [...inodes(join(backupDir, 'files'))].filter(([key]) => !before.has(key) && !filesBefore.has(key)).length;
  record(
    `Næste dags sikkerhedskopi (${NEW_FILES} nye bilag à 1 MB)`,
    `${s(next.ms)} · ${next.value.files!.count} bilagsfiler med · disk brugt ${mb(nextDisk)} (databasen ${mb(next.value.bytes)}; bilagsfiler kopieret: ${newLinks})`,
  );

  // (d) One file with everything.
  const archive = join(work, 'sikkerhedskopi.zip');
  const written = await timed(() => backend!.backups.writeArchive(archive));
  record('Sikkerhedskopi i én fil (backup --out)', `${s(written.ms)} · ${mb(written.value.bytes)} (${written.value.files.count} bilagsfiler ${mb(written.value.files.bytes)})`);
  await backend.close();
  backend = null;

  // (e) and (f): restores into empty data folders.
  for (const [label, source] of [
    ['Gendannelse fra filen i en tom datamappe (ny bærbar)', archive],
    ['Gendannelse fra sikkerhedskopimappen (ved sti) i en tom datamappe', join(backupDir, next.value.fileName)],
  ] as const) {
    const fresh = join(work, `ny-${rows.length}`);
    const target = await openBackend({ databaseFile: join(fresh, 'sekretariat.db'), appVersion: 'bench', now: () => new Date(clock), log: { error: () => {} } });
    try {
      const restored = await timed(() => target.backups.restore({ path: source }));
      const stored = [...inodes(join(fresh, 'files'))].length;
      record(label, `${s(restored.ms)} · ${restored.value.filesRestored} bilagsfiler lagt tilbage (${stored} i datamappen), ${restored.value.missingFiles.length} mangler`);
    } finally {
      await target.close();
    }
    rmSync(fresh, { recursive: true, force: true });
  }
} finally {
  await backend?.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`\nVarm sidecache (kan ikke tømmes her). Hver sikkerhedskopi er en kopi af databasen; bilagsfilerne deles. ${new Date().toISOString()}`);
console.log(`Det genererede input bliver liggende i ${data.dir} (slet mappen for at frigive ${mb(data.fileBytes)}).\n`);
console.table(Object.fromEntries(rows));
