import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createWriteStream } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol } from 'electron';
import { fail, ok } from '../../shared/contract';
import type { ExportStore } from '../backend/documents/export-store';
import { AppError } from '../backend/errors';
import { receivePackage } from '../backend/exchange/incoming';
import { cleanFileName } from '../backend/files/file-name';
import { FileStoreError, fileStoreFor, noFilesDir, storeUpload, type FileStore, type FileStoreSource } from '../backend/files/file-store';
import { exportFileType } from '../backend/files/media-type';
import { readStaticFile, SECURITY_HEADERS } from '../backend/web/static-files';
import { openStoredFile } from './open-file';

/** The renderer lives at app://sekretariat/ — a custom scheme, so no file:// page ever runs. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sekretariat';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before the app is ready. `standard` gives the scheme normal URL parsing and a real origin,
 * `secure` lets it use secure-context APIs, `supportFetchAPI` lets the page fetch its own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * True when `url` is on our own origin. Node's URL reports origin 'null' for custom schemes,
 * so protocol and host are compared instead; a port or credentials make it someone else's URL.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function refusal(error: unknown): Response {
  if (error instanceof FileStoreError) return json(error.httpStatus, fail(error.code, error.message));
  if (error instanceof AppError) {
    const status = { FORBIDDEN: 403, NOT_FOUND: 404, INVALID_INPUT: 400 }[error.code as string] ?? 500;
    return json(status, fail(error.code, error.message));
  }
  console.error('Fejl i app://-protokollen', error);
  return json(500, fail('INTERNAL', 'Der opstod en uventet fejl. Prøv igen.'));
}

/** Only our own page may upload or open files: a request that says it comes from elsewhere is refused. */
function fromOwnPage(request: Request): boolean {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  return (origin === null || origin === APP_ORIGIN) && (site === null || site === 'same-origin' || site === 'none');
}

export interface AppRequestOptions {
  /** Where attachments are stored: the backend (or its store). Without it uploads and opening are refused. */
  files?: FileStoreSource | null;
  /** Opens a stored file in the system viewer (replaceable in tests). */
  openFile?: (store: FileStore, sha256: string, fileName: string) => Promise<unknown>;
  /** Finished PDF and Word exports, saved through a save dialog (GET /save-export). */
  exports?: ExportStore;
  /** Received exchange packages (PUT /upload-package). */
  incoming?: ExportStore;
  /** Asks where to save an export or an attachment; null when the user cancels (replaceable in tests). */
  chooseSavePath?: (fileName: string) => Promise<string | null>;
  /** The HTML of a pending print job (GET /print/<id>, loaded by the hidden print window only). */
  takePrintJob?: (id: string) => string | undefined;
}

/** A document to print: its inline style and nothing else may load, and no script runs. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * PUT app://sekretariat/upload?name=<file name>: the request body (a web stream) goes straight into the file
 * store; answers like the HTTP host's PUT /upload.
 */
async function handleUpload(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'PUT' && request.method !== 'POST') return json(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  const store = options.files ? fileStoreFor(options.files) : null;
  try {
    if (!store) throw noFilesDir();
    const body = (request.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })) as unknown as WebReadableStream<Uint8Array>;
    return json(200, ok(await storeUpload(store, body, url.searchParams.get('name') ?? '')));
  } catch (error) {
    await request.body?.cancel().catch(() => undefined);
    return refusal(error);
  }
}

/** PUT app://sekretariat/upload-package?name=<file name>: an exchange package to import, into the incoming store. */
async function handlePackageUpload(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'PUT' && request.method !== 'POST') return json(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  try {
    if (!options.incoming) throw new AppError('UNAVAILABLE', 'Pakker kan ikke modtages her.');
    const body = (request.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })) as unknown as WebReadableStream<Uint8Array>;
    return json(200, ok(await receivePackage(options.incoming, body, url.searchParams.get('name') ?? '')));
  } catch (error) {
    await request.body?.cancel().catch(() => undefined);
    return refusal(error);
  }
}

