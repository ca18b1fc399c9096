import { z } from 'zod';
import type { EventName } from './names';

export const ChangedEntity = z.enum(['meetings', 'bodies', 'organisations', 'settings', 'agenda', 'followUps', 'scenarios']);
export type ChangedEntity = z.infer<typeof ChangedEntity>;

/** Events the backend pushes to every open window (IPC) or browser tab (SSE). */
export const events = {
  /** Data changed, by this window or another one (a second window, the CLI through a shared database). */
  'data.changed': z.object({ entities: z.array(ChangedEntity) }),
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
