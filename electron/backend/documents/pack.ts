import { readFile } from 'node:fs/promises';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFOperator, PDFOperatorNames, StandardFonts, rgb, degrees, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { renderPageStamps, STAMP_BASELINE, STAMP_FONT_SIZE, STAMP_PAGE, type StampPrinter } from './page-stamps';
import { finishPdf, visualFrame, type OutlineEntry, type PdfProperties } from './pdf-finish';

/**
 * The agenda pack ("bilagssamling"): the agenda PDF printed by Chromium, followed by every PDF attachment in item
 * order, with continuous "Side X af Y" numbers and a fresh document outline. Pure Node + pdf-lib.
 */

export interface PackPart {
  itemNumber: number;
  attachmentNumber: number;
  title: string;
  /** Absolute path of the stored PDF; null when the file is missing on disk. */
  file: string | null;
}
export type PartCheck = { ok: true; pages: number } | { ok: false; reason: 'missing' | 'password' | 'broken' };

/** A part that passed inspection could not be appended after all (the file changed or vanished in between). */
export class PackError extends Error {}

// Parse and write in larger slices than pdf-lib's defaults (100 / 50 objects per tick, each tick a setTimeout):
// big attachments would otherwise spend seconds waiting, but we still yield to the event loop now and then.
// ignoreEncryption only so that an encrypted file loads far enough to be recognised (isEncrypted) and refused:
// pdf-lib's EncryptedPDFError is compiled to ES5 and fails `instanceof`, and matching its message would be brittle.
const LOAD = { parseSpeed: ParseSpeeds.Fast, updateMetadata: false, ignoreEncryption: true } as const;
const OBJECTS_PER_TICK = 1000;

const MM = 72 / 25.4;
const STAMP = { right: 20 * MM, baseline: 11 * MM, pad: 2 };

type Loaded = { ok: true; doc: PDFDocument } | { ok: false; reason: 'missing' | 'password' | 'broken' };

async function loadPart(file: string | null): Promise<Loaded> {
  if (file === null) return { ok: false, reason: 'missing' };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'broken' };
  }
  try {
    const doc = await PDFDocument.load(bytes, LOAD);
    // Never included, not even without a user password: pdf-lib cannot decrypt, the content would be garbage.
    if (doc.isEncrypted) return { ok: false, reason: 'password' };
    return doc.getPageCount() > 0 ? { ok: true, doc } : { ok: false, reason: 'broken' };
  } catch {
    // An encrypted file whose (encrypted) object streams cannot be parsed fails before pdf-lib looks at the trailer.
    return { ok: false, reason: bytes.includes('/Encrypt') ? 'password' : 'broken' };
  }
}

export async function inspectParts(parts: PackPart[]): Promise<PartCheck[]> {
  const checks: PartCheck[] = [];
  // One at a time: only one attachment's bytes and object graph are alive at any moment.
  for (const part of parts) {
    const loaded = await loadPart(part.file);
    checks.push(loaded.ok ? { ok: true, pages: loaded.doc.getPageCount() } : loaded);
  }
  return checks;
}

export function partWarning(part: PackPart, check: PartCheck & { ok: false }): string {
  const what = `Bilag ${part.attachmentNumber} til punkt ${part.itemNumber} («${part.title}»)`;
  const why = {
    password: 'er beskyttet med adgangskode',
    broken: 'kunne ikke læses (beskadiget PDF)',
    missing: 'findes ikke længere på disken',
  }[check.reason];
  return `${what} ${why} og er ikke med i samlingen.`;
}

export function partStartPages(agendaPages: number, checks: PartCheck[]): (number | null)[] {
  let next = agendaPages;
  return checks.map((check) => {
    if (!check.ok) return null;
    const start = next;
    next += check.pages;
    return start;
  });
}

