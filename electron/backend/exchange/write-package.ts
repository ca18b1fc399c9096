/**
 * Writes an exchange package (docs/exchange-format.md): a zip streamed with yazl into a temporary file beside the
 * target, renamed into place only when complete, so an interrupted export never leaves a file that looks finished.
 *
 * Records are read in chunks inside one read transaction (a consistent snapshot; through a separate read-only
 * connection when the database is a file, so the app's own connection stays free), hashed and counted while they
 * stream; attachment files are streamed from the file store afterwards (they are addressed by content, so the
 * snapshot needs no lock on them) and checked against their SHA-256 on the way.
 */
import './native-crc32';
import type { Kysely, Transaction } from 'kysely';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { openReadOnly } from '../../../db/open';
import { distinctColumnValues, storedFileRows, meetingBodyId, recordIdsWhere, recordRowsInIdOrder } from '../../../db/queries/exchange';
import { sendableBases } from '../../../db/queries/exchange-bases';
import { allRecordRows } from '../../../db/queries/records';
import { ensureInstallationId } from '../../../db/queries/settings';
import type { DB } from '../../../db/schema';
import {
  BASES_PATH,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  filePath,
  Manifest,
  MANIFEST_PATH,
  recordsPath,
  type ExchangeScope,
  type ManifestEntry,
} from '../../../shared/exchange/manifest';
import { CHILDREN, columnOf, ENTITIES, ENTITY_NAMES, recordLine, rowToRecord, type EntityName } from '../../../shared/exchange/records';
import { AppError } from '../errors';
import type { FileStore } from '../files/file-store';

export interface WritePackageOptions {
  /** The app's database (the installation id is made here on first use). */
  db: Kysely<DB>;
  /** The database file: records are read through a separate read-only connection. Absent or ':memory:': through `db`. */
  databaseFile?: string;
  /** Where attachment files are; null for an in-memory database (a scope with attachment files is then refused). */
  files: FileStore | null;
  scope: ExchangeScope;
  /** The finished package; must not exist unless `overwrite`. */
  target: string;
  overwrite?: boolean;
  appVersion: string;
  schemaVersion: number;
  now?: () => Date;
  newId?: () => string;
  /** Opens a stored attachment file (tests inject failures); defaults to the file store's path. */
  openFile?: (sha256: string) => Readable;
  /** Rows read per query. */
  chunkSize?: number;
  /** Cancels the export; the temporary file is removed. */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress {
  phase: 'records' | 'files' | 'done';
  entity?: EntityName;
  /** Bytes written to the package so far (compressed). */
  bytesWritten: number;
  /** While the attachment files are written (they are most of a package): the share of the whole written so far. */
  fraction?: number;
}

export interface EntityCount {
  records: number;
  /** Of which tombstones. */
  deleted: number;
}

export interface PackageWriteSummary {
  file: string;
  /** Size of the package file. */
  bytes: number;
  exportId: string;
  sourceInstallation: string;
  scope: ExchangeScope;
  /** Every entity, 0 where the scope has none. */
  counts: Record<EntityName, EntityCount>;
  files: { count: number; bytes: number };
}

const DEFAULT_CHUNK = 500;

export class ExportError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'ExportError';
  }
}

const cancelled = () => new ExportError('Eksporten blev afbrudt. Der er ikke gemt nogen fil.');

/** Hashes and counts what passes through (one entry's uncompressed bytes). */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly signal?: AbortSignal) {
    super();
  }
  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
    if (this.signal?.aborted) return callback(cancelled());
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.bytes += buffer.length;
    this.hash.update(buffer);
    callback(null, buffer);
  }
}

class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly onBytes: (bytes: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.bytes += chunk.length;
    this.onBytes(this.bytes);
    callback(null, chunk);
  }
}

/** Which rows of an entity the scope takes: every row, or these ids (sorted). Entities not named are left out. */
type Plan = Partial<Record<EntityName, 'all' | string[]>>;

type Reader = Kysely<DB> | Transaction<DB>;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Adds the ids of `entity` in `values` to the plan (an entity taken whole stays whole). */
function include(plan: Plan, entity: EntityName, values: readonly string[]): boolean {
  const now = plan[entity];
  if (now === 'all') return false;
  const merged = sorted([...(now ?? []), ...values]);
  const grew = now === undefined || merged.length !== now.length;
  plan[entity] = merged;
  return grew;
}

