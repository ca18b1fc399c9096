import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { extractedText, extractFileText } from '../../electron/backend/files/extract-text';
import { cleanFileName, titleFromFileName } from '../../electron/backend/files/file-name';
import { FileStoreError, type FileStore } from '../../electron/backend/files/file-store';
import { contentDisposition } from '../../electron/host/content-disposition';
import { openTestBackend } from '../helpers/backend';
import { detectMediaType, MEDIA_TYPES, OCTET_STREAM } from '../../electron/backend/files/media-type';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A real PDF with one line of Danish text per page (standard font, WinAnsi: æøå and the en dash work). */
async function makePdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage().drawText(line, { x: 50, y: 700, font, size: 14 });
  return doc.save();
}

/** The smallest .docx mammoth reads: content types, the package relationship and word/document.xml. */
async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const chunks = (bytes: Uint8Array, size = 1000) => Readable.from((function* () {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
})());

let dir: string;
let backend: Backend;
let store: FileStore;
let filesDir: string;
const fileRows = () => backend.database.raw.prepare('SELECT sha256, size, media_type, text, text_status FROM files ORDER BY created_at').all() as {
  sha256: string;
  size: number;
  media_type: string;
  text: string | null;
  text_status: string;
}[];
const tmpFiles = () => (existsSync(join(filesDir, 'tmp')) ? readdirSync(join(filesDir, 'tmp')) : []);

beforeEach(async () => {
  dir = tempDir('sekretariat-files-');
  filesDir = join(dir, 'files');
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), filesDir, appVersion: '0.0.0-test', log: { error: () => {} } });
  store = backend.files!;
});
afterEach(async () => {
  await store.close();
  await backend.close();
});

