import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { FileStore } from '../../electron/backend/files/file-store';
import { viewerFileName } from '../../electron/backend/files/viewer-name';
import { openStoredFile } from '../../electron/main/open-file';
import { createAppRequestHandler, registerAppProtocol } from '../../electron/main/protocol';
import { asFake, resetFakeElectron } from './fake-electron';

// The shared fake has no shell.openPath; this file adds one (an empty string means "opened").
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  const fake = createFakeElectron();
  return { ...fake, shell: { ...fake.shell, openPath: vi.fn(async (_path: string) => '') } };
});

const fake = asFake(electron);
const openPath = (electron as unknown as { shell: { openPath: ReturnType<typeof vi.fn<(path: string) => Promise<string>>> } }).shell.openPath;
beforeEach(() => {
  resetFakeElectron(fake);
  openPath.mockImplementation(async () => '');
});

let dir: string;
let backend: Backend;
let store: FileStore;
let handle: (request: Request) => Promise<Response>;
const APP = 'app://sekretariat';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-protocol-upload-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sekretariat</title>');
  backend = await openBackend({ databaseFile: join(dir, 'data', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  store = backend.files!;
  // Copies for the viewer go inside the test folder (the default is <tmp>/sekretariat-bilag).
  handle = createAppRequestHandler(dir, { backend, openFile: (b, sha256, name) => openStoredFile(b, sha256, name, { tempRoot: join(dir, 'viewer') }) });
});
afterAll(async () => {
  await store.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A body as Electron hands it over: a web ReadableStream in chunks (protocol.handle's Request, duplex half). */
function streamed(bytes: Uint8Array, chunk = 1000): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}
const upload = (name: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  handle(new Request(`${APP}/upload?name=${encodeURIComponent(name)}`, { method: 'PUT', body, headers, duplex: 'half' } as RequestInit));
const storedCount = () => (backend.database.raw.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;

describe('PUT app://sekretariat/upload', () => {
  it('streams the request body into the store and answers like the HTTP host', async () => {
    const bytes = new TextEncoder().encode('Referat af DAS 27. maj 2021 – æøå\n'.repeat(500));
    const response = await upload('Referat DAS.txt', streamed(bytes), { origin: APP });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const reply = (await response.json()) as { ok: boolean; data: { sha256: string } };
    expect(reply).toEqual({
      ok: true,
      data: { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType: 'text/plain', fileName: 'Referat DAS.txt' },
    });
    expect(readFileSync(store.pathOf(reply.data.sha256))).toEqual(Buffer.from(bytes));
    // A single-buffer body (what Electron gives for small uploads) works the same.
    expect((await upload('lille.bin', new Uint8Array([1, 2, 3]))).status).toBe(200);
    await store.idle();
  });

  it('refuses an empty body, a missing name and another method in Danish', async () => {
    const before = storedCount();
    const empty = await upload('tom.pdf', null);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Filen er tom (0 byte) og kan ikke vedhæftes.' } });
    expect((await upload('', new Uint8Array([1]))).status).toBe(400);
    const get = await handle(new Request(`${APP}/upload?name=a.txt`));
    expect(get.status).toBe(405);
    expect(storedCount()).toBe(before);
  });

  it('refuses a request from another origin and keeps nothing', async () => {
    const before = storedCount();
    expect((await upload('a.txt', new Uint8Array([1]), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload('a.txt', new Uint8Array([1]), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Another host on our scheme is not our page either: it falls through to the static files (404).
    expect((await handle(new Request('app://evil/upload?name=a.txt', { method: 'PUT', body: new Uint8Array([1]) }))).status).toBe(405);
    expect(storedCount()).toBe(before);
  });

  it('refuses uploads when no store was given (as before the backend is wired in)', async () => {
    const bare = createAppRequestHandler(dir);
    const response = await bare(new Request(`${APP}/upload?name=a.txt`, { method: 'PUT', body: new Uint8Array([1]) }));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/Bilag kan ikke gemmes/);
  });

  it('still serves the renderer and refuses other methods on it', async () => {
    expect((await handle(new Request(`${APP}/index.html`))).status).toBe(200);
    expect((await handle(new Request(`${APP}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('GET app://sekretariat/open', () => {
  const temp = () => mkdtempSync(join(dir, 'viewer-'));

  it('copies the stored file under its own name, read-only, and opens it with the system viewer (204)', async () => {
    const bytes = Buffer.from('%PDF-1.4\nfalsk men genkendt\n%%EOF');
    const { data } = (await (await upload('Bilag 2 – Høring.pdf', bytes)).json()) as { data: { sha256: string } };
    const response = await handle(new Request(`${APP}/open?sha256=${data.sha256}&name=${encodeURIComponent('Bilag 2 – Høring.pdf')}`));
    expect(response.status).toBe(204);
    expect(openPath).toHaveBeenCalledTimes(1);
    const copy = openPath.mock.calls[0]![0];
    expect(copy).toMatch(/viewer[\\/][0-9a-f-]{36}[\\/]Bilag 2 – Høring\.pdf$/);
    expect(readFileSync(copy)).toEqual(bytes);
    if (process.platform !== 'win32') expect(statSync(copy).mode & 0o222).toBe(0);
  });

  it('answers 404 in Danish for a file that is unknown or gone from the data folder, without opening anything', async () => {
    const unknown = await handle(new Request(`${APP}/open?sha256=${'e'.repeat(64)}&name=x.pdf`));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Filen til bilaget mangler i datamappen eller kan ikke læses. Vedhæft filen igen.' } });
    const { data } = (await (await upload('væk.txt', new Uint8Array([65, 66]))).json()) as { data: { sha256: string } };
    await store.idle();
    unlinkSync(store.pathOf(data.sha256));
    expect((await handle(new Request(`${APP}/open?sha256=${data.sha256}&name=v%C3%A6k.txt`))).status).toBe(404);
    expect((await handle(new Request(`${APP}/open?sha256=..%2F..%2Fsekretariat.db&name=x`))).status).toBe(404);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('does not open a file that the system would run, and explains why', async () => {
    const { data } = (await (await upload('faktura.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0]))).json()) as { data: { sha256: string; mediaType: string } };
    expect(data.mediaType).toBe('application/x-executable');
    const response = await handle(new Request(`${APP}/open?sha256=${data.sha256}&name=faktura.exe`));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Filen «faktura.exe» åbnes ikke fra Sekretariat, fordi den er et program eller et script, som computeren ville køre. ' +
        'Vælg «Gem som…» for at gemme en kopi, hvis du stoler på afsenderen, eller bed afsenderen om filen som PDF.',
    );
    expect(openPath).not.toHaveBeenCalled();
  });

  it('never hands a program or script to the system, whatever type its row holds (as an older import stored a package\'s)', async () => {
    const cases: [string, Uint8Array, string][] = [
      ['opdatering.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]), 'text/html'],
      ['run.hta', Buffer.from('<script>new ActiveXObject("WScript.Shell").Run("calc")</script>'), 'text/html'],
      ['install.bat', Buffer.from('@echo off\r\nformat c:\r\n'), 'x'],
      ['faktura.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 7]), 'application/pdf'],
    ];
    for (const [name, bytes, declared] of cases) {
      const { data } = (await (await upload(`upload-${name}.bin`, new Uint8Array(bytes))).json()) as { data: { sha256: string } };
      backend.database.raw.prepare('UPDATE files SET media_type = ? WHERE sha256 = ?').run(declared, data.sha256);
      const response = await handle(new Request(`${APP}/open?sha256=${data.sha256}&name=${encodeURIComponent(name)}`));
      expect(response.status, name).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(`«${name}» åbnes ikke fra Sekretariat`);
    }
    expect(openPath).not.toHaveBeenCalled();
  });

  it('offers «Gem som…» instead: the refused file is copied, not run, where the user chooses', async () => {
    const bytes = new Uint8Array([0x4d, 0x5a, 0x90, 0, 1, 2, 3]);
    const { data } = (await (await upload('opdatering.exe', bytes)).json()) as { data: { sha256: string } };
    const target = join(dir, 'gemt-opdatering.exe');
    const asked: string[] = [];
    const saving = createAppRequestHandler(dir, { backend, chooseSavePath: async (name) => (asked.push(name), target) });
    const response = await saving(new Request(`${APP}/save-file?sha256=${data.sha256}&name=opdatering.exe`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, data: { savedTo: target } });
    expect(asked).toEqual(['opdatering.exe']);
    expect(readFileSync(target)).toEqual(Buffer.from(bytes));
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o111).toBe(0);
    const cancelled = createAppRequestHandler(dir, { backend, chooseSavePath: async () => null });
    expect(await (await cancelled(new Request(`${APP}/save-file?sha256=${data.sha256}&name=opdatering.exe`))).json()).toEqual({ ok: true, data: { savedTo: null } });
    expect((await saving(new Request(`${APP}/save-file?sha256=${data.sha256}&name=x`, { headers: { origin: 'https://evil.example' } }))).status).toBe(403);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('reports in Danish when no program can open the file', async () => {
    openPath.mockImplementation(async () => 'No application is associated with the specified file');
    const { data } = (await (await upload('tegning.dwg', new Uint8Array([1, 2, 3, 4]))).json()) as { data: { sha256: string } };
    const response = await handle(new Request(`${APP}/open?sha256=${data.sha256}&name=tegning.dwg`));
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Filen «tegning\.dwg» kunne ikke åbnes\. Måske er der ikke noget program/);
  });

  it('refuses a request from another origin', async () => {
    expect((await handle(new Request(`${APP}/open?sha256=${'e'.repeat(64)}&name=x.pdf`, { headers: { origin: 'https://evil.example' } }))).status).toBe(403);
    expect((await handle(new Request(`${APP}/open?sha256=x`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('gives the copy an extension that matches the content, and clears copies older than a day', async () => {
    expect(viewerFileName('rapport.exe', 'application/pdf')).toBe('rapport.exe.pdf');
    expect(viewerFileName('foto.JPEG', 'image/jpeg')).toBe('foto.JPEG');
    expect(viewerFileName('budget.xlsm', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('budget.xlsm');
    expect(viewerFileName('', 'application/pdf')).toBe('bilag.pdf');
    expect(viewerFileName('mail.msg', 'application/octet-stream')).toBe('mail.msg');
    expect(() => viewerFileName('genvej.LNK', 'application/octet-stream')).toThrow(/et program eller et script/);
    expect(() => viewerFileName('run.hta', 'text/html')).toThrow(/et program eller et script/);
    expect(() => viewerFileName('noter.txt', 'application/x-executable')).toThrow(/et program eller et script/);

    const root = temp();
    const { data } = (await (await upload('gammel.pdf', Buffer.from('%PDF-1.4 gammel'))).json()) as { data: { sha256: string } };
    const first = await openStoredFile(backend, data.sha256, 'gammel.pdf', { tempRoot: root });
    expect(readdirSync(root)).toHaveLength(1);
    await openStoredFile(backend, data.sha256, 'gammel.pdf', { tempRoot: root, now: () => new Date(Date.now() + 2 * 24 * 3600 * 1000) });
    expect(readdirSync(root)).toHaveLength(1);
    expect(first).not.toBe(openPath.mock.calls[1]![0]);
  });

  it('is installed by registerAppProtocol with the backend', async () => {
    registerAppProtocol(dir, { backend });
    const installed = fake.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await installed(new Request(`${APP}/upload?name=a.txt`, { method: 'PUT', body: new Uint8Array([7]) }))).status).toBe(200);
    await store.idle();
  });
});

describe('PUT app://sekretariat/upload-package', () => {
  const send = (name: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
    handle(new Request(`${APP}/upload-package?name=${encodeURIComponent(name)}`, { method: 'PUT', body, headers, duplex: 'half' } as RequestInit));

  it('streams an exchange package into the incoming store, where the contract finds it', async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const response = await send('Sekretariat-2026-11-23-hele-databasen.sekretariat', streamed(bytes, 64 * 1024), { origin: APP });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { ok: true; data: { packageId: string; fileName: string; bytes: number } };
    expect(reply.data).toMatchObject({ fileName: 'Sekretariat-2026-11-23-hele-databasen.sekretariat', bytes: bytes.length });
    const held = await backend.incoming.find(reply.data.packageId);
    expect(readFileSync(held!.path)).toEqual(Buffer.from(bytes));
    const listed = await backend.call('exchange.incoming', {});
    expect(listed).toEqual({ ok: true, data: [{ packageId: reply.data.packageId, fileName: reply.data.fileName, bytes: bytes.length }] });
    await backend.call('exchange.discard', { packageId: reply.data.packageId });
  });

  it('refuses another page and another method, keeping nothing', async () => {
    expect((await send('x.sekretariat', new Uint8Array([1]), { origin: 'https://example.org' })).status).toBe(403);
    expect((await handle(new Request(`${APP}/upload-package?name=x`, { method: 'GET' }))).status).toBe(405);
    expect(await backend.call('exchange.incoming', {})).toEqual({ ok: true, data: [] });
  });
});
