import { z } from 'zod';
import { JobStatus } from '../domain/jobs';
import type { EventName } from './names';

export const ChangedEntity = z.enum(['meetings', 'bodies', 'organisations', 'settings', 'agenda', 'followUps', 'scenarios', 'proposals', 'tariffSheets']);
export type ChangedEntity = z.infer<typeof ChangedEntity>;

/**
 * A window names itself with a random id on every call (IPC argument, HTTP header), so that it can tell its own
 * changes from others' in `data.changed`. Not a credential: it only saves a window the reload of what it just wrote.
 */
export const CALL_ORIGIN = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const CALL_ORIGIN_HEADER = 'x-sekretariat-origin';

/** Events the backend pushes to every open window (IPC) or browser tab (SSE). */
export const events = {
  /** Data changed, by this window or another one (a second window, the CLI through a shared database). */
  'data.changed': z.object({
    entities: z.array(ChangedEntity),
    /** The records that changed, where the writer knows them; absent: anything of `entities` may have changed. */
    ids: z.array(z.string()).optional(),
    /** The window whose call made the change (see CALL_ORIGIN); absent for jobs, the CLI and other processes. */
    origin: z.string().optional(),
  }),
  /** A background job moved on, finished, failed or was cancelled (throttled to a few per second while running). */
  'job.progress': JobStatus,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
