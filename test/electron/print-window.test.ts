import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as electron from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportStore } from '../../electron/backend/documents/export-store';
import { createByteStreams } from '../../electron/backend/streams';
import { desktopPrinter, takePrintJob } from '../../electron/main/print-window';
import { createAppRequestHandler, PRINT_CSP } from '../../electron/main/protocol';
import { asFake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';

vi.mock('electron', () => import('./fake-electron').then((m) => m.createFakeElectron()));

const fake = asFake(electron);
beforeEach(() => resetFakeElectron(fake));

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const handle = createAppRequestHandler(dir, { takePrintJob });

describe('printing to PDF in the desktop app', () => {
  it('prints in a hidden window that runs no script and loads the document once from our own origin', async () => {
    const served: { status: number; csp: string | null; body: string }[] = [];
    // Loading the page is the protocol handler's job: serve the job as app:// would, and once more (a replay).
    FakeBrowserWindow.loadBehaviour = async (url) => {
      for (let i = 0; i < 2; i++) {
        const response = await handle(new Request(url));
        served.push({ status: response.status, csp: response.headers.get('content-security-policy'), body: await response.text() });
      }
    };
    const session = await desktopPrinter();
    const window = FakeBrowserWindow.instances.at(-1)!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false });
    expect(window.options.webPreferences).not.toHaveProperty('preload');

    const bytes = await session.print('<!doctype html><title>Referat</title><p>Æblegrød</p>', { final: true });
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(window.loadURL.mock.calls[0]![0]).toMatch(/^app:\/\/sekretariat\/print\/[0-9a-f-]{36}$/);
    expect(served[0]).toEqual({ status: 200, csp: PRINT_CSP, body: '<!doctype html><title>Referat</title><p>Æblegrød</p>' });
    expect(served[1]!.status).toBe(404);
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true });

    await session.print('<p>layout</p>', { final: false });
    expect(window.webContents.printToPDF).toHaveBeenLastCalledWith(expect.objectContaining({ generateTaggedPDF: false, generateDocumentOutline: false }));
    await session.close();
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('forgets a job whose page failed to load', async () => {
    FakeBrowserWindow.loadBehaviour = async () => {
      throw new Error('ERR_ABORTED');
    };
    const session = await desktopPrinter();
    await expect(session.print('<p>x</p>', { final: true })).rejects.toThrow('ERR_ABORTED');
    const url = FakeBrowserWindow.instances.at(-1)!.loadURL.mock.calls[0]![0] as string;
    expect((await handle(new Request(url))).status).toBe(404);
    await session.close();
  });
});

describe('saving an export from the desktop app', () => {
  const exportsDir = join(dir, 'exports');
  const store = new ExportStore(exportsDir);
  let id: string;
  beforeEach(async () => {
    const made = await store.create();
    id = made.id;
    writeFileSync(join(made.dir, 'DAS referat 2021-05-27 (intern).pdf'), '%PDF-1.7 referat');
  });
  const save = (chooseSavePath: (name: string) => Promise<string | null>, url = `app://sekretariat/save-export?id=${id}`, headers: Record<string, string> = {}) =>
    createAppRequestHandler(dir, { backend: createByteStreams({ files: null, exports: store, incoming: store, templates: store }), chooseSavePath })(new Request(url, { headers }));

  it('asks where to save under the export’s own name and copies the file there', async () => {
    const target = join(dir, 'gemt.pdf');
    const asked: string[] = [];
    const response = await save(async (name) => (asked.push(name), target));
    expect(asked).toEqual(['DAS referat 2021-05-27 (intern).pdf']);
    expect(await response.json()).toEqual({ ok: true, data: { savedTo: target } });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 referat');
  });

  it('does nothing when the user cancels, and refuses unknown ids and foreign pages', async () => {
    expect(await (await save(async () => null)).json()).toEqual({ ok: true, data: { savedTo: null } });
    const unknown = await save(async () => join(dir, 'x.pdf'), 'app://sekretariat/save-export?id=../../etc/passwd');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toBe('Filen findes ikke længere. Dan den igen.');
    const foreign = await save(async () => join(dir, 'y.pdf'), `app://sekretariat/save-export?id=${id}`, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(existsSync(join(dir, 'x.pdf')) || existsSync(join(dir, 'y.pdf'))).toBe(false);
  });

  it('says so in Danish when the chosen folder cannot be written', async () => {
    mkdirSync(join(dir, 'laast'), { recursive: true });
    const response = await save(async () => join(dir, 'laast', 'findes-ikke', 'fil.pdf'));
    expect(response.status).toBe(500);
    expect((await response.json()).error.message).toMatch(/^Filen kunne ikke gemmes \(ENOENT\)\. Vælg en anden mappe\.$/);
  });
});
