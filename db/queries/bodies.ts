import type { Kysely } from 'kysely';
import type { AttachmentNumbering, Body, ItemBreak, PaperLayout } from '../../shared/domain/body';
import type { DB } from '../schema';
import { setTombstone, toMeta, updateGuarded, type WriteOutcome } from './records';

export interface BodyValues {
  code: string;
  name: string;
  description: string;
  attachmentNumbering?: AttachmentNumbering;
  paperLayout?: PaperLayout;
  itemBreak?: ItemBreak;
}

/** The columns of `values`, only those given. */
function bodyColumns({ attachmentNumbering, paperLayout, itemBreak, code, name, description }: Partial<BodyValues>) {
  return Object.fromEntries(
    Object.entries({ code, name, description, attachment_numbering: attachmentNumbering, paper_layout: paperLayout, item_break: itemBreak }).filter(([, value]) => value !== undefined),
  ) as { code?: string; name?: string; description?: string; attachment_numbering?: AttachmentNumbering; paper_layout?: PaperLayout; item_break?: ItemBreak };
}

export async function listBodies(db: Kysely<DB>, options: { includeDeleted?: boolean } = {}): Promise<Body[]> {
  let query = db
    .selectFrom('bodies as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('meetings as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.body_id', '=', 'b.id')
        .where('m.deleted_at', 'is', null)
        .as('meeting_count'),
    );
  if (!options.includeDeleted) query = query.where('b.deleted_at', 'is', null);
  const rows = await query.orderBy('b.created_at').orderBy('b.code').execute();
  return rows.map((row) => ({
    ...toMeta(row),
    code: row.code,
    name: row.name,
    description: row.description,
    attachmentNumbering: row.attachment_numbering,
    paperLayout: row.paper_layout,
    itemBreak: row.item_break,
    meetingCount: Number(row.meeting_count ?? 0),
    hiddenSections: JSON.parse(row.hidden_sections) as string[],
  }));
}

export async function getBody(db: Kysely<DB>, id: string): Promise<Body | undefined> {
  return (await listBodies(db)).find((b) => b.id === id);
}

export async function findBodyByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('bodies').select(['id']).where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Inserts a body; with `ifAbsent`, a body whose id exists already is left as it is. */
export async function insertBody(db: Kysely<DB>, id: string, values: BodyValues, now: string, options: { ifAbsent?: boolean } = {}) {
  const { code, name, description, ...rest } = bodyColumns(values);
  const insert = db.insertInto('bodies').values({ id, code: code!, name: name!, description: description!, ...rest, created_at: now, updated_at: now });
  const result = await (options.ifAbsent ? insert.onConflict((oc) => oc.doNothing()) : insert).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const updateBody = (db: Kysely<DB>, id: string, revision: number, values: Partial<BodyValues> & { hidden_sections?: string; agenda_template?: string }, now: string): Promise<WriteOutcome> => {
  const { hidden_sections, agenda_template } = values;
  const columns = { ...bodyColumns(values), ...(hidden_sections === undefined ? {} : { hidden_sections }), ...(agenda_template === undefined ? {} : { agenda_template }) };
  return updateGuarded(db, 'bodies', id, revision, columns, now);
};

export const setBodyDeleted = (db: Kysely<DB>, id: string, deleted: boolean, now: string) => setTombstone(db, 'bodies', id, deleted, now);

/** The body's own standing items as stored (JSON; '[]' when it follows the default template). */
export async function bodyAgendaTemplate(db: Kysely<DB>, bodyId: string): Promise<string> {
  return (await db.selectFrom('bodies').select('agenda_template').where('id', '=', bodyId).executeTakeFirstOrThrow()).agenda_template;
}

/** How the body of a meeting numbers its attachments. */
export async function attachmentNumberingOfMeeting(db: Kysely<DB>, meetingId: string): Promise<AttachmentNumbering> {
  const row = await db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select('b.attachment_numbering')
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  return row?.attachment_numbering ?? 'meeting';
}

/** How the papers of a meeting's body look: its layout and whether each item starts a new page. */
export async function paperSettingsOfMeeting(db: Kysely<DB>, meetingId: string): Promise<{ layout: PaperLayout; itemBreak: ItemBreak }> {
  const row = await db
    .selectFrom('meetings as m')
    .innerJoin('bodies as b', 'b.id', 'm.body_id')
    .select(['b.paper_layout', 'b.item_break'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  return { layout: row?.paper_layout ?? 'A', itemBreak: row?.item_break ?? 'page' };
}

/** Code and name of a body, deleted or not. */
export async function bodyLabel(db: Kysely<DB>, id: string): Promise<{ code: string; name: string } | undefined> {
  return db.selectFrom('bodies').select(['code', 'name']).where('id', '=', id).executeTakeFirst();
}
