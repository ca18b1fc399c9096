import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { closedTexts, findLeaks, renderDocument, type DocumentModel } from '../../shared/documents';
import { extractFileText } from '../backend/files/extract-text';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class PrintError extends Error {}

/**
 * Prints agenda or minutes to PDF with Chromium's print engine (the desktop app uses printToPDF, the same engine).
 * A public edition is read back and compared with the closed items' texts; if any phrase leaked, the file is
 * removed and the export refused, naming what leaked.
 */
export async function printDocumentPdf(model: DocumentModel, file: string): Promise<{ pages: number }> {
  if (!existsSync(chromiumPath())) {
    throw new PrintError(`Chromium blev ikke fundet (${chromiumPath()}). Installer chromium, eller angiv stien i CHROMIUM_PATH.`);
  }
  let bytes: Uint8Array;
  // Imported here, not at the top: the bundled host would otherwise load Chromium's driver at every start.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(renderDocument(model), { waitUntil: 'load' });
    bytes = await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true, preferCSSPageSize: true });
    writeFileSync(file, bytes);
  } finally {
    await browser.close();
  }
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  if (model.edition === 'public') {
    const leaks = findLeaks(closedTexts(model), await readPdfText(file));
    if (leaks.length > 0) {
      rmSync(file, { force: true });
      throw new PrintError(`Den offentlige udgave blev ikke gemt, fordi tekst fra lukkede punkter fandtes i den: ${leaks.map((l) => `«${l.phrase}» (fra «${l.source}»)`).join('; ')}.`);
    }
  }
  return { pages };
}

async function readPdfText(file: string): Promise<string> {
  const outcome = await extractFileText(file, 'application/pdf');
  if (outcome.status === 'fejl') throw new PrintError('PDF-filen kunne ikke læses tilbage til kontrol af lukkede punkter.');
  return outcome.text ?? '';
}
