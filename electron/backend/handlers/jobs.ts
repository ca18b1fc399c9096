import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';

/** Background jobs of every kind (export, package check, import, backup, restore, putting a proposal on an agenda). */
export const jobHandlers = (ctx: BackendContext): Pick<Handlers, 'jobs.get' | 'jobs.cancel'> => ({
  'jobs.get': async ({ id }) => ctx.jobs.get(id),
  'jobs.cancel': async ({ id }) => ctx.jobs.cancel(id),
});
