/**
 * Which laptop a database is, as a source of exchange packages. The installation id travels with the database file,
 * so a database copied to a second laptop (or restored there, or copied into another folder) would speak as the
 * original, and a third laptop would take the two for one source: its bases would go wrong. The id is therefore bound
 * to where it lives (machine, folder, file): a database opened somewhere else is a copy, and takes a new id. Its past
 * stays correct: the ids it was are kept as its lineage, and every record it holds is recorded as the common version
 * with the original (what both had at the moment of the copy), so the copy and the original merge field by field.
 */
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { statSync, realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import { setImmediate as breathe } from 'node:timers/promises';
import { baseIds, DEMO_BASE_SOURCE, recordBases, type BaseRow } from '../../../db/queries/exchange-bases';
import { allRecordRows } from '../../../db/queries/records';
import { INSTALLATION_BINDING_KEY, INSTALLATION_ID_KEY, INSTALLATION_LINEAGE_KEY, readSettings, writeSetting } from '../../../db/queries/settings';
import type { DB } from '../../../db/schema';
import { ENTITY_NAMES, recordLine, rowToRecord } from '../../../shared/exchange/records';
import { contentHash } from './merge';

/** Where this database file lives: machine, real path and file identity (a copy in place is another file). */
export function bindingOf(databaseFile: string): string {
  const path = realpathSync(databaseFile);
  const { ino, dev } = statSync(path);
  return createHash('sha256').update([hostname(), path, String(dev), String(ino)].join('\0')).digest('hex');
}

export type BindResult = { kind: 'same' | 'bound' } | { kind: 'copy'; previousId: string; newId: string };

/**
 * Checks the binding at open. A database without an installation id yet, or from before the binding, is bound as it
 * is; one opened somewhere else than where it was bound becomes a new installation (see the module comment).
 */
export async function bindInstallation(db: Kysely<DB>, databaseFile: string, now: string, newId: () => string): Promise<BindResult> {
  const binding = bindingOf(databaseFile);
  const settings = await readSettings(db);
  const id = settings.get(INSTALLATION_ID_KEY);
  const bound = settings.get(INSTALLATION_BINDING_KEY);
  if (bound === binding) return { kind: 'same' };
  if (id === undefined || bound === undefined) {
    await writeSetting(db, INSTALLATION_BINDING_KEY, binding, now);
    return { kind: 'bound' };
  }
  const fresh = newId();
  const lineage = [id, ...parseLineage(settings.get(INSTALLATION_LINEAGE_KEY))];
  await db.transaction().execute(async (trx) => {
    await recordEveryRecordAsBase(trx, id, now);
    await writeSetting(trx, INSTALLATION_ID_KEY, fresh, now);
    await writeSetting(trx, INSTALLATION_LINEAGE_KEY, JSON.stringify(lineage), now);
    await writeSetting(trx, INSTALLATION_BINDING_KEY, binding, now);
  });
  return { kind: 'copy', previousId: id, newId: fresh };
}

/**
 * After a backup is restored: the database is back at an earlier state, while the other laptops hold what it sent them
 * since. Speaking on as itself, its older values would look like new edits to them and quietly replace theirs; as a
 * new installation (the old id in its lineage) the other laptops compare against what they know it took from them,
 * and what differs comes up as a conflict instead.
 */
export async function restartInstallation(db: Kysely<DB>, now: string, newId: () => string): Promise<string | null> {
  const settings = await readSettings(db);
  const id = settings.get(INSTALLATION_ID_KEY);
  if (id === undefined) return null;
  const fresh = newId();
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, INSTALLATION_ID_KEY, fresh, now);
    await writeSetting(trx, INSTALLATION_LINEAGE_KEY, JSON.stringify([id, ...parseLineage(settings.get(INSTALLATION_LINEAGE_KEY))]), now);
  });
  return fresh;
}

export function parseLineage(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** This installation's id and the ids it was before it was copied: the sources whose bases a package may declare to it. */
export async function ownSources(db: Kysely<DB>): Promise<Set<string>> {
  const settings = await readSettings(db);
  const id = settings.get(INSTALLATION_ID_KEY);
  return new Set([...(id ? [id] : []), ...parseLineage(settings.get(INSTALLATION_LINEAGE_KEY))]);
}

/**
 * Records every record as it is now as the common version with `source` (all records, or those with no base from it
 * yet). Inside the caller's transaction.
 */
async function recordEveryRecordAsBase(db: Kysely<DB>, source: string, now: string, onlyMissing = false): Promise<void> {
  for (const entity of ENTITY_NAMES) {
    const known = onlyMissing ? await baseIds(db, source, entity) : new Set<string>();
    const bases: BaseRow[] = [];
    for await (const row of allRecordRows(db, entity)) {
      if (known.has(row.id as string)) continue;
      const record = rowToRecord(entity, row);
      bases.push({ source, entity, id: record.id as string, revision: record.revision as number, hash: contentHash(entity, record), content: recordLine(entity, record), sourceCreatedAt: now, exchangedAt: now });
    }
    await recordBases(db, bases, () => breathe());
  }
}

/**
 * After the demo is loaded: its records as loaded are the common version of every laptop that loaded it (the demo is
 * the same everywhere), so edits made on two such laptops before they first exchange merge field by field.
 */
export async function recordDemoBase(db: Kysely<DB>, now: string): Promise<void> {
  await recordEveryRecordAsBase(db, DEMO_BASE_SOURCE, now, true);
}
