/**
 * Applies an exchange package (docs/exchange-format.md §8): validated again — the attachment files the store lacks are
 * copied into it on the same read, each once its hash is proven —, an `import` backup taken, then everything written in ONE transaction —
 * new records inserted, changed ones and conflicts taken as resolved, tombstones applied, "keep both" copies added,
 * search reindexed, the base recorded per record and the export id recorded. Any failure rolls the transaction back.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setImmediate as breathe } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';
import type { BackupEntry } from '../../../shared/domain/backups';
import type { Resolution } from '../../../shared/domain/exchange';
import { recordBases, type BaseRow } from '../../../db/queries/exchange-bases';
import {
  decisionItemId,
  deferForeignKeys,
  hasFile,
  insertFileRow,
  insertRecordRow,
  meetingWithItemIds,
  overwriteRecordRow,
  recordImport,
  renameRecordId,
  repointReferences,
} from '../../../db/queries/exchange';
import { mergedRecord, sameContent, type FieldChoice } from '../../../shared/exchange/field-merge';
import { columnOf, COPIED_CHILDREN, COPYABLE, ENTITIES, ENTITY_NAMES, ENTITY_PLURALS, recordLine, recordToRow, type EntityName } from '../../../shared/exchange/records';
import { AppError } from '../errors';
import { MAX_EXTRACT_BYTES } from '../files/extract-text';
import type { FileStore } from '../files/file-store';
import { hasSearchableText, OCTET_STREAM } from '../files/media-type';
import type { BackupService } from '../services/backups';
import { reindexItem, reindexMeeting } from '../services/agenda';
import { CONFIDENTIALITY_FIELDS, contentHash, openingKinds, openingSentences, planImport, readForImport, type ImportPreview, type Opening, type ReadForImport } from './merge';
import { restagePackageFiles, type FileSink, type Problem } from './read-package';
import { JobCancelled, throwIfCancelled } from '../jobs';

export interface Resolutions {
  default: Resolution;
  /** By record id. */
  perRecord?: Record<string, Resolution>;
  /** By `recordId:field`, for a field in conflict; before the record's and the default resolution. */
  perField?: Record<string, FieldChoice>;
  /**
   * By record id: a closed item (or attachment) here that the package would open or whose title it would make public
   * (ImportPreview.openings). Only «open» lets the package's flags in; unchosen, the record stays as closed as it is.
   */
  openings?: Record<string, OpeningChoice>;
  /** Every such record takes the package's flags (the command line's --allow-open-closed). */
  openAll?: boolean;
  /** Refuse the import, before anything is written, if the package would open any closed record (the command line without --allow-open-closed). */
  refuseOpenings?: { advice: string };
}

export type OpeningChoice = 'keep' | 'open';

/** What the import needs of the backend (the handlers' context or the Backend object provide it). */
export interface ImportTarget {
  db: Kysely<DB>;
  files: FileStore | null;
  backups: BackupService;
  now?: () => Date;
  newId?: () => string;
}

export interface ApplyOptions {
  /** Tests: called inside the transaction after each entity is written (throw to prove the rollback). */
  afterEntity?: (entity: EntityName) => void | Promise<void>;
  /** Stops the import anywhere before the commit; copied files are removed and the transaction rolled back. */
  signal?: AbortSignal;
  /** The step in Danish and the fraction of the whole import done. */
  onProgress?: (step: string, fraction: number) => void;
  /** Called just before the commit: from here the import can no longer be cancelled. */
  onCommit?: (step: string) => void;
  /**
   * The package as its preview read and checked it a moment ago (see checked-reads.ts): reused when the file is still
   * that package, so that only the attachment files the store lacks are read again (each proven by its hash).
   */
  checked?: ReadForImport;
}

