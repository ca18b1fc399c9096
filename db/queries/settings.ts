import type { Kysely } from 'kysely';
import { DEFAULT_SECRETARIAT_NAME } from '../../shared/domain/settings';
import type { DB } from '../schema';

export async function readSettings(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Kysely<DB>, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export const INSTALLATION_ID_KEY = 'installation_id';
/** Where the installation id belongs (electron/backend/exchange/identity.ts): a hash of machine, path and file. */
export const INSTALLATION_BINDING_KEY = 'installation_binding';
/** The ids this database had before it was copied, newest first (JSON list). */
export const INSTALLATION_LINEAGE_KEY = 'installation_lineage';
/** The laptops (installation ids, with the name the user gave each) whose packages the user trusts (JSON list). */
export const TRUSTED_INSTALLATIONS_KEY = 'trusted_installations';

export interface TrustedInstallation {
  id: string;
  name: string;
}

export async function trustedInstallations(db: Kysely<DB>): Promise<TrustedInstallation[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', TRUSTED_INSTALLATIONS_KEY).executeTakeFirst();
  if (!row) return [];
  try {
    const list = JSON.parse(row.value) as unknown;
    return Array.isArray(list) ? list.filter((t): t is TrustedInstallation => typeof t?.id === 'string' && typeof t?.name === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The id of this database as a source of exchange packages (shared/exchange/manifest.ts): made once, on first use,
 * and kept in the settings table. A database opened elsewhere than where its id was bound takes a new one
 * (electron/backend/exchange/identity.ts).
 */
export async function ensureInstallationId(db: Kysely<DB>, newId: () => string, now: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key: INSTALLATION_ID_KEY, value: newId(), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', INSTALLATION_ID_KEY).executeTakeFirstOrThrow();
  return row.value;
}

export async function readSetting(db: Kysely<DB>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export const SECRETARIAT_NAME_KEY = 'secretariat_name';

/** The secretariat's name as the papers give their author; the default until the user changes it. */
export async function secretariatName(db: Kysely<DB>): Promise<string> {
  return (await readSetting(db, SECRETARIAT_NAME_KEY))?.trim() || DEFAULT_SECRETARIAT_NAME;
}
