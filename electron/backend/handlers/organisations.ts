import { listOrganisations, touchOrganisation, updateOrganisation, upsertPopulationFigure } from '../../../db/queries/organisations';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { populationFigureId } from '../services/reference-data';

type OrganisationHandlers = Pick<Handlers, 'organisations.list' | 'organisations.update' | 'organisations.importPopulation'>;

export const organisationHandlers = (ctx: BackendContext): OrganisationHandlers => ({
  'organisations.list': () => listOrganisations(ctx.db),

  'organisations.update': async ({ id, revision, patch }) => {
    const now = timestamp(ctx);
    await ctx.write(['organisations'], async (trx) => {
      const outcome = await updateOrganisation(trx, id, revision, patch.name !== undefined ? { name: patch.name } : {}, now);
      if (outcome === 'missing') throw notFound('Kommunen eller regionen');
      if (outcome === 'stale') throw stale('Kommunen eller regionen');
      if (patch.population) {
        const { quarter, count } = patch.population;
        await upsertPopulationFigure(trx, { id: populationFigureId(id, quarter, 'i_alt'), organisationId: id, quarter, ageGroup: 'i_alt', count }, now);
      }
    }, { ids: [id] });
    const updated = (await listOrganisations(ctx.db)).find((o) => o.id === id);
    if (!updated) throw notFound('Kommunen eller regionen');
    return updated;
  },

  'organisations.importPopulation': async ({ quarter, ageGroup, figures }) => {
    const now = timestamp(ctx);
    const municipalities = (await listOrganisations(ctx.db)).filter((o) => o.kind === 'kommune');
    const given = new Map(figures.map((f) => [f.organisationId, f.count]));
    const missing = municipalities.filter((m) => !given.has(m.id)).map((m) => m.name);
    if (missing.length > 0) {
      throw new AppError('INVALID_INPUT', `Tallene mangler for ${missing.join(', ')}. Alle kommuner skal have et tal, så nøglen passer; intet er gemt.`);
    }
    const unknown = figures.filter((f) => !municipalities.some((m) => m.id === f.organisationId));
    if (unknown.length > 0) throw new AppError('INVALID_INPUT', 'Tallene nævner en kommune, der ikke er part i aftalen; intet er gemt.');
    await ctx.write(['organisations'], async (trx) => {
      for (const m of municipalities) {
        await upsertPopulationFigure(trx, { id: populationFigureId(m.id, quarter, ageGroup), organisationId: m.id, quarter, ageGroup, count: given.get(m.id)! }, now);
        await touchOrganisation(trx, m.id, now);
      }
    }, { ids: municipalities.map((m) => m.id) });
    return listOrganisations(ctx.db);
  },
});
