import type { Kysely, KyselyPlugin } from 'kysely';
import type { DB } from '../../db/schema';

/** The same database, counting every statement run through it and the rows they return. */
export function countingQueries(db: Kysely<DB>): { db: Kysely<DB>; count: () => number; rows: () => number } {
  let statements = 0;
  let rows = 0;
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      statements++;
      return node;
    },
    transformResult: async ({ result }) => {
      rows += result.rows.length;
      return result;
    },
  };
  return { db: db.withPlugin(plugin), count: () => statements, rows: () => rows };
}
