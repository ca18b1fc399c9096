import type { Transaction } from 'kysely';
import type { HistoryAction } from '../../db/queries/history';
import type { DB } from '../../db/schema';
import type { ChangedEntity } from '../../shared/contract';
import { timestamp, type BackendContext } from './context';
import { recordHistory } from './services/agenda';

/** A line of the history (who changed what, when): of a meeting's records, or of a record of no meeting (a tariff sheet). */
export interface HistoryEntry {
  entity: string;
  entityId: string;
  /** Null for what belongs to no meeting (an offer, a rule set). */
  meetingId: string | null;
  itemId: string | null;
  action: HistoryAction;
  changes?: Record<string, { before: unknown; after: unknown }>;
  /** The time recorded; the write's clock when not given. */
  at?: string;
}

/** What the work of a write may do besides its queries. */
export interface WriteScope {
  /** Records a line of history in the same transaction, under the user's name. */
  history(entry: HistoryEntry): Promise<void>;
  /** Adds to what the change event announces what is known only inside the transaction (a meeting locked, say). */
  announce(more: { entities?: readonly ChangedEntity[]; ids?: readonly string[] }): void;
}

export interface WriteOptions {
  /**
   * The records the write changes, with the records whose view lists them (an item's meeting, an attachment's item),
   * so a window can tell whether what it shows is concerned. Left out where the handler cannot name them all.
   */
  ids?: readonly string[];
}

/**
 * Runs `work` as one transaction and, once it has committed, tells every window once what changed
 * (`data.changed` with `entities` and, where known, `ids`). A refusal (an AppError or any other throw) rolls the
 * whole write back and announces nothing. An empty `entities` announces nothing (a write no window lists).
 */
export type Write = <T>(entities: readonly ChangedEntity[], work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>, options?: WriteOptions) => Promise<T>;

export async function writeAndAnnounce<T>(
  ctx: Pick<BackendContext, 'db' | 'now' | 'emit'>,
  entities: readonly ChangedEntity[],
  work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const announced = new Set(entities);
  const ids = new Set<string>(options.ids);
  const result = await ctx.db.transaction().execute((trx) =>
    work(trx, {
      history: ({ at, ...entry }) => recordHistory(trx, { ...entry, at: at ?? timestamp(ctx) }),
      announce: (more) => {
        for (const entity of more.entities ?? []) announced.add(entity);
        for (const id of more.ids ?? []) ids.add(id);
      },
    }),
  );
  if (announced.size > 0) ctx.emit('data.changed', ids.size > 0 ? { entities: [...announced], ids: [...ids] } : { entities: [...announced] });
  return result;
}
