import { listOrganisations, updateOrganisation, upsertPopulationFigure } from '../../../db/queries/organisations';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, stale } from '../errors';
import { populationFigureId } from '../services/reference-data';

type OrganisationHandlers = Pick<Handlers, 'organisations.list' | 'organisations.update'>;

export const organisationHandlers = (ctx: BackendContext): OrganisationHandlers => ({
  'organisations.list': () => listOrganisations(ctx.db),

  'organisations.update': async ({ id, revision, patch }) => {
    const now = timestamp(ctx);
    await ctx.db.transaction().execute(async (trx) => {
      const outcome = await updateOrganisation(trx, id, revision, patch.name !== undefined ? { name: patch.name } : {}, now);
      if (outcome === 'missing') throw notFound('Kommunen eller regionen');
      if (outcome === 'stale') throw stale('Kommunen eller regionen');
      if (patch.population) {
        const { quarter, count } = patch.population;
        await upsertPopulationFigure(trx, { id: populationFigureId(id, quarter, 'i_alt'), organisationId: id, quarter, ageGroup: 'i_alt', count }, now);
      }
    });
    ctx.emit('data.changed', { entities: ['organisations'] });
    const updated = (await listOrganisations(ctx.db)).find((o) => o.id === id);
    if (!updated) throw notFound('Kommunen eller regionen');
    return updated;
  },
});
