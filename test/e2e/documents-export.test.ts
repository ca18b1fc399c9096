import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import mammoth from 'mammoth';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { chromiumPrinter } from '../../electron/host/chromium-printer';
import { runCli } from '../../electron/host/cli';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { closedTexts, findLeaks } from '../../shared/documents';
import { SCREENSHOT_DIR } from './support/app';

const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_NOVEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';

let backend: Backend;
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-export-'));
const databaseFile = join(dir, 'db.sqlite');

beforeAll(async () => {
  backend = await openBackend({ databaseFile, appVersion: 'test', printer: chromiumPrinter() });
  await backend.call('demo.load', {});
});
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

/** Exports and returns the file's path in the export store. */
async function exported(input: MethodInput<'documents.export'>) {
  const made = await call('documents.export', input);
  const file = await backend.exports.find(made.exportId, made.fileName);
  return { ...made, path: file!.path };
}

const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))![1]);

/** The document outline (bookmarks) as "title → page", nested entries indented. */
async function outline(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(execFileSync('cat', [file]));
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const lines: string[] = [];
  const walk = (dict: PDFDict | undefined, depth: number) => {
    for (let entry = dict; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = entry.lookup(PDFName.of('Title'));
      const text = title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '?';
      const dest = entry.lookup(PDFName.of('Dest'));
      const page = dest && 'get' in dest ? pageOf.get(String((dest as { get(i: number): unknown }).get(0))) : undefined;
      lines.push(`${'  '.repeat(depth)}${text} → ${page ?? '?'}`);
      walk(entry.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return lines;
}

function keepPages(file: string, name: string, pages: number[]) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const page of pages) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), file, join(SCREENSHOT_DIR, name)]);
}

