import { escapeHtml } from '../../../shared/format/html';

/**
 * The pack's "Side X af Y" numbers are printed by Chromium, one tiny page per number, and laid onto the pack's pages
 * (pack.ts): so they are set in the papers' own font, embedded, like the rest of the agenda. pdf-lib could only write
 * them in a standard font that is not embedded (it embeds TrueType only with a font library we do not carry).
 */

/** Prints `html` (one stamp per page) to PDF: a layout pass of the export's own print session. */
export type StampPrinter = (html: string) => Promise<Uint8Array>;

/** The stamp page in points: as wide as the longest number needs, as tall as one line. */
export const STAMP_PAGE = { width: 60 * (72 / 25.4), height: 12 } as const;
export const STAMP_FONT_SIZE = 8.5;
/** Where the baseline of the text lies above the stamp page's bottom edge (line box of 12 pt, Liberation Sans). */
export const STAMP_BASELINE = 3.05;

/** One right-aligned line per page, in the font and grey of the papers' running header. */
export function renderPageStamps(texts: string[]): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<style>
@page { size: ${STAMP_PAGE.width}pt ${STAMP_PAGE.height}pt; margin: 0; }
html { font: ${STAMP_FONT_SIZE}pt/${STAMP_PAGE.height}pt "Liberation Sans", Arial, sans-serif; color: #555; }
body { margin: 0; }
div { height: ${STAMP_PAGE.height}pt; text-align: right; white-space: nowrap; overflow: hidden; break-after: page; }
div:last-child { break-after: auto; }
</style>
</head>
<body>
${texts.map((text) => `<div>${escapeHtml(text)}</div>`).join('\n')}
</body>
</html>`;
}
