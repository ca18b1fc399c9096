import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, StandardFonts, type PDFPage, type PDFRef, type PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assemblePack,
  inspectParts,
  partStartPages,
  partWarning,
  type PackPart,
  type PartCheck,
} from '../../../electron/backend/documents/pack';
import type { StampPrinter } from '../../../electron/backend/documents/page-stamps';
import type { OutlineEntry, PdfProperties } from '../../../electron/backend/documents/pdf-finish';
import type { PrintSession } from '../../../electron/backend/documents/printer';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';

const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
let dir: string;

/** One line of text per page; `setup` may rotate the page or move its boxes. */
async function makePdf(lines: string[], size: [number, number] = A4, setup?: (page: PDFPage, i: number) => void) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => {
    const page = doc.addPage(size);
    page.drawText(line, { x: 60, y: size[1] - 80, size: 14, font });
    setup?.(page, i);
  });
  return doc;
}

/** A Chromium-like agenda: an outline of its own and a (minimal) structure tree that must survive. */
async function makeAgenda(): Promise<Uint8Array> {
  const doc = await makePdf(['Dagsorden side en', 'Dagsorden side to', 'Dagsorden side tre']);
  const { context, catalog } = doc;
  const item = context.register(context.obj({ Title: PDFHexString.fromText('Chromiums overskrift'), Dest: [doc.getPage(0).ref, 'Fit'] }));
  const outlines = context.register(context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  context.lookup(item, PDFDict).set(PDFName.of('Parent'), outlines);
  catalog.set(PDFName.of('Outlines'), outlines);
  catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot' })));
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  return doc.save({ useObjectStreams: false });
}

const write = async (name: string, doc: PDFDocument | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, doc instanceof PDFDocument ? await doc.save({ useObjectStreams: false }) : doc);
  return path;
};

const part = (itemNumber: number, attachmentNumber: number, title: string, file: string | null): PackPart => ({
  itemNumber,
  attachmentNumber,
  title,
  file,
});

const pdftotext = (file: string, page: number, ...args: string[]) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), ...args, file, '-'], { encoding: 'utf8' });

/**
 * The words of "Side k af N" with their boxes in the page's visual (rotated) coordinates, as poppler shows them, and
 * the page's visual size (-bbox reports the unrotated size, so that comes from pdfinfo).
 */
function stampWords(file: string, page: number) {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), file], { encoding: 'utf8' });
  const [, w, h] = /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/m.exec(info)!;
  const rot = Number(/^Page\s+\d+ rot:\s+(\d+)/m.exec(info)![1]);
  const [width, height] = rot % 180 === 0 ? [w, h] : [h, w];
  const html = pdftotext(file, page, '-bbox');
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  const start = words.findIndex((w) => w.text === 'Side');
  return { width: Number(width), height: Number(height), words: words.slice(start, start + 4) };
}