/** The rows that a record's own entity must bring along with it (a variant's base), until none is missing. */
async function withSelfReferences(db: Reader, plan: Plan): Promise<Plan> {
  for (const entity of ENTITY_NAMES) {
    const self = ENTITIES[entity].references.filter((r) => r.entity === entity && r.onMissing === 'error');
    for (let grew = self.length > 0 && plan[entity] !== undefined; grew; ) {
      grew = false;
      for (const ref of self) grew = include(plan, entity, await distinctColumnValues(db, entity, columnOf(ref.field), plan[entity]!)) || grew;
    }
  }
  return plan;
}

/** Everything under the planned records (registry: `parent`), parents before children. */
async function withDescendants(db: Reader, plan: Plan): Promise<Plan> {
  for (const entity of ENTITY_NAMES) {
    const ids = plan[entity];
    if (ids === undefined || ids === 'all') continue;
    for (const child of CHILDREN[entity]) include(plan, child.entity, await recordIdsWhere(db, child.entity, columnOf(child.field), ids));
  }
  return plan;
}

/**
 * The records the planned ones refer to and cannot do without (a meeting's body, a reservation's municipality), without
 * what lies under those; links that the importer clears when they point out of the package stay out. Referrers come
 * after what they refer to in ENTITY_NAMES, so one pass from the end finds the references of what it adds, too.
 */
async function withReferenced(db: Reader, plan: Plan): Promise<Plan> {
  for (const entity of [...ENTITY_NAMES].reverse()) {
    const ids = plan[entity];
    if (ids === undefined) continue;
    for (const ref of ENTITIES[entity].references) {
      if (ref.onMissing !== 'error' || ref.entity === entity || plan[ref.entity] === 'all') continue;
      include(plan, ref.entity, await distinctColumnValues(db, entity, columnOf(ref.field), ids));
    }
  }
  return plan;
}

/**
 * The rows each entity contributes to the scope (docs/exchange-format.md §3), from the registry
 * (shared/exchange/records.ts): the scope's roots, what lies under them, and what they refer to.
 */
async function planScope(db: Reader, scope: ExchangeScope): Promise<Plan> {
  switch (scope.kind) {
    case 'all':
      return Object.fromEntries(ENTITY_NAMES.map((e) => [e, 'all']));
    case 'decisions':
      return withReferenced(db, Object.fromEntries(ENTITY_NAMES.filter((e) => ENTITIES[e].scopes.includes('decisions')).map((e) => [e, 'all'])));
    case 'meeting': {
      if ((await meetingBodyId(db, scope.id)) === undefined) throw new ExportError('Mødet findes ikke i databasen, så det kan ikke eksporteres.');
      return withReferenced(db, await withDescendants(db, { meetings: [scope.id] }));
    }
    case 'scenarios': {
      const chosen = await recordIdsWhere(db, 'scenarios', 'id', scope.ids);
      const missing = scope.ids.filter((id) => !chosen.includes(id));
      if (missing.length > 0) throw new ExportError(`Takstscenariet ${missing[0]} findes ikke i databasen, så det kan ikke eksporteres.`);
      // A variant has no input of its own: its base goes with it, and the base's frozen versions too.
      return withReferenced(db, await withDescendants(db, await withSelfReferences(db, { scenarios: chosen })));
    }
  }
}

/** The rows of an entity in id order, a chunk at a time. */
const rowsOf = (db: Reader, entity: EntityName, plan: 'all' | string[], chunkSize: number) =>
  plan === 'all' ? allRecordRows(db, entity, chunkSize) : recordRowsInIdOrder(db, entity, plan, chunkSize);

/**
 * Runs `work` in one read transaction. For a database file, on a read-only connection of its own: its snapshot is
 * consistent, and the app's connection (with its writes) is not held up while the records stream.
 */
async function inSnapshot<T>(options: WritePackageOptions, work: (db: Transaction<DB>) => Promise<T>): Promise<T> {
  const file = options.databaseFile;
  if (!file || file === ':memory:') return options.db.transaction().execute(work);
  const snapshot = openReadOnly(file);
  try {
    return await snapshot.db.transaction().execute(work);
  } finally {
    await snapshot.close();
  }
}

