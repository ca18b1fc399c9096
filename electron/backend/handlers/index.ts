import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { bodyHandlers } from './bodies';
import { meetingHandlers } from './meetings';
import { organisationHandlers } from './organisations';

/** One handler per contract method; the type fails to compile if one is missing. */
export const createHandlers = (ctx: BackendContext): Handlers => ({
  ...appHandlers(ctx),
  ...organisationHandlers(ctx),
  ...bodyHandlers(ctx),
  ...meetingHandlers(ctx),
});
