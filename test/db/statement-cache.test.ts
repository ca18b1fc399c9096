import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../db/statement-cache';

describe('statement cache for Kysely', () => {
  it('hands out the same prepared statement for the same SQL, a fresh one while the first is being iterated, and keeps only the newest', () => {
    const raw = new Database(':memory:');
    raw.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');
    const db = withStatementCache(raw, 2);
    const select = 'SELECT n FROM t ORDER BY n';
    const first = db.prepare(select) as Database.Statement;
    expect(db.prepare(select)).toBe(first);

    const rows = first.iterate();
    rows.next();
    const second = db.prepare(select) as Database.Statement;
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    expect(db.prepare(select)).toBe(first);

    db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    expect(db.prepare(select)).not.toBe(first);
    db.close();
    expect(raw.open).toBe(false);
  });
});
