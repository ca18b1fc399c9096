import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, protocol } from 'electron';
import { fail, ok, type ErrorCode } from '../../shared/contract';
import { readStaticFile, SECURITY_HEADERS, type Backend, type StreamResult } from '../backend/backend';
import { openStoredFile, ViewerRefusal } from './open-file';

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

/** A byte stream's refusal with its status and the contract's envelope; a success as 200 with the data. */
function reply(result: StreamResult<unknown>): Response {
  return result.ok ? json(200, ok(result.data)) : json(result.status, fail(result.error.code, result.error.message));
}

const refusal = (status: number, code: ErrorCode, message: string) => json(status, fail(code, message));

/** Until the backend is wired in (it never is missing in the app), files can be neither received nor opened. */
const noBackend = () => refusal(500, 'UNAVAILABLE', 'Bilag kan ikke gemmes eller åbnes, før databasen er åbnet.');

/** A failed write of a copy the user asked for (save dialog): the system's error code, and what to do. */
const notSaved = (error: unknown) =>
  refusal(500, 'INTERNAL', `Filen kunne ikke gemmes (${(error as NodeJS.ErrnoException).code ?? 'ukendt fejl'}). Vælg en anden mappe.`);

/** Only our own page may upload or open files: a request that says it comes from elsewhere is refused. */
function fromOwnPage(request: Request): boolean {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  return (origin === null || origin === APP_ORIGIN) && (site === null || site === 'same-origin' || site === 'none');
}

/** What the app:// routes use of the backend: its byte streams only. */
export type StreamBackend = Pick<Backend, 'receiveAttachment' | 'receivePackage' | 'receiveTemplate' | 'openFile' | 'openExport'>;

export interface AppRequestOptions {
  /** Receives uploads and packages, opens stored files and finished exports. Without it those routes are refused. */
  backend?: StreamBackend | null;
  /** Opens a stored file in the system viewer (replaceable in tests). */
  openFile?: (backend: StreamBackend, sha256: string, fileName: string) => Promise<unknown>;
  /** Asks where to save an export or an attachment; null when the user cancels (replaceable in tests). */
  chooseSavePath?: (fileName: string) => Promise<string | null>;
  /** The HTML of a pending print job (GET /print/<id>, loaded by the hidden print window only). */
  takePrintJob?: (id: string) => string | undefined;
}

/** A document to print: its inline style and nothing else may load, and no script runs. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The request body as a web stream (an empty one when there is none). */
const bodyOf = (request: Request) =>
  (request.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })) as unknown as WebReadableStream<Uint8Array>;

/**
 * PUT app://sekretariat/upload?name=<file name>: the request body (a web stream) goes straight into the file
 * store; answers like the HTTP host's PUT /upload.
 */
async function handleUpload(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'PUT' && request.method !== 'POST') return json(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  const result = await options.backend.receiveAttachment(bodyOf(request), url.searchParams.get('name') ?? '');
  if (!result.ok) await request.body?.cancel().catch(() => undefined);
  return reply(result);
}

/** PUT app://sekretariat/upload-package?name=<file name>: an exchange package to import, into the incoming store. */
async function handlePackageUpload(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'PUT' && request.method !== 'POST') return json(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  const result = await options.backend.receivePackage(bodyOf(request), url.searchParams.get('name') ?? '');
  if (!result.ok) await request.body?.cancel().catch(() => undefined);
  return reply(result);
}

/** PUT app://sekretariat/upload-template?name=<file name>: a filled operator template, into its own store. */
async function handleTemplateUpload(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'PUT' && request.method !== 'POST') return json(405, fail('INVALID_INPUT', 'Filer skal sendes med PUT.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  const result = await options.backend.receiveTemplate(bodyOf(request), url.searchParams.get('name') ?? '');
  if (!result.ok) await request.body?.cancel().catch(() => undefined);
  return reply(result);
}

/** GET app://sekretariat/open?sha256=...&name=...: opens the stored file in the system viewer; 204 when done. */
async function handleOpen(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  try {
    await (options.openFile ?? openStoredFile)(options.backend, url.searchParams.get('sha256') ?? '', url.searchParams.get('name') ?? '');
    return json(204, null);
  } catch (error) {
    if (error instanceof ViewerRefusal) return reply(error.result);
    console.error('Fejl i app://-protokollen', error);
    return refusal(500, 'INTERNAL', 'Der opstod en uventet fejl. Prøv igen.');
  }
}

/** GET app://sekretariat/print/<id>: a pending print job, served once. */
function handlePrintJob(url: URL, options: AppRequestOptions): Response {
  const html = options.takePrintJob?.(url.pathname.slice('/print/'.length));
  if (html === undefined) return plain(404, 'Ikke fundet.');
  return new Response(html, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP, 'Cache-Control': 'no-store' } });
}

async function askSavePath(fileName: string, type: { label: string; extension: string }): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const options = {
    title: 'Gem fil',
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: type.label, extensions: [type.extension] }],
  };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * Asks where to save an opened stream and writes it there as plain data (never marked executable); the stream is
 * closed unread when the user cancels.
 */
async function saveWhereAsked(stream: Readable, fileName: string, type: { label: string; extension: string }, options: AppRequestOptions): Promise<Response> {
  let target: string | null;
  try {
    target = await (options.chooseSavePath ? options.chooseSavePath(fileName) : askSavePath(fileName, type));
  } catch (error) {
    stream.destroy();
    return notSaved(error);
  }
  if (!target) {
    stream.destroy();
    return json(200, ok({ savedTo: null }));
  }
  try {
    await pipeline(stream, createWriteStream(target, { mode: 0o644 }));
  } catch (error) {
    return notSaved(error);
  }
  return json(200, ok({ savedTo: target }));
}

/** GET app://sekretariat/save-export?id=...: asks where to save a finished export and copies it there. */
async function handleSaveExport(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  const result = await options.backend.openExport(url.searchParams.get('id') ?? '');
  if (!result.ok) return reply(result);
  return saveWhereAsked(result.data.stream, result.data.fileName, result.data.type, options);
}

/**
 * GET app://sekretariat/save-file?sha256=...&name=...: «Gem som…» for an attachment, above all one that is not opened
 * because the system would run it. The copy is written as plain data (never marked executable) where the user says.
 */
async function handleSaveFile(request: Request, url: URL, options: AppRequestOptions): Promise<Response> {
  if (request.method !== 'GET') return json(405, fail('INVALID_INPUT', 'Metoden er ikke tilladt.'));
  if (!fromOwnPage(request)) return json(403, fail('FORBIDDEN', 'Adgang nægtet: forespørgslen kommer fra en ukendt kilde.'));
  if (!options.backend) return noBackend();
  const result = await options.backend.openFile(url.searchParams.get('sha256') ?? '', url.searchParams.get('name') ?? '');
  if (!result.ok) return reply(result);
  return saveWhereAsked(result.data.stream, result.data.fileName, result.data.saveType, options);
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
      if (url.pathname === '/upload-template') return handleTemplateUpload(request, url, options);
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
