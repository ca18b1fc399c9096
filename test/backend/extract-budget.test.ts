import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { createFileStore, type FileStore } from '../../electron/backend/files/file-store';
import { MEDIA_TYPES } from '../../electron/backend/files/media-type';
import { call } from '../helpers/backend';

/**
 * A .docx decompression bomb: a few hundred kilobytes that unpack to half a gigabyte of XML. Its text is not read;
 * the file is kept, has no text, and the reason reaches the log in Danish with the attachment's name.
 */

const BOMB_MB = 512;
let dir: string;
let backend: Backend;
let store: FileStore;
const logged: string[] = [];

/** Deflates `mb` megabytes of `<w:t>` filled with spaces, chunk by chunk (never held whole). */
async function deflatedXml(mb: number): Promise<{ packed: Buffer; size: number; crc: number }> {
  const head = Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const filler = Buffer.alloc(1024 * 1024, 0x41);
  const deflater = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let crc = crc32(head);
  deflater.write(head);
  for (let i = 0; i < mb; i++) {
    crc = crc32(filler, crc);
    if (!deflater.write(filler)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflater.end(tail);
  await done;
  return { packed: Buffer.concat(parts), size: head.length + mb * filler.length + tail.length, crc };
}

/** A zip with the given entries; `declared` overrides an entry's stated unpacked size (a bomb may lie about it). */
function zip(entries: { name: string; packed: Buffer; size: number; crc: number; declared?: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declared ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, entry.packed);
    offset += local.length + name.length + entry.packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

async function small(name: string, text: string) {
  const data = Buffer.from(text);
  const deflater = createDeflateRaw();
  const parts: Buffer[] = [];
  for await (const chunk of Readable.from([data]).pipe(deflater)) parts.push(chunk as Buffer);
  return { name, packed: Buffer.concat(parts), size: data.length, crc: crc32(data) };
}

async function bombDocx(options: { lie?: boolean } = {}): Promise<Buffer> {
  const document = await deflatedXml(BOMB_MB);
  return zip([
    await small('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    await small('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    { name: 'word/document.xml', ...document, declared: options.lie ? 4096 : undefined },
  ]);
}

/** An attachment row for a stored file (the store here is not the backend's own, so the contract would not find it). */
async function attachTo(itemId: string, title: string, fileName: string, sha256: string) {
  const now = new Date().toISOString();
  await backend.database.db
    .insertInto('attachments')
    .values({ id: crypto.randomUUID(), item_id: itemId, position: 1, title, file_name: fileName, sha256, closed: 0, version: 1, replaces_id: null, revision: 1, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

/** The largest resident size seen while `work` runs, above the size before it. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    return { result, growthMb: (peak - before) / (1024 * 1024) };
  } finally {
    clearInterval(sampler);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-extract-budget-'));
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  store = createFileStore(backend.database.db, join(dir, 'bilag'), { log: (message) => logged.push(message) });
});
afterAll(async () => {
  await store.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('text extraction of a .docx decompression bomb', () => {
  it.each([
    ['that states its true size', false],
    ['that lies about its size', true],
  ])('keeps a bomb %s, marks it «ingen tekst» with a Danish reason naming the attachment, and stays within bounded memory', async (_label, lie) => {
    const bytes = await bombDocx({ lie });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const das = (await call(backend, 'bodies.list', {})).find((body) => body.code === 'DAS')!;
    const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: lie ? '2027-04-08' : '2027-04-01' });
    const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Takster' });
    logged.length = 0;
    const { result: stored, growthMb } = await peakGrowth(async () => {
      const file = await store.storeStream(Readable.from([bytes]), 'Takstbilag.docx');
      await attachTo(item.id, 'Takstbilag 2027', 'Takstbilag.docx', file.sha256);
      await store.idle();
      return file;
    });
    expect(stored.mediaType).toBe(MEDIA_TYPES.docx);
    const row = backend.database.raw.prepare('SELECT size, text, text_status FROM files WHERE sha256 = ?').get(stored.sha256);
    expect(row).toEqual({ size: bytes.length, text: null, text_status: 'ingen_tekst' });
    expect(await store.exists(stored.sha256)).toBe(true);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Bilaget «Takstbilag 2027» \(filen «Takstbilag\.docx»\): ingen tekst\. (En del af dokumentet|Dokumentet) fylder udpakket /);
    expect(logged[0]).not.toContain(stored.sha256);
    // Half a gigabyte of XML, never unpacked: the process grows by far less than the bomb.
    expect(growthMb).toBeLessThan(BOMB_MB / 2);
  }, 180_000);
});

describe('text extraction of a broken file', () => {
  it.each([
    ['a PDF', 'Referat.pdf', async () => Buffer.from('%PDF-1.4\nikke en rigtig pdf\n'), 'Filen er ikke en gyldig PDF (den er beskadiget eller af en anden type).'],
    ['a .docx without its main document part', 'Notat.docx', async () => zip([await small('[Content_Types].xml', '<?xml version="1.0"?><Types/>')]), 'Filen er ikke et gyldigt Word-dokument (den er beskadiget eller af en anden type).'],
  ])('reports %s in Danish, naming the attachment, not the library\'s English or the hash', async (_label, fileName, make, reason) => {
    const das = (await call(backend, 'bodies.list', {})).find((body) => body.code === 'DAS')!;
    const meeting = await call(backend, 'meetings.create', { bodyId: das.id, date: fileName.endsWith('.pdf') ? '2027-05-06' : '2027-05-13' });
    const item = await call(backend, 'agenda.create', { meetingId: meeting.id, title: 'Bilag' });
    logged.length = 0;
    const file = await store.storeStream(Readable.from([await make()]), fileName);
    await attachTo(item.id, 'Bilag til punktet', fileName, file.sha256);
    await store.idle();
    expect(logged).toEqual([`Bilaget «Bilag til punktet» (filen «${fileName}»): teksten kunne ikke udtrækkes. ${reason}`]);
    expect(backend.database.raw.prepare('SELECT text_status FROM files WHERE sha256 = ?').get(file.sha256)).toEqual({ text_status: 'fejl' });
  }, 120_000);
});
