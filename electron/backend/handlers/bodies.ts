import { findBodyByCode, getBody, insertBody, listBodies, setBodyDeleted, updateBody } from '../../../db/queries/bodies';
import { listMembers, listRelations, replaceMembers, replaceRelations } from '../../../db/queries/people';
import { templateOf } from '../services/agenda';
import type { Body } from '../../../shared/domain/body';
import { formatInteger } from '../../../shared/format';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema';

type BodyHandlers = Pick<
  Handlers,
  'bodies.list' | 'bodies.create' | 'bodies.update' | 'bodies.delete' | 'bodies.restore' | 'bodies.members' | 'bodies.setMembers' | 'bodies.relations' | 'bodies.setRelations' | 'bodies.setHiddenSections' | 'bodies.template' | 'bodies.setTemplate'
>;

async function assertCodeFree(db: Kysely<DB>, code: string, ownId?: string) {
  const existing = await findBodyByCode(db, code);
  if (existing && existing.id !== ownId) throw new AppError('CONFLICT', `Der findes allerede et organ med forkortelsen «${code}».`);
}

async function mustGet(db: Kysely<DB>, id: string): Promise<Body> {
  const body = await getBody(db, id);
  if (!body) throw notFound('Organet');
  return body;
}

export const bodyHandlers = (ctx: BackendContext): BodyHandlers => {
  const write = (ids: readonly string[], work: (trx: Transaction<DB>) => Promise<void>) => ctx.write(['bodies'], work, { ids });
  return {
    'bodies.list': () => listBodies(ctx.db),

    'bodies.create': async (draft) => {
      const id = ctx.newId();
      await write([id], async (trx) => {
        await assertCodeFree(trx, draft.code);
        await insertBody(trx, id, draft, timestamp(ctx));
      });
      return mustGet(ctx.db, id);
    },

    'bodies.update': async ({ id, revision, patch }) => {
      await write([id], async (trx) => {
        if (patch.code !== undefined) await assertCodeFree(trx, patch.code, id);
        const outcome = await updateBody(trx, id, revision, patch, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Organet');
        if (outcome === 'stale') throw stale('Organet');
      });
      return mustGet(ctx.db, id);
    },

    'bodies.delete': async ({ id }) => {
      await write([id], async (trx) => {
        const body = await mustGet(trx, id);
        if (body.meetingCount > 0) {
          const count = body.meetingCount === 1 ? 'et møde' : `${formatInteger(body.meetingCount)} møder`;
          throw new AppError('CONFLICT', `${body.code} kan ikke slettes, fordi organet har ${count}. Slet møderne først.`);
        }
        await setBodyDeleted(trx, id, true, timestamp(ctx));
      });
      return { id };
    },

    'bodies.members': async ({ bodyId }) => {
      await mustGet(ctx.db, bodyId);
      return listMembers(ctx.db, bodyId);
    },

    'bodies.setMembers': async ({ bodyId, members }) => {
      await write([bodyId], async (trx) => {
        await mustGet(trx, bodyId);
        await replaceMembers(trx, bodyId, members, ctx.newId, timestamp(ctx));
      });
      return listMembers(ctx.db, bodyId);
    },

    'bodies.relations': () => listRelations(ctx.db),

    'bodies.setRelations': async ({ fromBodyId, relations }) => {
      await write([fromBodyId], async (trx) => {
        await mustGet(trx, fromBodyId);
        for (const r of relations) {
          if (r.toBodyId === fromBodyId) throw new AppError('INVALID_INPUT', 'Et organ kan ikke have en relation til sig selv.');
          await mustGet(trx, r.toBodyId);
        }
        await replaceRelations(trx, fromBodyId, relations, ctx.newId, timestamp(ctx));
      });
      return listRelations(ctx.db);
    },

    'bodies.setHiddenSections': async ({ bodyId, hidden }) => {
      await write([bodyId], async (trx) => {
        const body = await mustGet(trx, bodyId);
        const outcome = await updateBody(trx, bodyId, body.revision, { hidden_sections: JSON.stringify([...new Set(hidden)]) }, timestamp(ctx));
        if (outcome !== 'written') throw stale('Organet');
      });
      return mustGet(ctx.db, bodyId);
    },

    'bodies.template': async ({ bodyId }) => {
      const body = await mustGet(ctx.db, bodyId);
      return templateOf(ctx.db, bodyId, body.code);
    },

    'bodies.setTemplate': async ({ bodyId, template }) => {
      const kinds = template.map((t) => t.standing);
      if (new Set(kinds).size !== kinds.length) throw new AppError('INVALID_INPUT', 'Hvert fast punkt kan kun stå én gang i skabelonen.');
      await write([bodyId], async (trx) => {
        const body = await mustGet(trx, bodyId);
        const outcome = await updateBody(trx, bodyId, body.revision, { agenda_template: JSON.stringify(template) }, timestamp(ctx));
        if (outcome !== 'written') throw stale('Organet');
      });
      const body = await mustGet(ctx.db, bodyId);
      return templateOf(ctx.db, bodyId, body.code);
    },

    'bodies.restore': async ({ id }) => {
      await write([id], async (trx) => {
        const deleted = (await listBodies(trx, { includeDeleted: true })).find((b) => b.id === id);
        if (!deleted) throw notFound('Organet');
        await assertCodeFree(trx, deleted.code, id);
        await setBodyDeleted(trx, id, false, timestamp(ctx));
      });
      return mustGet(ctx.db, id);
    },
  };
};
