import { z } from 'zod';
import { JobStatus } from '../domain/jobs';
import type { EventName } from './names';

export const ChangedEntity = z.enum(['meetings', 'bodies', 'organisations', 'settings', 'agenda', 'followUps', 'scenarios', 'proposals']);
export type ChangedEntity = z.infer<typeof ChangedEntity>;

/** Events the backend pushes to every open window (IPC) or browser tab (SSE). */
export const events = {
  /** Data changed, by this window or another one (a second window, the CLI through a shared database). */
  'data.changed': z.object({ entities: z.array(ChangedEntity) }),
  /** A background job moved on, finished, failed or was cancelled (throttled to a few per second while running). */
  'job.progress': JobStatus,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
