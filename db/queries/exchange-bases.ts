/**
 * The bases of three-way merges (docs/exchange-format.md §8): per source installation and record, the version last
 * taken from that source (its JSON line and hash), when this laptop took it and when the source wrote it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';

/**
 * The source of the demo's own base: two laptops that each loaded the demo share its records as they were loaded,
 * so edits made on each before their first exchange merge field by field. Never sent in a package.
 */
export const DEMO_BASE_SOURCE = 'demo';

export interface StoredBase {
  hash: string;
  /** The record's JSON line; null for bases recorded before field merging. */
  content: string | null;
  /** When this laptop took it (its own clock). */
  exchangedAt: string;
}

/** The stored bases of these records against `source`, by record id. */
export async function storedBases(db: Kysely<DB>, source: string, entity: string, ids: readonly string[]): Promise<Map<string, StoredBase>> {
  const found = new Map<string, StoredBase>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('exchange_bases')
      .select(['record_id', 'content_hash', 'content', 'exchanged_at'])
      .where('source_installation', '=', source)
      .where('entity', '=', entity)
      .where('record_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.record_id, { hash: row.content_hash, content: row.content, exchangedAt: row.exchanged_at });
  }
  return found;
}

export interface BaseRow {
  source: string;
  entity: string;
  id: string;
  revision: number;
  hash: string;
  content: string;
  sourceCreatedAt: string | null;
  exchangedAt: string;
}

/** Records (or replaces) bases, 100 rows per statement. Call inside the writing transaction. */
export async function recordBases(db: Kysely<DB>, bases: readonly BaseRow[], between?: () => Promise<void>): Promise<void> {
  for (let i = 0; i < bases.length; i += 100) {
    if (between && i % 500 === 0) await between();
    await db
      .insertInto('exchange_bases')
      .values(
        bases.slice(i, i + 100).map((b) => ({
          source_installation: b.source,
          entity: b.entity,
          record_id: b.id,
          revision: b.revision,
          content_hash: b.hash,
          content: b.content,
          source_created_at: b.sourceCreatedAt,
          exchanged_at: b.exchangedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['source_installation', 'entity', 'record_id']).doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          content_hash: eb.ref('excluded.content_hash'),
          content: eb.ref('excluded.content'),
          source_created_at: eb.ref('excluded.source_created_at'),
          exchanged_at: eb.ref('excluded.exchanged_at'),
        })),
      )
      .execute();
  }
}

/** The ids of an entity's records that have a base from `source`. */
export async function baseIds(db: Kysely<DB>, source: string, entity: string): Promise<Set<string>> {
  const rows = await db.selectFrom('exchange_bases').select('record_id').where('source_installation', '=', source).where('entity', '=', entity).execute();
  return new Set(rows.map((r) => r.record_id));
}

/**
 * The bases with content of an entity's records (every record, or these ids), in record order, to send with them;
 * the demo's shared base stays home.
 */
export async function* sendableBases(db: Kysely<DB>, entity: string, ids: readonly string[] | 'all', chunkSize: number) {
  const parts: (readonly string[] | null)[] = [];
  if (ids === 'all') parts.push(null);
  else for (let i = 0; i < ids.length; i += chunkSize) parts.push(ids.slice(i, i + chunkSize));
  for (const part of parts) {
    let query = db
      .selectFrom('exchange_bases')
      .select(['record_id', 'source_installation', 'source_created_at', 'content'])
      .where('entity', '=', entity)
      .where('content', 'is not', null)
      .where('source_created_at', 'is not', null)
      .where('source_installation', '!=', DEMO_BASE_SOURCE);
    if (part) query = query.where('record_id', 'in', part);
    yield* await query.orderBy('record_id').execute();
  }
}
