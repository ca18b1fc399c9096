/**
 * The import preview (docs/exchange-format.md §8): a validated package compared three ways with the receiving database
 * and the base recorded at the last exchange with the package's source installation. It never writes anything.
 *
 * Every comparison is by a content hash: the record's line without `revision`, `createdAt` and `updatedAt`, taken of
 * the record as it would be stored (rich text sanitised, links across the scope that cannot resolve cleared), so that
 * what was imported compares equal with what was stored.
 */
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { setImmediate as breathe } from 'node:timers/promises';
import type { DB } from '../../../db/schema';
import { formatNumericDate } from '../../../shared/format';
import { DEMO_BASE_SOURCE, storedBases } from '../../../db/queries/exchange-bases';
import { trustedInstallations } from '../../../db/queries/settings';
import { mergeFields, type FieldConflict, type FieldMerge } from '../../../shared/exchange/field-merge';
import { columnOf, COPYABLE, ENTITIES, ENTITY_NAMES, ENTITY_PLURALS, rowToRecord, shorten, type EntityName } from '../../../shared/exchange/records';
import { getScenarioRecord } from '../../../db/queries/scenarios';
import {
  hasExchangedWith,
  itemPlace,
  liveStepsOf,
  presentFiles,
  recordRowsById,
  rowsHoldingKeys,
  wasImported,
} from '../../../db/queries/exchange';
import { listText, liveVersionUses, useText } from '../../../shared/logic/proposals/scenario-uses';
import { usesOf, variantInput } from '../services/scenarios';
import type { ScenarioInput, ScenarioOverrides } from '../../../shared/domain/scenario';
import { ownSources } from './identity';
import { localIdsIn, readPackage, type DeclaredBase, type PackageSummary, type Problem, type ReadPackageOptions } from './read-package';

export type MergeClass = 'new' | 'unchanged' | 'changed' | 'local-only' | 'merged' | 'conflict' | 'deleted';
export const MERGE_CLASSES: readonly MergeClass[] = ['new', 'unchanged', 'changed', 'local-only', 'merged', 'conflict', 'deleted'];
export const MERGE_CLASS_LABELS: Readonly<Record<MergeClass, string>> = {
  new: 'nye',
  unchanged: 'uændrede',
  changed: 'ændrede',
  'local-only': 'kun ændret her',
  merged: 'flettede',
  conflict: 'konflikter',
  deleted: 'slettede',
};

const HASH_EXCLUDED = new Set(['revision', 'createdAt', 'updatedAt']);

/** SHA-256 of a record's content: its line without revision and timestamps. */
export function contentHash(entity: EntityName, record: Record<string, unknown>): string {
  const fields = ENTITIES[entity].fields.filter((f) => !HASH_EXCLUDED.has(f));
  return createHash('sha256')
    .update(JSON.stringify(Object.fromEntries(fields.map((f) => [f, record[f]]))))
    .digest('hex');
}

export interface Conflict {
  entity: EntityName;
  id: string;
  /** A short Danish label: the record's title or name. */
  label: string;
  localUpdatedAt: string;
  incomingUpdatedAt: string;
  /** The incoming record is a tombstone. */
  incomingDeleted: boolean;
  /** The fields changed on both sides (or, with no common version known, every field that differs). */
  fields: FieldConflict[];
  /** Fields merged without a question: the package's edits taken, this laptop's kept. */
  theirs: string[];
  mine: string[];
  /** No common version of the record is known: who changed what cannot be told. */
  noBase: boolean;
}

export interface PlannedRecord {
  entity: EntityName;
  class: MergeClass;
  /** The record as it would be stored (sanitised, cleared links). */
  incoming: Record<string, unknown>;
  incomingHash: string;
  local: Record<string, unknown> | null;
  /** For 'merged' and 'conflict': the field-by-field comparison. */
  merge: FieldMerge | null;
}

