import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { DocumentExport } from '../../shared/domain/documents';
import { call } from '../helpers/backend';

// The backend's byte streams as both transports use them: the envelope to send, with its HTTP status.
let dir: string;
let backend: Backend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-streams-'));
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
});
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => Readable.from([Buffer.from(text)]);
const PDF = '%PDF-1.4\nReferat DAS 27. maj 2021\n%%EOF';

describe('receiveAttachment', () => {
  it('stores the bytes and answers with what attachments.add needs', async () => {
    const reply = await backend.receiveAttachment(bytes(PDF), ' Referat DAS.pdf ');
    expect(reply).toEqual({ ok: true, data: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: PDF.length, mediaType: 'application/pdf', fileName: 'Referat DAS.pdf' } });
    if (reply.ok) expect(await backend.files!.exists(reply.data.sha256)).toBe(true);
  });

  it('refuses an empty file, a file without a name and one declared too large, in Danish', async () => {
    expect(await backend.receiveAttachment(Readable.from([]), 'tom.pdf')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Filen er tom (0 byte) og kan ikke vedhæftes.' },
      status: 400,
    });
    expect(await backend.receiveAttachment(bytes('x'), '  ')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Filen skal have et navn (?name=...).' }, status: 400 });
    // Refused before a byte is read: the transport may close the connection instead of draining it.
    const body = new PassThrough();
    body.end(Buffer.alloc(1024));
    expect(await backend.receiveAttachment(body, 'stor.iso', { maxBytes: 512, declaredBytes: 1024 })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Filen er for stor. Et bilag må højst fylde 0 KB.' },
      status: 413,
    });
    expect(body.readableDidRead).toBe(false);
  });
});

describe('receivePackage', () => {
  it('keeps the package until the window previews or discards it', async () => {
    const reply = await backend.receivePackage(bytes('pakke'), 'Sekretariat-2026-12-07.sekretariat');
    expect(reply).toEqual({ ok: true, data: { packageId: expect.any(String), fileName: 'Sekretariat-2026-12-07.sekretariat', bytes: 5 } });
    expect(await call(backend, 'exchange.incoming', {})).toEqual([reply.ok && reply.data]);
    await call(backend, 'exchange.discard', { packageId: reply.ok ? reply.data.packageId : '' });
  });

  it('refuses a transfer that broke off, in Danish, and keeps nothing', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('halv'));
        this.destroy(new Error('forbindelsen blev afbrudt'));
      },
    });
    expect(await backend.receivePackage(broken, 'pakke.sekretariat')).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Filen blev ikke modtaget helt (overførslen blev afbrudt). Vælg den igen.' },
      status: 400,
    });
    expect(await call(backend, 'exchange.incoming', {})).toEqual([]);
  });
});

describe('openFile', () => {
  it('opens a stored file with its type, its name and whether a browser may show it', async () => {
    const stored = await backend.receiveAttachment(bytes(PDF), 'Høring.pdf');
    if (!stored.ok) throw new Error(stored.error.message);
    const reply = await backend.openFile(stored.data.sha256, 'Bilag 2 – Høring.pdf');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data).toMatchObject({
      size: PDF.length,
      mediaType: 'application/pdf',
      contentType: 'application/pdf',
      fileName: 'Bilag 2 – Høring.pdf',
      inline: true,
      saveType: { label: 'PDF-dokument', extension: 'pdf' },
    });
    expect((await buffer(reply.data.stream)).toString()).toBe(PDF);
    // For the system viewer the copy is named after its content.
    const viewer = await backend.openFile(stored.data.sha256, 'rapport.exe', { forSystemViewer: true });
    if (!viewer.ok) throw new Error(viewer.error.message);
    viewer.data.stream.destroy();
    expect(viewer.data.fileName).toBe('rapport.exe.pdf');
  });

  it('refuses an unknown file and, for the system viewer, a program, in Danish', async () => {
    expect(await backend.openFile('e'.repeat(64), 'x.pdf')).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Filen til bilaget mangler i datamappen eller kan ikke læses. Vedhæft filen igen.' },
      status: 404,
    });
    expect(await backend.openFile('../../sekretariat.db', 'x')).toMatchObject({ ok: false, status: 404 });
    const program = await backend.receiveAttachment(Readable.from([Buffer.from([0x4d, 0x5a, 0x90, 0])]), 'faktura.exe');
    if (!program.ok) throw new Error(program.error.message);
    expect(await backend.openFile(program.data.sha256, 'faktura.exe', { forSystemViewer: true })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          'Filen «faktura.exe» åbnes ikke fra Sekretariat, fordi den er et program eller et script, som computeren ville køre. ' +
          'Vælg «Gem som…» for at gemme en kopi, hvis du stoler på afsenderen, eller bed afsenderen om filen som PDF.',
      },
      status: 403,
    });
    // Saved or downloaded it may be, as plain data.
    const download = await backend.openFile(program.data.sha256, 'faktura.exe');
    if (!download.ok) throw new Error(download.error.message);
    download.data.stream.destroy();
    expect(download.data).toMatchObject({ mediaType: 'application/octet-stream', inline: false, fileName: 'faktura.exe' });
  });
});

describe('openExport', () => {
  it('opens a finished export under its own name and type', async () => {
    const made = (await call(backend, 'decisions.export', { what: 'decisions', format: 'csv', filter: {} })) as DocumentExport;
    const reply = await backend.openExport(made.exportId);
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.fileName).toBe(made.fileName);
    expect(reply.data.type).toEqual({ mediaType: 'text/csv; charset=utf-8', label: 'CSV-fil (semikolonsepareret)', extension: 'csv' });
    const content = await buffer(reply.data.stream);
    expect(content.length).toBe(reply.data.size);
    expect(content.length).toBe(made.bytes);
  });

  it('refuses an export that is gone (or an id that is no export), in Danish', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', '../../sekretariat.db']) {
      expect(await backend.openExport(id)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Filen findes ikke længere. Dan den igen.' }, status: 404 });
    }
  });
});
