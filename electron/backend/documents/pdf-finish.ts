import { type PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFPage } from 'pdf-lib';

/**
 * What every printed agenda, minutes and pack gets after Chromium: the document's properties and an outline of our
 * own. Chromium's outline is built from the headings: it loses the space at a line break in a title, names items
 * without their number and lists the sub-headings of the case text; the public edition must name a closed item
 * «Punkt N. Lukket punkt» and nothing more.
 */

export interface OutlineEntry {
  title: string;
  pageIndex: number;
  children?: OutlineEntry[];
}

export interface PdfProperties {
  title: string;
  author: string;
  subject: string;
  /** The app and its version, e.g. "Sekretariat 1.4.0". */
  producer: string;
}

export const PDF_CREATOR = 'Sekretariat';

/** Sets the document's properties (shown by every reader) and replaces its outline, open in the side panel. */
export function finishPdf(doc: PDFDocument, properties: PdfProperties, outline: OutlineEntry[]): void {
  doc.setTitle(properties.title, { showInWindowTitleBar: true });
  doc.setAuthor(properties.author);
  doc.setSubject(properties.subject);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(properties.producer);
  doc.setLanguage('da-DK');
  doc.setModificationDate(new Date());
  writeOutline(doc, outline);
}

/** One line, as a reader's outline panel shows it: a line break or tab in a title is a space. */
export const outlineTitle = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The visible area (CropBox, which defaults to the MediaBox) as seen on screen: its visual width and height, and where
 * the visual bottom-left corner lies in user space. /Rotate turns the page clockwise, so drawing rotated
 * counter-clockwise by the same angle from that corner comes out upright.
 */
export function visualFrame(page: PDFPage) {
  const { x, y, width, height } = page.getCropBox();
  const angle = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  const corner = { 0: [x, y], 90: [x + width, y], 180: [x + width, y + height], 270: [x, y + height] }[angle as 0 | 90 | 180 | 270]!;
  const quarter = angle === 90 || angle === 270;
  return { angle, origin: corner, width: quarter ? height : width, height: quarter ? width : height };
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