export interface ImportPreview {
  summary: PackageSummary;
  /** The package's export id was imported before: nothing will change. */
  alreadyImported: boolean;
  counts: Record<EntityName, Record<MergeClass, number>>;
  totals: Record<MergeClass, number>;
  conflicts: Conflict[];
  /** Danish notes for the user. */
  notes: string[];
  /**
   * New records that would take a place only one record may hold, which another record here already holds (another
   * decision for the same item, another body with the same abbreviation …): each a Danish sentence. The import is
   * refused while there are any; the user settles them here first.
   */
  blockers: string[];
  /**
   * New records that take the place of another record here (a second decision for the same item): the user chooses
   * which to keep (`perRecord` by the incoming id, «mine» or «theirs»), and the import settles it (see apply.ts).
   */
  clashes: Clash[];
  /**
   * Closed items (and closed attachments) here that the package would open, or whose title it would make public: never
   * applied without an explicit choice per record (`openings` in the import's resolutions); unchosen, they stay closed.
   */
  openings: Opening[];
  /** Where the package comes from, as this laptop knows it. */
  source: PackageSource;
  /** Every record with its class, in the order of writing (for the apply step). */
  plan: PlannedRecord[];
}

export interface PackageSource {
  installation: string;
  /** A package from this installation (or a copy of it) was imported before, or it is this one. */
  known: boolean;
  /** The name under which the user trusts it, or null when it is not on the list of trusted laptops. */
  trustedAs: string | null;
}

/** Whether this laptop has taken packages from the installation before, and whether the user trusts it. */
async function packageSource(db: Kysely<DB>, installation: string): Promise<PackageSource> {
  const own = (await ownSources(db)).has(installation);
  const known = own || (await hasExchangedWith(db, installation));
  const trusted = (await trustedInstallations(db)).find((t) => t.id === installation);
  return { installation, known, trustedAs: own ? 'denne computer' : (trusted?.name ?? null) };
}

/** The Danish warnings about where a package comes from (shown before the rest). */
export function sourceSentences(source: PackageSource): string[] {
  if (source.trustedAs !== null) return [];
  const notes: string[] = [];
  if (!source.known) notes.push(`Pakken kommer fra en installation, der ikke er set før: ${source.installation}.`);
  notes.push(`Installationen ${source.installation} er ikke på listen over betroede bærbare (Udveksling).`);
  return notes;
}

/** What a package would make public of a record that is closed here. */
export type OpeningKind = 'open' | 'showTitle';

export interface Opening {
  entity: 'agenda_items' | 'attachments';
  id: string;
  /** Danish: the item or attachment, with its meeting's date. */
  label: string;
  kinds: OpeningKind[];
}

/** The fields that decide what of a record a public edition may show: guarded on import. */
export const CONFIDENTIALITY_FIELDS: Readonly<Record<Opening['entity'], readonly string[]>> = {
  agenda_items: ['closed', 'closedTitleVisible'],
  attachments: ['closed'],
};

/**
 * What the package's version of a record would make public that this laptop's keeps closed: a closed record opened,
 * or a closed item's title shown (whether the record arrives changed, merged, in conflict or as a tombstone).
 */
export function openingKinds(entity: EntityName, local: Record<string, unknown>, incoming: Record<string, unknown>): OpeningKind[] {
  if (entity !== 'agenda_items' && entity !== 'attachments') return [];
  if (local.closed !== true) return [];
  const kinds: OpeningKind[] = [];
  if (incoming.closed !== true) kinds.push('open');
  if (entity === 'agenda_items' && local.closedTitleVisible !== true && incoming.closedTitleVisible === true) kinds.push('showTitle');
  return kinds;
}

/** The item or attachment with its meeting's date, as this laptop knows it. */
async function openingLabel(db: Kysely<DB>, entity: Opening['entity'], local: Record<string, unknown>, incoming: Record<string, unknown>): Promise<string> {
  const itemId = entity === 'agenda_items' ? (local.id as string) : (local.itemId as string);
  const item = await itemPlace(db, itemId);
  const where = item ? `punkt ${item.position} på ${item.code}-mødet ${formatNumericDate(item.date)}` : '';
  // The title the package would give it, too: that is the one a public edition would show.
  const renamed = incoming.title !== local.title ? `, i pakken «${shorten(incoming.title as string)}»` : '';
  return `${entity === 'agenda_items' ? '' : 'bilaget '}«${shorten(local.title as string)}»${where || renamed ? ` (${[where, renamed.slice(2)].filter(Boolean).join(', ')})` : ''}`;
}

