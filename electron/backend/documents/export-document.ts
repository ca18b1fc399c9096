import { rename, rm, writeFile } from 'node:fs/promises';
import { DOCUMENT_EDITION_LABELS, DOCUMENT_KIND_LABELS, type DocumentExport, type DocumentRequest } from '../../../shared/domain/documents';
import { applyEdition, closedTexts, CLOSED_ITEM_TITLE, renderDocument, type DocumentModel, type RenderOptions } from '../../../shared/documents';
import { attachmentLabel, CONTENTS_TITLE, itemNumberLabel, KIND_TITLES, meetingDateLine } from '../../../shared/documents/labels';
import { formatLongDate } from '../../../shared/format';
import { cleanFileName } from '../files/file-name';
import { MEDIA_TYPES } from '../files/media-type';
import { renderDocx } from './docx';
import type { ExportStore } from './export-store';
import { namedDestinationPages } from './page-map';
import { refuseUncheckedOrLeaking } from './public-output';
import { assemblePack, inspectParts, partStartPages, partWarning, type PackPart } from './pack';
import { finishPdf, outlineTitle, type OutlineEntry, type PdfProperties } from './pdf-finish';
import type { PdfPrinter, PrintSession } from './printer';
import { loadPdf, startPrinting } from './print-session';

export interface ExportSources {
  printer: PdfPrinter | null;
  store: ExportStore;
  /** Where a stored attachment is on disk (null when there is no file store). */
  attachmentPath: ((sha256: string) => string) | null;
  /** The secretariat's name (settings), the author of every PDF. */
  author: string;
  /** The app's version, for the PDF's producer. */
  appVersion: string;
}

const MISSING_REASONS = { password: 'beskyttet med adgangskode', broken: 'kunne ikke læses', missing: 'filen mangler' } as const;

/** Table of contents page numbers are at most this wide; the layout pass prints it so both passes wrap alike. */
const PAGE_PLACEHOLDER = 999;

/**
 * Makes the agenda, minutes or agenda pack as PDF or Word into the export store. The file appears under its final
 * name only when it is complete and, for a public edition, has passed the leak check; otherwise nothing is left.
 */
