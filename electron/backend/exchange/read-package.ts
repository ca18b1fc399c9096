/**
 * Reads and validates an exchange package (docs/exchange-format.md) completely before anything may be written:
 * the zip's structure and names, its size (zip bombs), the manifest, every entry's size and SHA-256, every record
 * against its schema, duplicate ids, references and the attachment files. It never writes anything.
 *
 * Everything streams: entries are inflated a chunk at a time and counted as they come (headers are never trusted),
 * records are split into lines with a cap on a line's length, so a hostile 50 MB string is refused without being held.
 * The answer is a typed summary, or the problems found (Danish, naming the entry, line and field).
 */
import type { Kysely } from 'kysely';
import { createHash, type Hash } from 'node:crypto';
import { open as openFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { existingRecordIds } from '../../../db/queries/exchange';
import type { DB } from '../../../db/schema';
import { Id } from '../../../shared/domain/common';
import {
  BASES_PATH,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  filePath,
  Manifest,
  MANIFEST_PATH,
  parseEntryPath,
  recordsPath,
  unsafeEntryName,
  type ManifestEntry,
} from '../../../shared/exchange/manifest';
import { ENTITIES, ENTITY_NAMES, EntityName as EntityNameSchema, MAX_RECORD_LINE_BYTES, MAX_RICH_TEXT_CHARS, Timestamp, type EntityName } from '../../../shared/exchange/records';
import { canonicalJson } from '../../../shared/logic/tariff/freeze';
import { MAX_UPLOAD_BYTES } from '../files/file-store';
import { detectMediaType, SNIFF_BYTES } from '../files/media-type';
import { sanitizeRichText } from '../services/rich-text';

export interface ReadLimits {
  /** Entries in the zip. */
  maxEntries: number;
  /** One entry, uncompressed (an attachment may be as large as an upload). */
  maxEntryBytes: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** The manifest, uncompressed. */
  maxManifestBytes: number;
  /** One record's line. */
  maxLineBytes: number;
  /** Uncompressed : compressed, for entries above `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxEntries: 200_000,
  maxEntryBytes: MAX_UPLOAD_BYTES,
  maxTotalBytes: 32 * 1024 ** 3,
  maxManifestBytes: 64 * 1024 ** 2,
  maxLineBytes: MAX_RECORD_LINE_BYTES,
  maxRatio: 100,
  ratioFromBytes: 1024 ** 2,
};

export interface ReadPackageOptions {
  limits?: Partial<ReadLimits>;
  /**
   * Which of `ids` the receiving database has, for references that point out of the package (a meeting package
   * refers to its body, which the receiver may have already). Without it, every reference must resolve in the package.
   */
  localIds?: (entity: EntityName, ids: readonly string[]) => Promise<Iterable<string>>;
  /** Each valid record as it is read, for an importer that stages them (called before the package is known valid!). */
  onRecord?: (entity: EntityName, record: Record<string, unknown>) => void;
  signal?: AbortSignal;
  /** Bytes checked so far of all the package's content (uncompressed), for a progress bar. */
  onProgress?: (checkedBytes: number, totalBytes: number) => void;
  /**
   * Attachment files as they are checked, so an importer reads the package once: it gets every chunk of a file it
   * wants, `keep` once the file's SHA-256 and size are proven, `drop` otherwise. Null: not wanted.
   */
  stageFile?: (sha256: string) => Promise<FileSink | null>;
  /** The receiver's own installation ids (its id and the ids it had before it was copied): the declared bases kept. */
  baseSources?: ReadonlySet<string>;
}

/** A base the package's source declares for one of its records: the version it last took from one of `baseSources`. */
export interface DeclaredBase {
  /** When that version was written, in the receiver's clock (its package's createdAt). */
  at: string;
  record: Record<string, unknown>;
}

export interface FileSink {
  write(chunk: Buffer): Promise<void>;
  keep(): Promise<void>;
  drop(): Promise<void>;
}

export interface Problem {
  /** The entry the problem is in (null: the file as a whole). */
  entry: string | null;
  line?: number;
  field?: string;
  /** A whole Danish sentence naming entry, line and field. */
  message: string;
}

export interface RecordRef {
  id: string;
  revision: number;
  deleted: boolean;
}

export interface EntitySummary {
  count: number;
  deleted: number;
  /** In package order (sorted by id when the package was written by Sekretariat). */
  records: RecordRef[];
}

export interface PackageSummary {
  manifest: Manifest;
  /** Bytes of the package file. */
  bytes: number;
  /** SHA-256 of manifest.json: with it, the hash of every entry that was checked. */
  manifestSha256: string;
  entities: Record<EntityName, EntitySummary>;
  files: {
    count: number;
    bytes: number;
    sha256: string[];
    /** Each file's type as detected here from its bytes and its attachment's file name (the manifest's is never used). */
    mediaTypes: Map<string, string>;
  };
  /** Rich text the sanitiser changes (scripts, event handlers …): the importer stores `clean`. */
  sanitized: { entity: EntityName; id: string; field: string; clean: string }[];
  /** Links across the scope to records neither in the package nor in the database: the importer clears them. */
  clearedReferences: { entity: EntityName; id: string; field: string; target: EntityName; targetId: string }[];
  /** Declared bases for the receiver (see ReadPackageOptions.baseSources), by `entity:id`, the newest per record. */
  bases: Map<string, DeclaredBase>;
}

export type ReadResult = { ok: true; summary: PackageSummary } | { ok: false; problems: Problem[] };

/** Stops reading at the first problem of a phase; carries what was found. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message ?? 'Pakken er ugyldig.');
  }
}

const MAX_PROBLEMS = 50;
const quote = (name: string) => `«${name.length > 120 ? `${name.slice(0, 120)}…` : name}»`;
const at = (entry: string, line?: number, field?: string) =>
  `${quote(entry)}${line !== undefined ? `, linje ${line}` : ''}${field ? `, feltet «${field}»` : ''}`;
const problem = (entry: string | null, message: string, line?: number, field?: string): Problem => ({
  entry,
  message,
  ...(line !== undefined ? { line } : {}),
  ...(field ? { field } : {}),
});
const refuse = (entry: string | null, message: string, line?: number, field?: string) => new Refused([problem(entry, message, line, field)]);

const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toLocaleString('da-DK', { maximumFractionDigits: 1 })} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`
      : `${bytes.toLocaleString('da-DK')} byte`;

const NOT_A_PACKAGE = 'Filen er ikke en Sekretariat-pakke: den er ikke en zip-fil.';
const TRUNCATED = 'Pakken er ufuldstændig eller beskadiget: zip-filens indholdsfortegnelse mangler eller kan ikke læses (måske blev filen kun delvist kopieret). Intet er importeret.';
const bomb = (entry: string, why: string) => refuse(entry, `Pakken afvises: ${quote(entry)} ${why} Det ligner en zip-bombe; intet er importeret.`);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

function zipError(error: unknown, entry: string | null): Refused {
  const message = (error as Error).message ?? String(error);
  if (error instanceof Refused) return error;
  if (/strong encryption/i.test(message)) return refuse(entry, 'Pakken indeholder krypteret indhold, som Sekretariat ikke kan læse. Intet er importeret.');
  if (/too many bytes|not enough bytes|size mismatch/i.test(message) && entry) {
    return refuse(entry, `${quote(entry)} har en anden størrelse, når den pakkes ud, end zip-filen angiver. Pakken er beskadiget eller manipuleret; intet er importeret.`);
  }
  if (entry) return refuse(entry, `${quote(entry)} kan ikke pakkes ud: pakken er beskadiget (${message}). Intet er importeret.`);
  return refuse(null, TRUNCATED);
}

/** The first issue of a failed schema check as field path and Danish message. */
function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string; keys?: readonly string[] }[] }): { field: string; message: string } {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) return { field: issue.keys[0]!, message: 'Feltet kendes ikke i dette pakkeformat' };
  return { field: issue.path.map(String).join('.'), message: issue.message };
}

