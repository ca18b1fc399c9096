import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const PAGE = { width: 595.28, height: 841.89, margin: 56 };

/**
 * Characters the standard PDF fonts (WinAnsi) can show; æ, ø, å and Danish punctuation are among them. Line breaks
 * are kept for the wrapping to split paragraphs on (a font cannot encode them).
 */
const printable = (font: PDFFont, text: string) =>
  Array.from(text, (ch) => {
    if (ch === '\n') return ch;
    try {
      font.encodeText(ch);
      return ch;
    } catch {
      return '?';
    }
  }).join('');

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Fixed, so the demo's files have the same bytes (and SHA-256) on every laptop that loads the demo. */
const DEMO_PDF_DATE = new Date(Date.UTC(2021, 0, 1));

/** A small real PDF of an annex's text, so demo attachments can be opened, searched and appended to an agenda pack. */
export async function demoAnnexPdf(title: string, text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage('da-DK');
  pdf.setCreator('Sekretariat (demodata)');
  pdf.setCreationDate(DEMO_PDF_DATE);
  pdf.setModificationDate(DEMO_PDF_DATE);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  for (const line of wrap(bold, 14, printable(bold, title), width)) {
    page.drawText(line, { x: PAGE.margin, y, size: 14, font: bold });
    y -= 20;
  }
  y -= 8;
  for (const line of wrap(regular, 10.5, printable(regular, text), width)) {
    if (y < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    page.drawText(line, { x: PAGE.margin, y, size: 10.5, font: regular });
    y -= 14;
  }
  return pdf.save();
}
