/**
 * A backup in one file (`backup --out FILE`), to carry to another laptop: a zip holding the database copy
 * (`sekretariat.db`, deflated), every attachment file it refers to (`files/<2 hex>/<sha256>`, stored: they are mostly
 * compressed formats already) and last `manifest.json` with the SHA-256 and size of each. Streamed (memory stays flat
 * whatever the attachments weigh) into a temporary file beside the target, renamed into place only when complete.
 *
 * Reading one back checks the zip's directory and the manifest before anything is unpacked, and every byte against its
 * hash as it is unpacked; a file that is damaged, foreign or from a newer version is refused with a Danish message.
 */
import '../exchange/native-crc32';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open as openFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile as ZipReader } from 'yauzl';
import { ZipFile } from 'yazl';
import {
  BACKUP_ARCHIVE_FORMAT,
  BACKUP_ARCHIVE_VERSION,
  BackupArchiveManifest,
} from '../../../shared/domain/backups';
import { AppError } from '../errors';
import { Cancelled, filesOfDatabase, HashingCounter, writeVerified, type FileRef } from './backup-files';

export const ARCHIVE_DATABASE = 'sekretariat.db';
export const ARCHIVE_MANIFEST = 'manifest.json';
const FILE_ENTRY = /^files\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
const READ_CHUNK = 1024 * 1024;
/** A manifest lists one line per file; this is room for millions of them. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 3, 4]);

export interface ArchiveSummary {
  file: string;
  /** The archive's size. */
  bytes: number;
  databaseBytes: number;
  files: { count: number; bytes: number };
  /** Files the database refers to that were not in the data folder. */
  missing: string[];
}