/** Where each open package is on disk, for reading stored entries directly (see inflate). */
const PACKAGE_PATHS = new WeakMap<ZipFile, string>();
const READ_CHUNK = 1024 * 1024;

/** The entry's bytes, inflated a chunk at a time, counted against the limits as they come. */
async function* inflate(zip: ZipFile, entry: Entry, name: string, limits: ReadLimits, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let stream: Readable;
  try {
    const path = PACKAGE_PATHS.get(zip);
    if (entry.compressionMethod === 0 && path !== undefined) {
      // A stored entry (an attachment file) is read straight from the package in large pieces: yauzl's own stream reads
      // 16 KiB at a time, which made reading a gigabyte of attachments several times slower than the disk.
      const { fileDataStart } = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })) as { fileDataStart: number };
      if (entry.compressedSize !== entry.uncompressedSize) throw new Error('stored entry with differing sizes');
      stream = entry.compressedSize === 0 ? Readable.from([]) : createReadStream(path, { start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: READ_CHUNK });
    } else stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw zipError(error, name);
  }
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw refuse(null, 'Kontrollen af pakken blev afbrudt.');
      bytes += chunk.length;
      if (bytes > limits.maxEntryBytes) throw bomb(name, `fylder mere end ${sizeText(limits.maxEntryBytes)}, når den pakkes ud.`);
      if (bytes > limits.ratioFromBytes && bytes > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw bomb(name, `pakkes ud til mere end ${limits.maxRatio} gange sin komprimerede størrelse.`);
      }
      yield chunk;
    }
  } catch (error) {
    throw zipError(error, name);
  } finally {
    // Also when the reader stops early: the stream holds the file open until it is destroyed.
    stream.destroy();
  }
}