export async function assemblePack(
  agendaPdf: Uint8Array,
  parts: PackPart[],
  checks: PartCheck[],
  finish: { properties: PdfProperties; outline: OutlineEntry[] },
  printStamps: StampPrinter,
): Promise<{ bytes: Uint8Array; pages: number }> {
  if (checks.length !== parts.length) throw new RangeError('assemblePack: parts and checks differ in length');
  const pack = await PDFDocument.load(agendaPdf, LOAD);
  const agendaPages = pack.getPageCount();

  for (const [index, part] of parts.entries()) {
    const check = checks[index]!;
    if (!check.ok) continue;
    const loaded = await loadPart(part.file);
    if (!loaded.ok || loaded.doc.getPageCount() !== check.pages) {
      throw new PackError(`Bilag ${part.attachmentNumber} til punkt ${part.itemNumber} («${part.title}») er ændret, mens bilagssamlingen blev dannet. Prøv igen.`);
    }
    for (const page of await pack.copyPages(loaded.doc, loaded.doc.getPageIndices())) {
      detachStructure(page);
      pack.addPage(page);
    }
    // `loaded` goes out of scope here, so the source document can be collected before the next one is read.
  }

  const pages = pack.getPages();
  const texts = pages.map((_, index) => `Side ${index + 1} af ${pages.length}`);
  const stampPdf = await PDFDocument.load(await printStamps(renderPageStamps(texts)), LOAD);
  if (stampPdf.getPageCount() !== pages.length) throw new Error(`assemblePack: ${stampPdf.getPageCount()} page numbers printed for ${pages.length} pages`);
  const stamps = await pack.embedPages(stampPdf.getPages());
  const widthOf = await textWidths();
  pages.forEach((page, index) => stampPageNumber(page, stamps[index]!, widthOf(texts[index]!), index >= agendaPages));
  finishPdf(pack, finish.properties, finish.outline);

  const bytes = await pack.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK });
  return { bytes, pages: pages.length };
}

/**
 * An attachment's /StructParents numbers point into its own structure tree, which is not copied; left in place they
 * would collide with the agenda's ParentTree and attach the attachment's content to the agenda's tags.
 */
function detachStructure(page: PDFPage): void {
  page.node.delete(PDFName.of('StructParents'));
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    annots!.lookupMaybe(i, PDFDict)?.delete(PDFName.of('StructParent'));
  }
}

/**
 * The width of a stamp's text, for the white box behind it: Liberation Sans, the papers' font, has Helvetica's
 * metrics, which pdf-lib knows. The font is loaded into a scratch document, so nothing of it is written to the pack.
 */
async function textWidths(): Promise<(text: string) => number> {
  const helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  return (text) => helvetica.widthOfTextAtSize(text, STAMP_FONT_SIZE);
}

function stampPageNumber(page: PDFPage, stamp: PDFEmbeddedPage, width: number, backdrop: boolean): void {
  const frame = visualFrame(page);
  const rad = (frame.angle * Math.PI) / 180;
  // Visual (u, v) from the visual bottom-left corner -> user space.
  const at = (u: number, v: number) => ({
    x: frame.origin[0]! + u * Math.cos(rad) - v * Math.sin(rad),
    y: frame.origin[1]! + u * Math.sin(rad) + v * Math.cos(rad),
  });
  const u = frame.width - STAMP.right - width;
  const v = STAMP.baseline;
  const rotate = degrees(frame.angle);

  // A pagination artifact, so that screen readers of the tagged agenda skip it.
  // (A string operand is written verbatim: pdf-lib's operator types do not admit an inline dictionary.)
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<</Type /Pagination /Subtype /Footer>>']));
  if (backdrop) {
    // Attachments may have content down to the edge; a white box keeps the number legible.
    const descent = STAMP_FONT_SIZE * 0.25;
    page.drawRectangle({
      ...at(u - STAMP.pad, v - descent - STAMP.pad),
      width: width + 2 * STAMP.pad,
      height: STAMP_FONT_SIZE + descent + 2 * STAMP.pad,
      color: rgb(1, 1, 1),
      rotate,
    });
  }
  // The stamp page's right edge is where the text ends; its baseline lies STAMP_BASELINE above its bottom.
  page.drawPage(stamp, { ...at(frame.width - STAMP.right - STAMP_PAGE.width, v - STAMP_BASELINE), width: STAMP_PAGE.width, height: STAMP_PAGE.height, rotate });
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}