function danishDiskError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new ExportError('Pakken kunne ikke gemmes: der er ikke plads nok på disken.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new ExportError('Pakken kunne ikke gemmes: programmet har ikke adgang til at skrive i den valgte mappe.');
  if (code === 'ENOENT' && (error as NodeJS.ErrnoException).path) return new ExportError('Pakken kunne ikke gemmes: mappen findes ikke.');
  return error instanceof Error ? error : new Error(String(error));
}

/** Writes the package of `scope` to `target`; see the module comment. */
export async function writePackage(options: WritePackageOptions): Promise<PackageWriteSummary> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const { target, signal } = options;
  if (!options.overwrite && existsSync(target)) throw new ExportError(`${target} findes allerede; vælg et andet filnavn.`);
  if (signal?.aborted) throw cancelled();

  const createdAt = now();
  const sourceInstallation = await ensureInstallationId(options.db, newId, createdAt.toISOString());
  const exportId = newId();
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.part`);

  const zip = new ZipFile();
  let bytesWritten = 0;
  // Known once the records are written: the package's size is then about what was written plus the files.
  let expectedBytes: number | null = null;
  const progress = (phase: ExportProgress['phase'], entity?: EntityName) =>
    options.onProgress?.({ phase, entity, bytesWritten, fraction: expectedBytes ? Math.min(1, bytesWritten / expectedBytes) : undefined });
  const counter = new ByteCounter((n) => (bytesWritten = n));
  const zipFailed = new Promise<never>((_, reject) => zip.once('error', reject));
  const written = pipeline(zip.outputStream as unknown as Readable, counter, createWriteStream(temp, { flags: 'wx', flush: true }));
  // Whichever fails first ends the export; the other must not become an unhandled rejection.
  const failure = Promise.race([written.then(() => new Promise<never>(() => {})), zipFailed]);
  failure.catch(() => undefined);

  const entries: ManifestEntry[] = [];
  const counts = Object.fromEntries(ENTITY_NAMES.map((e) => [e, { records: 0, deleted: 0 }])) as Record<EntityName, EntityCount>;
  const mtime = createdAt;

  /** Adds one entry from `source` and waits until the zip has taken all of it. */
  async function addEntry(source: Readable, path: string, compress: boolean): Promise<Meter> {
    const meter = new Meter(signal);
    zip.addReadStream(meter, path, { mtime, compress });
    await Promise.race([pipeline(source, meter), failure]);
    return meter;
  }

  try {
    const { fileRows } = await inSnapshot(options, async (db) => {
      const plan = await planScope(db, options.scope);
      const referenced = new Map<string, boolean>(); // sha256 → referenced by a live attachment
      for (const entity of ENTITY_NAMES) {
        const rows = plan[entity];
        if (rows === undefined) continue;
        progress('records', entity);
        const count = counts[entity];
        // Lines in batches of about 64 KB: one chunk per line would cost more than the JSON.
        async function* lines() {
          let batch = '';
          for await (const row of rowsOf(db, entity, rows!, chunkSize)) {
            count.records++;
            if (row.deleted_at !== null) count.deleted++;
            if (entity === 'attachments' && typeof row.sha256 === 'string') referenced.set(row.sha256, (referenced.get(row.sha256) ?? false) || row.deleted_at === null);
            batch += `${recordLine(entity, rowToRecord(entity, row))}\n`;
            if (batch.length >= 65_536) {
              yield batch;
              batch = '';
            }
          }
          if (batch) yield batch;
        }
        const meter = await addEntry(Readable.from(lines()), recordsPath(entity), true);
        entries.push({ path: recordsPath(entity), sha256: meter.hash.digest('hex'), bytes: meter.bytes, records: count.records });
      }
      // The bases this laptop holds for the records it sends: the receiver finds there the version it last sent us,
      // the common ancestor for its field-by-field merge (docs/exchange-format.md §8).
      let baseCount = 0;
      async function* baseLines() {
        let batch = '';
        for (const entity of ENTITY_NAMES) {
          const rows = plan[entity];
          if (rows === undefined) continue;
          for await (const base of sendableBases(db, entity, rows, chunkSize)) {
            baseCount++;
            batch += `{"entity":${JSON.stringify(entity)},"id":${JSON.stringify(base.record_id)},"source":${JSON.stringify(base.source_installation)},"at":${JSON.stringify(base.source_created_at)},"record":${base.content}}\n`;
            if (batch.length >= 65_536) {
              yield batch;
              batch = '';
            }
          }
        }
        if (batch) yield batch;
      }
      const basesMeter = await addEntry(Readable.from(baseLines()), BASES_PATH, true);
      entries.push({ path: BASES_PATH, sha256: basesMeter.hash.digest('hex'), bytes: basesMeter.bytes, records: baseCount });

      const fileRows: { sha256: string; size: number; mediaType: string; live: boolean }[] = [];
      const wanted = sorted(referenced.keys());
      const known = new Map((await storedFileRows(db, wanted)).map((r) => [r.sha256, r]));
      for (const sha256 of wanted) {
        const row = known.get(sha256);
        const live = referenced.get(sha256)!;
        if (row) fileRows.push({ sha256, size: row.size, mediaType: row.mediaType, live });
        else if (live) throw missingAttachmentFile(sha256);
      }
      return { fileRows };
    });

    let fileBytes = 0;
    let fileCount = 0;
    expectedBytes = bytesWritten + fileRows.reduce((sum, f) => sum + f.size, 0);
    for (const file of fileRows) {
      if (signal?.aborted) throw cancelled();
      if (!options.openFile && !(options.files && (await options.files.exists(file.sha256)))) {
        if (file.live) throw options.files ? missingAttachmentFile(file.sha256) : memoryOnly();
        continue; // only deleted attachments had it; the package is valid without it
      }
      progress('files');
      // Read in 1 MiB pieces (the default is 64 KiB): fewer trips through the zip writer for a gigabyte of attachments.
      const openFile = options.openFile ?? ((sha256: string) => createReadStream(options.files!.pathOf(sha256), { highWaterMark: 1024 * 1024 }));
      // Stored, not deflated: attachments are mostly compressed formats already, storing is much faster, and no
      // attachment can then trip the reader's compression-ratio limit (docs/exchange-format.md §6).
      const meter = await addEntry(openFile(file.sha256), filePath(file.sha256), false);
      const sha256 = meter.hash.digest('hex');
      if (sha256 !== file.sha256 || meter.bytes !== file.size) {
        throw new ExportError(`Bilagsfilen ${file.sha256} i datamappen er beskadiget (indholdet passer ikke til filens SHA-256). Eksporten er afbrudt.`);
      }
      entries.push({ path: filePath(file.sha256), sha256, bytes: meter.bytes, mediaType: file.mediaType });
      fileBytes += meter.bytes;
      fileCount++;
    }

    const manifest = Manifest.parse({
      format: EXCHANGE_FORMAT,
      formatVersion: EXCHANGE_FORMAT_VERSION,
      appVersion: options.appVersion,
      schemaVersion: options.schemaVersion,
      exportId,
      createdAt: createdAt.toISOString(),
      sourceInstallation,
      scope: options.scope,
      entries,
    });
    // Last: it carries the hashes of everything before it (readers find it through the zip's central directory).
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), MANIFEST_PATH, { mtime, compress: true });
    zip.end();
    await Promise.race([written, zipFailed]);
    if (signal?.aborted) throw cancelled();
    await rename(temp, target);
    progress('done');
    const bytes = (await stat(target)).size;
    return { file: target, bytes, exportId, sourceInstallation, scope: options.scope, counts, files: { count: fileCount, bytes: fileBytes } };
  } catch (error) {
    (zip.outputStream as unknown as Readable).destroy();
    await written.catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw danishDiskError(error);
  }
}

const missingAttachmentFile = (sha256: string) =>
  new ExportError(`Filen til et bilag (${sha256.slice(0, 12)}…) mangler i datamappen, så pakken ikke kan laves komplet. Vedhæft filen igen, eller slet bilaget.`);

const memoryOnly = () => new ExportError('Bilagsfiler kan ikke eksporteres, fordi databasen kun ligger i hukommelsen.');
