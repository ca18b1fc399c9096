import type { Kysely } from 'kysely';
import type { DB, FilesTable } from '../schema';

export type TextStatus = FilesTable['text_status'];

/** The `files` row of a stored file (size, media type, extracted text and its status). */
export async function getFileRow(db: Kysely<DB>, sha256: string): Promise<FilesTable | undefined> {
  return db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertFileRow(db: Kysely<DB>, row: Omit<FilesTable, 'text'>): Promise<void> {
  await db.insertInto('files').values({ ...row, text: null }).execute();
}

/** Corrects what is known of a stored file: its media type and/or whether its text is still to be extracted. */
export async function updateFileRow(db: Kysely<DB>, sha256: string, values: { media_type?: string; text_status?: TextStatus }): Promise<void> {
  await db.updateTable('files').set(values).where('sha256', '=', sha256).execute();
}

/** The files whose text is still to be extracted. */
export async function filesAwaitingText(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('files').select('sha256').where('text_status', '=', 'afventer').execute()).map((r) => r.sha256);
}

/** Writes an extraction's outcome, unless another run has settled the file meanwhile. */
export async function storeExtractedText(db: Kysely<DB>, sha256: string, text: string | null, status: Exclude<TextStatus, 'afventer'>): Promise<void> {
  await db.updateTable('files').set({ text, text_status: status }).where('sha256', '=', sha256).where('text_status', '=', 'afventer').execute();
}