/** The Danish sentences of the preview's red list: what the package would open or make public. */
export function openingSentences(openings: readonly Opening[]): string[] {
  const open = openings.filter((o) => o.kinds.includes('open')).map((o) => o.label);
  const titles = openings.filter((o) => o.kinds.includes('showTitle') && !o.kinds.includes('open')).map((o) => o.label);
  return [
    ...(open.length ? [`Pakken gør disse lukkede punkter åbne: ${open.join('; ')}.`] : []),
    ...(titles.length ? [`Pakken gør titlen offentlig på disse lukkede punkter: ${titles.join('; ')}.`] : []),
  ];
}

export interface Clash {
  entity: EntityName;
  /** The package's record, and the one here that holds its place. */
  incomingId: string;
  localId: string;
  /** A Danish sentence: what clashes. */
  message: string;
}

/** What a clash concerns, for its sentence: the record the key's owner reference points to here, by its title, name or date. */
async function ownerLabel(db: Kysely<DB>, entity: EntityName, record: Record<string, unknown>): Promise<string> {
  const owner = ENTITIES[entity].unique?.clash?.owner;
  if (owner === undefined) return '';
  const target = ENTITIES[entity].references.find((r) => r.field === owner)!.entity;
  const named = ENTITIES[target].named!;
  const found = (await localRows(db, target, [record[owner] as string])).get(record[owner] as string);
  return found ? named.of(found) : named.definite;
}

/** New records whose unique key another local record holds (see ImportPreview.blockers/clashes): one query per 500 records. */
async function findClashes(db: Kysely<DB>, plan: readonly PlannedRecord[]): Promise<{ blockers: string[]; clashes: Clash[] }> {
  const blockers: string[] = [];
  const clashes: Clash[] = [];
  const incomingIds = new Set(plan.map((p) => `${p.entity}:${p.incoming.id as string}`));
  for (const entity of ENTITY_NAMES) {
    const key = ENTITIES[entity].unique;
    if (!key?.clash) continue;
    const clash = key.clash;
    const fresh = plan.filter((p) => p.entity === entity && p.class === 'new' && !(key.liveOnly && p.incoming.deletedAt !== null)).map((p) => p.incoming);
    const keyOf = (values: Record<string, unknown>) => JSON.stringify(key.fields.map((f) => values[f]));
    const first = key.fields[0]!;
    for (let i = 0; i < fresh.length && blockers.length < 20; i += 500) {
      const part = fresh.slice(i, i + 500);
      const rows = await rowsHoldingKeys(
        db,
        entity,
        key.fields.map((field) => ({ field, column: columnOf(field) })),
        part.map((r) => r[first] as string),
        key.liveOnly,
      );
      // Held by a record the package does not bring (one it brings may be moving away from the key).
      const held = new Map<string, string>();
      for (const row of rows) {
        if (!incomingIds.has(`${entity}:${row.id as string}`)) held.set(keyOf(row), row.id as string);
      }
      for (const record of part) {
        const holder = held.get(keyOf(record));
        if (holder === undefined || holder === record.id) continue;
        const what = clash.explain(record, await ownerLabel(db, entity, record));
        if (clash.resolvable) clashes.push({ entity, incomingId: record.id as string, localId: holder, message: `${what}.` });
        else blockers.push(`${what}. ${clash.advice ?? 'Slet eller ret den ene, og indlæs pakken igen; intet er importeret.'}`);
        if (blockers.length >= 20) break;
      }
    }
  }
  return { blockers, clashes };
}

/**
 * Proposals (by code) whose approval route gets new steps from the package while living steps saved here, which the
 * package does not have, stay: the route was edited on both laptops (it is saved as a whole, with new ids), and after
 * the import it holds the steps of both.
 */
