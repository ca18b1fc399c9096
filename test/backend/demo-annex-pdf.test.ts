import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoAnnexPdf } from '../../electron/backend/demo/demo-pdf';
import { DEMO_MEETINGS } from '../../electron/backend/demo/demo';

/** Every font of a PDF, as a parser reads it: its name and whether the file carries its program. */
async function fontsOf(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font'))
    .map((font) => {
      const descriptor = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      const program = ['FontFile', 'FontFile2', 'FontFile3'].map((key) => descriptor?.lookupMaybe(PDFName.of(key), PDFStream)).find(Boolean);
      return { name: String(font.get(PDFName.of('BaseFont'))), embedded: program !== undefined && program.getContents().length > 10_000 };
    });
}

describe('the demo annexes as PDF (issue 16: every font embedded)', () => {
  const annexes = DEMO_MEETINGS.flatMap((m) => m.items.flatMap((item) => item.attachments ?? []));

  it('embed the font they are set in, in every annex of the demo', async () => {
    expect(annexes.length).toBeGreaterThan(20);
    for (const annex of annexes) {
      const fonts = await fontsOf(await demoAnnexPdf(annex.title, annex.text));
      expect(fonts, annex.title).toEqual([{ name: '/LiberationSans', embedded: true }]);
    }
  });

  it('make the same bytes every time, so the demo\'s files keep their SHA-256 on every laptop', async () => {
    const first = await demoAnnexPdf('Bemærkninger fra børne- og ungedirektørkredsen', 'Æ, ø og å – “citat”, 1.234,50 kr.');
    expect(Buffer.from(await demoAnnexPdf('Bemærkninger fra børne- og ungedirektørkredsen', 'Æ, ø og å – “citat”, 1.234,50 kr.')).equals(Buffer.from(first))).toBe(true);
    const pdf = await PDFDocument.load(first);
    expect(pdf.getTitle()).toBe('Bemærkninger fra børne- og ungedirektørkredsen');
  });
});
