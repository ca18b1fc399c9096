import { searchDocuments } from '../../../db/queries/search';
import { makeSnippet, parseSearchQuery } from '../../../shared/logic/search-text';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';

type SearchHandlers = Pick<Handlers, 'search.query'>;

export const searchHandlers = (ctx: BackendContext): SearchHandlers => ({
  /** Full-text search over items, decisions and attachment text; relevance order; snippets marked in the original spelling. */
  'search.query': async ({ query, bodyId, year, limit }) => {
    const parsed = parseSearchQuery(query);
    if (!parsed.match) return { hits: [] };
    const rows = await searchDocuments(ctx.db, parsed.match, { bodyId, year, limit });
    return {
      hits: rows.map((r) => ({
        entity: r.entity,
        entityId: r.entity_id,
        meetingId: r.meeting_id,
        itemId: r.item_id,
        meetingDate: r.meeting_date,
        bodyCode: r.body_code,
        itemNumber: r.item_number,
        itemTitle: r.item_title,
        title: r.title,
        snippet: makeSnippet(r.body || r.title, parsed.terms),
      })),
    };
  },
});