/** Splits bytes into lines at \n, refusing a line longer than the limit as soon as it is, without keeping it. */
class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  line = 0;
  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (bytes: Buffer, line: number) => void,
    private readonly onTooLong: (line: number) => never,
  ) {}
  push(chunk: Buffer) {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(10, start);
      if (end === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      this.keep(chunk.subarray(start, end));
      this.emit();
      start = end + 1;
    }
  }
  /** The text after the last line break (none, in a package Sekretariat wrote). */
  end() {
    if (this.partBytes > 0) this.emit();
  }
  private keep(part: Buffer) {
    if (part.length === 0) return;
    this.partBytes += part.length;
    if (this.partBytes > this.maxLineBytes) this.onTooLong(this.line + 1);
    this.parts.push(part);
  }
  private emit() {
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partBytes);
    this.parts = [];
    this.partBytes = 0;
    this.line++;
    this.onLine(bytes, this.line);
  }
}

interface PendingReference {
  entity: EntityName;
  id: string;
  line: number;
  field: string;
  target: EntityName;
  targetId: string;
  onMissing: 'error' | 'clear';
}

/** Validates the package at `file`; see the module comment. */
export async function readPackage(file: string, options: ReadPackageOptions = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let zip: ZipFile | null = null;
  try {
    const bytes = await inspectFile(file);
    zip = await openZip(file);
    const entries = await listEntries(zip, limits);
    const { manifest, sha256: manifestSha256 } = await readManifest(zip, entries, limits, options.signal);
    const listed = crossCheck(entries, manifest);
    const summary = await readEntries(zip, entries, manifest, listed, limits, options);
    return { ok: true, summary: { ...summary, bytes, manifestSha256 } };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems.slice(0, MAX_PROBLEMS) };
    throw error;
  } finally {
    zip?.close();
  }
}

async function openZip(file: string): Promise<ZipFile> {
  const zip = await yauzl
    .openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true })
    .catch((error: unknown) => {
      throw /end of central directory/i.test((error as Error).message) ? refuse(null, TRUNCATED) : zipError(error, null);
    });
  PACKAGE_PATHS.set(zip, file);
  return zip;
}

/** Refuses what is plainly not a zip before yauzl sees it; returns the file's size. */
async function inspectFile(file: string): Promise<number> {
  const info = await stat(file).catch(() => null);
  if (!info) throw refuse(null, `Filen ${file} findes ikke eller kan ikke læses.`);
  if (!info.isFile()) throw refuse(null, `${file} er ikke en fil.`);
  if (info.size < 22) throw refuse(null, info.size === 0 ? 'Filen er tom, så den er ikke en Sekretariat-pakke.' : NOT_A_PACKAGE);
  const handle = await openFile(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    // A local file header (PK\3\4) or, for an empty zip, the end of the central directory (PK\5\6).
    if (!head.equals(Buffer.from([0x50, 0x4b, 3, 4])) && !head.equals(Buffer.from([0x50, 0x4b, 5, 6]))) throw refuse(null, NOT_A_PACKAGE);
  } finally {
    await handle.close();
  }
  return info.size;
}

interface ListedEntry {
  name: string;
  entry: Entry;
}

