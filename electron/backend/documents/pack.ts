import { readFile } from 'node:fs/promises';
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFRef,
  StandardFonts,
  rgb,
  degrees,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';

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
export interface OutlineEntry {
  title: string;
  pageIndex: number;
  children?: OutlineEntry[];
}

/** A part that passed inspection could not be appended after all (the file changed or vanished in between). */
export class PackError extends Error {}

// Parse and write in larger slices than pdf-lib's defaults (100 / 50 objects per tick, each tick a setTimeout):
// big attachments would otherwise spend seconds waiting, but we still yield to the event loop now and then.
// ignoreEncryption only so that an encrypted file loads far enough to be recognised (isEncrypted) and refused:
// pdf-lib's EncryptedPDFError is compiled to ES5 and fails `instanceof`, and matching its message would be brittle.
const LOAD = { parseSpeed: ParseSpeeds.Fast, updateMetadata: false, ignoreEncryption: true } as const;
const OBJECTS_PER_TICK = 1000;

const MM = 72 / 25.4;
const STAMP = { size: 8.5, right: 20 * MM, baseline: 11 * MM, color: rgb(0.33, 0.33, 0.33), pad: 2 };

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
  outline: OutlineEntry[],
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

  const font = await pack.embedFont(StandardFonts.Helvetica);
  const pages = pack.getPages();
  pages.forEach((page, index) => stampPageNumber(page, font, `Side ${index + 1} af ${pages.length}`, index >= agendaPages));
  writeOutline(pack, outline);

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
 * The visible area (CropBox, which defaults to the MediaBox) as seen on screen: its visual width and height, and where
 * the visual bottom-left corner lies in user space. /Rotate turns the page clockwise, so drawing rotated
 * counter-clockwise by the same angle from that corner comes out upright.
 */
function visualFrame(page: PDFPage) {
  const { x, y, width, height } = page.getCropBox();
  const angle = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const corner = { 0: [x, y], 90: [x + width, y], 180: [x + width, y + height], 270: [x, y + height] }[angle as 0 | 90 | 180 | 270]!;
  const quarter = angle === 90 || angle === 270;
  return { angle, origin: corner, width: quarter ? height : width, height: quarter ? width : height };
}

function stampPageNumber(page: PDFPage, font: PDFFont, text: string, backdrop: boolean): void {
  const frame = visualFrame(page);
  const rad = (frame.angle * Math.PI) / 180;
  // Visual (u, v) from the visual bottom-left corner -> user space.
  const at = (u: number, v: number) => ({
    x: frame.origin[0]! + u * Math.cos(rad) - v * Math.sin(rad),
    y: frame.origin[1]! + u * Math.sin(rad) + v * Math.cos(rad),
  });
  const width = font.widthOfTextAtSize(text, STAMP.size);
  const u = frame.width - STAMP.right - width;
  const v = STAMP.baseline;
  const rotate = degrees(frame.angle);

  // A pagination artifact, so that screen readers of the tagged agenda skip it.
  // (A string operand is written verbatim: pdf-lib's operator types do not admit an inline dictionary.)
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), '<</Type /Pagination /Subtype /Footer>>']));
  if (backdrop) {
    // Attachments may have content down to the edge; a white box keeps the number legible.
    const descent = STAMP.size * 0.25;
    page.drawRectangle({
      ...at(u - STAMP.pad, v - descent - STAMP.pad),
      width: width + 2 * STAMP.pad,
      height: STAMP.size + descent + 2 * STAMP.pad,
      color: rgb(1, 1, 1),
      rotate,
    });
  }
  page.drawText(text, { ...at(u, v), size: STAMP.size, font, color: STAMP.color, rotate });
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}

/** Replaces the document outline (pdf-lib has no API for it) with `entries`, all expanded. */
function writeOutline(pack: PDFDocument, entries: OutlineEntry[]): void {
  const { context, catalog } = pack;
  removeOldOutline(pack);
  if (entries.length === 0) {
    catalog.delete(PDFName.of('Outlines'));
    return;
  }
  const pages = pack.getPages();
  const root = context.obj({ Type: 'Outlines' });
  const rootRef = context.register(root);

  /** Writes the siblings under `parentRef`; returns how many entries (at all levels) are now visible. */
  const writeLevel = (items: OutlineEntry[], parent: PDFDict, parentRef: PDFRef): number => {
    const refs = items.map(() => context.nextRef());
    let visible = items.length;
    items.forEach((item, i) => {
      const page = pages[item.pageIndex];
      if (!page) throw new RangeError(`Outline entry «${item.title}» points to page ${item.pageIndex}, but the pack has ${pages.length}`);
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), destination(page));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children?.length) visible += writeLevel(item.children, dict, refs[i]!);
      context.assign(refs[i]!, dict);
    });
    parent.set(PDFName.of('First'), refs[0]!);
    parent.set(PDFName.of('Last'), refs[refs.length - 1]!);
    // Positive /Count: the entry is open and this many descendants show.
    parent.set(PDFName.of('Count'), PDFNumber.of(visible));
    return visible;
  };
  writeLevel(entries, root, rootRef);
  catalog.set(PDFName.of('Outlines'), rootRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Top of an upright page at the current zoom; a rotated page is fitted, since "top" is not a user-space y there. */
function destination(page: PDFPage): PDFArray {
  const { context } = page.doc;
  const frame = visualFrame(page);
  if (frame.angle !== 0) return context.obj([page.ref, PDFName.of('Fit')]);
  return context.obj([page.ref, PDFName.of('XYZ'), PDFNumber.of(frame.origin[0]!), PDFNumber.of(frame.origin[1]! + frame.height), PDFNull]);
}

/** Chromium's outline items would otherwise be written out as unreachable objects. */
function removeOldOutline(pack: PDFDocument): void {
  const { context, catalog } = pack;
  const seen = new Set<string>();
  const drop = (ref: unknown) => {
    if (!(ref instanceof PDFRef) || seen.has(ref.toString())) return;
    seen.add(ref.toString());
    const dict = context.lookupMaybe(ref, PDFDict);
    context.delete(ref);
    if (!dict) return;
    drop(dict.get(PDFName.of('First')));
    drop(dict.get(PDFName.of('Next')));
  };
  drop(catalog.get(PDFName.of('Outlines')));
}
