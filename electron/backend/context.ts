import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { EventName, EventPayload } from '../../shared/contract';

/** What every handler may use. Clock and ids are injected so tests control them. */
export interface BackendContext {
  db: Kysely<DB>;
  now: () => Date;
  newId: () => string;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  appVersion: string;
  databaseFile: string;
  schemaVersion: number;
  /** Where attachment files are stored by their SHA-256 (null for an in-memory database in tests: none can be added). */
  filesDir: string | null;
}

export const timestamp = (ctx: BackendContext) => ctx.now().toISOString();
