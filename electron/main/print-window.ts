import { randomUUID } from 'node:crypto';
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../backend/backend';
import { APP_ORIGIN } from './protocol';

/** Documents waiting to be printed, served once at app://sekretariat/print/<id> (see protocol.ts). */
const jobs = new Map<string, string>();

/** The HTML of a print job, handed out once; undefined for an unknown or used id. */
export function takePrintJob(id: string): string | undefined {
  const html = jobs.get(id);
  jobs.delete(id);
  return html;
}

/**
 * The desktop app's PDF printer: Chromium's own printToPDF in a hidden window that runs no script, has no preload
 * and no Node, and loads the self-contained document from our own origin under a CSP that allows nothing but its
 * inline style. The same HTML and print CSS as browser mode and the CLI, so the PDFs are the same.
 */
export const desktopPrinter: PdfPrinter = async () => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  return {
    async print(html, { final }) {
      const id = randomUUID();
      jobs.set(id, html);
      try {
        await window.loadURL(`${APP_ORIGIN}/print/${id}`);
      } finally {
        jobs.delete(id);
      }
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: final,
        generateDocumentOutline: final,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    async close() {
      if (!window.isDestroyed()) window.destroy();
    },
  };
};