/** Reads the central directory: names, sizes, encryption, duplicates, before a byte of content is inflated. */
async function listEntries(zip: ZipFile, limits: ReadLimits): Promise<Map<string, ListedEntry>> {
  if (zip.entryCount > limits.maxEntries) {
    throw refuse(null, `Pakken afvises: den har ${zip.entryCount.toLocaleString('da-DK')} dele, flere end de ${limits.maxEntries.toLocaleString('da-DK')}, en pakke må have. Intet er importeret.`);
  }
  const entries = new Map<string, ListedEntry>();
  const problems: Problem[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer;
      const name = decodeUtf8(raw);
      if (name === null) {
        problems.push(problem(null, 'Pakken indeholder et indholdsnavn, der ikke er gyldig UTF-8. Intet er importeret.'));
        continue;
      }
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        problems.push(problem(name, `Pakken indeholder et farligt indholdsnavn ${quote(name)}: ${unsafe}. Pakken afvises; intet er importeret.`));
        continue;
      }
      if (entries.has(name)) {
        problems.push(problem(name, `${quote(name)} findes to gange i pakken. Pakken afvises; intet er importeret.`));
        continue;
      }
      entries.set(name, { name, entry });
      if (name !== MANIFEST_PATH && parseEntryPath(name) === null) {
        problems.push(problem(name, `Pakken indeholder ${quote(name)}, som ikke hører til pakkeformatet. Intet er importeret.`));
        continue;
      }
      if (entry.isEncrypted()) {
        problems.push(problem(name, `${quote(name)} er krypteret; Sekretariat kan ikke læse krypterede pakker. Intet er importeret.`));
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        problems.push(problem(name, `${quote(name)} er pakket med en metode (${entry.compressionMethod}), som Sekretariat ikke kan læse. Intet er importeret.`));
        continue;
      }
      const declared = entry.uncompressedSize;
      total += declared;
      if (declared > limits.maxEntryBytes) throw bomb(name, `ville fylde ${sizeText(declared)}, når den pakkes ud (grænsen er ${sizeText(limits.maxEntryBytes)}).`);
      if (declared > limits.ratioFromBytes && declared > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw bomb(name, `ville fylde ${Math.round(declared / Math.max(entry.compressedSize, 1)).toLocaleString('da-DK')} gange mere udpakket end pakket (grænsen er ${limits.maxRatio}).`);
      }
      if (total > limits.maxTotalBytes) throw bomb(name, `får pakkens indhold til at fylde over ${sizeText(limits.maxTotalBytes)}, når det pakkes ud.`);
    }
  } catch (error) {
    if (error instanceof Refused) throw new Refused([...problems, ...error.problems]);
    throw new Refused([...problems, ...zipError(error, null).problems]);
  }
  if (problems.length > 0) throw new Refused(problems);
  return entries;
}

