import type { Kysely, Transaction } from 'kysely';
import {
  findReplacement,
  getAttachmentRow,
  getAttachmentSummary,
  insertAttachment,
  nextAttachmentPosition,
  setAttachmentDeleted,
  updateAttachment,
  type AttachmentRow,
  type AttachmentSummaryData,
} from '../../../db/queries/attachments';
import type { DB } from '../../../db/schema';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { cleanFileName, titleFromFileName } from '../files/file-name';
import { keepingAttachmentReferences } from '../services/attachment-references';
import { assertEditable, attachmentNumberOffset, mustGetItem, reindexItem, reindexItemsWithFile } from '../services/agenda';
import type { WriteScope } from '../write';

type AttachmentHandlers = Pick<
  Handlers,
  'attachments.add' | 'attachments.update' | 'attachments.replace' | 'attachments.delete' | 'attachments.restore'
>;

type Changes = Record<string, { before: unknown; after: unknown }>;

const NOT_UPLOADED = 'Filen er ikke uploadet (eller overførslen blev afbrudt). Vælg filen igen.';
const MISSING_ON_DISK = 'Filen mangler i datamappen eller kan ikke læses. Vælg filen igen.';

async function mustGet(db: Kysely<DB>, id: string): Promise<AttachmentSummaryData> {
  const summary = await getAttachmentSummary(db, id, (itemId) => attachmentNumberOffset(db, itemId));
  if (!summary) throw notFound('Bilaget');
  return summary;
}

async function mustGetRow(db: Kysely<DB>, id: string): Promise<AttachmentRow> {
  const row = await getAttachmentRow(db, id);
  if (!row) throw notFound('Bilaget');
  return row;
}

export const attachmentHandlers = (ctx: BackendContext): AttachmentHandlers => {
  const store = ctx.files;
  // Once the text of a file is extracted, every item showing it becomes findable by that text.
  store?.text.onSettled(async (sha256, status) => {
    if (status !== 'udtrukket') return;
    await reindexItemsWithFile(ctx.db, sha256).catch((error: unknown) => console.warn('Søgeindekset kunne ikke opdateres', error));
  });

  /** The file must have been uploaded to this data folder and still be there; checked before any transaction. */
  async function assertUploaded(sha256: string): Promise<void> {
    const info = store ? await store.info(sha256) : null;
    if (!store || !info) throw new AppError('NOT_FOUND', NOT_UPLOADED);
    if (!(await store.exists(sha256))) throw new AppError('NOT_FOUND', MISSING_ON_DISK);
  }

  const history = (scope: WriteScope, row: { id: string; item_id: string }, meetingId: string, action: 'oprettet' | 'aendret' | 'slettet' | 'gendannet', changes?: Changes) =>
    scope.history({ entity: 'bilag', entityId: row.id, meetingId, itemId: row.item_id, action, changes });

  /** An attachment's write: announced as a change of the agenda, naming the attachments given and their item. */
  const write = <T>(ids: readonly string[], work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>) => ctx.write(['agenda'], work, { ids });

  /** The item of an attachment, live and on a meeting whose minutes are not locked. */
  async function editableItem(db: Kysely<DB>, itemId: string, scope: WriteScope) {
    const item = await mustGetItem(db, itemId);
    scope.announce({ ids: [item.id] });
    await assertEditable(db, item.meeting_id);
    return item;
  }

  return {
    'attachments.add': async ({ itemId, sha256, fileName, title, closed }) => {
      await assertUploaded(sha256);
      const name = cleanFileName(fileName) || fileName;
      const id = ctx.newId();
      await write([id], async (trx, scope) => {
        const item = await editableItem(trx, itemId, scope);
        const row = { id, item_id: itemId };
        const finalTitle = title?.trim() || titleFromFileName(name);
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, async () =>
          insertAttachment(trx, { id, itemId, position: await nextAttachmentPosition(trx, itemId), title: finalTitle, fileName: name, sha256, closed }, now),
        );
        await history(scope, row, item.meeting_id, 'oprettet', { bilag: { before: null, after: finalTitle }, fil: { before: null, after: name } });
        await reindexItem(trx, itemId);
      });
      return mustGet(ctx.db, id);
    },

    'attachments.update': async ({ id, revision, patch }) => {
      await write([id], async (trx, scope) => {
        const before = await mustGetRow(trx, id);
        const item = await editableItem(trx, before.item_id, scope);
        const outcome = await updateAttachment(trx, id, revision, patch, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Bilaget');
        if (outcome === 'stale') throw stale('Bilaget');
        const changes: Changes = {};
        if (patch.title !== undefined && patch.title !== before.title) changes.titel = { before: before.title, after: patch.title };
        if (patch.closed !== undefined && patch.closed !== (before.closed === 1)) changes.lukket = { before: before.closed === 1, after: patch.closed };
        if (Object.keys(changes).length > 0) await history(scope, before, item.meeting_id, 'aendret', changes);
        await reindexItem(trx, before.item_id);
      });
      return mustGet(ctx.db, id);
    },

    'attachments.replace': async ({ id, sha256, fileName }) => {
      await assertUploaded(sha256);
      const name = cleanFileName(fileName) || fileName;
      const newId = ctx.newId();
      await write([id, newId], async (trx, scope) => {
        const old = await mustGetRow(trx, id);
        const item = await editableItem(trx, old.item_id, scope);
        if (old.sha256 === sha256) throw new AppError('INVALID_INPUT', 'Den valgte fil er identisk med den nuværende version af bilaget. Vælg den nye version.');
        const now = timestamp(ctx);
        // A title that was only the old file name follows the new file name; a title the user wrote stays.
        const title = old.title === titleFromFileName(old.file_name) ? titleFromFileName(name) : old.title;
        await setAttachmentDeleted(trx, old.id, true, now);
        await insertAttachment(
          trx,
          { id: newId, itemId: old.item_id, position: old.position, title, fileName: name, sha256, closed: old.closed === 1, version: old.version + 1, replacesId: old.id },
          now,
        );
        await history(scope, { id: newId, item_id: old.item_id }, item.meeting_id, 'oprettet', {
          version: { before: old.version, after: old.version + 1 },
          fil: { before: old.file_name, after: name },
        });
        await reindexItem(trx, old.item_id);
      });
      return mustGet(ctx.db, newId);
    },


    'attachments.delete': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const row = await mustGetRow(trx, id);
        const item = await editableItem(trx, row.item_id, scope);
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, () => setAttachmentDeleted(trx, id, true, now));
        await history(scope, row, item.meeting_id, 'slettet', { bilag: { before: row.title, after: null } });
        await reindexItem(trx, row.item_id);
      });
      return { id };
    },

    'attachments.restore': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const row = await getAttachmentRow(trx, id, { includeDeleted: true });
        if (!row) throw notFound('Bilaget');
        if (!row.deleted_at) return; // already there: restoring twice is harmless
        const item = await editableItem(trx, row.item_id, scope);
        const replacement = await findReplacement(trx, id);
        if (replacement) {
          throw new AppError(
            'CONFLICT',
            `Bilaget kan ikke gendannes, fordi det er erstattet af en nyere version (version ${replacement.version}). Slet den nye version først, hvis den gamle skal tilbage.`,
          );
        }
        const now = timestamp(ctx);
        await keepingAttachmentReferences(trx, scope, [item.meeting_id], now, () => setAttachmentDeleted(trx, id, false, now));
        await history(scope, row, item.meeting_id, 'gendannet', { bilag: { before: null, after: row.title } });
        await reindexItem(trx, row.item_id);
      });
      return mustGet(ctx.db, id);
    },
  };
};
