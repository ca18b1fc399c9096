import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const statements = [
  // How a body's papers look: layout A of the DAS papers or layout C of the Danske Regioner committees. Existing bodies
  // print as DAS does.
  `ALTER TABLE bodies ADD COLUMN paper_layout TEXT NOT NULL DEFAULT 'A' CHECK (paper_layout IN ('A', 'C'))`,
  // Whether each item starts on a new page (as DAS) or the items follow on continuous pages.
  `ALTER TABLE bodies ADD COLUMN item_break TEXT NOT NULL DEFAULT 'page' CHECK (item_break IN ('page', 'continuous'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
