/**
 * Chromium's print engine, as each shell provides it: playwright-core with Debian's Chromium in browser mode and
 * the CLI, `webContents.printToPDF` in the desktop app. The backend only sees this interface.
 */
export interface PrintSession {
  /**
   * Prints one self-contained HTML document (no scripts, no external resources) to an A4 PDF using its CSS page
   * size. `final: false` is a layout pass whose page numbers are read and the file discarded: no tags, no outline.
   */
  print(html: string, options: { final: boolean }): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Starts a print session (one browser for all the passes of one export). */
export type PdfPrinter = () => Promise<PrintSession>;
