import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
const statements = [
  // How a body numbers its attachments: across the whole meeting ("Bilag 1–N", as the DAS papers do) or from 1 in
  // each item. Existing bodies number across the meeting, as DAS does.
  `ALTER TABLE bodies ADD COLUMN attachment_numbering TEXT NOT NULL DEFAULT 'meeting' CHECK (attachment_numbering IN ('meeting', 'item'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
