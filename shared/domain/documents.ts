import { z } from 'zod';
import { Id } from './common';

/** Agenda, minutes, or the agenda with every PDF attachment appended (the agenda pack). */
export const DocumentKind = z.enum(['agenda', 'minutes', 'pack'], { error: 'Ukendt dokumenttype' });
export type DocumentKind = z.infer<typeof DocumentKind>;
export const DocumentEdition = z.enum(['internal', 'public'], { error: 'Ukendt udgave' });
export type DocumentEdition = z.infer<typeof DocumentEdition>;
export const DocumentFormat = z.enum(['pdf', 'docx'], { error: 'Ukendt filformat' });
export type DocumentFormat = z.infer<typeof DocumentFormat>;

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = { agenda: 'Dagsorden', minutes: 'Referat', pack: 'Bilagssamling' };
export const DOCUMENT_EDITION_LABELS: Record<DocumentEdition, string> = { internal: 'Intern udgave', public: 'Offentlig udgave' };

export const DocumentPreviewRequest = z.object({ meetingId: Id, kind: DocumentKind.exclude(['pack']), edition: DocumentEdition });
/** The items as the edition shows them (a closed item's placeholder title in the public one), for a list beside the text. */
export const DocumentPreviewItem = z.object({ id: Id, number: z.number().int(), title: z.string() });
export const DocumentPreview = z.object({ title: z.string(), html: z.string(), items: z.array(DocumentPreviewItem) });

export const DocumentRequest = z
  .object({ meetingId: Id, kind: DocumentKind, edition: DocumentEdition, format: DocumentFormat.default('pdf') })
  .refine((r) => !(r.kind === 'pack' && r.format === 'docx'), { error: 'Bilagssamlingen dannes kun som PDF', path: ['format'] });
export type DocumentRequest = z.output<typeof DocumentRequest>;

/** A finished export, kept by the backend until it is saved (downloaded in browser mode, a save dialog on the desktop). */
export const DocumentExport = z.object({
  exportId: z.string().regex(/^[0-9a-f-]{36}$/),
  fileName: z.string(),
  bytes: z.number().int(),
  /** Pages of a PDF; null for Word, whose pages Word lays out itself. */
  pages: z.number().int().nullable(),
  /** Attachments left out of a pack and the like: shown to the user, the file is still made. */
  warnings: z.array(z.string()),
});
export type DocumentExport = z.infer<typeof DocumentExport>;

export const DocumentCapabilities = z.object({
  /** False where no Chromium can print (browser mode without it): the preview offers the browser's print dialog instead. */
  pdf: z.boolean(),
});
