import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { AppError } from '../errors';
import type { PdfPrinter, PrintSession } from './printer';

/**
 * Starts Chromium for one export, or says in Danish why no PDF can be made: no printer here (browser mode without
 * Chromium), or Chromium would not start. `instead` is what the user can do instead (the first half of a sentence).
 */
export async function startPrinting(printer: PdfPrinter | null, instead = 'Brug «Udskriv» i forhåndsvisningen'): Promise<PrintSession> {
  if (!printer) {
    throw new AppError('UNAVAILABLE', `PDF kan ikke dannes her, fordi Chromium mangler. ${instead}, eller installer chromium.`);
  }
  try {
    return await printer();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('UNAVAILABLE', `Chromium kunne ikke startes til at danne PDF-filen (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}

/** Only the page tree and the destinations are read; pdf-lib's default parsing pauses every 100 objects. */
export const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });

/** One HTML document printed to PDF in a session of its own (closed without waiting), with its page count. */
export async function printDocument(printer: PdfPrinter | null, html: string, instead?: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const session = await startPrinting(printer, instead);
  let bytes: Uint8Array;
  try {
    bytes = await session.print(html, { final: true });
  } finally {
    // Chromium shuts down while the file is counted and stored; nothing waits for it.
    void session.close().catch(() => undefined);
  }
  return { bytes, pages: (await loadPdf(bytes)).getPageCount() };
}