describe('agenda and minutes as PDF', () => {
  it('prints the DAS minutes of 27 May 2021 with page numbers in the contents, tags and a bookmark per item', async () => {
    const made = await exported({ meetingId: DAS_MAY, kind: 'minutes', edition: 'internal', format: 'pdf' });
    expect(made.fileName).toBe('DAS referat 2021-05-27 (intern).pdf');
    const count = pageCount(made.path);
    expect(made.pages).toBe(count);
    expect(pdfInfo(made.path)).toMatch(/Tagged:\s+yes/);
    const text = pdfText(made.path);
    expect(text).toContain(`Side 1 af ${count}`);
    expect(text).toContain(`Side ${count} af ${count}`);
    expect(text).toContain('DAS · referat · 27. maj 2021 · udkast');
    expect(text).toContain('Torsdag den 27. maj 2021');
    expect(text).toContain('Udkast til referat – til kommentering');
    expect(text).toMatch(/Læsø og Morsø/);

    // Every item is on the page the table of contents gives for it.
    const model = await buildDocumentModel(backend.database.db, DAS_MAY, 'minutes', 'internal');
    const contents = pdfText(made.path, 2);
    for (const item of model.items) {
      const listed = new RegExp(`Punkt ${item.number}\\. [^\\n]*?[. ]+(\\d+)\\s*$`, 'm').exec(contents) ?? new RegExp(`Punkt ${item.number}\\.[\\s\\S]*?\\s(\\d+)\\s*\\n`).exec(contents);
      expect(listed, `punkt ${item.number} i indholdsfortegnelsen`).not.toBeNull();
      const page = Number(listed![1]);
      expect(pdfText(made.path, page), `punkt ${item.number} på side ${page}`).toContain(`Punkt ${item.number}.`);
    }
    const bookmarks = await outline(made.path);
    for (const item of model.items) expect(bookmarks.some((b) => b.includes(item.title.slice(0, 30)))).toBe(true);
    keepPages(made.path, 'pdf-das-2021-05-27', [1, 2, 3, 9]);
  });

  it('prints the public PSU minutes with closed items as "Lukket punkt" and passes the leak check', async () => {
    const made = await exported({ meetingId: PSU_NOVEMBER, kind: 'minutes', edition: 'public', format: 'pdf' });
    const text = pdfText(made.path);
    expect(text.match(/Lukket punkt/g)?.length).toBeGreaterThanOrEqual(3);
    const internal = await buildDocumentModel(backend.database.db, PSU_NOVEMBER, 'minutes', 'internal');
    expect(findLeaks(closedTexts(internal), text)).toEqual([]);
    expect(text).toContain('offentlig udgave');
    keepPages(made.path, 'pdf-psu-offentlig', [2]);
  });

  it('refuses a public export that would carry a closed item’s words, and leaves no file behind', async () => {
    const meeting = await call('meetings.create', { bodyId: (await call('bodies.list', {}))[0]!.id, date: '2026-12-10', startTime: '09:00', endTime: null, location: 'Aalborg' });
    const closed = await call('agenda.create', { meetingId: meeting.id, title: 'Forhandling om botilbuddet Kastanjehuset' });
    await call('agenda.update', { id: closed.id, revision: closed.revision, patch: { closed: true, resume: '<p>Leverandøren vil højst gå ned til 3,1 mio. kr. om året.</p>' } });
    const open = await call('agenda.create', { meetingId: meeting.id, title: 'Orientering' });
    // An open item quoting five words of the closed one: the check errs on the side of refusing.
    await call('agenda.update', { id: open.id, revision: open.revision, patch: { caseText: '<p>Vi hører, at leverandøren vil højst gå ned i pris.</p>' } });
    const exportsMade = () => readdirSync(backend.exports.dir, { withFileTypes: true }).filter((e) => e.isDirectory()).length;
    await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'docx' });
    const before = exportsMade();
    const result = await backend.call('documents.export', { meetingId: meeting.id, kind: 'agenda', edition: 'public', format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!result.ok && result.error.message).toMatch(/^Den offentlige udgave blev ikke gemt, fordi tekst fra lukkede punkter fandtes i den: «leverand.*» \(fra «Leverandøren vil højst gå ned til 3,1 mio\. kr\. om året\.»\)\.$/);
    expect(exportsMade()).toBe(before);
    const word = await backend.call('documents.export', { meetingId: meeting.id, kind: 'agenda', edition: 'public', format: 'docx' });
    expect(word).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The internal edition is for the members: it carries everything.
    expect((await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'pdf' })).pages).toBeGreaterThan(2);
  });

  it('produces a correct document from bad input: a 2 000-character title, a 300-row table, a script, empty sections', async () => {
    const meeting = await call('meetings.create', { bodyId: (await call('bodies.list', {}))[0]!.id, date: '2026-12-17', startTime: null, endTime: null, location: '' });
    const long = await call('agenda.create', { meetingId: meeting.id, title: `Meget lang titel ${'om økonomi og takster '.repeat(90)}`.slice(0, 2000) });
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Række ${i + 1}</td><td>${(i * 1234.5).toFixed(2).replace('.', ',')} kr.</td></tr>`).join('');
    await call('agenda.update', {
      id: long.id,
      revision: long.revision,
      patch: { caseText: `<p>Før tabellen.</p><script>alert("x")</script><p onclick="alert(1)">Efter scriptet.</p><table><thead><tr><th>Række</th><th>Beløb</th></tr></thead><tbody>${rows}</tbody></table>` },
    });
    await call('agenda.create', { meetingId: meeting.id, title: 'Tomt punkt' });
    const made = await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'pdf' });
    const text = pdfText(made.path);
    expect(text).toContain('Række 300');
    expect(text).toContain('Efter scriptet.');
    expect(text).not.toContain('alert');
    expect(text).toContain('Tomt punkt');
    // The table's header row is repeated on the pages it runs over.
    const tablePages = Array.from({ length: made.pages! }, (_, i) => pdfText(made.path, i + 1)).filter((t) => /Række \d+/.test(t));
    expect(tablePages.length).toBeGreaterThan(3);
    for (const page of tablePages.slice(1)) expect(page).toMatch(/Række\s+Beløb/);
    keepPages(made.path, 'pdf-lang-tabel', [3, 4]);
    const word = await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'docx' });
    const raw = (await mammoth.extractRawText({ path: word.path })).value;
    expect(raw).toContain('Række 300');
    expect(raw).not.toContain('alert');
  });
});

/** A PDF of one page per text, in Helvetica. */
async function pdfOf(texts: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) doc.addPage().drawText(text, { x: 72, y: 700, size: 14, font });
  return doc.save();
}

async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  // pdf-lib cannot encrypt; an /Encrypt dictionary in the trailer is what readers and pdf-lib look for.
  doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of('11'.repeat(32)), U: PDFHexString.of('22'.repeat(32)), P: -4 });
  return doc.save();
}

async function attach(itemId: string, fileName: string, bytes: Uint8Array | string, extra: { title?: string; closed?: boolean } = {}) {
  const stored = await backend.files!.storeStream(Readable.from([Buffer.from(bytes)]), fileName);
  return call('attachments.add', { itemId, sha256: stored.sha256, fileName, ...extra });
}

describe('the agenda pack', () => {
  it('appends every PDF attachment in item order with continuous page numbers and bookmarks, and lists what it could not add', async () => {
    const meeting = await call('meetings.create', { bodyId: (await call('bodies.list', {}))[0]!.id, date: '2027-01-14', startTime: '13:00', endTime: '15:00', location: 'Aalborg' });
    const first = await call('agenda.create', { meetingId: meeting.id, title: 'Takster for 2027' });
    const second = await call('agenda.create', { meetingId: meeting.id, title: 'Udbud af botilbud' });
    await call('agenda.update', { id: second.id, revision: second.revision, patch: { closed: true, closedTitleVisible: false, resume: '<p>Fortrolige priser fra leverandøren.</p>' } });
    await attach(first.id, 'takster.pdf', await pdfOf(['Takstbilag side en', 'Takstbilag side to']), { title: 'Takstoversigt' });
    await attach(first.id, 'laast.pdf', await encryptedPdf(), { title: 'Låst notat' });
    await attach(first.id, 'oedelagt.pdf', '%PDF-1.7\n1 0 obj <</Type /Catalog>> ødelagt\n%%EOF', { title: 'Ødelagt fil' });
    await attach(first.id, 'noter.txt', 'Noter fra mødet', { title: 'Noter' });
    const gone = await attach(first.id, 'slettet.pdf', await pdfOf(['Forsvundet']), { title: 'Forsvundet bilag' });
    await attach(first.id, 'fortroligt.pdf', await pdfOf(['Hemmelig forhandlingsposition']), { title: 'Fortroligt regnskab', closed: true });
    await attach(second.id, 'priser.pdf', await pdfOf(['Leverandørens priser']), { title: 'Prisliste' });
    rmSync(backend.files!.pathOf(gone.sha256!));

    const internal = await exported({ meetingId: meeting.id, kind: 'pack', edition: 'internal', format: 'pdf' });
    expect(internal.fileName).toBe(`${(await call('bodies.list', {}))[0]!.code} bilagssamling 2027-01-14 (intern).pdf`);
    expect(internal.warnings).toEqual([
      'Bilag 2 til punkt 1 («Låst notat») er beskyttet med adgangskode og er ikke med i samlingen.',
      expect.stringMatching(/^Bilag 3 til punkt 1 \(«Ødelagt fil»\) kunne ikke læses/),
      expect.stringMatching(/^Bilag 5 til punkt 1 \(«Forsvundet bilag»\) findes ikke længere på disken/),
    ]);
    const count = pageCount(internal.path);
    expect(internal.pages).toBe(count);
    const text = pdfText(internal.path);
    for (let page = 1; page <= count; page++) expect(pdfText(internal.path, page)).toContain(`Side ${page} af ${count}`);
    expect(text).toContain('Bilag 4: Noter (ikke PDF – ikke med i samlingen)');
    expect(text).toContain('Bilag 2: Låst notat (beskyttet med adgangskode – ikke med i samlingen)');
    // Takstoversigt (2 pages), Fortroligt regnskab (1) and Prisliste (1) follow the agenda in item order.
    const agendaPages = count - 4;
    expect(pdfText(internal.path, agendaPages + 1)).toContain('Takstbilag side en');
    expect(text).toContain(`Bilag 1: Takstoversigt (side ${agendaPages + 1})`);
    expect(pdfText(internal.path, agendaPages + 3)).toContain('Hemmelig forhandlingsposition');
    expect(pdfText(internal.path, count)).toContain('Leverandørens priser');
    const bookmarks = await outline(internal.path);
    expect(bookmarks).toContain(`  Bilag 1: Takstoversigt → ${agendaPages + 1}`);
    expect(bookmarks.some((b) => b.startsWith('Punkt 2. Udbud af botilbud'))).toBe(true);
    keepPages(internal.path, 'pdf-bilagssamling', [3, agendaPages + 1]);

    const published = await exported({ meetingId: meeting.id, kind: 'pack', edition: 'public', format: 'pdf' });
    const publicText = pdfText(published.path);
    expect(publicText).not.toContain('Hemmelig forhandlingsposition');
    expect(publicText).not.toContain('Fortroligt regnskab');
    expect(publicText).not.toContain('Leverandørens priser');
    expect(publicText).not.toContain('Udbud af botilbud');
    expect(publicText).toContain('Lukket punkt');
    expect(pageCount(published.path)).toBe(count - 2);
  });
});

describe('Word, the command line and a machine without Chromium', () => {
  it('writes the public minutes as .docx with the same editions', async () => {
    const made = await exported({ meetingId: PSU_NOVEMBER, kind: 'minutes', edition: 'public', format: 'docx' });
    expect(made.fileName).toBe('PSU referat 2024-11-08 (offentlig).docx');
    expect(made.pages).toBeNull();
    const raw = (await mammoth.extractRawText({ path: made.path })).value;
    expect(raw).toContain('Lukket punkt');
    const internal = await buildDocumentModel(backend.database.db, PSU_NOVEMBER, 'minutes', 'internal');
    expect(findLeaks(closedTexts(internal), raw)).toEqual([]);
  });

  it('exports through the command line in every kind and format, refusing bad input with exit code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const env = { SEKRETARIAT_DATA_DIR: dir };
    await backend.close();
    try {
      const cli = (...args: string[]) => runCli(['document', '--db', databaseFile, '--meeting', DAS_MAY, ...args], io, env);
      const docx = join(dir, 'referat.docx');
      expect(await cli('--kind', 'minutes', '--edition', 'public', '--out', docx, '--json')).toBe(0);
      expect(JSON.parse(out.pop()!)).toMatchObject({ file: docx, pages: null, fileName: 'DAS referat 2021-05-27 (offentlig).docx' });
      const pack = join(dir, 'pakke.pdf');
      expect(await cli('--kind', 'pack', '--edition', 'internal', '--format', 'pdf', '--out', pack)).toBe(0);
      expect(out.pop()).toMatch(/^Bilagssamling \(intern udgave\) gemt i .*pakke\.pdf: \d+ sider\.$/);
      expect(pdfText(pack)).toContain('Ideoplæg til tilbud til selvskadende unge');
      expect(await cli('--kind', 'pamflet', '--out', pack)).toBe(2);
      expect(err.pop()).toContain('Ukendt dokumenttype');
      expect(await cli('--kind', 'pack', '--format', 'docx', '--out', docx)).toBe(2);
      expect(err.pop()).toContain('Bilagssamlingen dannes kun som PDF');
    } finally {
      backend = await openBackend({ databaseFile, appVersion: 'test', printer: chromiumPrinter() });
    }
  });

  it('explains in Danish that PDF needs Chromium where there is none, and still makes Word', async () => {
    const bare = await openBackend({ databaseFile: join(dir, 'bare.sqlite'), appVersion: 'test', printer: null });
    try {
      await bare.call('demo.load', {});
      expect(await bare.call('documents.capabilities', {})).toEqual({ ok: true, data: { pdf: false } });
      const result = await bare.call('documents.export', { meetingId: DAS_MAY, kind: 'agenda', edition: 'internal', format: 'pdf' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('Chromium mangler') } });
      expect(await bare.call('documents.export', { meetingId: DAS_MAY, kind: 'agenda', edition: 'internal', format: 'docx' })).toMatchObject({ ok: true });
    } finally {
      await bare.close();
    }
  });
});