async function doubledRoutes(db: Kysely<DB>, plan: readonly PlannedRecord[]): Promise<string[]> {
  const steps = plan.filter((p) => p.entity === 'approval_steps');
  const inPackage = new Set(steps.map((p) => p.incoming.id as string));
  const proposalIds = [...new Set(steps.filter((p) => p.class === 'new' && p.incoming.deletedAt === null).map((p) => p.incoming.proposalId as string))];
  const codes = new Set<string>();
  for (const row of await liveStepsOf(db, proposalIds)) if (!inPackage.has(row.id)) codes.add(row.code);
  return [...codes].sort();
}

/**
 * Scenarios the import would change whose figures a proposal version follows: the version's economy changes with
 * them, so the preview says so first (the user can keep this laptop's scenario where it is a conflict, or cancel).
 */
async function scenariosInUse(db: Kysely<DB>, plan: readonly PlannedRecord[]): Promise<string[]> {
  const notes: string[] = [];
  for (const p of plan) {
    if (p.entity !== 'scenarios' || !p.local || !['changed', 'merged', 'conflict', 'deleted'].includes(p.class)) continue;
    const figures = (r: Record<string, unknown>) => JSON.stringify([r.input, r.overrides, r.baseId, r.deletedAt]);
    if (figures(p.local) === figures(p.incoming)) continue;
    const record = await getScenarioRecord(db, p.local.id as string, { includeDeleted: true });
    if (!record) continue;
    const uses = liveVersionUses(record.id, await usesOf(db, record));
    if (uses.length === 0) continue;
    const how = p.class === 'conflict' ? ' Vælg «Behold min» for scenariet, hvis tallene skal blive, som de er.' : '';
    notes.push(`Importen ændrer takstscenariet «${record.name}», som bruges af ${listText(uses.map(useText))}; tallene dér ændres med.${how}`);
  }
  return notes;
}

/**
 * Meetings the package deletes here (an incoming tombstone of a living meeting unchanged since the base), named with
 * their items: a count alone does not tell the user what goes.
 */
function deletedMeetings(plan: readonly PlannedRecord[]): string[] {
  const gone = plan.filter((p) => p.entity === 'meetings' && p.class === 'deleted');
  return gone.map((p) => {
    const items = plan
      .filter((i) => i.entity === 'agenda_items' && i.local && i.local.deletedAt === null && i.local.meetingId === p.local!.id)
      .map((i) => `«${shorten(i.local!.title as string)}»`);
    const what = items.length ? ` med ${items.length === 1 ? 'punktet' : `${items.length} punkter:`} ${items.slice(0, 10).join(', ')}${items.length > 10 ? ' …' : ''}` : '';
    return `Pakken sletter ${recordLabel('meetings', p.local!)}${what}. Vælg «Annullér», hvis mødet skal blive.`;
  });
}

/**
 * Variants of the package that could never be opened: a base that is itself a variant (a chain, or a cycle), or
 * overrides that do not give a valid scenario on their base. Each a Danish sentence; the import is refused.
 */
async function brokenVariants(db: Kysely<DB>, read: ReadForImport): Promise<string[]> {
  const incoming = new Map(read.records.get('scenarios')!.map((r) => [r.id as string, r]));
  const problems: string[] = [];
  for (const variant of incoming.values()) {
    if (variant.deletedAt !== null || variant.baseId === null) continue;
    const baseId = variant.baseId as string;
    const base = incoming.get(baseId) ?? (await localRows(db, 'scenarios', [baseId])).get(baseId);
    const name = `Takstscenariet «${shorten(variant.name as string)}» i pakken`;
    if (!base) continue; // an unresolved reference is refused by the package check
    if (base.baseId !== null || base.input === null) {
      problems.push(`${name} er variant af «${shorten(base.name as string)}», som selv er en variant; en variant skal bygge på et grundscenarie. Intet er importeret.`);
      continue;
    }
    const checked = variantInput({ ...(base.input as ScenarioInput), name: base.name as string }, variant.name as string, variant.overrides as ScenarioOverrides);
    if (!checked.ok) problems.push(`${name} kan ikke åbnes: dens ændringer giver ikke et gyldigt scenarie (${checked.message}). Intet er importeret.`);
    if (problems.length >= 20) break;
  }
  return problems;
}

