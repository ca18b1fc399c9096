import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './protocol';

export { isAppUrl };

/**
 * Sites a link in the app may open in the user's own browser. Exact host match on purpose:
 * no subdomains, no look-alikes.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.nordjysksocialaftale.dk',
  'www.retsinformation.dk',
  'www.dst.dk',
]);

/** True only for plain https URLs on an allow-listed host (no port, no credentials). */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_HOSTS.has(parsed.hostname)
  );
}

/** Hands an allow-listed URL to the system browser; anything else is dropped. */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  // Parsed and re-serialised, so the browser gets exactly the URL that was checked.
  shell.openExternal(new URL(url).href).catch(() => {});
  return true;
}

/**
 * Locks down one web contents: it may only ever show app://sekretariat. Navigations and
 * redirects elsewhere are cancelled, new windows are refused (allow-listed links go to the
 * system browser) and <webview> is never attached.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Registers the guards for every web contents ever created. Call before the first window exists. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** The app needs no camera, microphone, notifications, geolocation ...: every request is refused. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}
