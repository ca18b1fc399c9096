/**
 * The three-way merge of one record, field by field (docs/exchange-format.md §8): the base (the latest version both
 * laptops had), this laptop's record and the package's. A field changed on one side only takes that side's value; a
 * field changed on both sides to different values is a conflict; edits to different fields of one record combine.
 * Rich text and JSON fields merge as whole fields. Pure: the importer and the tests share it.
 */
import { canonicalJson } from '../logic/tariff/freeze';
import { ENTITIES, type EntityName } from './records';

/** Fields that say when and how often a record was written, not what it holds: never merged, never in conflict. */
const META_ONLY = new Set(['id', 'revision', 'createdAt', 'updatedAt']);

/** The fields of an entity that merge (its content fields and `deletedAt`). */
export const mergeableFields = (entity: EntityName): readonly string[] => ENTITIES[entity].fields.filter((f) => !META_ONLY.has(f));

const same = (a: unknown, b: unknown) => a === b || canonicalJson(a ?? null) === canonicalJson(b ?? null);

export interface FieldConflict {
  field: string;
  /** Undefined when no common version is known (the record was never exchanged between the two laptops). */
  base: unknown;
  local: unknown;
  incoming: unknown;
}

export interface FieldMerge {
  /** Fields only the package changed: their values are taken. */
  theirs: string[];
  /** Fields only this laptop changed: kept. */
  mine: string[];
  /** Fields changed on both sides to different values (or that differ with no base to tell who changed them). */
  conflicts: FieldConflict[];
}

/**
 * Compares the three versions of one record. A deletion against an edit of another field on the other side is a
 * conflict on `deletedAt`: neither the deletion nor the edit is applied behind the user's back.
 */
export function mergeFields(entity: EntityName, base: Record<string, unknown> | null, local: Record<string, unknown>, incoming: Record<string, unknown>): FieldMerge {
  const result: FieldMerge = { theirs: [], mine: [], conflicts: [] };
  for (const field of mergeableFields(entity)) {
    const l = local[field];
    const i = incoming[field];
    if (same(l, i)) continue;
    if (base === null) {
      result.conflicts.push({ field, base: undefined, local: l, incoming: i });
      continue;
    }
    const b = base[field];
    const mineChanged = !same(l, b);
    const theirsChanged = !same(i, b);
    if (mineChanged && theirsChanged) result.conflicts.push({ field, base: b, local: l, incoming: i });
    else if (theirsChanged) result.theirs.push(field);
    else result.mine.push(field);
  }
  const deletion = (side: string[]) => side.includes('deletedAt');
  const edits = (side: string[]) => side.some((f) => f !== 'deletedAt');
  if ((deletion(result.theirs) && edits(result.mine)) || (deletion(result.mine) && edits(result.theirs))) {
    const field = 'deletedAt';
    result.theirs = result.theirs.filter((f) => f !== field);
    result.mine = result.mine.filter((f) => f !== field);
    result.conflicts.push({ field, base: base?.[field], local: local[field], incoming: incoming[field] });
  }
  return result;
}

export type FieldChoice = 'mine' | 'theirs';

/**
 * The record after the merge: this laptop's, with the package's values for the fields only it changed and for the
 * conflicting fields where `choose` says «theirs».
 */
export function mergedRecord(local: Record<string, unknown>, incoming: Record<string, unknown>, merge: FieldMerge, choose: (field: string) => FieldChoice): Record<string, unknown> {
  const result = { ...local };
  for (const field of merge.theirs) result[field] = incoming[field];
  for (const c of merge.conflicts) if (choose(c.field) === 'theirs') result[c.field] = incoming[c.field];
  return result;
}

/** True when the two records hold the same content (meta fields aside). */
export const sameContent = (entity: EntityName, a: Record<string, unknown>, b: Record<string, unknown>) => mergeableFields(entity).every((f) => same(a[f], b[f]));