/** How much of the whole import each phase counts for on the progress bar (checked bytes dominate a big package). */
const PHASES = { check: [0, 0.7], backup: [0.7, 0.8], write: [0.8, 1] } as const;
const within = (phase: keyof typeof PHASES, part: number) => PHASES[phase][0] + (PHASES[phase][1] - PHASES[phase][0]) * Math.min(1, Math.max(0, part));
const WRITE_PIECE = 1024 * 1024;
/** Records written between two breaths of the event loop (the window's calls are answered meanwhile). */
const RECORDS_PER_BREATH = 500;
/** Items reindexed for search between two breaths (each is a dozen queries). */
const ITEMS_PER_BREATH = 50;

export interface ApplyCounts {
  inserted: number;
  updated: number;
  /** Records changed on both laptops whose edits were combined field by field. */
  merged: number;
  deleted: number;
  copied: number;
  kept: number;
  unchanged: number;
}

export interface ImportReport {
  preview: Omit<ImportPreview, 'plan'>;
  applied: ApplyCounts;
  /** Files copied into the store (those already present are skipped). */
  filesCopied: number;
  backup: BackupEntry | null;
  notes: string[];
}

export type ApplyResult = { ok: true; report: ImportReport } | { ok: false; problems: Problem[] };

export class ImportError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'ImportError';
  }
}

const COPY_SUFFIX = ' (kopi fra import)';
const COPY_NOTE = 'Kopi fra import: pakkens udgave af mødet, lagt ind ved siden af det, der var her.';

/**
 * Keeps the package's attachment files that the store lacks while the package is checked, so it is read only once:
 * each goes to a temporary file and takes its final name (its SHA-256) once proven; `copied` lists those. The caller
 * removes them again if the import does not commit.
 */
function fileStager(files: FileStore, copied: string[]): (sha256: string) => Promise<FileSink | null> {
  return async (sha256) => {
    if (await files.exists(sha256)) return null;
    await mkdir(files.tmpDir, { recursive: true });
    const temp = join(files.tmpDir, `${randomUUID()}.part`);
    const handle = await open(temp, 'wx');
    let closed = false;
    const close = async () => {
      if (!closed) await handle.close();
      closed = true;
    };
    // Written in pieces of about a megabyte: one write per read chunk cost more than the bytes.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const piece = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await handle.write(piece);
    };
    return {
      write: async (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= WRITE_PIECE) await flush();
      },
      keep: async () => {
        await flush();
        await handle.sync();
        await close();
        const target = files.pathOf(sha256);
        await mkdir(dirname(target), { recursive: true });
        await rename(temp, target);
        copied.push(sha256);
      },
      drop: async () => {
        await close().catch(() => undefined);
        await rm(temp, { force: true }).catch(() => undefined);
      },
    };
  };
}