/** The preview, and the checked read it was made from (an import right after may reuse it: applyImport's `checked`). */
export type PreviewResult = { ok: true; preview: ImportPreview; read: ReadForImport } | { ok: false; problems: Problem[] };

/** A short Danish label of a record, for the conflict list: the registry's, or the label with its title, name, text … */
export function recordLabel(entity: EntityName, record: Record<string, unknown>): string {
  const own = ENTITIES[entity].labelOf;
  if (own) return own(record);
  const text = (record.title ?? record.name ?? record.action ?? record.party ?? record.text ?? record.code ?? record.date) as unknown;
  const value = typeof text === 'string' && text.trim() ? text.replace(/<[^>]*>/g, '').trim() : String(record.id);
  return `${ENTITIES[entity].label} «${shorten(value)}»`;
}

/** Validates the package and returns it with every record, normalised as it would be stored. */
export async function readForImport(db: Kysely<DB>, packagePath: string, options: Pick<ReadPackageOptions, 'signal' | 'onProgress' | 'stageFile'> = {}): Promise<{ ok: true; summary: PackageSummary; records: Map<EntityName, Record<string, unknown>[]> } | { ok: false; problems: Problem[] }> {
  const records = new Map<EntityName, Record<string, unknown>[]>(ENTITY_NAMES.map((e) => [e, []]));
  const result = await readPackage(packagePath, {
    ...options,
    localIds: localIdsIn(db),
    baseSources: await ownSources(db),
    // Read in full also when its export id was imported before: a package can reuse an id with other content.
    onRecord: (entity, record) => records.get(entity)!.push(record),
  });
  if (!result.ok) return result;
  const { summary } = result;
  const byId = new Map<string, Record<string, unknown>>();
  for (const [entity, list] of records) for (const record of list) byId.set(`${entity}:${record.id as string}`, record);
  for (const s of summary.sanitized) {
    const record = byId.get(`${s.entity}:${s.id}`);
    if (record) record[s.field] = s.clean;
  }
  for (const c of summary.clearedReferences) {
    const record = byId.get(`${c.entity}:${c.id}`);
    if (record) record[c.field] = null;
  }
  await clearAbsentFiles(db, records.get('attachments')!, new Set(summary.files.sha256));
  return { ok: true, summary, records };
}

/**
 * A deleted attachment may come without its file (the format allows it, §3). If this database does not have the file
 * either, the tombstone is stored without it: a reference to a file that is not there would fail the commit.
 */
async function clearAbsentFiles(db: Kysely<DB>, attachments: Record<string, unknown>[], inPackage: ReadonlySet<string>): Promise<void> {
  const wanted = [...new Set(attachments.filter((a) => a.deletedAt !== null && typeof a.sha256 === 'string' && !inPackage.has(a.sha256)).map((a) => a.sha256 as string))];
  if (wanted.length === 0) return;
  const present = await presentFiles(db, wanted);
  for (const a of attachments) if (a.deletedAt !== null && typeof a.sha256 === 'string' && !inPackage.has(a.sha256) && !present.has(a.sha256)) a.sha256 = null;
}

async function localRows(db: Kysely<DB>, entity: EntityName, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  return new Map((await recordRowsById(db, entity, ids)).map((row) => [row.id as string, rowToRecord(entity, row)]));
}

/**
 * The common version of a record, as far as it is known: its hash, and its content where recorded — parsed only when
 * both sides changed the record (most records are told apart by their hashes alone).
 */
export interface Base {
  hash: string;
  record(): Record<string, unknown> | null;
}

/**
 * The latest version both laptops had: the one this laptop last took from the package's source, or the one the source
 * last took from this laptop (declared in the package), whichever is newer in this laptop's clock; else the demo's.
 */
