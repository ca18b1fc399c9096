import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * What Kysely's SQLite driver needs of the database, with prepared statements kept by their SQL: the driver prepares
 * every query anew, and a large import spent a third of its transaction doing that. The newest `capacity` statements
 * are kept; one still being iterated (a streamed query) is never handed out twice.
 */
export function withStatementCache(raw: Database.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Moved to the end: the map's order is the order of use.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = raw.prepare(sql);
      if (!hit) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
    close() {
      cache.clear();
      raw.close();
    },
  };
}
