import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { LIBERATION_SANS_REGULAR } from './fonts/liberation-sans';

const PAGE = { width: 595.28, height: 841.89, margin: 56 };

/**
 * Characters of the WinAnsi encoding the text is written in; æ, ø, å and Danish punctuation are among them. Line breaks
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
  // Laid out with Helvetica's metrics, then set in Liberation Sans (the same metrics), which is embedded.
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const width = PAGE.width - 2 * PAGE.margin;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  for (const line of wrap(font, 15, printable(font, title), width)) {
    page.drawText(line, { x: PAGE.margin, y, size: 15, font });
    y -= 21;
  }
  y -= 8;
  for (const line of wrap(font, 10.5, printable(font, text), width)) {
    if (y < PAGE.margin) {
      page = pdf.addPage([PAGE.width, PAGE.height]);
      y = PAGE.height - PAGE.margin;
    }
    page.drawText(line, { x: PAGE.margin, y, size: 10.5, font });
    y -= 14;
  }
  await pdf.flush();
  embedLiberationSans(pdf, font);
  return pdf.save();
}

/** Liberation Sans's own figures (units per 1000), for the font descriptor. */
const LIBERATION_SANS_METRICS = { FontBBox: [-203, -303, 1050, 910], Ascent: 728, Descent: -210, CapHeight: 688, StemV: 80 };
const FONT_NAME = 'LiberationSans';
/** Non-symbolic: the codes are WinAnsi, mapped to glyphs through the font's Unicode table. */
const NONSYMBOLIC = 32;

/**
 * Rewrites the written Helvetica (a standard font, which a PDF does not carry) as a TrueType font that embeds
 * Liberation Sans, with the same WinAnsi codes and widths: the text keeps every position it was laid out at.
 * pdf-lib embeds TrueType only with a font library the app does not carry; this dictionary is all it needs.
 */
function embedLiberationSans(pdf: PDFDocument, helvetica: PDFFont): void {
  const context = pdf.context;
  const { compressed, length } = fontFile();
  const file = context.register(context.stream(compressed, { Filter: 'FlateDecode', Length1: length }));
  const descriptor = context.register(context.obj({ Type: 'FontDescriptor', FontName: FONT_NAME, Flags: NONSYMBOLIC, ItalicAngle: 0, ...LIBERATION_SANS_METRICS, FontFile2: file }));
  const widths = Array.from({ length: 256 - 32 }, (_, i) => widthOfCode(helvetica, i + 32));
  context.assign(
    helvetica.ref,
    context.obj({ Type: 'Font', Subtype: 'TrueType', BaseFont: FONT_NAME, FirstChar: 32, LastChar: 255, Widths: widths, Encoding: 'WinAnsiEncoding', FontDescriptor: descriptor }),
  );
}

/** The font file, compressed once: the demo writes two dozen annexes, each carrying it. */
let compressedFont: { compressed: Uint8Array; length: number } | null = null;
function fontFile() {
  if (!compressedFont) {
    const bytes = Buffer.from(LIBERATION_SANS_REGULAR, 'base64');
    compressedFont = { compressed: deflateSync(bytes), length: bytes.length };
  }
  return compressedFont;
}

/** The width (per 1000) of the character a WinAnsi code stands for; 0 for the few codes that stand for none. */
function widthOfCode(font: PDFFont, code: number): number {
  const ch = WIN_ANSI.get(code);
  return ch === undefined ? 0 : Math.round(font.widthOfTextAtSize(ch, 1000));
}

/** WinAnsi: Latin-1 but for 128–159, which hold these (a code without a character is left out). */
const WIN_ANSI_128 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const WIN_ANSI = new Map<number, string>([
  ...Array.from({ length: 127 - 32 }, (_, i) => [i + 32, String.fromCharCode(i + 32)] as const),
  ...Array.from(WIN_ANSI_128, (ch, i) => [i + 128, ch] as const).filter(([, ch]) => ch !== '\u0000'),
  ...Array.from({ length: 256 - 160 }, (_, i) => [i + 160, String.fromCharCode(i + 160)] as const),
]);
