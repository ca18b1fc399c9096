/**
 * The printed papers in the app: the same HTML as the PDF, with a few rules for the screen only (a calm grey desk,
 * sheets that keep an A4 measure but give way in a narrow window, body text a size up for a screen's distance).
 * Sheets out of sight are not laid out until they come near (content-visibility), so a long set of minutes appears
 * as fast as a short one. The print rules are untouched.
 */
const SCREEN_CSS = `
@media screen {
  html { background: #e9ecef; font-size: 11.5pt; }
  body { padding: 4mm 4mm 10mm; }
  body > section { margin: 0 auto 5mm; border-radius: 2px; content-visibility: auto; contain-intrinsic-size: auto 297mm; }
  body > section:last-child { margin-bottom: 0; }
  @media (max-width: 760px) { body > section { padding: 12mm 12mm; } }
}`;

export const readingHtml = (html: string) => html.replace('</head>', `<style>${SCREEN_CSS}</style>\n</head>`);

/** Where an item starts in the papers: its section (each item is one), found by the heading the contents link to. */
export function itemElement(doc: Document, number: number): HTMLElement | null {
  const heading = doc.getElementById(`punkt-${number}`);
  return heading?.closest('section') ?? heading;
}

/**
 * The item being read: the last one whose start (its top in the document) has passed the upper third of the window
 * (the contents and the front page come before any, -1), or the last item once the end is reached.
 */
export function currentIndex(tops: readonly number[], view: { scrollY: number; height: number; scrollHeight: number }): number {
  if (tops.length > 0 && view.scrollY > 0 && view.scrollY + view.height >= view.scrollHeight - 2) return tops.length - 1;
  const line = view.scrollY + view.height / 3;
  let found = -1;
  for (let i = 0; i < tops.length && tops[i]! <= line; i++) found = i;
  return found;
}