export function chooseBase(entity: EntityName, stored: { hash: string; content: string | null; exchangedAt: string } | undefined, declared: DeclaredBase | undefined, demo: { hash: string; content: string | null } | undefined): Base | null {
  const fromStored = (b: { hash: string; content: string | null }): Base => ({ hash: b.hash, record: () => (b.content === null ? null : (JSON.parse(b.content) as Record<string, unknown>)) });
  if (declared && (!stored || declared.at > stored.exchangedAt)) return { hash: contentHash(entity, declared.record), record: () => declared.record };
  if (stored) return fromStored(stored);
  return demo ? fromStored(demo) : null;
}

/** The three-way classification of one record, field by field where the versions differ on both sides. */
export function classify(entity: EntityName, incoming: Record<string, unknown>, incomingHash: string, local: Record<string, unknown> | null, localHash: string | null, base: Base | null): { cls: MergeClass; merge: FieldMerge | null } {
  if (!local || localHash === null) return { cls: 'new', merge: null };
  if (localHash === incomingHash) return { cls: 'unchanged', merge: null };
  const theirsChanged = base === null || incomingHash !== base.hash;
  const mineChanged = base === null || localHash !== base.hash;
  if (!theirsChanged) return { cls: 'local-only', merge: null };
  if (!mineChanged) return { cls: incoming.deletedAt !== null && local.deletedAt === null ? 'deleted' : 'changed', merge: null };
  const merge = mergeFields(entity, base?.record() ?? null, local, incoming);
  return { cls: merge.conflicts.length > 0 ? 'conflict' : 'merged', merge };
}

export type ReadForImport = Extract<Awaited<ReturnType<typeof readForImport>>, { ok: true }>;

/** Validates the package and tells what importing it would do; writes nothing. */
export async function previewImport(db: Kysely<DB>, packagePath: string, options: Pick<ReadPackageOptions, 'signal' | 'onProgress'> = {}): Promise<PreviewResult> {
  const read = await readForImport(db, packagePath, options);
  if (!read.ok) return read;
  return { ok: true, preview: await planImport(db, read), read };
}

