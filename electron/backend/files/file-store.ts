/**
 * Attachment files, stored once by content in the data folder: `<filesDir>/<first 2 hex>/<sha256>`.
 * The database has a `files` row per stored file (size, media type, extracted text); never the bytes.
 *
 * An upload streams into `<filesDir>/tmp` while it is hashed and counted, so memory stays flat however large
 * the file is; only complete, non-empty files are moved into place (an atomic rename on the same volume).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Kysely } from 'kysely';
import { getFileRow, insertFileRow, updateFileRow } from '../../../db/queries/files';
import type { DB, FilesTable } from '../../../db/schema';
import { AppError } from '../errors';
import { MAX_EXTRACT_BYTES, TextExtractor, type ExtractOptions } from './extract-text';
import { cleanFileName } from './file-name';
import { detectMediaType, hasSearchableText, OCTET_STREAM, SNIFF_BYTES } from './media-type';

/** Generous: a 200 MB scan must work; beyond this the upload is refused before anything is kept. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files left by an interrupted upload are removed after this long. */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

export interface FileInfo {
  sha256: string;
  size: number;
  mediaType: string;
  textStatus: FilesTable['text_status'];
}

/** A Node stream (an HTTP request), a web stream (Electron's protocol Request body) or any async iterable of bytes. */
export type UploadSource = Readable | WebReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** An expected failure of the store, with a Danish message and the HTTP status the upload routes answer with. */
export class FileStoreError extends AppError {
  constructor(
    code: 'INVALID_INPUT' | 'NOT_FOUND' | 'INTERNAL',
    message: string,
    readonly httpStatus: number,
  ) {
    super(code, message);
  }
}

