import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * The page (1-based) of every named destination in a PDF printed by Chromium. Chromium writes one for every
 * element an internal link points to; the table of contents links to each item (#punkt-N), so this tells on which
 * page each item begins without guessing from extracted text.
 */
export async function namedDestinationPages(pdf: Uint8Array | PDFDocument): Promise<Map<string, number>> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  const pageOfRef = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pages = new Map<string, number>();
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookup(value);
    const ref = target instanceof PDFArray ? target.get(0) : undefined;
    const page = ref instanceof PDFRef ? pageOfRef.get(ref.toString()) : undefined;
    if (page !== undefined) pages.set(name.decodeText(), page);
  }
  return pages;
}
