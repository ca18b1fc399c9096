import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT`;

const statements = [
  // Tariff scenarios (shared/domain/scenario.ts). A base holds its whole input as JSON (kroner, fractions) and no
  // overrides; a variant points at its base, has no input of its own (NULL) and holds only what it changes, so a
  // change to the base flows into its variants. Variants of variants do not exist (the backend refuses them).
  `CREATE TABLE scenarios (${record},
    name TEXT NOT NULL,
    base_id TEXT REFERENCES scenarios (id),
    input TEXT CHECK (input IS NULL OR json_valid(input)),
    overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(overrides)),
    CHECK ((base_id IS NULL) = (input IS NOT NULL)),
    CHECK (base_id IS NOT NULL OR overrides = '{}'),
    CHECK (base_id IS NULL OR base_id <> id)
  ) STRICT`,
  `CREATE INDEX scenarios_base ON scenarios (base_id)`,

  // Frozen, numbered copies of a scenario's effective input that agenda items and decisions can cite; never edited.
  // The hash is SHA-256 of the input's canonical JSON (electron/backend/services/scenario-hash.ts).
  `CREATE TABLE scenario_versions (${record},
    scenario_id TEXT NOT NULL REFERENCES scenarios (id),
    number INTEGER NOT NULL CHECK (number > 0),
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    input TEXT NOT NULL CHECK (json_valid(input)),
    note TEXT NOT NULL DEFAULT '',
    frozen_by TEXT NOT NULL DEFAULT '',
    UNIQUE (scenario_id, number)
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
