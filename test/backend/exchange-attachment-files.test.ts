import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyImport } from '../../electron/backend/exchange/apply';
import { writePackage } from '../../electron/backend/exchange/write-package';
import type { Manifest } from '../../shared/exchange/manifest';
import { call } from '../helpers/backend';

/** Attachment files arriving in an exchange package: their type is the receiver's own detection, never the manifest's. */

let dir: string;
let a: Backend;
let b: Backend;
let packageNo = 0;

const FILES: { name: string; title: string; bytes: Buffer; declared: string }[] = [
  { name: 'opdatering.exe', title: 'Opdatering af takstmodellen', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), declared: 'text/html' },
  { name: 'run.hta', title: 'Vejledning', bytes: Buffer.from('<script>new ActiveXObject("WScript.Shell").Run("calc")</script>'), declared: 'text/html' },
  { name: 'install.bat', title: 'Installation', bytes: Buffer.from('@echo off\r\ndel /q %USERPROFILE%\\Documents\\*\r\n'), declared: 'x' },
  { name: 'notat.txt', title: 'Notat om takster', bytes: Buffer.from('Takst 2027: 1.234,50 kr.\n'), declared: 'application/pdf' },
];

let original: { name: string; data: Buffer }[];
const sha256OfFile = new Map<string, string>();

async function unzip(file: string): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/** A's package with the manifest's media types changed by `declare` (sha256 → declared type). */
async function forged(declare: (sha256: string) => string | undefined): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const entry of original) {
    let data = entry.data;
    if (entry.name === 'manifest.json') {
      const manifest = JSON.parse(data.toString('utf8')) as Manifest;
      for (const listed of manifest.entries) {
        const declared = listed.path.startsWith('files/') ? declare(listed.sha256) : undefined;
        if (declared !== undefined) listed.mediaType = declared;
      }
      data = Buffer.from(JSON.stringify(manifest), 'utf8');
    }
    zip.addBuffer(data, entry.name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  const file = join(dir, `forged-${++packageNo}.sekretariat`);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const filesOfB = () => b.database.raw.prepare('SELECT sha256, media_type, text_status FROM files ORDER BY sha256').all() as { sha256: string; media_type: string; text_status: string }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-exchange-files-'));
  a = await openBackend({ databaseFile: join(dir, 'a', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  b = await openBackend({ databaseFile: join(dir, 'b', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  const das = (await call(a, 'bodies.list', {})).find((body) => body.code === 'DAS')!;
  const meeting = await call(a, 'meetings.create', { bodyId: das.id, date: '2027-03-11', startTime: '13:00', endTime: '15:00' });
  const item = await call(a, 'agenda.create', { meetingId: meeting.id, title: 'Takster 2027' });
  for (const file of FILES) {
    const stored = await a.files!.storeStream(Readable.from([file.bytes]), file.name);
    sha256OfFile.set(file.name, stored.sha256);
    await call(a, 'attachments.add', { itemId: item.id, sha256: stored.sha256, fileName: file.name, title: file.title });
  }
  await a.files!.idle();
  const summary = await writePackage({
    db: a.database.db,
    databaseFile: a.database.file,
    files: a.files,
    scope: { kind: 'all' },
    target: join(dir, 'a-alt.sekretariat'),
    appVersion: '0.0.0-test',
    schemaVersion: a.database.migration.to,
  });
  original = await unzip(summary.file);
}, 120_000);

afterAll(async () => {
  await a.files?.close();
  await b.files?.close();
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachment files in an exchange package', () => {
  it('refuses a media type with control characters, naming the attachment and its file in Danish, and changes nothing', async () => {
    const target = sha256OfFile.get('notat.txt')!;
    const file = await forged((sha256) => (sha256 === target ? 'text/plain\r\nX-Injected: 1' : undefined));
    const before = filesOfB();
    const result = await applyImport({ db: b.database.db, files: b.files, backups: b.backups }, file, { default: 'mine' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toBe(
      'Bilaget «Notat om takster» (filen «notat.txt») har en medietype med styretegn i manifest.json. Pakken er manipuleret eller beskadiget; intet er importeret.',
    );
    expect(filesOfB()).toEqual(before);
    expect(b.database.raw.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  }, 120_000);

  it('stores the type detected from the bytes and the name, not the one the package declares', async () => {
    const declared = new Map(FILES.map((f) => [sha256OfFile.get(f.name)!, f.declared]));
    const file = await forged((sha256) => declared.get(sha256));
    const result = await applyImport({ db: b.database.db, files: b.files, backups: b.backups }, file, { default: 'mine' });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    await b.files!.idle();
    const typeOf = (name: string) => filesOfB().find((row) => row.sha256 === sha256OfFile.get(name))!.media_type;
    expect(typeOf('opdatering.exe')).toBe('application/x-executable');
    expect(typeOf('run.hta')).toBe('application/x-executable');
    expect(typeOf('install.bat')).toBe('application/x-executable');
    // Declared a PDF, but it is text: stored and searched as the text it is.
    expect(typeOf('notat.txt')).toBe('text/plain');
    expect(filesOfB().find((row) => row.sha256 === sha256OfFile.get('notat.txt'))!.text_status).toBe('udtrukket');
  }, 120_000);
});
