import { applyEdition, renderDocument } from '../../../shared/documents';
import { DOCUMENT_EDITION_LABELS, DOCUMENT_KIND_LABELS } from '../../../shared/domain/documents';
import { formatNumericDate } from '../../../shared/format';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { exportDocument } from '../documents/export-document';
import { secretariatName } from '../../../db/queries/settings';
import { buildDocumentModel } from '../services/documents';

type DocumentHandlers = Pick<Handlers, 'documents.capabilities' | 'documents.preview' | 'documents.export'>;

export const documentHandlers = (ctx: BackendContext): DocumentHandlers => ({
  'documents.capabilities': async () => ({ pdf: ctx.printer !== null }),

  'documents.preview': async ({ meetingId, kind, edition }) => {
    const model = await buildDocumentModel(ctx.db, meetingId, kind, edition);
    return {
      title: `${DOCUMENT_KIND_LABELS[kind]} ${model.body.code} ${formatNumericDate(model.meeting.date)} – ${DOCUMENT_EDITION_LABELS[edition].toLowerCase()}`,
      html: renderDocument(model, { preview: true }),
      items: applyEdition(model, edition).items.map(({ id, number, title }) => ({ id, number, title })),
    };
  },

  'documents.export': async (request) => {
    const model = buildDocumentModel(ctx.db, request.meetingId, request.kind === 'pack' ? 'agenda' : request.kind, request.edition);
    const files = ctx.files;
    return exportDocument(model, request, {
      printer: ctx.printer,
      store: ctx.exports,
      attachmentPath: files ? (sha256) => files.pathOf(sha256) : null,
      author: await secretariatName(ctx.db),
      appVersion: ctx.appVersion,
    });
  },
});
