import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { namedDestinationPages } from '../../../electron/backend/documents/page-map';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';

/**
 * The Word minutes of DAS 27 May 2021 (11 items) made where Chromium prints: the table of contents carries the page
 * each item starts on, the same pages as the PDF's contents, so Word and LibreOffice show them without updating fields.
 */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const printer = chromiumPrinter();
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-docx-'));
let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ databaseFile: join(dir, 'db.sqlite'), appVersion: 'test', printer, log: { error: () => {} } });
  await backend.call('demo.load', {});
}, 300_000);
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(format: 'pdf' | 'docx') {
  const made = await backend.call('documents.export', { meetingId: DAS_MAY, kind: 'minutes', edition: 'internal', format });
  if (!made.ok) throw new Error(made.error.message);
  return readFileSync((await backend.exports.find((made.data as { exportId: string }).exportId))!.path);
}

describe.skipIf(!printer)('the Word minutes’ table of contents', () => {
  it('has every item with the page it starts on in the printed layout, in a field Word need not update', async () => {
    const pdfPages = await namedDestinationPages(await exported('pdf'));
    const xml = await (await JSZip.loadAsync(await exported('docx'))).file('word/document.xml')!.async('string');
    const field = /<w:sdtContent>(.*?)<\/w:sdtContent>/.exec(xml)![1]!;
    expect(field).not.toContain('w:dirty="true"');
    const entries = [...field.matchAll(/<w:t[^>]*>(Punkt (\d+)\.[^<]*)<\/w:t><w:tab\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => ({ number: Number(m[2]), page: Number(m[3]) }));
    expect(entries).toHaveLength(11);
    for (const entry of entries) expect(entry.page).toBe(pdfPages.get(`punkt-${entry.number}`));
    // Front page and contents first; every item on a page of its own after them.
    expect(entries[0]!.page).toBeGreaterThanOrEqual(3);
    expect(entries.map((e) => e.page)).toEqual([...entries.map((e) => e.page)].sort((a, b) => a - b));
  }, 300_000);
});