/** The three-way comparison of a validated package with the database (also run inside the import's transaction). */
export async function planImport(db: Kysely<DB>, read: ReadForImport): Promise<ImportPreview> {
  const { summary, records } = read;
  const { exportId, sourceInstallation } = summary.manifest;
  const seenBefore = await wasImported(db, exportId);
  /** Every record as taken from this source last time: with an export id seen before, the same package. */
  let sameAsTaken = true;

  const counts = {} as ImportPreview['counts'];
  const totals = Object.fromEntries(MERGE_CLASSES.map((c) => [c, 0])) as Record<MergeClass, number>;
  const conflicts: Conflict[] = [];
  const plan: PlannedRecord[] = [];
  for (const entity of ENTITY_NAMES) {
    const list = records.get(entity)!;
    const entityCounts = Object.fromEntries(MERGE_CLASSES.map((c) => [c, 0])) as Record<MergeClass, number>;
    counts[entity] = entityCounts;
    if (list.length === 0) continue;
    const ids = list.map((r) => r.id as string);
    const locals = await localRows(db, entity, ids);
    const stored = await storedBases(db, sourceInstallation, entity, ids);
    const demo = await storedBases(db, DEMO_BASE_SOURCE, entity, ids);
    for (const [n, incoming] of list.entries()) {
      // Hashing tens of thousands of records is seconds of work: the process answers other calls in between.
      if (n % 1000 === 0) await breathe();
      const id = incoming.id as string;
      const incomingHash = contentHash(entity, incoming);
      const local = locals.get(id) ?? null;
      if (stored.get(id)?.hash !== incomingHash) sameAsTaken = false;
      const base = local ? chooseBase(entity, stored.get(id), summary.bases.get(`${entity}:${id}`), demo.get(id)) : null;
      const { cls, merge } = classify(entity, incoming, incomingHash, local, local ? contentHash(entity, local) : null, base);
      entityCounts[cls]++;
      totals[cls]++;
      plan.push({ entity, class: cls, incoming, incomingHash, local, merge });
      if (cls === 'conflict') {
        conflicts.push({
          entity,
          id,
          label: recordLabel(entity, local!),
          localUpdatedAt: local!.updatedAt as string,
          incomingUpdatedAt: incoming.updatedAt as string,
          incomingDeleted: incoming.deletedAt !== null,
          fields: merge!.conflicts,
          theirs: merge!.theirs,
          mine: merge!.mine,
          noBase: base === null,
        });
      }
    }
  }
  // Imported before only when the content is the same too: an export id reused with other content is read as new.
  const alreadyImported = seenBefore && sameAsTaken;
  if (alreadyImported) {
    // Everything in it was taken or settled then; the count is the package's own.
    for (const entity of ENTITY_NAMES) {
      counts[entity] = { ...(Object.fromEntries(MERGE_CLASSES.map((c) => [c, 0])) as Record<MergeClass, number>), unchanged: summary.entities[entity].count };
    }
    for (const c of MERGE_CLASSES) totals[c] = c === 'unchanged' ? ENTITY_NAMES.reduce((sum, e) => sum + summary.entities[e].count, 0) : 0;
    conflicts.length = 0;
    plan.length = 0;
  }
  const openings: Opening[] = [];
  for (const p of alreadyImported ? [] : plan) {
    // Only where the package's value could be taken: a record unchanged or changed only here keeps this laptop's.
    if (!p.local || !['changed', 'merged', 'conflict', 'deleted'].includes(p.class)) continue;
    // Merged field by field, a flag changed only here stays as it is here.
    const takes = (field: string) => !p.merge || p.merge.theirs.includes(field) || p.merge.conflicts.some((c) => c.field === field);
    const kinds = openingKinds(p.entity, p.local, p.incoming).filter((k) => takes(k === 'open' ? 'closed' : 'closedTitleVisible'));
    if (kinds.length > 0) openings.push({ entity: p.entity as Opening['entity'], id: p.incoming.id as string, label: await openingLabel(db, p.entity as Opening['entity'], p.local, p.incoming), kinds });
  }
  const notes: string[] = [];
  if (seenBefore && !alreadyImported) notes.push('Pakken har samme id som en pakke, der er indlæst før, men et andet indhold; den behandles som en ny pakke.');
  if (alreadyImported) notes.push('Pakken er allerede indlæst i denne database; en ny import ændrer intet.');
  if (summary.sanitized.length) notes.push(`${summary.sanitized.length} tekst(er) indeholder kode (fx <script>), som fjernes ved import.`);
  if (summary.clearedReferences.length) notes.push(`${summary.clearedReferences.length} henvisning(er) til møder, punkter eller bilag uden for pakken ryddes ved import.`);
  if (conflicts.some((c) => !COPYABLE.has(c.entity))) {
    const kinds = [...new Set(conflicts.filter((c) => !COPYABLE.has(c.entity)).map((c) => ENTITY_PLURALS[c.entity]))].join(', ');
    notes.push(`«Behold begge» kan kun bruges for møder, punkter og takstscenarier; for ${kinds} tages den indlæste version i stedet.`);
  }
  const doubled = alreadyImported ? [] : await doubledRoutes(db, plan);
  if (doubled.length) {
    notes.push(
      `Godkendelsesvejen for ${doubled.map((c) => `«${c}»`).join(', ')} er ændret både her og i pakken; efter importen står trinene fra begge. Ret vejen til under forslaget bagefter.`,
    );
  }
  if (!alreadyImported) notes.push(...(await scenariosInUse(db, plan)), ...deletedMeetings(plan));
  const { blockers, clashes } = alreadyImported ? { blockers: [], clashes: [] } : await findClashes(db, plan);
  if (!alreadyImported) blockers.push(...(await brokenVariants(db, read)));
  const source = await packageSource(db, sourceInstallation);
  return { summary, alreadyImported, counts, totals, conflicts, notes, blockers, clashes, openings, source, plan };
}
