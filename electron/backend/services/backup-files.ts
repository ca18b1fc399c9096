/**
 * The attachment files of backups. A backup's database refers to files by SHA-256 (its `files` rows); the files
 * themselves are kept once, by content, in the backup folder's own store (`<backups>/files/<2 hex>/<sha256>`, the
 * layout of the app's file store), shared by every backup that refers to them. A file is put there as a hard link to
 * the app's copy where the file system allows it (no extra disk: attachment files are never changed in place, only
 * added under their hash), else as a copy checked against its name as it is written. A restore checks every file it
 * brings back against its hash.
 *
 * Beside each backup `<name>.db` a small `<name>.files.json` says how many files it carries; a backup without one is
 * of the database only (made by an older version).
 */
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupFiles } from '../../../shared/domain/backups';

export interface FileRef {
  sha256: string;
  size: number;
}

const SHA256 = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;
/** 1 MiB reads: a gigabyte of attachments is hashed in fewer, larger steps. */
const READ_CHUNK = 1024 * 1024;

/** Where a file of a store with the app's layout is. */
export const storePath = (storeDir: string, sha256: string) => join(storeDir, sha256.slice(0, 2), sha256);

/** The files a database file refers to: its `files` rows (none in a schema from before attachments). */
export function filesOfDatabase(file: string): FileRef[] {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'").get()) return [];
    return (raw.prepare('SELECT sha256, size FROM files ORDER BY sha256').all() as FileRef[]).filter((f) => SHA256.test(f.sha256));
  } finally {
    raw.close();
  }
}

/** The file names of the attachments (live or in the trash) of a database file that use each of `sha256s`. */
export function attachmentNamesIn(file: string, sha256s: readonly string[]): Map<string, string[]> {
  const names = new Map<string, string[]>(sha256s.map((s) => [s, []]));
  if (sha256s.length === 0) return names;
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get()) return names;
    const query = raw.prepare('SELECT DISTINCT file_name FROM attachments WHERE sha256 = ? ORDER BY file_name');
    for (const sha256 of sha256s) names.set(sha256, (query.all(sha256) as { file_name: string }[]).map((r) => r.file_name));
    return names;
  } finally {
    raw.close();
  }
}

/** Work stopped by its signal (the caller words the message). */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/** Hashes and counts what passes through; stops when the signal is aborted. */
export class HashingCounter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(
    private readonly signal?: AbortSignal,
    private readonly onBytes?: (bytes: number) => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.signal?.aborted) return callback(new Cancelled());
    this.bytes += chunk.length;
    this.hash.update(chunk);
    this.onBytes?.(this.bytes);
    callback(null, chunk);
  }
}

/** The SHA-256 and size of a file; null when it is not there. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<FileRef | null> {
  const counter = new HashingCounter(signal);
  try {
    await pipeline(createReadStream(path, { highWaterMark: READ_CHUNK }), counter, async (source: AsyncIterable<Buffer>) => {
      for await (const _ of source);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
  return { sha256: counter.hash.digest('hex'), size: counter.bytes };
}

/**
 * Streams `source` into `temp` while hashing it: true when the bytes are `ref`'s (the file stays), false when they
 * are not (it is removed). Throws on a disk error or a cancel, leaving nothing.
 */
export async function writeVerified(source: Readable, temp: string, ref: FileRef, signal?: AbortSignal): Promise<boolean> {
  const counter = new HashingCounter(signal);
  try {
    await mkdir(dirname(temp), { recursive: true });
    await pipeline(source, counter, createWriteStream(temp, { flags: 'wx' }));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (counter.hash.digest('hex') === ref.sha256 && counter.bytes === ref.size) return true;
  await rm(temp, { force: true });
  return false;
}

export type PlaceOutcome = 'placed' | 'present' | 'missing' | 'damaged';

/** A file system that cannot hard-link here (another volume, FAT, a network share): the file is copied instead. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS', 'EACCES']);

/**
 * Puts the file at `source` under `target`: a hard link where allowed and possible, else a copy through `tempDir` (on
 * the target's volume) renamed into place. `present` when `target` exists. A copy is always checked against `ref` as
 * it is written; a link is checked by its hash only with `verify` (a link is the source itself: checking it when a
 * backup is taken proves nothing lasting, and costs a read of every new file; a restore checks what comes in).
 */
export async function placeVerified(
  source: string,
  target: string,
  ref: FileRef,
  options: { tempDir: string; links: boolean; verify: boolean; signal?: AbortSignal },
): Promise<PlaceOutcome> {
  if (existsSync(target)) return 'present';
  await mkdir(dirname(target), { recursive: true });
  if (options.links) {
    const actual = options.verify ? await hashFile(source, options.signal) : await stat(source).then((info) => (info.isFile() ? { sha256: ref.sha256, size: info.size } : null), () => null);
    if (!actual) return 'missing';
    if (actual.sha256 !== ref.sha256 || actual.size !== ref.size) return 'damaged';
    try {
      await link(source, target);
      return 'placed';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return 'present';
      if (code === 'ENOENT' && !existsSync(source)) return 'missing';
      if (!NO_LINK.has(code)) throw error;
    }
  }
  const temp = join(options.tempDir, `${randomUUID()}.part`);
  let stream: Readable;
  try {
    stream = createReadStream(source, { highWaterMark: READ_CHUNK });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (!(await writeVerified(stream, temp, ref, options.signal))) return 'damaged';
  await rename(temp, target);
  return 'placed';
}

/** The summary file beside a backup. */
export const summaryFileOf = (backupFile: string) => backupFile.replace(/\.db$/, '.files.json');
export const SUMMARY_SUFFIX = '.files.json';

/** What a backup's summary file says; null when there is none or it cannot be read (a backup of the database only). */
export function readFilesSummary(backupFile: string): BackupFiles | null {
  try {
    const parsed = BackupFiles.safeParse(JSON.parse(readFileSync(summaryFileOf(backupFile), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed, so a summary is whole or absent. */
export function writeFilesSummary(backupFile: string, summary: BackupFiles): void {
  const file = summaryFileOf(backupFile);
  const temp = `${file}.${randomUUID().slice(0, 8)}.part`;
  try {
    writeFileSync(temp, `${JSON.stringify(summary)}\n`, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The backup folder's store of attachment files. */
export class BackupFileStore {
  readonly tmpDir: string;
  constructor(
    readonly dir: string,
    /** False: always copy (tests of the copy path; a folder where links are unwanted). */
    private readonly links = true,
  ) {
    this.tmpDir = join(dir, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return storePath(this.dir, sha256);
  }

  /** Adds the app's copy of a file (see placeVerified: a link is checked by its size, a copy by its hash). */
  add(source: string, ref: FileRef, signal?: AbortSignal): Promise<PlaceOutcome> {
    return placeVerified(source, this.pathOf(ref.sha256), ref, { tempDir: this.tmpDir, links: this.links, verify: false, signal });
  }

  /**
   * Removes every file no backup refers to any more (`keep`), and copies a crash left in tmp more than `staleMs` ago.
   * Returns how many files were removed.
   */
  async sweep(keep: ReadonlySet<string>, staleMs: number): Promise<number> {
    let removed = 0;
    for (const prefix of readdirSafe(this.dir)) {
      if (!PREFIX.test(prefix)) continue;
      const folder = join(this.dir, prefix);
      for (const name of readdirSafe(folder)) {
        if (!SHA256.test(name) || keep.has(name)) continue;
        await rm(join(folder, name), { force: true });
        removed++;
      }
    }
    for (const name of readdirSafe(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > staleMs) await rm(path, { force: true });
    }
    return removed;
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}
