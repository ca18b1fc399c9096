import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { protocol } from 'electron';
import { fail, ok } from '../../shared/contract';
import { AppError } from '../backend/errors';
import { FileStoreError, fileStoreFor, noFilesDir, storeUpload, type FileStore, type FileStoreSource } from '../backend/files/file-store';
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
  if (error instanceof AppError) return json(error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 500, fail(error.code, error.message));
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
}

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
      if (url.pathname === '/open') return handleOpen(request, url, options);
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

/** Installs the app:// handler; call after the app is ready. Pass the backend so attachments can be uploaded and opened. */
export function registerAppProtocol(rootDir: string, files?: FileStoreSource | null): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, { files }));
}
