/**
 * The package's zip checksums are right for any zip tool: yazl's CRC-32 is computed by Node's zlib (native-crc32.ts);
 * here every entry is checked against a plain table-driven CRC-32 written out in the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { writePackage } from '../../electron/backend/exchange/write-package';

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function referenceCrc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

let dir: string;
let backend: Backend;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-crc-'));
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  await backend.call('demo.load', {});
  await backend.files?.text.close();
});
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

it('writes the CRC-32 of every entry (records, attachment files, manifest) as a zip tool computes it', async () => {
  const target = join(dir, 'alt.sekretariat');
  await writePackage({ db: backend.database.db, databaseFile: backend.database.file, files: backend.files, scope: { kind: 'all' }, target, appVersion: '0.0.0-test', schemaVersion: backend.database.migration.to });
  const zip = await yauzl.openPromise(target, { lazyEntries: true, autoClose: false });
  let checked = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      expect(entry.crc32, entry.fileName).toBe(referenceCrc32(Buffer.concat(parts)));
      checked++;
    }
  } finally {
    zip.close();
  }
  expect(checked).toBeGreaterThan(20);
});
