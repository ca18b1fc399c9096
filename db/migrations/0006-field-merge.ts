import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const statements = [
  // The base's content, not only its hash, so an import can merge field by field (docs/exchange-format.md §8): the
  // record as it was taken (JSON line), and when the source wrote it (its package's createdAt, in the source's clock),
  // which a package declares back to that source so both sides agree on their latest common version. Rows from before
  // this migration keep NULL and are compared by hash only.
  `ALTER TABLE exchange_bases ADD COLUMN content TEXT`,
  `ALTER TABLE exchange_bases ADD COLUMN source_created_at TEXT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