/** Validates the package again and imports it; see the module comment. */
export async function applyImport(target: ImportTarget, packagePath: string, resolutions: Resolutions, options: ApplyOptions = {}): Promise<ApplyResult> {
  const now = (target.now ?? (() => new Date()))().toISOString();
  const newId = target.newId ?? randomUUID;
  const { signal } = options;
  const progress = (step: string, phase: keyof typeof PHASES, part: number) => options.onProgress?.(step, within(phase, part));
  const copiedFiles: string[] = [];
  let committed = false;
  try {
    const onProgress = (done: number, total: number) => progress('Kontrollerer pakken og kopierer bilagsfiler', 'check', total ? done / total : 1);
    const stageFile = target.files ? fileStager(target.files, copiedFiles) : undefined;
    let read: Awaited<ReturnType<typeof readForImport>> | null = null;
    if (options.checked) {
      const restaged = await restagePackageFiles(packagePath, options.checked.summary, { signal, onProgress, stageFile: stageFile ?? (async () => null) });
      if (restaged.kind === 'refused') return { ok: false, problems: restaged.problems };
      if (restaged.kind === 'staged') read = options.checked;
    }
    // Not checked before, or the file has changed since: read and check it in full.
    read ??= await readForImport(target.db, packagePath, { signal, onProgress, stageFile });
    if (!read.ok) return read;
    throwIfCancelled(signal);
    if (read.summary.files.count > 0 && !target.files) throw new ImportError('Pakken har bilagsfiler, men denne database har ingen mappe til bilag. Intet er importeret.');

    const first = await planImport(target.db, read);
    if (first.alreadyImported) {
      const { plan: _plan, ...preview } = first;
      return {
        ok: true,
        report: { preview, applied: { inserted: 0, updated: 0, merged: 0, deleted: 0, copied: 0, kept: 0, unchanged: first.totals.unchanged }, filesCopied: 0, backup: null, notes: preview.notes },
      };
    }
    if (first.blockers.length > 0) return { ok: false, problems: first.blockers.map((message) => ({ entry: null, message })) };
    if (resolutions.refuseOpenings && first.openings.length > 0) {
      return { ok: false, problems: [{ entry: null, message: `${openingSentences(first.openings).join(' ')} Intet er importeret. ${resolutions.refuseOpenings.advice}` }] };
    }
    // Before the transaction, never inside it (the backup waits for open transactions).
    progress('Tager en sikkerhedskopi', 'backup', 0);
    const backup = await target.backups.create('import', { signal, onProgress: (part) => progress('Tager en sikkerhedskopi', 'backup', part) });
    const result = await writeImport(target, read, resolutions, backup, { ...options, progress: (part, step) => progress(step ?? 'Skriver i databasen', 'write', part) }, now, newId, copiedFiles.length);
    committed = true;
    return result;
  } finally {
    // Files copied for an import that did not commit belong to nothing: they go again (unless a record took them meanwhile).
    if (!committed && target.files) await removeUnclaimed(target, copiedFiles);
  }
}

async function removeUnclaimed(target: ImportTarget, copied: readonly string[]): Promise<void> {
  for (const sha256 of copied) {
    const claimed = await hasFile(target.db, sha256).catch(() => false);
    if (!claimed) await rm(target.files!.pathOf(sha256), { force: true }).catch(() => undefined);
  }
}