describe('file store', () => {
  it('stores by SHA-256 under <first 2 hex>/<hash> and keeps one copy of identical content', async () => {
    const bytes = new TextEncoder().encode('Referat af DAS-mødet 27. maj 2021\næøå ÆØÅ\n');
    const first = await store.storeStream(chunks(bytes, 7), 'referat.txt');
    expect(first).toEqual({ sha256: sha(bytes), size: bytes.length, mediaType: MEDIA_TYPES.txt, fileName: 'referat.txt' });
    const path = join(filesDir, first.sha256.slice(0, 2), first.sha256);
    expect(store.pathOf(first.sha256)).toBe(path);
    expect(readFileSync(path)).toEqual(Buffer.from(bytes));

    const again = await store.storeStream(chunks(bytes, 3), 'kopi af referat.txt');
    expect(again.sha256).toBe(first.sha256);
    expect(again.fileName).toBe('kopi af referat.txt');
    expect(fileRows()).toHaveLength(1);
    expect(readdirSync(join(filesDir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect(tmpFiles()).toEqual([]);
    expect(await store.exists(first.sha256)).toBe(true);
    expect(await store.exists('0'.repeat(64))).toBe(false);
  });

  it('refuses a 0-byte file with a Danish message and keeps nothing', async () => {
    const refusal = await store.storeStream(Readable.from([]), 'tom.pdf').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(FileStoreError);
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT', httpStatus: 400, message: 'Filen er tom (0 byte) og kan ikke vedhæftes.' });
    expect(fileRows()).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a file over the limit part-way, deleting what was received', async () => {
    const refusal = await store.storeStream(chunks(new Uint8Array(5000).fill(65), 100), 'stor.txt', { maxBytes: 1000 }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT', httpStatus: 413 });
    expect((refusal as Error).message).toMatch(/^Filen er for stor/);
    expect(fileRows()).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it('refuses a file without a name', async () => {
    await expect(store.storeStream(Readable.from([Buffer.from('x')]), ' / ')).rejects.toThrow('Filen skal have et navn.');
  });

  it('accepts a file of unknown type as application/octet-stream, without searchable text', async () => {
    const stored = await store.storeStream(Readable.from([Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10])]), 'måling.dat');
    expect(stored.mediaType).toBe(OCTET_STREAM);
    await store.idle();
    expect(fileRows()).toEqual([expect.objectContaining({ media_type: OCTET_STREAM, text: null, text_status: 'ingen_tekst' })]);
    expect(await extractedText(backend.database.db, stored.sha256)).toBeNull();
  });

  it('extracts the text of a PDF off the request path, for search', async () => {
    const pdf = await makePdf(['Takster for Nordjysk Socialaftale 2022 – æøå', 'Side to: Socialtilsynet']);
    const stored = await store.storeStream(chunks(pdf, 4096), 'Takster 2022.pdf');
    expect(stored.mediaType).toBe(MEDIA_TYPES.pdf);
    // The upload answers before the text is there.
    expect(fileRows()[0]!.text_status).toBe('afventer');
    await store.idle();
    const [row] = fileRows();
    expect(row).toMatchObject({ text_status: 'udtrukket' });
    expect(row!.text).toContain('Takster for Nordjysk Socialaftale 2022 – æøå');
    expect(row!.text).toContain('Side to: Socialtilsynet');
    expect(await extractedText(backend.database.db, stored.sha256)).toBe(row!.text);
  }, 120_000);

  it('extracts the text of a .docx', async () => {
    const docx = await makeDocx(['Sagsfremstilling om børn og unge', 'Økonomi: 1.636.600 kr.']);
    const stored = await store.storeStream(chunks(docx), 'Sagsfremstilling.docx');
    expect(stored.mediaType).toBe(MEDIA_TYPES.docx);
    await store.idle();
    const [row] = fileRows();
    expect(row).toMatchObject({ text_status: 'udtrukket' });
    expect(row!.text).toContain('Sagsfremstilling om børn og unge');
    expect(row!.text).toContain('Økonomi: 1.636.600 kr.');
  }, 120_000);

  it('ends a broken PDF and a password-protected PDF as fejl, without a crash', async () => {
    const broken = await store.storeStream(Readable.from([Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> ødelagt\n%%EOF')]), 'ødelagt.pdf');
    // An /Encrypt dictionary whose /U does not match the empty password: PDF.js asks for a password.
    const doc = await PDFDocument.load(await makePdf(['Fortroligt']));
    doc.context.trailerInfo.Encrypt = doc.context.obj({
      Filter: PDFName.of('Standard'),
      V: 1,
      R: 2,
      O: PDFHexString.of('11'.repeat(32)),
      U: PDFHexString.of('22'.repeat(32)),
      P: -4,
    });
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))]);
    const locked = await store.storeStream(Readable.from([Buffer.from(await doc.save({ useObjectStreams: false }))]), 'låst.pdf');
    await store.idle();
    const status = (s: string) => fileRows().find((r) => r.sha256 === s)?.text_status;
    expect(status(broken.sha256)).toBe('fejl');
    expect(status(locked.sha256)).toBe('fejl');
    expect(await extractedText(backend.database.db, locked.sha256)).toBeNull();
  }, 120_000);

  it('stops an extraction that takes too long (the worker is terminated)', async () => {
    const path = join(dir, 'langsom.pdf');
    writeFileSync(path, await makePdf(['Langsom']));
    const outcome = await extractFileText(path, MEDIA_TYPES.pdf, { timeoutMs: 1 });
    expect(outcome).toEqual({ status: 'ingen_tekst', text: null, detail: 'timeout', reason: 'Udtrækningen tog mere end 1 sekund og blev stoppet.' });
    expect(await extractFileText(path, MEDIA_TYPES.pdf, { maxBytes: 10 })).toMatchObject({ status: 'ingen_tekst' });
    expect(await extractFileText(join(dir, 'findes-ikke.pdf'), MEDIA_TYPES.pdf)).toMatchObject({ status: 'fejl' });
  });

  it('reports a stored file that went missing from the data folder with a Danish message', async () => {
    const stored = await store.storeStream(Readable.from([Buffer.from('hej')]), 'hej.bin');
    unlinkSync(store.pathOf(stored.sha256));
    await expect(store.open(stored.sha256)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Filen til bilaget mangler i datamappen eller kan ikke læses. Vedhæft filen igen.',
    });
    // Uploading it again brings it back.
    await store.storeStream(Readable.from([Buffer.from('hej')]), 'hej.bin');
    const { stream } = await store.open(stored.sha256);
    stream.destroy();
  });

  it('refuses anything that is not a SHA-256 as a file reference (no path can be smuggled in)', async () => {
    expect(() => store.pathOf('../../sekretariat.db')).toThrow('Ugyldig filreference.');
    expect(await store.info('../x')).toBeNull();
  });

  it('is the backend’s one store: what its byte streams receive, its handlers find', async () => {
    expect(store.dir).toBe(filesDir);
    const reply = await backend.receiveAttachment(Readable.from([Buffer.from('via backend')]), 'a.txt');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(await store.exists(reply.data.sha256)).toBe(true);
    // The handlers know the file (they ask the same store): only the item is missing.
    const added = await backend.call('attachments.add', { itemId: '00000000-0000-4000-8000-000000000099', sha256: reply.data.sha256, fileName: 'a.txt' });
    expect(added).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Punktet findes ikke (længere). Måske er det slettet.' } });
    // An in-memory database has no data folder: nothing is received, and the refusal says why.
    const memory = await openTestBackend();
    try {
      expect(memory.files).toBeNull();
      expect(await memory.receiveAttachment(Readable.from([Buffer.from('x')]), 'a.txt')).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: 'Bilag kan ikke gemmes her, fordi databasen kun ligger i hukommelsen.' },
        status: 500,
      });
    } finally {
      await memory.close();
    }
  });

  it('removes temporary files of uploads that never finished', async () => {
    await store.storeStream(Readable.from([Buffer.from('x')]), 'x.txt');
    writeFileSync(join(filesDir, 'tmp', 'afbrudt.part'), 'halv');
    expect(await store.sweepTemp(0)).toBe(1);
    expect(tmpFiles()).toEqual([]);
  });
});

