import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const statements = [
  // The base of three-way merges (docs/exchange-format.md §8): per source installation, every record taken from it
  // (or kept against it) with the source's revision and the hash of its content after the merge.
  `CREATE TABLE exchange_bases (
    source_installation TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
    exchanged_at TEXT NOT NULL,
    PRIMARY KEY (source_installation, entity, record_id)
  ) STRICT`,
  // Packages imported, so that importing the same package again is recognised and changes nothing.
  `CREATE TABLE exchange_imports (
    export_id TEXT PRIMARY KEY NOT NULL,
    source_installation TEXT NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
