/**
 * The package is read once between preview and import: the import takes the records its preview checked (a package
 * changed after the preview is read and checked in full again), and the attachment files it copies are proven by
 * their hashes as they are copied, so nothing unchecked is ever stored.
 */
import { closeSync, copyFileSync, createReadStream, existsSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { receivePackage } from '../../electron/backend/exchange/incoming';
import { call, jobResult, refusalOf } from '../helpers/backend';

let dir: string;
let a: Backend;
let b: Backend;

const open = (name: string) => openBackend({ databaseFile: join(dir, name, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });

/** Attachment files in B's store. */
const storedFiles = () => {
  const root = join(dir, 'b', 'files');
  return existsSync(root) ? readdirSync(root, { recursive: true }).filter((n) => /[0-9a-f]{64}$/.test(String(n))).length : 0;
};
const itemCount = async (backend: Backend) => (await backend.database.db.selectFrom('agenda_items').select('id').execute()).length;

/** A's whole database, received by B as the upload route receives it; the incoming package's id and file. */
async function sendAllToB(): Promise<{ packageId: string; path: string }> {
  const made = await jobResult(a, 'exchange.export', { scope: { kind: 'all' } }, 'export');
  const file = await a.exports.find(made.export.exportId);
  const { packageId } = await receivePackage(b.incoming, createReadStream(file!.path), file!.fileName);
  return { packageId, path: (await b.incoming.find(packageId))!.path };
}

/** Where an entry's bytes lie in the zip file (its local header read for the name's and extra field's lengths). */
async function entryData(path: string, name: string | RegExp): Promise<{ start: number; length: number; name: string }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (typeof name === 'string' ? entry.fileName !== name : !name.test(entry.fileName)) continue;
      const header = Buffer.alloc(30);
      const fd = openSync(path, 'r');
      readSync(fd, header, 0, 30, entry.relativeOffsetOfLocalHeader);
      closeSync(fd);
      return { start: entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), length: entry.compressedSize, name: entry.fileName };
    }
  } finally {
    zip.close();
  }
  throw new Error(`${String(name)} findes ikke i pakken`);
}

/** Changes one byte in the middle of an entry, in place: the size stays; the modification time too, if `keepTime`. */
async function damage(path: string, name: string | RegExp, keepTime: boolean): Promise<string> {
  const { start, length, name: found } = await entryData(path, name);
  const { atimeMs, mtimeMs } = statSync(path);
  const fd = openSync(path, 'r+');
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, start + Math.floor(length / 2));
  byte[0] = byte[0]! ^ 0xff;
  writeSync(fd, byte, 0, 1, start + Math.floor(length / 2));
  closeSync(fd);
  // Set within the same whole millisecond (a float of seconds cannot carry the nanoseconds back exactly).
  utimesSync(path, atimeMs / 1000, (Math.trunc(mtimeMs) + 0.5 + (keepTime ? 0 : 5000)) / 1000);
  return found;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-read-once-'));
  a = await open('a');
  b = await open('b');
  await call(a, 'demo.load', {});
  await a.files?.text.close();
  await b.files?.text.close();
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the package is read once between preview and import', () => {
  it('proves every attachment file again as it is copied: a file damaged after the preview is refused, and nothing is stored', async () => {
    const { packageId, path } = await sendAllToB();
    const previewed = await jobResult(b, 'exchange.preview', { packageId }, 'preview');
    expect(previewed.preview.files.count).toBeGreaterThan(0);
    const damaged = await damage(path, /^files\//, true);
    const refusal = await refusalOf(b, 'exchange.import', { packageId, default: 'mine' });
    expect(refusal?.message).toContain(`«${damaged}»`);
    expect(refusal?.message).toContain('Intet er importeret');
    expect(await itemCount(b)).toBe(0);
    expect(storedFiles()).toBe(0);
  }, 180_000);

  it('reads a package changed after its preview in full again, and refuses what no longer checks', async () => {
    const { packageId, path } = await sendAllToB();
    await jobResult(b, 'exchange.preview', { packageId }, 'preview');
    await damage(path, 'records/agenda_items.jsonl', false);
    const refusal = await refusalOf(b, 'exchange.import', { packageId, default: 'mine' });
    expect(refusal?.message).toContain('«records/agenda_items.jsonl»');
    expect(await itemCount(b)).toBe(0);
    expect(storedFiles()).toBe(0);
  }, 180_000);

  it('imports the records its preview checked without reading them again', async () => {
    const { packageId, path } = await sendAllToB();
    const previewed = await jobResult(b, 'exchange.preview', { packageId }, 'preview');
    const items = previewed.preview.entities.find((e) => e.entity === 'agenda_items')!.total;
    // The records' bytes in the file are damaged after the check (size and time kept): the import does not read them.
    await damage(path, 'records/agenda_items.jsonl', true);
    const copy = join(dir, 'beskadiget.sekretariat');
    copyFileSync(path, copy);
    const imported = await jobResult(b, 'exchange.import', { packageId, default: 'mine' }, 'import');
    expect(imported.report.inserted).toBeGreaterThan(0);
    expect(await itemCount(b)).toBe(items);
    expect(await itemCount(b)).toBe(await itemCount(a));
    expect(storedFiles()).toBe(previewed.preview.files.count);

    // The same damaged file without a preview is read in full, and refused.
    const again = await receivePackage(b.incoming, createReadStream(copy), 'igen.sekretariat');
    const refusal = await refusalOf(b, 'exchange.import', { packageId: again.packageId, default: 'mine' });
    expect(refusal?.message).toContain('«records/agenda_items.jsonl»');
  }, 180_000);
});