/** The one transaction of an import. */
async function writeImport(
  target: ImportTarget,
  read: ReadForImport,
  resolutions: Resolutions,
  backup: BackupEntry,
  options: ApplyOptions & { progress: (part: number, step?: string) => void },
  now: string,
  newId: () => string,
  filesCopied: number,
): Promise<ApplyResult> {
  const { signal } = options;
  const { manifest, files: packageFiles } = read.summary;
  const fileBytes = new Map(manifest.entries.filter((e) => e.path.startsWith('files/')).map((e) => [e.sha256, e.bytes]));

  const applied: ApplyCounts = { inserted: 0, updated: 0, merged: 0, deleted: 0, copied: 0, kept: 0, unchanged: 0 };
  const notes: string[] = [];
  const newFiles: string[] = [];
  let planned: ImportPreview;
  try {
    planned = await target.db.transaction().execute(async (trx) => {
      // References inside an entity (an item postponed from a later-sorted item) resolve by the commit.
      await deferForeignKeys(trx);
      // Planned again inside the transaction, so that nothing changed locally between the plan and the writes.
      let plan = await planImport(trx, read);
      if (plan.blockers.length > 0) throw new ImportError(plan.blockers[0]!);
      // A clash settled moves the record here to the package's id, whose own records may then clash in turn
      // (a decision's outcomes): settled round by round.
      for (let round = 0; plan.clashes.length > 0; round++) {
        if (round === 5) throw new ImportError(`${plan.clashes[0]!.message} Sammenstødet kunne ikke afgøres; intet er importeret.`);
        for (const clash of plan.clashes) {
          const choice = resolutions.perRecord?.[clash.incomingId] ?? (resolutions.default === 'theirs' ? 'theirs' : 'mine');
          await moveToIncomingId(trx as Transaction<DB>, clash.entity, clash.localId, clash.incomingId);
          resolutions = { ...resolutions, perRecord: { ...resolutions.perRecord, [clash.incomingId]: choice === 'theirs' ? 'theirs' : 'mine' } };
          notes.push(`${clash.message} ${choice === 'theirs' ? 'Den fra pakken er taget.' : 'Den her er beholdt.'}`);
        }
        plan = await planImport(trx, read);
        if (plan.blockers.length > 0) throw new ImportError(plan.blockers[0]!);
      }
      for (const [n, sha256] of packageFiles.sha256.entries()) {
        if (n % RECORDS_PER_BREATH === 0) await breathe();
        if (await hasFile(trx, sha256)) continue;
        // The type the reader detected from the bytes; what the manifest declares is never trusted.
        const mediaType = packageFiles.mediaTypes.get(sha256) ?? OCTET_STREAM;
        const bytes = fileBytes.get(sha256) ?? 0;
        const textStatus = hasSearchableText(mediaType) && bytes <= MAX_EXTRACT_BYTES ? 'afventer' : 'ingen_tekst';
        await insertFileRow(trx, { sha256, size: bytes, media_type: mediaType, text: null, text_status: textStatus, created_at: now });
        if (textStatus === 'afventer') newFiles.push(sha256);
      }

      const touchedItems = new Set<string>();
      const touchedDecisions = new Set<string>();
      const touchedMeetings = new Set<string>();
      const bases: BaseRow[] = [];
      const notCopyable = new Set<EntityName>();
      /** Package records copied with a record kept both ways (its items, decisions, attachments …). */
      const keptAsCopy = new Set<string>();
      /** This laptop's version of every record of the plan, for the copies' confidentiality. */
      const locals = new Map(plan.plan.filter((p) => p.local).map((p) => [`${p.entity}:${p.incoming.id as string}`, p.local!]));
      /** Titles of records kept closed against the package, for the report. */
      const keptClosed: string[] = [];
      /**
       * A record closed here is not opened, nor its title made public, by the package unless chosen for it: the
       * confidentiality flags stay as they are here (also in a copy kept both ways).
       */
      const guarded = (entity: EntityName, originalId: string, record: Record<string, unknown>): Record<string, unknown> => {
        const local = locals.get(`${entity}:${originalId}`);
        if (!local || resolutions.openAll || resolutions.openings?.[originalId] === 'open') return record;
        if (openingKinds(entity, local, record).length === 0) return record;
        keptClosed.push(`«${local.title as string}»`);
        return { ...record, ...Object.fromEntries(CONFIDENTIALITY_FIELDS[entity as Opening['entity']].map((f) => [f, local[f]])) };
      };
      let index = 0;
      for (const entity of Object.keys(plan.counts) as EntityName[]) {
        for (; index < plan.plan.length && plan.plan[index]!.entity === entity; index++) {
          if (index % RECORDS_PER_BREATH === 0) {
            throwIfCancelled(signal);
            options.progress(0.6 * (index / plan.plan.length));
            await breathe();
          }
          const { incoming, incomingHash, local, class: cls, merge } = plan.plan[index]!;
          const id = incoming.id as string;
          let resolution = resolutions.perRecord?.[id] ?? resolutions.default;
          if (cls === 'conflict' && resolution === 'both' && !COPYABLE.has(entity)) {
            notCopyable.add(entity);
            resolution = 'theirs';
          }
          // The record as it is to be stored: the package's, this laptop's, or the two merged field by field.
          let result: Record<string, unknown> | null = null;
          let action: 'insert' | 'update' | 'copy' | 'keep' | 'none' = 'none';
          // Under a record kept both ways, the package's version lives on in the copy; this laptop's stays as it is.
          if (keptAsCopy.has(id)) action = local ? 'keep' : 'none';
          else if (cls === 'new') action = 'insert';
          else if (cls === 'changed' || cls === 'deleted') {
            action = 'update';
            result = incoming;
          } else if (cls === 'merged' || cls === 'conflict') {
            if (cls === 'conflict' && resolution === 'both') action = incoming.deletedAt !== null ? 'keep' : 'copy';
            else {
              const choose = (field: string): FieldChoice => resolutions.perField?.[`${id}:${field}`] ?? (resolution === 'theirs' ? 'theirs' : 'mine');
              result = mergedRecord(local!, incoming, merge!, choose);
              if (sameContent(entity, result, local!)) action = 'keep';
              else {
                action = 'update';
                // The package's record where the merge took all of it, so both laptops then hold equal rows.
                if (sameContent(entity, result, incoming)) result = incoming;
                else result = { ...result, updatedAt: now };
              }
            }
          }
          if (action === 'update') {
            const safe = guarded(entity, id, result!);
            if (safe !== result) {
              if (sameContent(entity, safe, local!)) action = 'keep';
              else result = { ...safe, updatedAt: now };
            }
          }
          const row = recordToRow(entity, result ?? incoming);
          if (action === 'insert') {
            await insertRecordRow(trx, entity, row);
            applied.inserted++;
          } else if (action === 'update') {
            const { id: _id, ...rest } = row;
            await overwriteRecordRow(trx, entity, id, { ...rest, revision: ((local?.revision as number | undefined) ?? 0) + 1 });
            if (result!.deletedAt !== null && local?.deletedAt === null) applied.deleted++;
            else if (result === incoming) applied.updated++;
            else applied.merged++;
          } else if (action === 'copy') {
            const copies = copiesOf(read, entity, incoming, newId).map((c) => ({ ...c, record: guarded(c.entity, c.originalId, c.record) }));
            for (const copy of copies) {
              await insertRecordRow(trx, copy.entity, recordToRow(copy.entity, copy.record));
              if (copy.entity === 'agenda_items') touchedItems.add(copy.record.id as string);
            }
            applied.copied++;
            for (const copy of copies.slice(1)) keptAsCopy.add(copy.originalId);
          } else if (action === 'keep') applied.kept++;
          else applied.unchanged++;
          bases.push({ source: manifest.sourceInstallation, entity, id, revision: incoming.revision as number, hash: incomingHash, content: recordLine(entity, incoming), sourceCreatedAt: manifest.createdAt, exchangedAt: now });
          // Written as they come: the bases hold every record's line again, too much to keep until the end.
          if (bases.length >= RECORDS_PER_BREATH) await recordBases(trx, bases.splice(0));

          if (action === 'insert' || action === 'update') {
            const { parent, searched } = ENTITIES[entity];
            if (entity === 'agenda_items') touchedItems.add(id);
            else if (entity === 'meetings') touchedMeetings.add(id);
            // Part of an item's search document: directly under the item, or under its decision.
            else if (searched && parent?.entity === 'agenda_items') touchedItems.add(incoming[parent.field] as string);
            else if (searched && parent?.entity === 'decisions') touchedDecisions.add(incoming[parent.field] as string);
          }
        }
        await options.afterEntity?.(entity);
      }
      if (keptClosed.length > 0) {
        notes.push(`Holdt lukket som her (pakken ville gøre dem åbne eller vise titlen offentligt): ${[...new Set(keptClosed)].join('; ')}.`);
      }
      if (notCopyable.size > 0) {
        notes.push(`«Behold begge» kan kun bruges for møder, punkter og takstscenarier; for ${[...notCopyable].map((e) => ENTITY_PLURALS[e]).join(', ')} er den indlæste version taget.`);
      }

      let looked = 0;
      for (const decisionId of touchedDecisions) {
        if (looked++ % RECORDS_PER_BREATH === 0) await breathe();
        const itemId = await decisionItemId(trx, decisionId);
        if (itemId !== undefined) touchedItems.add(itemId);
      }
      // A meeting moved to another date or body, deleted or restored changes the search documents of all its items.
      const removedMeetings: string[] = [];
      for (const meetingId of touchedMeetings) {
        const meeting = await meetingWithItemIds(trx, meetingId);
        if (meeting.deleted) {
          removedMeetings.push(meetingId);
          for (const id of meeting.itemIds) touchedItems.delete(id);
        } else for (const id of meeting.itemIds) touchedItems.add(id);
      }
      let reindexed = 0;
      for (const itemId of touchedItems) {
        if (reindexed++ % ITEMS_PER_BREATH === 0) {
          throwIfCancelled(signal);
          options.progress(0.6 + 0.35 * (reindexed / touchedItems.size), 'Opdaterer søgningen');
          await breathe();
        }
        await reindexItem(trx as Transaction<DB>, itemId);
      }
      for (const meetingId of removedMeetings) await reindexMeeting(trx as Transaction<DB>, meetingId);

      await recordBases(trx, bases, () => breathe());
      // An export id reused with other content is imported again: its row says when it last was.
      await recordImport(trx, manifest.exportId, manifest.sourceInstallation, now);
      // The last moment a cancel can still roll everything back; the commit follows at once.
      throwIfCancelled(signal);
      options.onCommit?.('Gemmer importen');
      return plan;
    });
  } catch (error) {
    if (error instanceof AppError || error instanceof JobCancelled) throw error;
    throw new ImportError(`Importen mislykkedes og er rullet tilbage; databasen er uændret. (${(error as Error).message})`);
  }
  for (const sha256 of newFiles) target.files?.text.schedule(sha256);
  const { plan: _plan, ...preview } = planned;
  return { ok: true, report: { preview, applied, filesCopied, backup, notes: [...preview.notes.filter((n) => !n.startsWith('«Behold begge»')), ...notes] } };
}

