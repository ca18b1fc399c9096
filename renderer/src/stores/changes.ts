import type { ChangedEntity, EventPayload } from '../../../shared/contract';
import { api } from '../api/client';
import { WINDOW_ORIGIN } from '../api/origin';

/** What a store hears of a change: the entities it follows that changed, and the records where the writer named them. */
export interface Change {
  entities: ChangedEntity[];
  ids?: string[];
}

interface Listener {
  store: string;
  entities: readonly ChangedEntity[];
  reload(change: Change): Promise<unknown>;
}

/** A write of this window whose answer a store has applied itself: the store skips the event it causes. */
interface Applied {
  store: string;
  entities: readonly ChangedEntity[];
  at: number;
}

/**
 * An event that never came (a write that changed nothing) must not hide a later one for long: after this, the mark is
 * dropped and the store reloads as if it had not written (one reload too many, never one too few).
 */
const APPLIED_FOR_MS = 10_000;

const listeners: Listener[] = [];
let applied: Applied[] = [];

/** A store follows these entities: `reload` reads again what changed elsewhere (another store, window or process). */
export function onChange(store: string, entities: readonly ChangedEntity[], reload: (change: Change) => Promise<unknown>) {
  listeners.push({ store, entities, reload });
}

/**
 * Runs a store's write whose answer the store applies itself: its own change event then reloads nothing in that store
 * (other stores of this window still read what the event names, e.g. the meetings after an agenda change).
 */
export async function ownWrite<T>(store: string, entities: readonly ChangedEntity[], run: () => Promise<T>): Promise<T> {
  const mark: Applied = { store, entities, at: Date.now() };
  applied.push(mark);
  try {
    return await run();
  } catch (error) {
    // A refused write changed nothing, so no event comes for it.
    applied = applied.filter((a) => a !== mark);
    throw error;
  }
}

/** The entities of this event a store has already applied from its own write's answer; that write's mark is used up. */
function alreadyApplied(store: string, entities: ChangedEntity[], origin: string | undefined): Set<ChangedEntity> {
  if (origin !== WINDOW_ORIGIN) return new Set();
  const mark = applied.find((a) => a.store === store && entities.some((e) => a.entities.includes(e)));
  if (!mark) return new Set();
  applied = applied.filter((a) => a !== mark);
  return new Set(mark.entities);
}

export function handleChange({ entities, ids, origin }: EventPayload<'data.changed'>) {
  const now = Date.now();
  applied = applied.filter((a) => now - a.at < APPLIED_FOR_MS);
  for (const listener of listeners) {
    const named = entities.filter((e) => listener.entities.includes(e));
    if (named.length === 0) continue;
    const skipped = alreadyApplied(listener.store, named, origin);
    const rest = named.filter((e) => !skipped.has(e));
    if (rest.length > 0) void listener.reload(ids ? { entities: rest, ids } : { entities: rest }).catch(() => {});
  }
}

/** Once at startup: every store hears the changes it follows. */
export const listenForChanges = () => api().on('data.changed', handleChange);
