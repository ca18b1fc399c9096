import { protocol } from 'electron';
import { readStaticFile, SECURITY_HEADERS } from '../backend/web/static-files';

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

/**
 * Serves the built renderer from `rootDir`. Path traversal (also percent-encoded) is refused by
 * readStaticFile; anything that is not a file under the root on our host is a 404.
 */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Metoden er ikke tilladt.');
    if (!isAppUrl(request.url)) return plain(404, 'Ikke fundet.');
    const { pathname } = new URL(request.url);
    const file = await readStaticFile(rootDir, pathname).catch(() => null);
    if (!file) return plain(404, 'Ikke fundet.');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
  };
}

/** Installs the app:// handler; call after the app is ready. */
export function registerAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir));
}