/**
 * «Behold begge»: the package's record and everything under it in the package (a meeting with its items, their
 * Indstilling, decisions, follow-ups and attachments) as new records with new ids, the links among them following;
 * the root marked as a copy. Parents first. Attachment files are shared by their hash.
 */
function copiesOf(read: ReadForImport, entity: EntityName, root: Record<string, unknown>, newId: () => string): { entity: EntityName; originalId: string; record: Record<string, unknown> }[] {
  const found: { entity: EntityName; record: Record<string, unknown> }[] = [];
  const collect = (e: EntityName, record: Record<string, unknown>) => {
    if (record.deletedAt !== null) return;
    found.push({ entity: e, record });
    for (const child of COPIED_CHILDREN[e]) for (const r of read.records.get(child.entity) ?? []) if (r[child.field] === record.id) collect(child.entity, r);
  };
  collect(entity, root);
  const ids = new Map(found.map((f) => [f.record.id as string, newId()]));
  const copies = found.map(({ entity: e, record }) => {
    const copy: Record<string, unknown> = { ...record, id: ids.get(record.id as string)!, revision: 1 };
    for (const ref of ENTITIES[e].references) if (typeof copy[ref.field] === 'string' && ids.has(copy[ref.field] as string)) copy[ref.field] = ids.get(copy[ref.field] as string);
    return { entity: e, originalId: record.id as string, record: copy };
  });
  const top = copies[0]!.record;
  if (entity === 'meetings') top.note = `${COPY_NOTE}${typeof top.note === 'string' && top.note ? `\n${top.note}` : ''}`.slice(0, 5000);
  else if (typeof top.title === 'string') top.title = `${top.title.slice(0, 2000 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  else if (typeof top.name === 'string') top.name = `${top.name.slice(0, 200 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
  return [...copies].sort((x, y) => ENTITY_NAMES.indexOf(x.entity) - ENTITY_NAMES.indexOf(y.entity));
}

/**
 * Moves a record here to the id of the package's record that clashes with it (a second decision for one item), so
 * that both laptops end with one record under one id: whatever refers to it follows, the row keeps its content (the
 * merge then takes this laptop's fields or the package's, as the user chose). Inside the import's transaction, with
 * foreign keys deferred.
 */
async function moveToIncomingId(trx: Transaction<DB>, entity: EntityName, localId: string, incomingId: string): Promise<void> {
  for (const other of ENTITY_NAMES) {
    for (const ref of ENTITIES[other].references) {
      if (ref.entity !== entity) continue;
      await repointReferences(trx, other, columnOf(ref.field), localId, incomingId);
    }
  }
  await renameRecordId(trx, entity, localId, incomingId);
}

/** The content hash of a stored row, for tests and tools. */
export { contentHash };