/** Walks /Outlines back into titles and page indexes. */
function readOutline(doc: PDFDocument): { count: number; entries: OutlineEntry[] } {
  const refs = doc.getPages().map((p) => p.ref);
  const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const level = (parent: PDFDict): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    let ref = parent.get(PDFName.of('First')) as PDFRef | undefined;
    while (ref) {
      const dict = doc.context.lookup(ref, PDFDict);
      expect(dict.get(PDFName.of('Parent'))).toBeDefined();
      const dest = dict.lookup(PDFName.of('Dest'), PDFArray);
      const entry: OutlineEntry = {
        title: (dict.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText(),
        pageIndex: refs.indexOf(dest.get(0) as PDFRef),
      };
      if (dict.has(PDFName.of('First'))) entry.children = level(dict);
      entries.push(entry);
      ref = dict.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    return entries;
  };
  return { count: root.lookup(PDFName.of('Count'), PDFNumber).asNumber(), entries: level(root) };
}

const PROPERTIES: PdfProperties = {
  title: 'Dagsorden – Den Administrative Styregruppe (DAS Social) – 27. maj 2021',
  author: 'Sekretariat for Nordjysk Socialaftale',
  subject: 'Bilagssamling for mødet i Den Administrative Styregruppe (DAS Social) torsdag den 27. maj 2021 – intern udgave',
  producer: 'Sekretariat 1.0.0 (Chromium og pdf-lib)',
};
const printer = chromiumPrinter();

describe.skipIf(!printer)('agenda pack', () => {
  let agenda: Uint8Array;
  let parts: PackPart[];
  let checks: PartCheck[];
  let session: PrintSession;
  let stamps: StampPrinter;

  beforeAll(async () => {
    session = await printer!();
    stamps = (html) => session.print(html, { final: false });
    dir = mkdtempSync(join(tmpdir(), 'pack-'));
    agenda = await makeAgenda();
    // An /Encrypt dictionary in the trailer (there is no qpdf here to encrypt for real).
    const locked = await makePdf(['Fortroligt']);
    locked.context.trailerInfo.Encrypt = locked.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)), P: -4 });
    const valid = await (await makePdf(['Afkortet'])).save({ useObjectStreams: false });
    parts = [
      part(1, 1, 'Budget for børn og unge', await write('budget.pdf', await makePdf(['Budget side en', 'Budget side to']))),
      part(1, 2, 'Låst notat', await write('locked.pdf', locked)),
      part(2, 1, 'Takstoversigt på tværs', await write('landscape.pdf', await makePdf(['Takster liggende'], [A4[1], A4[0]]))),
      part(3, 1, 'Ødelagt fil', await write('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> ødelagt\n%%EOF'))),
      part(3, 2, 'Afkortet fil', await write('truncated.pdf', valid.subarray(0, Math.floor(valid.length / 3)))),
      part(3, 3, 'Slettet bilag', join(dir, 'findes-ikke.pdf')),
      part(4, 1, 'Ingen fil', null),
      // Rotated pages (90, 180, 270), the first also with a MediaBox that does not start at the origin.
      part(4, 2, 'Drejede sider', await write('rotated.pdf', await makePdf(['Drejet 90', 'Drejet 180', 'Drejet 270'], A4, (page, i) => {
        page.setRotation(degrees(90 * (i + 1)));
        if (i === 0) page.setMediaBox(100, 200, A4[0], A4[1]);
      }))),
    ];
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inspects every part once and names why one cannot be included, in Danish', async () => {
    checks = await inspectParts(parts);
    expect(checks).toEqual([
      { ok: true, pages: 2 },
      { ok: false, reason: 'password' },
      { ok: true, pages: 1 },
      { ok: false, reason: 'broken' },
      { ok: false, reason: 'broken' },
      { ok: false, reason: 'missing' },
      { ok: false, reason: 'missing' },
      { ok: true, pages: 3 },
    ]);
    const warning = (i: number) => partWarning(parts[i]!, checks[i] as PartCheck & { ok: false });
    expect(warning(1)).toBe('Bilag 2 til punkt 1 («Låst notat») er beskyttet med adgangskode og er ikke med i samlingen.');
    expect(warning(3)).toBe('Bilag 1 til punkt 3 («Ødelagt fil») kunne ikke læses (beskadiget PDF) og er ikke med i samlingen.');
    expect(warning(5)).toBe('Bilag 3 til punkt 3 («Slettet bilag») findes ikke længere på disken og er ikke med i samlingen.');
    expect(partStartPages(3, checks)).toEqual([3, null, 5, null, null, null, null, 6]);
  });

  it('assembles agenda and included parts with continuous page numbers and a new outline', async () => {
    const starts = partStartPages(3, checks);
    const outline: OutlineEntry[] = [
      { title: 'Dagsorden', pageIndex: 0 },
      { title: 'Punkt 1. Børn og unge', pageIndex: 1, children: [{ title: 'Bilag 1: Budget for børn og unge', pageIndex: starts[0]! }] },
      { title: 'Punkt 2. Takster – æøå ÆØÅ', pageIndex: 2, children: [{ title: 'Bilag 1: Takstoversigt på tværs', pageIndex: starts[2]! }] },
      { title: 'Punkt 4. Drejede sider', pageIndex: 2, children: [{ title: 'Bilag 2: Drejede sider', pageIndex: starts[7]! }] },
    ];
    const { bytes, pages } = await assemblePack(agenda, parts, checks, { properties: PROPERTIES, outline }, stamps);
    expect(pages).toBe(3 + 2 + 1 + 3);
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, bytes);

    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+9$/m);
    for (let k = 1; k <= pages; k++) expect(pdftotext(file, k)).toContain(`Side ${k} af 9`);
    // Parts in item order, after the agenda.
    expect(pdftotext(file, 3)).toContain('Dagsorden side tre');
    expect(pdftotext(file, 4)).toContain('Budget side en');
    expect(pdftotext(file, 6)).toContain('Takster liggende');
    expect(pdftotext(file, 9)).toContain('Drejet 270');

    // Upright, at the visual bottom right, on portrait, landscape and every rotation.
    for (const k of [1, 5, 6, 7, 8, 9]) {
      const { width, height, words } = stampWords(file, k);
      expect(words.map((w) => w.text)).toEqual(['Side', String(k), 'af', '9']);
      const [first, , , last] = words;
      expect(first!.xMin).toBeLessThan(last!.xMin); // left to right
      expect(Math.abs(first!.yMax - last!.yMax)).toBeLessThan(1); // on one line
      expect(last!.xMax).toBeCloseTo(width - 20 * MM, 0);
      expect(height - first!.yMax).toBeGreaterThan(8 * MM); // baseline about 11 mm up, descent below it
      expect(height - first!.yMax).toBeLessThan(12 * MM);
    }
    expect(stampWords(file, 6).width).toBeGreaterThan(stampWords(file, 6).height); // landscape stays landscape
    expect(stampWords(file, 7).width).toBeGreaterThan(stampWords(file, 7).height); // /Rotate 90 shows landscape

    const doc = await PDFDocument.load(bytes);
    const read = readOutline(doc);
    expect(read.entries).toEqual(outline);
    expect(read.count).toBe(7);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(Buffer.from(bytes).includes('Chromiums overskrift')).toBe(false);
    expect(Buffer.from(bytes).includes(PDFHexString.fromText('Chromiums overskrift').asString())).toBe(false);

    // The page numbers are set in an embedded font (the papers' own), as every font of the agenda: pdffonts lists
    // only embedded ones. The pages of the test's agenda and parts use Helvetica, so only the stamps' font is asked.
    const fonts = execFileSync('pdffonts', ['-f', '1', '-l', '9', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const stampFonts = fonts.filter((line) => !/^Helvetica\s/.test(line));
    expect(stampFonts.length).toBeGreaterThan(0);
    for (const line of stampFonts) expect(line).toMatch(/^\w{6}\+LiberationSans\s.*\s+yes\s+yes\s+yes\s/);
    // The properties a reader shows.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Dagsorden – Den Administrative Styregruppe \(DAS Social\) – 27\. maj 2021$/m);
    expect(info).toMatch(/^Author:\s+Sekretariat for Nordjysk Socialaftale$/m);
    expect(info).toMatch(/^Subject:\s+Bilagssamling for mødet i .* – intern udgave$/m);
    expect(info).toMatch(/^Creator:\s+Sekretariat$/m);
    expect(info).toMatch(/^Producer:\s+Sekretariat 1\.0\.0 \(Chromium og pdf-lib\)$/m);
  });

  it('refuses an outline entry beyond the last page', async () => {
    await expect(assemblePack(agenda, [], [], { properties: PROPERTIES, outline: [{ title: 'For langt', pageIndex: 3 }] }, stamps)).rejects.toThrow(RangeError);
  });
});
