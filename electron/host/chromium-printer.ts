import { existsSync } from 'node:fs';
import type { PdfPrinter } from '../backend/backend';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env) => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this closed network needs (architecture.md §4); the tests and benchmarks launch it the same way. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Chromium's print engine through playwright-core, for browser mode and the CLI (the desktop app uses printToPDF,
 * the same engine). Null where no Chromium is installed: the UI then offers the browser's own print dialog.
 * The page runs no script and may fetch nothing: the document is self-contained.
 */
export function chromiumPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter | null {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath)) return null;
  return async () => {
    // Imported here, not at the top: the bundled host would otherwise load Chromium's driver at every start.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      return {
        async print(html, { final }) {
          await page.setContent(html, { waitUntil: 'load' });
          return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: final, outline: final });
        },
        close: () => browser.close(),
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  };
}