describe('media type detection', () => {
  const zip = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const odtHead = () => {
    const head = new Uint8Array(100);
    head.set(zip);
    head.set(new TextEncoder().encode(`mimetype${MEDIA_TYPES.odt}`), 30);
    return head;
  };
  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n'), 'x.pdf', MEDIA_TYPES.pdf],
    ['a PDF with another name', new TextEncoder().encode('%PDF-1.4\n'), 'scan', MEDIA_TYPES.pdf],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'billede.png', MEDIA_TYPES.png],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'foto.JPG', MEDIA_TYPES.jpeg],
    ['a GIF', new TextEncoder().encode('GIF89a....'), 'logo.gif', MEDIA_TYPES.gif],
    ['a .docx', new Uint8Array(zip), 'Sag.DOCX', MEDIA_TYPES.docx],
    ['a .xlsx', new Uint8Array(zip), 'Takster.xlsx', MEDIA_TYPES.xlsx],
    ['a .pptx', new Uint8Array(zip), 'Oplæg.pptx', MEDIA_TYPES.pptx],
    ['an .odt', odtHead(), 'notat.odt', MEDIA_TYPES.odt],
    ['a zip of another kind', new Uint8Array(zip), 'pakke.zip', OCTET_STREAM],
    ['a .doc', new Uint8Array(ole), 'gammel.doc', MEDIA_TYPES.doc],
    ['an .xls', new Uint8Array(ole), 'gammel.xls', MEDIA_TYPES.xls],
    ['an Outlook message', new Uint8Array(ole), 'mail.msg', OCTET_STREAM],
    ['UTF-8 text', new TextEncoder().encode('Æbler og øl på ålen'), 'noter.txt', MEDIA_TYPES.txt],
    ['Windows-1252 text', new Uint8Array([0x4b, 0xf8, 0x62, 0x65, 0x6e, 0x68, 0x61, 0x76, 0x6e]), 'gammel.txt', MEDIA_TYPES.txt],
    ['CSV', new TextEncoder().encode('kommune;takst\nAalborg;1.234,50\n'), 'takster.csv', MEDIA_TYPES.csv],
    ['binary named .txt', new Uint8Array([0x41, 0x00, 0x42]), 'snyd.txt', OCTET_STREAM],
    ['text that claims to be a PDF', new TextEncoder().encode('ikke en pdf'), 'falsk.pdf', OCTET_STREAM],
    ['HTML (never served as HTML)', new TextEncoder().encode('<html><script>alert(1)</script>'), 'side.html', MEDIA_TYPES.executable],
    ['a Windows program', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), 'opdatering.exe', MEDIA_TYPES.executable],
    ['a Windows program named as a PDF', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode('%PDF-1.7')]), 'faktura.pdf', MEDIA_TYPES.executable],
    ['a Linux program', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), 'rapport.txt', MEDIA_TYPES.executable],
    ['a script with a shebang', new TextEncoder().encode('#!/bin/sh\nrm -rf ~\n'), 'noter.txt', MEDIA_TYPES.executable],
    ['an HTML application', new TextEncoder().encode('<script>new ActiveXObject("WScript.Shell")</script>'), 'run.hta', MEDIA_TYPES.executable],
    ['a batch file', new TextEncoder().encode('@echo off\r\ndel /q *\r\n'), 'install.bat', MEDIA_TYPES.executable],
    ['a PowerShell script', new TextEncoder().encode('Remove-Item -Recurse C:\\'), 'opsætning.PS1', MEDIA_TYPES.executable],
    ['a Java archive', new Uint8Array(zip), 'værktøj.jar', MEDIA_TYPES.executable],
    ['a Windows installer', new Uint8Array(ole), 'setup.msi', MEDIA_TYPES.executable],
    ['a Windows shortcut', new Uint8Array([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00]), 'genvej', MEDIA_TYPES.executable],
    ['a real PDF with a program name (shown as the PDF it is)', new TextEncoder().encode('%PDF-1.4\n'), 'rapport.exe', MEDIA_TYPES.pdf],
  ])('%s', (_label, head, name, expected) => {
    expect(detectMediaType(head, name)).toBe(expected);
  });
});

