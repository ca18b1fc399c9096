import type { Kysely, KyselyPlugin } from 'kysely';
import type { DB } from '../../db/schema';

/** The same database, counting every statement run through it. */
export function countingQueries(db: Kysely<DB>): { db: Kysely<DB>; count: () => number } {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(plugin), count: () => statements };
}
