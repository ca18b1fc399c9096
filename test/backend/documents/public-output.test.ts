import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';

/**
 * Issue 14, point 3: every public output is read back before it is kept, the agenda pack too, with the texts of the
 * closed items as they are (not as the public edition already shows them), the open attachments it carries, and the
 * text of closed attachments. Printed with Chromium, on the demo's PSU meeting of 5 December 2024.
 */
const PSU_DECEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202412050001';
const printer = chromiumPrinter();
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-public-'));
let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ databaseFile: join(dir, 'db.sqlite'), appVersion: 'test', printer, log: { error: () => {} } });
  await backend.call('demo.load', {});
}, 300_000);
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

const items = () => call('agenda.list', { meetingId: PSU_DECEMBER });
async function edit(number: number, patch: MethodInput<'agenda.update'>['patch']) {
  const item = (await items()).find((i) => i.number === number)!;
  return call('agenda.update', { id: item.id, revision: item.revision, patch });
}
/** The files in the export store: a refused export leaves none behind. */
const kept = () => (existsSync(backend.exports.dir) ? readdirSync(backend.exports.dir, { recursive: true }).map(String).filter((f) => /\.(pdf|docx)$/.test(f)) : []);
const publicPack = () => backend.call('documents.export', { meetingId: PSU_DECEMBER, kind: 'pack', edition: 'public', format: 'pdf' });
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe.skipIf(!printer)('the public agenda pack is read back (PSU 5 December 2024)', () => {
  const CLOSED = 'Botilbud Nord har et underskud på 4,2 mio. kr., som kommunen skal dække.';

  it('refuses the pack, not only the agenda, when an open item quotes a closed item’s case text', async () => {
    await edit(4, { caseText: `<p>${CLOSED}</p>` });
    const open = (await items()).find((i) => i.number === 5)!;
    const item = await call('agenda.get', { id: open.id });
    await edit(5, { resume: `${item.resume}<p>${CLOSED}</p>` });
    const before = kept();

    const agenda = await backend.call('documents.export', { meetingId: PSU_DECEMBER, kind: 'agenda', edition: 'public', format: 'pdf' });
    expect(!agenda.ok && agenda.error.message).toContain('«botilbud nord har et underskud»');
    // The pack held the same agenda page: before, it was checked against the closed texts the public edition had
    // already emptied, so it was kept.
    const pack = await publicPack();
    expect(pack.ok).toBe(false);
    expect(!pack.ok && pack.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(!pack.ok && pack.error.message).toMatch(/^Den offentlige udgave blev ikke gemt, fordi tekst fra lukkede punkter fandtes i dagsordenen: «botilbud nord har et underskud» \(fra «Botilbud Nord har et underskud/);
    expect(kept()).toEqual(before);
    await edit(5, { resume: item.resume });
  }, 300_000);

  it('refuses the pack when an open attachment it carries quotes the closed item, naming the attachment', async () => {
    // The annex of item 3 says: «Der afsættes 175 mio. kr. til psykiatrien (150 til børne og ungepsykiatrien …)».
    await edit(4, { caseText: '<p>Vi foreslår at udvalget lægger vægt på, at der afsættes 175 mio. kr. til psykiatrien, ud over det aftalte.</p>' });
    const agenda = await call('documents.export', { meetingId: PSU_DECEMBER, kind: 'agenda', edition: 'public', format: 'pdf' });
    expect(agenda.fileName).toBe('PSU dagsorden 2024-12-05 (offentlig).pdf');
    const before = kept();

    const pack = await publicPack();
    expect(!pack.ok && pack.error.message).toMatch(
      /^Den offentlige udgave blev ikke gemt, fordi tekst fra lukkede punkter fandtes i bilag 3\.1 «Sundhedsreformen ift\. psykiatri og socialområdet \(1740088 - EMN-2022-00567\)»: «der afsaettes 175 mio kr» /,
    );
    expect(kept()).toEqual(before);
    await edit(4, { caseText: `<p>${CLOSED}</p>` });
  }, 300_000);

  it('keeps a pack it has read back and found clean; the closed item’s text is not in it', async () => {
    const made = await call('documents.export', { meetingId: PSU_DECEMBER, kind: 'pack', edition: 'public', format: 'pdf' });
    const file = await backend.exports.find(made.exportId, made.fileName);
    const text = pdfText(file!.path);
    expect(text).toContain('Lukket punkt');
    expect(text).toContain('Sundhedsreformen');
    expect(text).not.toContain('Botilbud Nord');
  }, 300_000);

  it('refuses a pack with an open attachment whose text cannot be read back, rather than keep it unchecked', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const stored = await backend.files!.storeStream(Readable.from([Buffer.from(await doc.save())]), 'indscannet.pdf');
    const open = (await items()).find((i) => i.number === 2)!;
    await call('attachments.add', { itemId: open.id, sha256: stored.sha256, fileName: 'indscannet.pdf', title: 'Indscannet brev' });
    const before = kept();
    const pack = await publicPack();
    expect(!pack.ok && pack.error.message).toBe(
      'Den offentlige udgave blev ikke gemt: bilag 2.2 «Indscannet brev» kunne ikke læses tilbage til kontrol af lukkede punkter (fx en PDF uden tekst), og uden kontrol gemmes intet offentligt.',
    );
    expect(kept()).toEqual(before);
  }, 300_000);

  it('looks for the text of a closed attachment in every public output', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('Regnskabet viser et tab paa driften af Botilbud Syd i 2024.', { x: 60, y: 760, size: 12 });
    const stored = await backend.files!.storeStream(Readable.from([Buffer.from(await doc.save())]), 'regnskab.pdf');
    const open = (await items()).find((i) => i.number === 3)!;
    await call('attachments.add', { itemId: open.id, sha256: stored.sha256, fileName: 'regnskab.pdf', title: 'Regnskab', closed: true });
    await backend.files!.text.idle();
    const item = await call('agenda.get', { id: open.id });
    await edit(3, { resume: `${item.resume}<p>Regnskabet viser et tab paa driften af Botilbud Syd.</p>` });
    const word = await backend.call('documents.export', { meetingId: PSU_DECEMBER, kind: 'agenda', edition: 'public', format: 'docx' });
    expect(!word.ok && word.error.message).toContain('«regnskabet viser et tab paa»');
  }, 300_000);
});