/** Collects an entry (the manifest) into memory, within its limit. */
async function collect(zip: ZipFile, listed: ListedEntry, limits: ReadLimits, signal?: AbortSignal): Promise<Buffer> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of inflate(zip, listed.entry, listed.name, limits, signal)) {
    bytes += chunk.length;
    if (bytes > limits.maxManifestBytes) throw refuse(listed.name, `${quote(listed.name)} er for stor (over ${sizeText(limits.maxManifestBytes)}). Intet er importeret.`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** The manifest, checked, and the SHA-256 of its bytes (which carry the hash of every other entry). */
async function readManifest(zip: ZipFile, entries: Map<string, ListedEntry>, limits: ReadLimits, signal?: AbortSignal): Promise<{ manifest: Manifest; sha256: string }> {
  const listed = entries.get(MANIFEST_PATH);
  if (!listed) throw refuse(null, 'Pakken mangler manifest.json, så den er ikke en Sekretariat-pakke (eller den er beskadiget). Intet er importeret.');
  const raw = await collect(zip, listed, limits, signal);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const text = decodeUtf8(raw);
  if (text === null) throw refuse(MANIFEST_PATH, 'manifest.json er ikke gyldig UTF-8-tekst. Pakken er beskadiget; intet er importeret.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw refuse(MANIFEST_PATH, `manifest.json er ikke gyldig JSON (${(error as Error).message}). Pakken er beskadiget; intet er importeret.`);
  }
  const head = (json && typeof json === 'object' ? json : {}) as { format?: unknown; formatVersion?: unknown; appVersion?: unknown };
  if (head.format !== EXCHANGE_FORMAT) throw refuse(MANIFEST_PATH, `Filen er ikke en Sekretariat-pakke (manifest.json angiver ikke formatet «${EXCHANGE_FORMAT}»). Intet er importeret.`);
  if (typeof head.formatVersion === 'number' && Number.isInteger(head.formatVersion) && head.formatVersion > EXCHANGE_FORMAT_VERSION) {
    const made = typeof head.appVersion === 'string' ? ` (Sekretariat ${head.appVersion.slice(0, 50)})` : '';
    throw refuse(
      MANIFEST_PATH,
      `Filen er lavet med en nyere version af Sekretariat${made} i pakkeformat ${head.formatVersion}; denne version kan læse pakkeformat op til ${EXCHANGE_FORMAT_VERSION}. Opdater Sekretariat for at importere den. Intet er importeret.`,
      undefined,
      'formatVersion',
    );
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw refuse(MANIFEST_PATH, `${at(MANIFEST_PATH, undefined, field)}: ${message}. Manifestet er ugyldigt; intet er importeret.`, undefined, field);
  }
  return { manifest: parsed.data, sha256 };
}

/** Every entry listed, every listing present, and the zip's sizes equal to the manifest's. */
function crossCheck(entries: Map<string, ListedEntry>, manifest: Manifest): Map<string, ManifestEntry> {
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  const problems: Problem[] = [];
  for (const name of entries.keys()) {
    if (name !== MANIFEST_PATH && !listed.has(name)) problems.push(problem(name, `${quote(name)} ligger i pakken, men står ikke i manifestet. Pakken er manipuleret eller beskadiget; intet er importeret.`));
  }
  for (const entry of manifest.entries) {
    const zipped = entries.get(entry.path);
    if (!zipped) problems.push(problem(entry.path, `${quote(entry.path)} står i manifestet, men mangler i pakken. Pakken er ufuldstændig; intet er importeret.`));
    else if (zipped.entry.uncompressedSize !== entry.bytes) {
      problems.push(problem(entry.path, `${quote(entry.path)} fylder ${zipped.entry.uncompressedSize.toLocaleString('da-DK')} byte i pakken, men manifestet angiver ${entry.bytes.toLocaleString('da-DK')} byte. Pakken er beskadiget; intet er importeret.`));
    }
  }
  if (problems.length > 0) throw new Refused(problems);
  return listed;
}

/** The content checks: records entries in dependency order, then files, then references across them. */
async function readEntries(
  zip: ZipFile,
  entries: Map<string, ListedEntry>,
  manifest: Manifest,
  listed: Map<string, ManifestEntry>,
  limits: ReadLimits,
  options: ReadPackageOptions,
): Promise<Omit<PackageSummary, 'bytes' | 'manifestSha256'>> {
  const summaries = Object.fromEntries(ENTITY_NAMES.map((e) => [e, { count: 0, deleted: 0, records: [] as RecordRef[] }])) as Record<EntityName, EntitySummary>;
  const ids = Object.fromEntries(ENTITY_NAMES.map((e) => [e, new Map<string, number>()])) as Record<EntityName, Map<string, number>>;
  const sanitized: PackageSummary['sanitized'] = [];
  const references: PendingReference[] = [];
  /** sha256 → the attachment line that needs it (live attachments), or 0 when only tombstones have it. */
  const attachmentFiles = new Map<string, { line: number; title: string; fileName: string } | null>();
  const totalBytes = [...listed.values()].reduce((sum, e) => sum + e.bytes, 0);
  let checkedBytes = 0;
  const checked = (n: number) => {
    checkedBytes += n;
    options.onProgress?.(checkedBytes, totalBytes);
  };

  for (const entity of ENTITY_NAMES) {
    const path = recordsPath(entity);
    const zipped = entries.get(path);
    if (!zipped) continue;
    const spec = ENTITIES[entity];
    const summary = summaries[entity];
    const seen = ids[entity];
    // Two records of the package that one database cannot hold together: named before the database refuses them mid-import.
    const unique = spec.unique;
    const keys = new Map<string, number>();
    const contentProblems: Problem[] = [];
    const fail = (message: string, line: number, field?: string): never => {
      throw new Refused([problem(path, `${at(path, line, field)}: ${message}`, line, field)]);
    };

    const onLine = (bytes: Buffer, line: number) => {
      if (bytes.length === 0) fail('Linjen er tom. Hver linje skal være én post (et JSON-objekt).', line);
      const text = decodeUtf8(bytes);
      if (text === null) fail('Linjen er ikke gyldig UTF-8-tekst.', line);
      let json: unknown;
      try {
        json = JSON.parse(text!);
      } catch {
        fail('Linjen er ikke gyldig JSON.', line);
      }
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success) {
        const { field, message } = firstIssue(parsed.error);
        fail(`${message} (${spec.label}).`, line, field || undefined);
      }
      const record = parsed.data!;
      const broken = spec.check?.(record);
      if (broken) fail(`${broken.message} (${spec.label}).`, line, broken.field);
      const id = record.id as string;
      const earlier = seen.get(id);
      if (earlier !== undefined) fail(`Id ${id} står også på linje ${earlier}; et id må kun forekomme én gang pr. type.`, line, 'id');
      seen.set(id, line);
      const deleted = record.deletedAt !== null;
      // Two records of the package that one database cannot hold together (two decisions for one item …).
      if (unique && !(unique.liveOnly && deleted)) {
        const key = JSON.stringify(unique.fields.map((f) => record[f]));
        const other = keys.get(key);
        if (other !== undefined) fail(`${unique.inPackage} (linje ${other} og ${line}). Pakken afvises; intet er importeret.`, line, unique.fields.at(-1));
        keys.set(key, line);
      }
      summary.count++;
      if (deleted) summary.deleted++;
      summary.records.push({ id, revision: record.revision as number, deleted });

      for (const field of spec.richText) {
        const value = record[field] as string;
        if (value === '') continue;
        const clean = sanitizeRichText(value);
        if (clean !== value) sanitized.push({ entity, id, field, clean });
      }
      for (const ref of spec.references) {
        const targetId = record[ref.field];
        if (typeof targetId === 'string') references.push({ entity, id, line, field: ref.field, target: ref.entity, targetId, onMissing: ref.onMissing });
      }
      for (const ref of spec.embedded) {
        if (record[ref.field] === null) continue;
        for (const targetId of new Set(ref.ids(record[ref.field]))) references.push({ entity, id, line, field: ref.field, target: ref.entity, targetId, onMissing: 'error' });
      }
      if (entity === 'attachments' && typeof record.sha256 === 'string') {
        if (!deleted) attachmentFiles.set(record.sha256, { line, title: record.title as string, fileName: record.fileName as string });
        else if (!attachmentFiles.has(record.sha256)) attachmentFiles.set(record.sha256, null);
      }
      if (entity === 'scenario_versions') {
        const hash = createHash('sha256').update(canonicalJson(record.input)).digest('hex');
        if (hash !== record.hash) fail('Den frosne versions tal passer ikke til dens SHA-256; versionen er ændret efter den blev frosset.', line, 'hash');
      }
      options.onRecord?.(entity, record);
    };

    const splitter = new LineSplitter(limits.maxLineBytes, onLine, (line) =>
      fail(`Linjen er længere end ${sizeText(limits.maxLineBytes)}; så meget må én post ikke fylde (en tekst højst ${MAX_RICH_TEXT_CHARS.toLocaleString('da-DK')} tegn).`, line),
    );
    const { hash, bytes } = await splitLines(zip, zipped.entry, path, limits, splitter, contentProblems, checked, options.signal);
    const expected = listed.get(path)!;
    const integrity = checkIntegrity(path, hash, bytes, expected);
    if (integrity) throw new Refused([integrity, ...contentProblems]);
    if (contentProblems.length > 0) throw new Refused(contentProblems);
    if (expected.records !== summary.count) {
      throw refuse(path, `${quote(path)} har ${summary.count.toLocaleString('da-DK')} poster, men manifestet angiver ${expected.records?.toLocaleString('da-DK')}. Pakken er beskadiget; intet er importeret.`);
    }
  }

  const bases = await readBases(zip, entries, listed, limits, ids, checked, options);

  // Attachment files: streamed and hashed, each must be wanted by an attachment record.
  const files: PackageSummary['files'] = { count: 0, bytes: 0, sha256: [], mediaTypes: new Map() };
  const filesInPackage = new Set<string>();
  for (const [name, zipped] of entries) {
    const path = parseEntryPath(name);
    if (path?.kind !== 'file') continue;
    if (!attachmentFiles.has(path.sha256)) {
      throw refuse(name, `${quote(name)} hører ikke til noget bilag i pakken. Pakken er manipuleret eller beskadiget; intet er importeret.`);
    }
    const wanted = attachmentFiles.get(path.sha256) ?? null;
    // The declared type is never stored, but one with control characters is a forged manifest (it once reached a header).
    const declared = listed.get(name)!.mediaType;
    // eslint-disable-next-line no-control-regex
    if (declared !== undefined && /[\u0000-\u001f\u007f]/.test(declared)) {
      const what = wanted ? `Bilaget «${wanted.title}» (filen «${wanted.fileName}»)` : `Filen ${quote(name)}`;
      throw refuse(MANIFEST_PATH, `${what} har en medietype med styretegn i manifest.json. Pakken er manipuleret eller beskadiget; intet er importeret.`, undefined, 'mediaType');
    }
    const sink = (await options.stageFile?.(path.sha256)) ?? null;
    const { bytes, head } = await checkFile(zip, zipped, listed.get(name)!, limits, sink, checked, options.signal);
    filesInPackage.add(path.sha256);
    files.mediaTypes.set(path.sha256, detectMediaType(head, wanted?.fileName ?? ''));
    files.count++;
    files.bytes += bytes;
    files.sha256.push(path.sha256);
  }
  for (const [sha256, needed] of attachmentFiles) {
    if (needed && !filesInPackage.has(sha256)) {
      const path = recordsPath('attachments');
      throw refuse(path, `${at(path, needed.line, 'sha256')}: Bilaget «${needed.title}» mangler sin fil (files/${sha256}) i pakken. Pakken er ufuldstændig; intet er importeret.`, needed.line, 'sha256');
    }
  }

  const clearedReferences = await checkReferences(references, ids, options);
  return { manifest, entities: summaries, files, sanitized, clearedReferences, bases };
}

/**
 * Streams an attachment file's entry, hashing and counting it, into `sink` if there is one: kept once its size and
 * SHA-256 are the manifest's (and its name's), dropped otherwise. Returns its size and its first bytes (for the type).
 */
async function checkFile(
  zip: ZipFile,
  zipped: ListedEntry,
  expected: ManifestEntry,
  limits: ReadLimits,
  sink: FileSink | null,
  checked: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<{ bytes: number; head: Buffer }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  try {
    for await (const chunk of inflate(zip, zipped.entry, zipped.name, limits, signal)) {
      hash.update(chunk);
      if (headBytes < SNIFF_BYTES) {
        head.push(Buffer.from(chunk.subarray(0, SNIFF_BYTES - headBytes)));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      bytes += chunk.length;
      checked(chunk.length);
      await sink?.write(chunk);
    }
    const integrity = checkIntegrity(zipped.name, hash, bytes, expected);
    if (integrity) throw new Refused([integrity]);
    await sink?.keep();
  } catch (error) {
    await sink?.drop();
    throw error;
  }
  return { bytes, head: Buffer.concat(head) };
}

export type RestageResult = { kind: 'staged' } | { kind: 'changed' } | { kind: 'refused'; problems: Problem[] };

/**
 * For an import right after its preview read the package in full: whether the file is still the package that was
 * checked (its size, and its manifest, which holds the hash of every entry), and if so the attachment files the
 * importer wants (`stageFile`) read again, each proven by its SHA-256 as it is copied. The records are not read again:
 * the importer uses those checked by the preview. 'changed': the file is another one now; read it in full.
 */
export async function restagePackageFiles(
  file: string,
  checkedSummary: PackageSummary,
  options: Pick<ReadPackageOptions, 'limits' | 'signal' | 'onProgress'> & { stageFile: NonNullable<ReadPackageOptions['stageFile']> },
): Promise<RestageResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let zip: ZipFile | null = null;
  try {
    if ((await inspectFile(file)) !== checkedSummary.bytes) return { kind: 'changed' };
    zip = await openZip(file);
    const entries = await listEntries(zip, limits);
    const { sha256 } = await readManifest(zip, entries, limits, options.signal);
    if (sha256 !== checkedSummary.manifestSha256) return { kind: 'changed' };
    const listed = crossCheck(entries, checkedSummary.manifest);
    const names = checkedSummary.files.sha256.map(filePath);
    const totalBytes = names.reduce((sum, name) => sum + listed.get(name)!.bytes, 0);
    let done = 0;
    const checked = (n: number) => {
      done += n;
      options.onProgress?.(done, totalBytes);
    };
    for (const [index, name] of names.entries()) {
      const sink = await options.stageFile(checkedSummary.files.sha256[index]!);
      // A file the store has already is not read at all.
      if (sink === null) checked(listed.get(name)!.bytes);
      else await checkFile(zip, entries.get(name)!, listed.get(name)!, limits, sink, checked, options.signal);
    }
    return { kind: 'staged' };
  } catch (error) {
    if (error instanceof Refused) return { kind: 'refused', problems: error.problems.slice(0, MAX_PROBLEMS) };
    throw error;
  } finally {
    zip?.close();
  }
}

/**
 * Streams a lines entry through the splitter, hashing and counting every byte. The first content problem goes into
 * `problems`; after it the rest is only hashed: a hash or size that does not match is the better explanation.
 */
async function splitLines(
  zip: ZipFile,
  entry: Entry,
  path: string,
  limits: ReadLimits,
  splitter: LineSplitter,
  problems: Problem[],
  checked: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<{ hash: Hash; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const step = (work: () => void) => {
    if (problems.length > 0) return;
    try {
      work();
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      problems.push(...error.problems);
    }
  };
  for await (const chunk of inflate(zip, entry, path, limits, signal)) {
    hash.update(chunk);
    bytes += chunk.length;
    checked(chunk.length);
    step(() => splitter.push(chunk));
  }
  step(() => splitter.end());
  return { hash, bytes };
}

const BaseLine = z.strictObject({ entity: EntityNameSchema, id: Id, source: Id, at: Timestamp, record: z.record(z.string(), z.unknown()) });

/**
 * `bases.jsonl` (format version 3): each line a version of one of the package's records that its source took from
 * another laptop. Checked like the records (a base is compared with, never stored as a record); kept only where the
 * receiver is that laptop.
 */
async function readBases(
  zip: ZipFile,
  entries: Map<string, ListedEntry>,
  listed: Map<string, ManifestEntry>,
  limits: ReadLimits,
  ids: Record<EntityName, Map<string, number>>,
  checked: (bytes: number) => void,
  options: ReadPackageOptions,
): Promise<Map<string, DeclaredBase>> {
  const bases = new Map<string, DeclaredBase>();
  const zipped = entries.get(BASES_PATH);
  if (!zipped) return bases;
  const path = BASES_PATH;
  let count = 0;
  const fail = (message: string, line: number, field?: string): never => {
    throw new Refused([problem(path, `${at(path, line, field)}: ${message}`, line, field)]);
  };
  const onLine = (bytes: Buffer, line: number) => {
    const text = bytes.length === 0 ? null : decodeUtf8(bytes);
    if (text === null) fail('Linjen er tom eller ikke gyldig UTF-8-tekst.', line);
    let json: unknown;
    try {
      json = JSON.parse(text!);
    } catch {
      fail('Linjen er ikke gyldig JSON.', line);
    }
    const parsed = BaseLine.safeParse(json);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      fail(`${message} (grundlag for fletning).`, line, field || undefined);
    }
    const base = parsed.data!;
    const spec = ENTITIES[base.entity];
    const record = spec.schema.safeParse(base.record);
    if (!record.success) {
      const { field, message } = firstIssue(record.error);
      fail(`${message} (grundlag for ${spec.label}).`, line, `record.${field}`);
    }
    if (record.data!.id !== base.id) fail('Grundlaget har et andet id end den post, det hører til.', line, 'record.id');
    if (!ids[base.entity].has(base.id)) fail(`Grundlaget hører til ${spec.label} ${base.id}, som ikke er i pakken.`, line, 'id');
    count++;
    if (!options.baseSources?.has(base.source)) return;
    const key = `${base.entity}:${base.id}`;
    const earlier = bases.get(key);
    if (!earlier || earlier.at < base.at) bases.set(key, { at: base.at, record: record.data! });
  };
  const splitter = new LineSplitter(limits.maxLineBytes, onLine, (line) => fail(`Linjen er længere end ${sizeText(limits.maxLineBytes)}.`, line));
  const problems: Problem[] = [];
  const { hash, bytes } = await splitLines(zip, zipped.entry, path, limits, splitter, problems, checked, options.signal);
  const expected = listed.get(path)!;
  const integrity = checkIntegrity(path, hash, bytes, expected);
  if (integrity) throw new Refused([integrity, ...problems]);
  if (problems.length > 0) throw new Refused(problems);
  if (expected.records !== count) throw refuse(path, `${quote(path)} har ${count.toLocaleString('da-DK')} linjer, men manifestet angiver ${expected.records?.toLocaleString('da-DK')}. Pakken er beskadiget; intet er importeret.`);
  return bases;
}

function checkIntegrity(name: string, hash: Hash, bytes: number, expected: ManifestEntry): Problem | null {
  if (bytes !== expected.bytes) {
    return problem(name, `${quote(name)} fylder ${bytes.toLocaleString('da-DK')} byte udpakket, men manifestet angiver ${expected.bytes.toLocaleString('da-DK')} byte. Pakken er beskadiget; intet er importeret.`);
  }
  const sha256 = hash.digest('hex');
  if (sha256 !== expected.sha256) {
    return problem(name, `${quote(name)} har ikke den SHA-256, manifestet angiver: indholdet er ændret eller beskadiget. Intet er importeret.`);
  }
  const file = parseEntryPath(name);
  if (file?.kind === 'file' && file.sha256 !== sha256) {
    return problem(name, `${quote(name)} har ikke det indhold, dens navn (SHA-256) angiver. Intet er importeret.`);
  }
  return null;
}

/** Every reference resolves in the package or the database; cross-scope links that do not are to be cleared. */
async function checkReferences(
  references: PendingReference[],
  ids: Record<EntityName, Map<string, number>>,
  options: ReadPackageOptions,
): Promise<PackageSummary['clearedReferences']> {
  const outside = new Map<EntityName, Set<string>>();
  for (const ref of references) {
    if (ids[ref.target].has(ref.targetId)) continue;
    let set = outside.get(ref.target);
    if (!set) outside.set(ref.target, (set = new Set()));
    set.add(ref.targetId);
  }
  const local = new Map<EntityName, Set<string>>();
  for (const [entity, wanted] of outside) {
    local.set(entity, new Set(options.localIds ? await options.localIds(entity, [...wanted]) : []));
  }
  const cleared: PackageSummary['clearedReferences'] = [];
  for (const ref of references) {
    if (ids[ref.target].has(ref.targetId) || local.get(ref.target)?.has(ref.targetId)) continue;
    if (ref.onMissing === 'clear') {
      cleared.push({ entity: ref.entity, id: ref.id, field: ref.field, target: ref.target, targetId: ref.targetId });
      continue;
    }
    const path = recordsPath(ref.entity);
    const where = options.localIds ? 'hverken i pakken eller i databasen' : 'ikke i pakken';
    throw refuse(
      path,
      `${at(path, ref.line, ref.field)}: henviser til ${ENTITIES[ref.target].label} ${ref.targetId}, som findes ${where}. Pakken er ufuldstændig; intet er importeret.`,
      ref.line,
      ref.field,
    );
  }
  return cleared;
}

/** `localIds` for {@link readPackage} over a database: which of the ids the table has (tombstones count: they exist). */
export function localIdsIn(db: Kysely<DB>): NonNullable<ReadPackageOptions['localIds']> {
  return (entity, wanted) => existingRecordIds(db, entity, wanted);
}