export interface WriteArchiveOptions {
  target: string;
  /** Writes the database copy to the path given (the caller holds the connection meanwhile). */
  snapshot: (file: string) => Promise<void>;
  /** Where the app keeps a file; null without a file store. */
  appFilePath: ((sha256: string) => string) | null;
  appVersion: string;
  schemaVersion: number;
  now: () => Date;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const cancelled = () => new AppError('INVALID_INPUT', 'Sikkerhedskopien blev afbrudt. Der er ikke gemt nogen fil.');

function diskError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('INVALID_INPUT', 'Sikkerhedskopien kunne ikke gemmes: der er ikke plads nok på disken.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('INVALID_INPUT', 'Sikkerhedskopien kunne ikke gemmes: programmet har ikke adgang til at skrive i den valgte mappe.');
  if (code === 'ENOENT') return new AppError('INVALID_INPUT', 'Sikkerhedskopien kunne ikke gemmes: mappen findes ikke.');
  return error instanceof Error ? error : new Error(String(error));
}

/** Writes the database and its attachment files to one zip at `target`; see the module comment. */
export async function writeBackupArchive(options: WriteArchiveOptions): Promise<ArchiveSummary> {
  const { target, signal } = options;
  if (existsSync(target)) throw new AppError('INVALID_INPUT', `${target} findes allerede; vælg et andet filnavn.`);
  const stem = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}`);
  const snapshot = `${stem}.db`;
  const temp = `${stem}.part`;
  const zip = new ZipFile();
  const output = zip.outputStream as unknown as Readable;
  let written: Promise<void> | null = null;
  try {
    await options.snapshot(snapshot);
    if (signal?.aborted) throw cancelled();
    const refs = filesOfDatabase(snapshot);
    const databaseBytes = (await stat(snapshot)).size;
    const present: FileRef[] = [];
    const missing: string[] = [];
    for (const ref of refs) {
      const path = options.appFilePath?.(ref.sha256);
      if (path && existsSync(path)) present.push(ref);
      else missing.push(ref.sha256);
    }
    const total = databaseBytes + present.reduce((n, f) => n + f.size, 0);
    let done = 0;

    written = pipeline(output, createWriteStream(temp, { flags: 'wx' }));
    const zipFailed = new Promise<never>((_, reject) => zip.once('error', reject));
    const failure = Promise.race([written.then(() => new Promise<never>(() => {})), zipFailed]);
    failure.catch(() => undefined);
    const mtime = options.now();
    const add = async (source: Readable, path: string, compress: boolean) => {
      const counter = new HashingCounter(signal, (bytes) => options.onProgress?.(Math.min(1, (done + bytes) / Math.max(total, 1))));
      zip.addReadStream(counter, path, { mtime, compress });
      await Promise.race([pipeline(source, counter), failure]);
      done += counter.bytes;
      return { sha256: counter.hash.digest('hex'), bytes: counter.bytes };
    };

    const database = await add(createReadStream(snapshot, { highWaterMark: READ_CHUNK }), ARCHIVE_DATABASE, true);
    const files: { sha256: string; bytes: number }[] = [];
    for (const ref of present) {
      if (signal?.aborted) throw cancelled();
      const { sha256, bytes } = await add(createReadStream(options.appFilePath!(ref.sha256), { highWaterMark: READ_CHUNK }), `files/${ref.sha256.slice(0, 2)}/${ref.sha256}`, false);
      if (sha256 !== ref.sha256 || bytes !== ref.size) {
        throw new AppError('INVALID_INPUT', `Bilagsfilen ${ref.sha256.slice(0, 12)}… i datamappen er beskadiget (indholdet passer ikke til filens SHA-256). Der er ikke gemt nogen sikkerhedskopi.`);
      }
      files.push({ sha256, bytes });
    }
    const manifest = BackupArchiveManifest.parse({
      format: BACKUP_ARCHIVE_FORMAT,
      formatVersion: BACKUP_ARCHIVE_VERSION,
      appVersion: options.appVersion,
      schemaVersion: options.schemaVersion,
      createdAt: mtime.toISOString(),
      database: { path: ARCHIVE_DATABASE, sha256: database.sha256, bytes: database.bytes },
      files,
      missing,
    });
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'), ARCHIVE_MANIFEST, { mtime, compress: true });
    zip.end();
    await Promise.race([written, zipFailed]);
    if (signal?.aborted) throw cancelled();
    await rename(temp, target);
    return { file: target, bytes: (await stat(target)).size, databaseBytes, files: { count: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0) }, missing };
  } catch (error) {
    output.destroy();
    await written?.catch(() => undefined);
    await rm(temp, { force: true });
    throw signal?.aborted ? cancelled() : diskError(error);
  } finally {
    await rm(snapshot, { force: true });
    await rm(`${snapshot}-journal`, { force: true });
  }
}

/** True when the file starts as a zip does (a backup in one file), false for anything else (e.g. a database). */
export async function isZipFile(file: string): Promise<boolean> {
  const handle = await openFile(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(ZIP_MAGIC);
  } finally {
    await handle.close();
  }
}

const UNCHANGED = 'Databasen er ikke ændret.';
/** Failures of the disk written to, not of the archive read. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS']);

/** A refused backup file: the message is Danish and ends by saying nothing was changed. */
export class ArchiveRefused extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', `${message} ${UNCHANGED}`);
    this.name = 'ArchiveRefused';
  }
}

/** An opened, checked backup archive: its manifest, and its database and files unpacked on demand, each verified. */
export interface BackupArchive {
  manifest: BackupArchiveManifest;
  /** Unpacks the database to `path`, checked against the manifest. */
  extractDatabase(path: string, signal?: AbortSignal): Promise<void>;
  /** True when the archive holds the file. */
  has(sha256: string): boolean;
  /** Unpacks a file to `temp`, checked against its hash; refuses (ArchiveRefused) when it does not match. */
  extractFile(ref: FileRef, temp: string, signal?: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * Opens `file` as a backup archive: the zip's directory must hold exactly a manifest, the database and files named by
 * their hash, as the manifest lists them. Nothing is unpacked yet.
 */
export async function openBackupArchive(file: string, label: string): Promise<BackupArchive> {
  const damaged = (why: string) => new ArchiveRefused(`Sikkerhedskopien «${label}» er beskadiget eller ufuldstændig (${why}).`);
  const foreign = (why: string) => new ArchiveRefused(`Filen «${label}» er ikke en sikkerhedskopi af Sekretariat (${why}).`);
  const rethrow = (error: unknown): never => {
    if (error instanceof AppError || error instanceof Cancelled || DISK_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    throw damaged((error as Error).message);
  };
  let zip: ZipReader;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw damaged(/end of central directory/i.test((error as Error).message) ? 'zip-filens indholdsfortegnelse mangler' : (error as Error).message);
  }
  try {
    const entries = new Map<string, Entry>();
    // The first name that has no place in a backup (after the manifest is read: it may say what the file is instead).
    let unknown: string | undefined;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        const name = entry.fileName;
        if (entries.has(name)) return reject(damaged(`«${name}» findes to gange`));
        if (entry.isEncrypted()) return reject(foreign('den indeholder krypteret indhold'));
        const file = FILE_ENTRY.exec(name);
        if (name !== ARCHIVE_MANIFEST && name !== ARCHIVE_DATABASE && !(file && file[2]!.startsWith(file[1]!))) unknown ??= name;
        else entries.set(name, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (error: Error) => reject(damaged(error.message)));
      zip.readEntry();
    });
    const manifestEntry = entries.get(ARCHIVE_MANIFEST);
    if (!manifestEntry) throw foreign(unknown !== undefined ? `den indeholder «${unknown}», som ikke hører til en sikkerhedskopi` : 'den har ingen manifest.json');
    if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw damaged('manifest.json er for stor');
    const text = Buffer.concat(await collect(await openEntry(zip, file, manifestEntry))).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw damaged('manifest.json kan ikke læses');
    }
    const format = (json as { format?: unknown } | null)?.format;
    if (format === 'sekretariat-exchange') throw foreign('det er en udvekslingspakke; indlæs den under Udveksling eller med import');
    if (format !== BACKUP_ARCHIVE_FORMAT) throw foreign('manifest.json er ikke en sikkerhedskopis');
    if (unknown !== undefined) throw foreign(`den indeholder «${unknown}», som ikke hører til en sikkerhedskopi`);
    const version = (json as { formatVersion?: unknown }).formatVersion;
    if (typeof version === 'number' && version > BACKUP_ARCHIVE_VERSION) {
      throw new ArchiveRefused(`Sikkerhedskopien «${label}» er lavet med en nyere version af Sekretariat (format ${version}). Opdater Sekretariat for at gendanne den.`);
    }
    const parsed = BackupArchiveManifest.safeParse(json);
    if (!parsed.success) throw damaged(`manifest.json: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`);
    const manifest = parsed.data;
    const databaseEntry = entries.get(ARCHIVE_DATABASE);
    if (!databaseEntry) throw damaged('databasen mangler');
    if (databaseEntry.uncompressedSize !== manifest.database.bytes) throw damaged('databasen har en anden størrelse end manifestet angiver');
    const listed = new Map(manifest.files.map((f) => [f.sha256, f.bytes]));
    for (const [name, entry] of entries) {
      const match = FILE_ENTRY.exec(name);
      if (!match) continue;
      const bytes = listed.get(match[2]!);
      if (bytes === undefined) throw damaged(`«${name}» står ikke i manifestet`);
      if (bytes !== entry.uncompressedSize) throw damaged(`«${name}» har en anden størrelse end manifestet angiver`);
    }
    for (const sha256 of listed.keys()) if (!entries.has(`files/${sha256.slice(0, 2)}/${sha256}`)) throw damaged(`bilagsfilen ${sha256.slice(0, 12)}… mangler`);

    return {
      manifest,
      async extractDatabase(path, signal) {
        const ok = await writeVerified(await openEntry(zip, file, databaseEntry).catch(rethrow), path, { sha256: manifest.database.sha256, size: manifest.database.bytes }, signal).catch(rethrow);
        if (!ok) throw damaged('databasens indhold passer ikke til dens SHA-256');
      },
      has: (sha256) => listed.has(sha256),
      async extractFile(ref, temp, signal) {
        const entry = entries.get(`files/${ref.sha256.slice(0, 2)}/${ref.sha256}`);
        if (!entry) throw damaged(`bilagsfilen ${ref.sha256.slice(0, 12)}… mangler`);
        const ok = await writeVerified(await openEntry(zip, file, entry).catch(rethrow), temp, ref, signal).catch(rethrow);
        if (!ok) throw damaged(`indholdet af bilagsfilen ${ref.sha256.slice(0, 12)}… passer ikke til dens SHA-256`);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** An entry's bytes: a stored one read straight from the file in large pieces (yauzl's own stream reads 16 KiB). */
async function openEntry(zip: ZipReader, file: string, entry: Entry): Promise<Readable> {
  if (entry.compressionMethod === 0) {
    const { fileDataStart } = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })) as { fileDataStart: number };
    if (entry.compressedSize !== entry.uncompressedSize) throw new Error('stored entry with differing sizes');
    return entry.compressedSize === 0 ? Readable.from([]) : createReadStream(file, { start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: READ_CHUNK });
  }
  return zip.openReadStreamPromise(entry);
}

async function collect(stream: Readable): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_MANIFEST_BYTES) throw new Error('manifest too large');
    parts.push(chunk);
  }
  return parts;
}