export const emptyFile = () => new FileStoreError('INVALID_INPUT', 'Filen er tom (0 byte) og kan ikke vedhæftes.', 400);
const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${Math.floor(bytes / 1024 ** 3)} GB` : bytes >= 1024 ** 2 ? `${Math.floor(bytes / 1024 ** 2)} MB` : `${Math.floor(bytes / 1024)} KB`;
export const tooLarge = (max: number) => new FileStoreError('INVALID_INPUT', `Filen er for stor. Et bilag må højst fylde ${sizeText(max)}.`, 413);
export const missingFile = () =>
  new FileStoreError('NOT_FOUND', 'Filen til bilaget mangler i datamappen eller kan ikke læses. Vedhæft filen igen.', 404);
export const noFilesDir = () =>
  new FileStoreError('INTERNAL', 'Bilag kan ikke gemmes her, fordi databasen kun ligger i hukommelsen.', 500);

function diskError(error: unknown): FileStoreError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new FileStoreError('INTERNAL', 'Filen kunne ikke gemmes: der er ikke plads nok på disken.', 507);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new FileStoreError('INTERNAL', 'Filen kunne ikke gemmes: programmet har ikke adgang til at skrive i datamappen.', 500);
  }
  return new FileStoreError('INTERNAL', 'Filen kunne ikke modtages helt. Prøv igen.', 500);
}

export const isSha256 = (value: string) => SHA256.test(value);

export interface FileStoreOptions extends ExtractOptions {
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** Hashes, counts and keeps the first bytes of what passes through; refuses more than `max` bytes. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private headChunks: Buffer[] = [];
  private headSize = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer | Uint8Array, _encoding: BufferEncoding, callback: TransformCallback) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.size += buffer.length;
    if (this.size > this.max) return callback(tooLarge(this.max));
    this.hash.update(buffer);
    if (this.headSize < SNIFF_BYTES) {
      const part = Buffer.from(buffer.subarray(0, SNIFF_BYTES - this.headSize));
      this.headChunks.push(part);
      this.headSize += part.length;
    }
    callback(null, buffer);
  }
  head(): Uint8Array {
    return Buffer.concat(this.headChunks);
  }
}

function toReadable(source: UploadSource): Readable {
  if (source instanceof Readable) return source;
  if (typeof (source as WebReadableStream<Uint8Array>).getReader === 'function') return Readable.fromWeb(source as WebReadableStream<Uint8Array>);
  return Readable.from(source as AsyncIterable<Uint8Array>);
}

export class FileStore {
  readonly tmpDir: string;
  readonly text: TextExtractor;
  private readonly now: () => Date;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(
    readonly db: Kysely<DB>,
    readonly dir: string,
    options: FileStoreOptions = {},
  ) {
    this.tmpDir = join(dir, 'tmp');
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message, error) => console.warn(message, error ?? ''));
    this.text = new TextExtractor(db, (sha256) => this.pathOf(sha256), { ...options, log: this.log });
  }

  /** Where a stored file is; throws for anything that is not a SHA-256 (so no path can be smuggled in). */
  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new FileStoreError('INVALID_INPUT', 'Ugyldig filreference.', 400);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** True when the file is on disk (its row may still be missing, or the other way round). */
  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return (await stat(this.pathOf(sha256)).catch(() => null))?.isFile() ?? false;
  }

  /** The `files` row of a stored file, or null when none was stored under this hash. */
  async info(sha256: string): Promise<FileInfo | null> {
    if (!isSha256(sha256)) return null;
    const row = await getFileRow(this.db, sha256);
    return row ? { sha256: row.sha256, size: row.size, mediaType: row.media_type, textStatus: row.text_status } : null;
  }

  /** A stored file to send or copy: refused with a Danish message when it is unknown, missing or unreadable. */
  async open(sha256: string): Promise<{ info: FileInfo; path: string; stream: ReadStream }> {
    const info = await this.info(sha256);
    if (!info) throw missingFile();
    const path = this.pathOf(sha256);
    const stream = createReadStream(path);
    // Opening is asynchronous: wait for it so that a missing or unreadable file is an error here, not mid-response.
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    }).catch((error: unknown) => {
      stream.destroy();
      this.log(`Filen ${sha256} kan ikke læses`, error);
      throw missingFile();
    });
    return { info, path, stream };
  }

  /**
   * Streams `source` into the store under its SHA-256 and records it. Refuses an empty or too large file
   * (deleting what was received); an identical file already stored is kept as it is (the copy is deleted).
   * A source refused before it was read is left to the caller (an HTTP route still has to drain it and answer).
   */
  async storeStream(source: UploadSource, rawFileName: string, options: { maxBytes?: number } = {}): Promise<StoredFile> {
    const fileName = cleanFileName(rawFileName);
    if (!fileName) throw new FileStoreError('INVALID_INPUT', 'Filen skal have et navn.', 400);
    const inspector = new Inspector(options.maxBytes ?? MAX_UPLOAD_BYTES);
    const temp = join(this.tmpDir, `${randomUUID()}.part`);
    try {
      await mkdir(this.tmpDir, { recursive: true });
      await pipeline(toReadable(source), inspector, createWriteStream(temp, { flags: 'wx', flush: true }));
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      if (error instanceof FileStoreError) throw error;
      throw diskError(error);
    }

    if (inspector.size === 0) {
      await rm(temp, { force: true });
      throw emptyFile();
    }
    const sha256 = inspector.hash.digest('hex');
    const mediaType = detectMediaType(inspector.head(), fileName);
    let placed: boolean;
    try {
      placed = await this.moveIntoPlace(temp, sha256);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw diskError(error);
    }
    const stored = await this.record(sha256, inspector.size, mediaType, placed);
    if (stored.textStatus === 'afventer') this.text.schedule(sha256);
    return { sha256, size: stored.size, mediaType: stored.mediaType, fileName };
  }

  /**
   * Puts a file whose content was already checked against `sha256` (a restore's, in tmpDir) into place; the file at
   * `temp` is used up. Its `files` row is the caller's. False when the file was there already.
   */
  adopt(temp: string, sha256: string): Promise<boolean> {
    return this.moveIntoPlace(temp, sha256);
  }

  /** Moves the received file into place; false when the same content was there already (the copy is deleted). */
  private async moveIntoPlace(temp: string, sha256: string): Promise<boolean> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(temp, { force: true });
      return false;
    }
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(temp, target);
      return true;
    } catch (error) {
      // Another upload of the same content may have won the race; its copy is as good as ours.
      if (!(await this.exists(sha256))) throw error;
      await rm(temp, { force: true });
      return false;
    }
  }

  /**
   * Inserts the `files` row, or improves an existing one: a type that was unknown, or a text extraction that failed
   * because the file had gone missing (`placed`: the file was just put back).
   */
  private async record(sha256: string, size: number, mediaType: string, placed: boolean): Promise<FileInfo> {
    const searchable = hasSearchableText(mediaType) && size <= MAX_EXTRACT_BYTES;
    return this.db.transaction().execute(async (trx) => {
      const existing = await getFileRow(trx, sha256);
      if (!existing) {
        const textStatus = searchable ? 'afventer' : 'ingen_tekst';
        await insertFileRow(trx, { sha256, size, media_type: mediaType, text_status: textStatus, created_at: this.now().toISOString() });
        return { sha256, size, mediaType, textStatus };
      }
      if (existing.media_type === OCTET_STREAM && mediaType !== OCTET_STREAM) {
        const textStatus = searchable && existing.text_status === 'ingen_tekst' ? 'afventer' : existing.text_status;
        await updateFileRow(trx, sha256, { media_type: mediaType, text_status: textStatus });
        return { sha256, size, mediaType, textStatus };
      }
      if (placed && existing.text_status === 'fejl' && hasSearchableText(existing.media_type) && size <= MAX_EXTRACT_BYTES) {
        await updateFileRow(trx, sha256, { text_status: 'afventer' });
        return { sha256, size: existing.size, mediaType: existing.media_type, textStatus: 'afventer' };
      }
      return { sha256, size: existing.size, mediaType: existing.media_type, textStatus: existing.text_status };
    });
  }

  /** Removes temporary files of uploads that never finished (older than a day). */
  async sweepTemp(olderThanMs = STALE_TEMP_MS): Promise<number> {
    const names = await readdir(this.tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(this.tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && this.now().getTime() - info.mtimeMs > olderThanMs) {
        await rm(path, { force: true }).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }

  /** Waits for queued text extractions (tests, shutdown). */
  idle(): Promise<void> {
    return this.text.idle();
  }

  /** Stops text extraction; call before the database is closed. */
  async close(): Promise<void> {
    await this.text.close();
  }
}

/** The store of a database's attachment folder; the backend makes one and hands it to every handler in its context. */
export function createFileStore(db: Kysely<DB>, filesDir: string, options: FileStoreOptions = {}): FileStore {
  const store = new FileStore(db, filesDir, options);
  void store.sweepTemp().catch(() => undefined);
  return store;
}