/** GET app://sekretariat/open?sha256=...&name=...: opens the stored file in the system viewer; 204 when done. */
async function handleOpen(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  const store = options.files ? fileStoreFor(options.files) : null;
  try {
    if (!store) throw noFilesDir();
    await (options.openFile ?? openStoredFile)(store, url.searchParams.get('sha256') ?? '', url.searchParams.get('name') ?? '');
    return json(204, null);
  } catch (error) {
    return refusal(error);
  }
}

/** GET app://sekretariat/print/<id>: a pending print job, served once. */
function handlePrintJob(url: URL, options: AppRequestOptions): Response {
  const html = options.takePrintJob?.(url.pathname.slice('/print/'.length));
  if (html === undefined) return plain(404, 'Ikke fundet.');
  return new Response(html, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP, 'Cache-Control': 'no-store' } });
}

async function askSavePath(fileName: string): Promise<string | null> {
  const type = exportFileType(fileName);
  const owner = BrowserWindow.getFocusedWindow();
  const options = {
    title: 'Gem fil',
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: type.label, extensions: [type.extension] }],
  };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** GET app://sekretariat/save-export?id=...: asks where to save a finished export and copies it there. */
async function handleSaveExport(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  try {
    const file = await options.exports?.find(url.searchParams.get('id') ?? '');
    if (!file) throw new AppError('NOT_FOUND', 'Filen findes ikke længere. Dan den igen.');
    const target = await (options.chooseSavePath ?? askSavePath)(file.fileName);
    if (target) await copyFile(file.path, target);
    return json(200, ok({ savedTo: target }));
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    return refusal(new AppError('INTERNAL', `Filen kunne ikke gemmes (${(error as NodeJS.ErrnoException).code ?? 'ukendt fejl'}). Vælg en anden mappe.`));
  }
}

/**
 * GET app://sekretariat/save-file?sha256=...&name=...: «Gem som…» for an attachment, above all one that is not opened
 * because the system would run it. The copy is written as plain data (never marked executable) where the user says.
 */
async function handleSaveFile(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  const store = options.files ? fileStoreFor(options.files) : null;
  try {
    if (!store) throw noFilesDir();
    const { stream } = await store.open(url.searchParams.get('sha256') ?? '');
    const name = cleanFileName(url.searchParams.get('name') ?? '') || 'bilag';
    let target: string | null;
    try {
      target = await (options.chooseSavePath ?? askSavePath)(name);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    if (!target) {
      stream.destroy();
      return json(200, ok({ savedTo: null }));
    }
    await pipeline(stream, createWriteStream(target, { mode: 0o644 }));
    return json(200, ok({ savedTo: target }));
  } catch (error) {
    if (error instanceof AppError) return refusal(error);
    return refusal(new AppError('INTERNAL', `Filen kunne ikke gemmes (${(error as NodeJS.ErrnoException).code ?? 'ukendt fejl'}). Vælg en anden mappe.`));
  }
}

/**
 * Serves the built renderer from `rootDir`. Path traversal (also percent-encoded) is refused by
 * readStaticFile; anything that is not a file under the root on our host is a 404.
 * With `files`, also takes attachment uploads (PUT /upload) and opens attachments (GET /open).
 */
export function createAppRequestHandler(rootDir: string, options: AppRequestOptions = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (isAppUrl(request.url)) {
      const url = new URL(request.url);
      if (url.pathname === '/upload') return handleUpload(request, url, options);
      if (url.pathname === '/upload-package') return handlePackageUpload(request, url, options);
      if (url.pathname === '/open') return handleOpen(request, url, options);
      if (url.pathname === '/save-export') return handleSaveExport(request, url, options);
      if (url.pathname === '/save-file') return handleSaveFile(request, url, options);
      if (url.pathname.startsWith('/print/') && request.method === 'GET') return handlePrintJob(url, options);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Metoden er ikke tilladt.');
    if (!isAppUrl(request.url)) return plain(404, 'Ikke fundet.');
    const { pathname } = new URL(request.url);
    const file = await readStaticFile(rootDir, pathname).catch(() => null);
    if (!file) return plain(404, 'Ikke fundet.');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
  };
}

/** Installs the app:// handler; call after the app is ready. Pass the backend's stores so files can be uploaded, opened and saved. */
export function registerAppProtocol(rootDir: string, options: AppRequestOptions = {}): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, options));
}