export async function exportDocument(modelSource: Promise<DocumentModel>, request: DocumentRequest, sources: ExportSources): Promise<DocumentExport> {
  // Chromium starts while the meeting is read from the database: the start is most of a PDF's fixed cost. Word needs
  // it too where it can run: the printed layout says on which page each item starts, for the table of contents.
  const printing = request.format === 'pdf' || sources.printer ? startPrinting(sources.printer) : null;
  printing?.catch(() => undefined);
  let model: DocumentModel;
  try {
    model = await modelSource;
  } catch (error) {
    void printing?.then((session) => session.close()).catch(() => undefined);
    throw error;
  }
  const { id, dir } = await sources.store.create();
  const fileName = documentFileName(model, request);
  const partial = `${dir}/.${fileName}.part`;
  try {
    let pages: number | null = null;
    let warnings: string[] = [];
    let bytes: Uint8Array;
    if (request.format === 'docx') {
      bytes = await renderDocx(model, { pageOf: printing ? await layoutPages(printing, model) : null });
    } else {
      const session = await printing!;
      try {
        const properties = pdfProperties(model, request, sources);
        if (request.kind === 'pack') {
          ({ pages, warnings, bytes } = await printPack(session, model, sources, dir, properties));
        } else {
          const printed = await printWithContents(session, model);
          pages = printed.pages;
          bytes = await finishDocument(printed.bytes, properties, documentOutline(applyEdition(model, model.edition), printed.pageOf));
        }
      } finally {
        // Chromium shuts down while the file is checked and handed over; nothing waits for it.
        void session.close().catch(() => undefined);
      }
    }
    await writeFile(partial, bytes);
    // The file as it will be kept is read back, the pack as a whole too (its agenda and parts were checked one by one).
    if (model.edition === 'public') {
      const where = request.kind === 'pack' ? 'dagsordenen med bilag' : null;
      await refuseUncheckedOrLeaking(closedTexts(model), [{ file: partial, mediaType: request.format === 'docx' ? MEDIA_TYPES.docx : MEDIA_TYPES.pdf, where }]);
    }
    await rename(partial, `${dir}/${fileName}`);
    return { exportId: id, fileName, bytes: bytes.byteLength, pages, warnings };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** "DAS referat 2021-05-27 (offentlig).pdf" */
export function documentFileName(model: DocumentModel, request: Pick<DocumentRequest, 'kind' | 'edition' | 'format'>): string {
  const edition = request.edition === 'public' ? ' (offentlig)' : ' (intern)';
  return cleanFileName(`${model.body.code} ${DOCUMENT_KIND_LABELS[request.kind].toLowerCase()} ${model.meeting.date}${edition}.${request.format}`);
}

/** What a reader shows as the file's properties. */
function pdfProperties(model: DocumentModel, request: Pick<DocumentRequest, 'kind' | 'edition'>, sources: Pick<ExportSources, 'author' | 'appVersion'>): PdfProperties {
  const what = DOCUMENT_KIND_LABELS[request.kind];
  const when = meetingDateLine(model.meeting.date);
  return {
    title: `${what} – ${model.body.name} – ${formatLongDate(model.meeting.date)}`,
    author: sources.author,
    subject: `${what} for mødet i ${model.body.name} ${when.charAt(0).toLowerCase()}${when.slice(1)} – ${DOCUMENT_EDITION_LABELS[request.edition].toLowerCase()}`,
    producer: `Sekretariat ${sources.appVersion} (Chromium og pdf-lib)`,
  };
}

/**
 * The outline of the agenda or minutes (of the edition as printed): the front page, the table of contents and
 * "Punkt N. title" for every item; a closed item of the public edition is "Punkt N. Lukket punkt" even where its
 * title is shown on the page, since a reader's outline travels further than the page (search, copies, previews).
 */
function documentOutline(model: DocumentModel, pageOf: ReadonlyMap<string, number>, childrenOf: (itemId: string) => OutlineEntry[] = () => []): OutlineEntry[] {
  return [
    { title: `${KIND_TITLES[model.kind]} – ${outlineTitle(model.body.name)}`, pageIndex: 0 },
    // The table of contents always has the second page of its own (render.ts).
    { title: CONTENTS_TITLE, pageIndex: 1 },
    ...model.items.map((item) => {
      const title = model.edition === 'public' && item.closed ? CLOSED_ITEM_TITLE : outlineTitle(item.title);
      const children = childrenOf(item.id);
      return { title: `${itemNumberLabel(item.number)} ${title}`, pageIndex: (pageOf.get(item.id) ?? 1) - 1, ...(children.length ? { children } : {}) };
    }),
  ];
}

async function finishDocument(bytes: Uint8Array, properties: PdfProperties, outline: OutlineEntry[]): Promise<Uint8Array> {
  const doc = await loadPdf(bytes);
  finishPdf(doc, properties, outline);
  return doc.save({ useObjectStreams: false });
}

/**
 * Two passes: the first lays the document out with placeholder page numbers and tells on which page each item
 * starts (Chromium's named destinations); the second prints the table of contents with those numbers. Every item
 * starts on a new page and the placeholder is as wide as a real number, so the second pass breaks pages alike; it
 * is checked, and a third pass runs if it did not. `optionsFor` gets the page count of the layout (null for the
 * layout pass itself), so a pack's agenda can say where each attachment will start.
 */
async function printWithContents(session: PrintSession, model: DocumentModel, optionsFor: (pages: number | null) => RenderOptions = () => ({})) {
  const layout = await loadPdf(await session.print(renderDocument(model, { ...optionsFor(null), pageOf: placeholderPages(model) }), { final: false }));
  let pages = layout.getPageCount();
  let pageOf = itemPages(model, await namedDestinationPages(layout));
  for (let pass = 0; ; pass++) {
    const bytes = await session.print(renderDocument(model, { ...optionsFor(pages), pageOf }), { final: true });
    const doc = await loadPdf(bytes);
    const printed = itemPages(model, await namedDestinationPages(doc));
    const stable = samePages(printed, pageOf) && doc.getPageCount() === pages;
    if (stable || pass === 1) return { bytes, pageOf: printed, pages: doc.getPageCount() };
    pageOf = printed;
    pages = doc.getPageCount();
  }
}

const placeholderPages = (model: DocumentModel) => new Map(model.items.map((item) => [item.id, PAGE_PLACEHOLDER]));

/**
 * On which page each item starts, from the layout pass alone (the Word file lays out its front page, contents and
 * items as the PDF does, each item on a new page); null when Chromium cannot print, and Word is made without them.
 */
async function layoutPages(printing: Promise<PrintSession>, model: DocumentModel): Promise<Map<string, number> | null> {
  let session: PrintSession;
  try {
    session = await printing;
  } catch {
    return null;
  }
  try {
    const layout = await loadPdf(await session.print(renderDocument(model, { pageOf: placeholderPages(model) }), { final: false }));
    return itemPages(model, await namedDestinationPages(layout));
  } catch {
    return null;
  } finally {
    void session.close().catch(() => undefined);
  }
}

function itemPages(model: DocumentModel, destinations: Map<string, number>): Map<string, number> {
  return new Map(model.items.flatMap((item) => {
    const page = destinations.get(`punkt-${item.number}`);
    return page === undefined ? [] : [[item.id, page] as const];
  }));
}

const samePages = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

/**
 * The agenda followed by every PDF attachment of the edition, in item order. The agenda is printed without its own
 * page numbers (the pack is numbered throughout) and says where each attachment starts, or why it is not included.
 */
async function printPack(session: PrintSession, source: DocumentModel, sources: ExportSources, scratchDir: string, properties: PdfProperties) {
  const model = applyEdition({ ...source, kind: 'agenda' }, source.edition);
  const entries = model.items.flatMap((item) => item.attachments.map((attachment) => ({ item, attachment })));
  const pdfEntries = entries.filter(({ attachment }) => attachment.mediaType === MEDIA_TYPES.pdf);
  const parts: PackPart[] = pdfEntries.map(({ item, attachment }) => ({
    itemNumber: item.number,
    attachmentNumber: attachment.number,
    title: attachment.title,
    file: attachment.sha256 && sources.attachmentPath ? sources.attachmentPath(attachment.sha256) : null,
  }));
  const checks = await inspectParts(parts);
  const warnings = checks.flatMap((check, i) => (check.ok ? [] : [partWarning(parts[i]!, check)]));

  const key = (itemId: string, number: number) => `${itemId}/${number}`;
  const partIndex = new Map(pdfEntries.map(({ item, attachment }, i) => [key(item.id, attachment.number), i]));
  const notesFor = (starts: (number | null)[] | null) => (itemId: string, number: number) => {
    const i = partIndex.get(key(itemId, number));
    if (i === undefined) return 'ikke PDF – ikke med i samlingen';
    const check = checks[i]!;
    if (!check.ok) return `${MISSING_REASONS[check.reason]} – ikke med i samlingen`;
    return `side ${starts ? starts[i]! + 1 : PAGE_PLACEHOLDER}`;
  };

  const agenda = await printWithContents(session, model, (pages) => ({ pageNumbers: false, attachmentNote: notesFor(pages === null ? null : partStartPages(pages, checks)) }));
  const starts = partStartPages(agenda.pages, checks);
  if (model.edition === 'public') {
    // Each part first, so a refusal can say where the phrase is; an open attachment may quote a closed item.
    const agendaFile = `${scratchDir}/.dagsorden-kontrol.pdf`;
    await writeFile(agendaFile, agenda.bytes);
    try {
      await refuseUncheckedOrLeaking(closedTexts(source), [
        { file: agendaFile, mediaType: MEDIA_TYPES.pdf, where: 'dagsordenen' },
        ...parts.flatMap((part, i) => (checks[i]!.ok && part.file ? [{ file: part.file, mediaType: MEDIA_TYPES.pdf, where: `bilag ${part.itemNumber}.${part.attachmentNumber} «${part.title}»` }] : [])),
      ]);
    } finally {
      await rm(agendaFile, { force: true });
    }
  }

  const outline = documentOutline(model, agenda.pageOf, (itemId) =>
    pdfEntries.flatMap(({ item, attachment }, i) => (item.id === itemId && starts[i] != null ? [{ title: outlineTitle(attachmentLabel(attachment)), pageIndex: starts[i]! }] : [])),
  );
  const pack = await assemblePack(agenda.bytes, parts, checks, { properties, outline }, (html) => session.print(html, { final: false }));
  return { bytes: pack.bytes, pages: pack.pages, warnings };
}
