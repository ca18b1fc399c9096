import { z } from 'zod';

export const ChangedEntity = z.enum(['meetings', 'bodies', 'organisations', 'settings']);
export type ChangedEntity = z.infer<typeof ChangedEntity>;

/** Events the backend pushes to every open window (IPC) or browser tab (SSE). */
export const events = {
  /** Data changed, by this window or another one (a second window, the CLI through a shared database). */
  'data.changed': z.object({ entities: z.array(ChangedEntity) }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(events, name);
