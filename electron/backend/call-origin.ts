import { AsyncLocalStorage } from 'node:async_hooks';
import { CALL_ORIGIN } from '../../shared/contract';

/**
 * The window whose call is running, carried through the handler's awaits so that the change event it causes names
 * it (`data.changed.origin`). Jobs run outside it: their changes reach every window, the starter's too.
 */
const current = new AsyncLocalStorage<string | undefined>();

/** Runs `work` as a call from `origin` (ignored unless it is a well-formed window id). */
export function withCallOrigin<T>(origin: unknown, work: () => T): T {
  return current.run(CALL_ORIGIN.safeParse(origin).success ? (origin as string) : undefined, work);
}

export const callOrigin = (): string | undefined => current.getStore();

/** Runs `work` detached from the call that started it (a background job). */
export const withoutCallOrigin = <T>(work: () => T): T => current.exit(work);