describe('file names', () => {
  it('keeps the name the user knows, safe for every file system', () => {
    expect(cleanFileName('C:\\Users\\mette\\Bilag 1 – Takster æøå.pdf')).toBe('Bilag 1 – Takster æøå.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a<b>c:d"e|f?g*h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
    expect(cleanFileName('navn med\u0000styretegn\u0007.pdf')).toBe('navn medstyretegn.pdf');
    expect(cleanFileName('punktum til sidst. . ')).toBe('punktum til sidst');
    expect(cleanFileName('CON.txt')).toBe('_CON.txt');
    expect(cleanFileName('..')).toBe('');
    expect(cleanFileName(`${'x'.repeat(300)}.docx`)).toMatch(/^x{250}\.docx$/);
    expect(cleanFileName('A\u030a.pdf')).toBe('Å.pdf');
  });

  it('makes a title from the file name and a Content-Disposition with the UTF-8 name', () => {
    expect(titleFromFileName('Takster 2022.xlsx')).toBe('Takster 2022');
    expect(titleFromFileName('.gitignore')).toBe('.gitignore');
    expect(titleFromFileName('README')).toBe('README');
    expect(contentDisposition('attachment', 'Høringssvar "endelig".pdf')).toBe(
      `attachment; filename="Hoeringssvar _endelig_.pdf"; filename*=UTF-8''H%C3%B8ringssvar%20_endelig_.pdf`,
    );
  });
});

describe('the extraction worker in the built app', () => {
  it('bundles with esbuild (as the app is built) and reads a PDF and a .docx without node_modules or native modules', async () => {
    const out = tempDir('sekretariat-worker-bundle-');
    const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'silent', absWorkingDir: ROOT } as const;
    await build({ ...common, format: 'cjs', entryPoints: ['electron/backend/files/extract-worker.ts'], outfile: join(out, 'extract-worker.cjs') });
    await build({ ...common, format: 'cjs', entryPoints: ['electron/backend/files/extract-text.ts'], outfile: join(out, 'extract-text.cjs') });
    writeFileSync(join(out, 'a.pdf'), await makePdf(['Bundtet udtræk af tekst – æøå']));
    writeFileSync(join(out, 'a.docx'), await makeDocx(['Bundtet docx']));
    // Run it in a child Node from the bundle's folder (outside the repository, so nothing resolves from node_modules).
    const script = `const { extractFileText } = require('./extract-text.cjs');
      Promise.all([extractFileText('a.pdf', '${MEDIA_TYPES.pdf}'), extractFileText('a.docx', '${MEDIA_TYPES.docx}')]).then((r) => console.log(JSON.stringify(r)));`;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: out, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([
      { status: 'udtrukket', text: 'Bundtet udtræk af tekst – æøå' },
      { status: 'udtrukket', text: 'Bundtet docx' },
    ]);
  });
});
